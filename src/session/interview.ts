// Joins a question to a rubric: the stages to run, with their hints, checklist items and
// red flags. Pure.
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import { planStages, type StagePlan } from './plan.js';

/** A checklist item as the interview scores it: its weight settled and where it comes from. */
export interface ScoredItem {
  id: string;
  text: string;
  weight: number;
  guidance?: string;
  keywords?: string[];
  /** Its keywords count only on a line of the notes that holds a number. */
  quantified?: boolean;
  /** How many of its keywords, at different places, the notes must use (a follow-up's point: two of its words, not one); default 1. */
  keywordsNeeded?: number;
  /** Where the item comes from: the rubric or the question. */
  source: 'rubric' | 'question';
  /** The insight the question exists to test: missing every core item caps the total. */
  core?: boolean;
  /** The rubric item this question item stands in for. */
  replaces?: string;
}

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
  /**
   * The question's stages that the rubric has no stage of (another rubric than its own), with
   * how many items and core items each held: none of it is asked or scored.
   */
  leftOut: Array<{ stageId: string; items: number; core: number }>;
}

/** The share of a question's total weight its own items carry at least. */
export const QUESTION_SHARE = 0.4;

/**
 * With another rubric than the question's own (`--rubric`), the question's hints and items
 * still join the stages whose ids match. A question item that `replaces` a rubric item takes
 * its place; rubric items the stage lists as `not_applicable` are left out. Then the question's
 * items are scaled up, all by one factor, until they carry QUESTION_SHARE of the weight: the
 * question-specific insight, not the generic checklist, decides the score.
 */
export function buildInterview(question: LoadedQuestion, rubric: LoadedRubric, totalMinutes?: number): Interview {
  const plan = planStages(rubric.stages, totalMinutes);
  const stages = rubric.stages.map((stage, i) => {
    const own = question.stages[stage.id];
    const ownItems: ScoredItem[] = (own?.checklist ?? []).map(({ core, replaces, ...item }) => ({ ...item, weight: item.weight ?? 1, source: 'question' as const, ...(core ? { core } : {}), ...(replaces ? { replaces } : {}) }));
    const dropped = new Set(own?.not_applicable ?? []);
    const items: ScoredItem[] = [];
    for (const item of stage.checklist) {
      const replacement = ownItems.find((candidate) => candidate.replaces === item.id);
      if (replacement) items.push(replacement);
      else if (!dropped.has(item.id)) items.push({ ...item, weight: item.weight ?? 1, source: 'rubric' as const });
    }
    items.push(...ownItems.filter((item) => !items.includes(item)));
    return { plan: plan[i]!, hints: own?.hints ?? [], items, redFlags: stage.red_flags ?? [] };
  });
  scaleQuestionItems(stages.flatMap((stage) => stage.items));
  const rubricStages = new Set(rubric.stages.map((stage) => stage.id));
  const leftOut = Object.entries(question.stages)
    .filter(([stageId]) => !rubricStages.has(stageId))
    .map(([stageId, stage]) => ({ stageId, items: stage.checklist?.length ?? 0, core: (stage.checklist ?? []).filter((item) => item.core).length }));
  return { question, rubric, stages, leftOut };
}

/** Scales the question's items in place so they carry at least QUESTION_SHARE of the weight. */
function scaleQuestionItems(items: ScoredItem[]): void {
  const own = items.filter((item) => item.source === 'question');
  const ownWeight = own.reduce((sum, item) => sum + item.weight, 0);
  const otherWeight = items.reduce((sum, item) => sum + item.weight, 0) - ownWeight;
  if (ownWeight === 0 || ownWeight >= QUESTION_SHARE * (ownWeight + otherWeight)) return;
  // own * f = share * (own * f + other)  =>  f = share * other / ((1 - share) * own)
  const factor = (QUESTION_SHARE * otherWeight) / ((1 - QUESTION_SHARE) * ownWeight);
  for (const item of own) item.weight = Math.round(item.weight * factor * 100) / 100;
}
