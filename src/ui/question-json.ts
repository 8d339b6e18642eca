// The JSON of a question, for `daily`, `random`, `show` and `list` with --json. Kept apart
// from the other formats so that a script asking for JSON loads none of the code that lays out
// text for people.
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import { jsonText } from '../text.js';

/** The JSON of one question: a stable interface, documented in the README. */
export interface QuestionJson {
  id: string;
  title: string;
  category: string;
  difficulty: string;
  companies: string[];
  tags: string[];
  prompt: string;
  rubric: string;
  stages: Array<{ id: string; title: string; minutes: number }>;
  /** Only for `daily`: the local date the question is for. */
  date?: string;
  file: string;
}

export function questionJson(question: LoadedQuestion, rubric: LoadedRubric, date?: string): QuestionJson {
  return {
    id: question.id,
    title: question.title,
    category: question.category,
    difficulty: question.difficulty,
    companies: question.companies ?? [],
    tags: question.tags ?? [],
    prompt: question.prompt,
    rubric: rubric.id,
    stages: rubric.stages.map((stage) => ({ id: stage.id, title: stage.title, minutes: stage.minutes })),
    ...(date === undefined ? {} : { date }),
    file: question.file,
  };
}

/** One question as pretty-printed JSON, ending with a newline. */
export function questionJsonText(question: LoadedQuestion, rubric: LoadedRubric, date?: string): string {
  return jsonText(questionJson(question, rubric, date));
}
