// What the history needs from the bank, behind a small interface: question titles and
// categories, stage titles, and checklist items looked up by stage and item id. The pure
// modules (stats, schedule, session documents) take a Catalog, so tests need no YAML.
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';

export interface CatalogQuestion {
  id: string;
  title: string;
  category: string;
  difficulty: string;
  prompt: string;
}

export interface CatalogItem {
  text: string;
  guidance?: string;
}

export interface Catalog {
  questions: readonly CatalogQuestion[];
  question(id: string): CatalogQuestion | undefined;
  rubricTitle(rubricId: string): string | undefined;
  stageTitle(rubricId: string, stageId: string): string | undefined;
  /** The item as the session saw it: its rubric's, then its question's, then any rubric's. */
  item(session: { rubricId: string; questionId: string }, stageId: string, itemId: string): CatalogItem | undefined;
}

/** The category given to sessions whose question is not in the bank. */
export const UNKNOWN_CATEGORY = 'unknown';

type ChecklistLike = { id: string; text: string; guidance?: string | undefined };

export function catalogFromBank(bank: { questions: readonly LoadedQuestion[]; rubrics: ReadonlyMap<string, LoadedRubric> }): Catalog {
  const questions = new Map(bank.questions.map((question) => [question.id, question]));
  const asItem = (item: ChecklistLike | undefined): CatalogItem | undefined =>
    item && (item.guidance ? { text: item.text, guidance: item.guidance } : { text: item.text });
  const inRubric = (rubric: LoadedRubric | undefined, stageId: string, itemId: string) =>
    rubric?.stages.find((stage) => stage.id === stageId)?.checklist.find((item) => item.id === itemId);
  return {
    questions: bank.questions.map(({ id, title, category, difficulty, prompt }) => ({ id, title, category, difficulty, prompt })),
    question(id) {
      const question = questions.get(id);
      return question && { id: question.id, title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt };
    },
    rubricTitle: (rubricId) => bank.rubrics.get(rubricId)?.title,
    stageTitle: (rubricId, stageId) => bank.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.title,
    item(session, stageId, itemId) {
      const own = inRubric(bank.rubrics.get(session.rubricId), stageId, itemId)
        ?? questions.get(session.questionId)?.stages[stageId]?.checklist?.find((item) => item.id === itemId);
      if (own) return asItem(own);
      for (const rubric of bank.rubrics.values()) {
        const found = inRubric(rubric, stageId, itemId);
        if (found) return asItem(found);
      }
      return undefined;
    },
  };
}
