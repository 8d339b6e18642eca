// Turns questions and reports into lines of text. Returns lines; never prints.
import type { LoadedQuestion } from '../bank/schema.js';
import type { Report } from '../score/report.js';
import { totalBudgetSeconds, type StagePlan } from '../session/engine.js';
import { clock, stripControl, wrap } from '../text.js';
import { bar } from './charts.js';
import { gradeStyle, type Style } from './colour.js';
import { interviewerLines } from './interviewer-report.js';

export function questionHeader(question: LoadedQuestion, plan: readonly StagePlan[], style: Style, width = 80): string[] {
  const meta = [question.category, question.difficulty, ...(question.companies ?? [])].join(' · ');
  const total = totalBudgetSeconds(plan);
  const lines = [style.title(question.title), style.dim(meta), '', ...wrap(question.prompt, width - 4, '  ').map((line) => style.heading(line)), ''];
  lines.push(style.heading(`Plan (${formatMinutes(total)})`));
  const titleWidth = Math.max(...plan.map((stage) => stage.title.length));
  plan.forEach((stage, i) => lines.push(`  ${i + 1}. ${stage.title.padEnd(titleWidth)}  ${style.dim(formatMinutes(stage.budgetSeconds))}`));
  return lines;
}

export function formatMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 6) / 10;
  return `${minutes} min`;
}


export function reportLines(report: Report, style: Style, width = 80): string[] {
  const grade = gradeStyle(style);
  const lines = [
    style.title(`Report · ${report.questionTitle}`),
    `${style.heading('Score')} ${grade(report.total)(`${report.total}%`)}   ${style.heading('Time')} ${clock(report.usedSeconds)} of ${clock(report.budgetSeconds)}`,
    '',
  ];
  const titleWidth = Math.min(32, Math.max(...report.stages.map((stage) => stage.title.length)));
  for (const stage of report.stages) {
    const over = stage.usedSeconds - stage.budgetSeconds;
    const time = `${clock(stage.usedSeconds)} / ${clock(stage.budgetSeconds)}`;
    const overtime = over > 0 ? ` +${clock(over)}` : '';
    const pad = ' '.repeat(Math.max(2, 22 - time.length - overtime.length));
    const title = stage.title.length > titleWidth ? `${stage.title.slice(0, titleWidth - 1)}…` : stage.title.padEnd(titleWidth);
    lines.push(`${title}  ${time}${style.warn(overtime)}${pad}${grade(stage.score.score)(bar(stage.score.score / 100))} ${String(stage.score.score).padStart(3)}%`);
  }
  const missed = report.stages.filter((stage) => stage.score.missed.length > 0);
  if (missed.length > 0) {
    lines.push('', style.heading('Missed'));
    for (const stage of missed) {
      lines.push(style.accent(`${stage.title}`));
      for (const item of stage.score.missed) {
        const [first = '', ...rest] = wrap(item.text, width - 4);
        lines.push(`  ${style.bad('✗')} ${first}`, ...rest.map((line) => `    ${line}`));
        if (item.guidance) lines.push(...wrap(item.guidance, width - 6, '      ').map((line) => style.dim(line)));
      }
    }
  }
  const flags = report.stages.filter((stage) => stage.redFlags.length > 0);
  if (flags.length > 0) {
    lines.push('', style.heading('Red flags to watch'));
    for (const stage of flags) {
      lines.push(style.accent(stage.title));
      for (const flag of stage.redFlags) {
        const [first = '', ...rest] = wrap(flag, width - 4);
        lines.push(`  ! ${first}`, ...rest.map((line) => `    ${line}`));
      }
    }
  }
  lines.push(...interviewerLines(report, style, width));
  // Folded: one line here, the whole answer in `show --answer` and in the export.
  if (report.strongAnswer) lines.push('', style.dim(`What a strong answer covers: mldrill show ${stripControl(report.questionId)} --answer`));
  return lines;
}
