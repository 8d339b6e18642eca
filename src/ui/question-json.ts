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
  /** Only for `show --followups`: the follow-ups with their answer keys and conditions. */
  followups?: Array<{ text: string; answer: string[]; when: { mentioned: string[]; missing: string[] } | null }>;
  /** Only for `show --hints`: the question's hints by stage, in the rubric's order; stages without hints left out. */
  hints?: Array<{ stage: string; title: string; hints: string[] }>;
  /** Only for `show --answer`: what a strong answer covers, its notes by stage; null when the question has none. */
  answer?: Array<{ stage: string; title: string; notes: string[] }> | null;
}

/** What `show` adds on request: the hints, the follow-ups' answer keys, the strong example answer. */
export interface JsonExtras {
  hints?: boolean;
  followupKeys?: boolean;
  answer?: boolean;
}

/** The strong example's notes by stage in the rubric's order, one entry a line; null when there is none. */
function strongAnswerJson(question: LoadedQuestion, rubric: LoadedRubric): QuestionJson['answer'] {
  const notes = question.examples?.strong?.notes ?? {};
  const stages = rubric.stages
    .filter((stage) => notes[stage.id]?.trim())
    .map((stage) => ({ stage: stage.id, title: stage.title, notes: notes[stage.id]!.split('\n').map((line) => line.trim().replace(/^[-*]\s+/, '')).filter(Boolean) }));
  return stages.length ? stages : null;
}

export function questionJson(question: LoadedQuestion, rubric: LoadedRubric, date?: string, { hints = false, followupKeys = false, answer = false }: JsonExtras = {}): QuestionJson {
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
    ...(followupKeys
      ? {
          followups: (question.followupDetails ?? []).map((followup) => ({
            text: followup.text,
            answer: followup.answer ?? [],
            when: followup.when ? { mentioned: followup.when.mentioned ?? [], missing: followup.when.missing ?? [] } : null,
          })),
        }
      : {}),
    ...(hints
      ? { hints: rubric.stages.filter((stage) => question.stages[stage.id]?.hints?.length).map((stage) => ({ stage: stage.id, title: stage.title, hints: question.stages[stage.id]!.hints! })) }
      : {}),
    ...(answer ? { answer: strongAnswerJson(question, rubric) } : {}),
  };
}

/** One question as pretty-printed JSON, ending with a newline. */
export function questionJsonText(question: LoadedQuestion, rubric: LoadedRubric, date?: string, extras: JsonExtras = {}): string {
  return jsonText(questionJson(question, rubric, date, extras));
}
