// The question as a drill opens it, and as `show` and `daily` print it: title, meta, prompt and
// the stage plan with its minutes. Apart from the report's renderer (render.ts), which the
// scripting commands never need.
import type { LoadedQuestion } from '../bank/schema.js';
import { totalBudgetSeconds, type StagePlan } from '../session/plan.js';
import { breakLine, cut, padColumns, widest, wrap } from '../text.js';
import type { Style } from './colour.js';

export function questionHeader(question: LoadedQuestion, plan: readonly StagePlan[], style: Style, width = 80): string[] {
  const meta = [question.category, question.difficulty, ...(question.companies ?? [])].join(' · ');
  const total = totalBudgetSeconds(plan);
  const lines = [...breakLine(question.title, width).map((line) => style.title(line)), ...breakLine(meta, width).map((line) => style.dim(line)), '', ...wrap(question.prompt, width - 4, '  ').map((line) => style.heading(line)), ''];
  lines.push(style.heading(`Plan (${formatMinutes(total)})`));
  // On a narrow terminal the stage titles' ends give way, so that each keeps its minutes on its row.
  const minutesWidth = widest(plan.map((stage) => formatMinutes(stage.budgetSeconds)));
  const titleWidth = Math.min(widest(plan.map((stage) => stage.title)), Math.max(8, width - 9 - minutesWidth));
  plan.forEach((stage, i) => lines.push(`  ${i + 1}. ${padColumns(cut(stage.title, titleWidth), titleWidth)}  ${style.dim(formatMinutes(stage.budgetSeconds))}`));
  return lines;
}

/** A budget in minutes to a tenth (`6 min`, `2.5 min`); under a minute (a quick --minutes run), in seconds, never `0 min`. */
export function formatMinutes(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 6) / 10;
  return `${minutes} min`;
}
