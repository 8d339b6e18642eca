// Self-assessment scoring: weighted checklist coverage per stage and overall. Pure.

export interface ScoredItem {
  id: string;
  text: string;
  weight: number;
  guidance?: string;
  keywords?: string[];
  /** Where the item comes from: the rubric or the question. */
  source: 'rubric' | 'question';
}

export interface StageScore {
  stageId: string;
  checked: string[];
  missed: ScoredItem[];
  /** Weighted coverage in percent, 0-100, rounded. */
  score: number;
  weightChecked: number;
  weightTotal: number;
}

export interface SessionScore {
  stages: StageScore[];
  /** Weighted coverage over every item of every stage, in percent. */
  total: number;
}

export function scoreStage(stageId: string, items: readonly ScoredItem[], checkedIds: Iterable<string>): StageScore {
  const checked = new Set(checkedIds);
  const weightTotal = items.reduce((sum, item) => sum + item.weight, 0);
  const weightChecked = items.filter((item) => checked.has(item.id)).reduce((sum, item) => sum + item.weight, 0);
  return {
    stageId,
    checked: items.filter((item) => checked.has(item.id)).map((item) => item.id),
    missed: items.filter((item) => !checked.has(item.id)),
    score: percent(weightChecked, weightTotal),
    weightChecked,
    weightTotal,
  };
}

export function scoreSession(stages: StageScore[]): SessionScore {
  const checked = stages.reduce((sum, stage) => sum + stage.weightChecked, 0);
  const total = stages.reduce((sum, stage) => sum + stage.weightTotal, 0);
  return { stages, total: percent(checked, total) };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
