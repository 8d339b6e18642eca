// A stage plan: each stage's title, goal and time budget, from a rubric's stages. A leaf of
// the session: `show` and `daily` print the plan without loading the interview's engine.

export interface StagePlan {
  id: string;
  title: string;
  goal: string;
  budgetSeconds: number;
}

export interface RubricStageLike {
  id: string;
  title: string;
  goal: string;
  minutes: number;
}

/** The plan for a rubric's stages; with totalMinutes, every budget is scaled to fit it. */
export function planStages(stages: readonly RubricStageLike[], totalMinutes?: number): StagePlan[] {
  const planned = stages.reduce((sum, stage) => sum + stage.minutes, 0);
  const factor = totalMinutes === undefined ? 1 : totalMinutes / planned;
  // Each stage ends where the running total, rounded, ends: the budgets add up to the whole
  // (--minutes 1 over 6+6+13+15 is 9+9+20+22 s, not 9+9+20+23 = 01:01).
  let before = 0;
  let elapsed = 0;
  return stages.map((stage) => {
    elapsed += stage.minutes * 60 * factor;
    const end = Math.round(elapsed);
    const budgetSeconds = Math.max(1, end - before);
    before = end;
    return { id: stage.id, title: stage.title, goal: stage.goal, budgetSeconds };
  });
}

/** The whole plan's budget; takes anything with per-stage budgets (plans, report stages). */
export function totalBudgetSeconds(plan: readonly { budgetSeconds: number }[]): number {
  return plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0);
}
