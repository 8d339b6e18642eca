// Joins a question to a rubric: the stages to run, with their hints, checklist items and
// red flags. Pure.
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import type { ScoredItem } from '../score/score.js';
import { planStages, type StagePlan } from './engine.js';

export interface InterviewStage {
  plan: StagePlan;
  hints: string[];
  /** The rubric's items, then the question's own. */
  items: ScoredItem[];
  redFlags: string[];
}

export interface Interview {
  question: LoadedQuestion;
  rubric: LoadedRubric;
  stages: InterviewStage[];
}

/**
 * With another rubric than the question's own (`--rubric`), the question's hints and items
 * still join the stages whose ids match.
 */
export function buildInterview(question: LoadedQuestion, rubric: LoadedRubric, totalMinutes?: number): Interview {
  const plan = planStages(rubric.stages, totalMinutes);
  return {
    question,
    rubric,
    stages: rubric.stages.map((stage, i) => {
      const own = question.stages[stage.id];
      const items: ScoredItem[] = [
        ...stage.checklist.map((item) => ({ ...item, weight: item.weight ?? 1, source: 'rubric' as const })),
        ...(own?.checklist ?? []).map((item) => ({ ...item, weight: item.weight ?? 1, source: 'question' as const })),
      ];
      return { plan: plan[i]!, hints: own?.hints ?? [], items, redFlags: stage.red_flags ?? [] };
    }),
  };
}
