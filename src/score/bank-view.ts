// What the history needs from the bank, behind a small interface: question titles and
// categories, stage titles, and checklist items looked up by stage and item id. The pure
// modules (stats, schedule, session documents) take a BankView, so tests need no YAML.
import type { Catalog } from '../bank/catalog.js';
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import type { FactLike } from '../session/interviewer.js';

export interface QuestionInfo {
  id: string;
  title: string;
  category: string;
  difficulty: string;
}

export interface BankItem {
  text: string;
  guidance?: string;
  /** A question's core item: the insight the question exists to test. */
  core?: true;
}

export interface BankView {
  questions: readonly QuestionInfo[];
  /** A question with its prompt; parsed from the cache on request. */
  question(id: string): (QuestionInfo & { prompt: string; strongAnswer: Record<string, string> | null; facts?: readonly FactLike[] }) | undefined;
  rubricTitle(rubricId: string): string | undefined;
  stageTitle(rubricId: string, stageId: string): string | undefined;
  /** The rubric's red flags for a stage; absent in views that know none. */
  redFlags?(rubricId: string, stageId: string): readonly string[];
  /** The item as the session saw it: its rubric's, then its question's, then any rubric's. */
  item(session: { rubricId: string; questionId: string }, stageId: string, itemId: string): BankItem | undefined;
}

/** The category given to sessions whose question is not in the bank. */
export const UNKNOWN_CATEGORY = 'unknown';

type ChecklistLike = { id: string; text: string; guidance?: string | undefined; core?: boolean | undefined };

/** A view of the open bank that reads whole questions only when an item or prompt needs them. */
export function bankView(catalog: Catalog): BankView {
  const known = new Set(catalog.ids);
  const parsed = new Map<string, LoadedQuestion>();
  const whole = (id: string): LoadedQuestion | undefined => {
    if (!known.has(id)) return undefined;
    let question = parsed.get(id);
    if (!question) parsed.set(id, (question = catalog.question(id)));
    return question;
  };
  const asItem = (item: ChecklistLike | undefined): BankItem | undefined =>
    item && { text: item.text, ...(item.guidance ? { guidance: item.guidance } : {}), ...(item.core ? { core: true as const } : {}) };
  const inRubric = (rubric: LoadedRubric | undefined, stageId: string, itemId: string) =>
    rubric?.stages.find((stage) => stage.id === stageId)?.checklist.find((item) => item.id === itemId);
  return {
    questions: catalog.questions.map(({ id, title, category, difficulty }) => ({ id, title, category, difficulty })),
    question(id) {
      const question = whole(id);
      return question && { id: question.id, title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.examples?.strong?.notes ?? null, facts: question.interviewer?.facts ?? [] };
    },
    rubricTitle: (rubricId) => catalog.rubrics.get(rubricId)?.title,
    stageTitle: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.title,
    redFlags: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.red_flags ?? [],
    item(session, stageId, itemId) {
      const own = inRubric(catalog.rubrics.get(session.rubricId), stageId, itemId)
        ?? whole(session.questionId)?.stages[stageId]?.checklist?.find((item) => item.id === itemId);
      if (own) return asItem(own);
      for (const rubric of catalog.rubrics.values()) {
        const found = inRubric(rubric, stageId, itemId);
        if (found) return asItem(found);
      }
      return undefined;
    },
  };
}
