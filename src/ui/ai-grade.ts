// The AI grader's verdicts as text: per stage with the quoted evidence (`grade --ai`), and beside
// the candidate's own ticks with the disagreements first (`drill --ai`). Returns lines; never
// prints. Everything the model wrote passes stripControl: it is untrusted text.
import type { AiItem, AiStage } from '../rater/verdicts.js';
import { disagrees } from '../rater/verdicts.js';
import { stripControl, wrap } from '../text.js';
import { gradeStyle, type Style } from './colour.js';

/** What `grade --ai` and `drill --ai` show about a grading: enough of AiGradeResult. */
export interface AiGradeView {
  model: string;
  host: string;
  score: number;
  capped: boolean;
  stages: readonly AiStage[];
}

/**
 * Whose ticks the AI's verdicts stand beside: the candidate's own, or in interviewer mode the
 * partner's, which the session record holds.
 */
export type TicksBy = 'self' | 'partner';

const tickOf = (by: TicksBy) => (by === 'partner' ? 'your partner\'s tick' : 'your own tick');

/** The verdict's mark and its word: met, not met, unsure, unsupported (a quote not in the notes). */
function verdictMark(item: AiItem, style: Style): { mark: string; word: string } {
  if (item.void) return { mark: style.warn('!'), word: 'unsupported' };
  if (item.met === null) return { mark: style.dim('?'), word: 'unsure' };
  return item.met ? { mark: style.good('✓'), word: 'met' } : { mark: style.bad('✗'), word: 'not met' };
}

/** The lines under an item: the quote (or why it was voided) and the model's reason. */
function detailLines(item: AiItem, style: Style, width: number, indent: string, by: TicksBy): string[] {
  const lines: string[] = [];
  const counts = `${tickOf(by)} counts`;
  const evidence = item.evidence === null ? null : stripControl(item.evidence);
  if (item.void) {
    lines.push(...wrap(evidence ? `unsupported: "${evidence}" is not in your notes${item.self !== null ? `; ${counts}` : ''}` : `unsupported: no quote from your notes${item.self !== null ? `; ${counts}` : ''}`, width, indent).map((line) => style.warn(line)));
  } else if (item.met && evidence) {
    lines.push(...wrap(`“${evidence}”`, width, indent));
  } else if (item.met === null && item.self !== null) {
    lines.push(`${indent}${style.dim(`unsure; ${counts}`)}`);
  }
  if (item.reason) lines.push(...wrap(stripControl(item.reason), width, indent).map((line) => style.dim(line)));
  return lines;
}

/**
 * `grade --ai`: the score, then each stage with every item's verdict, quote and reason. With a
 * width (a terminal's) the text is wrapped at word breaks; a pipe gets one line per item, quote
 * and reason, as `grade` without --ai gives it.
 */
export function aiGradeLines(result: AiGradeView, questionTitle: string, style: Style, width?: number, by: TicksBy = 'self'): string[] {
  const grade = gradeStyle(style);
  const columns = width ?? Infinity;
  const lines = [
    ...wrap(`AI grading · ${stripControl(questionTitle)} · ${stripControl(result.model)} at ${stripControl(result.host)}`, columns).map((line) => style.title(line)),
    `${style.heading('Score')} ${grade(result.score)(`${result.score}%`)}${result.capped ? style.warn('  capped: core items missed') : ''}`,
    style.dim(`Met only with a quote from your notes; where the AI is unsure or its quote is not in your notes, ${tickOf(by)} counts.`),
  ];
  for (const stage of result.stages) {
    lines.push('', `${style.accent(stripControl(stage.title))}  ${grade(stage.score)(`${stage.score}%`)}`);
    for (const item of stage.items) {
      const { mark, word } = verdictMark(item, style);
      const [first = '', ...rest] = wrap(`${stripControl(item.text)} (${word})`, columns - 4);
      lines.push(`  ${mark} ${first}`, ...rest.map((line) => `    ${line}`), ...detailLines(item, style, columns, '      ', by));
    }
  }
  return lines;
}

/**
 * `drill --ai`, after the self-assessment: the AI's verdict beside each self tick, the items where
 * the two disagree first, then the rest in stage order.
 */
export function verdictsBesideTicksLines(result: AiGradeView, style: Style, width = 80, by: TicksBy = 'self'): string[] {
  const rows = result.stages.flatMap((stage) => stage.items.map((item) => ({ stage, item })));
  const disagreeing = rows.filter(({ item }) => disagrees(item));
  const rest = rows.filter(({ item }) => !disagrees(item));
  const grade = gradeStyle(style);
  const lines = [
    style.title(`Second opinion · ${stripControl(result.model)} at ${stripControl(result.host)}`),
    `${style.heading('AI score')} ${grade(result.score)(`${result.score}%`)}${result.capped ? style.warn(' (capped: core items missed)') : ''}  ${style.dim(`${disagreeing.length} of ${rows.length} items rated differently from ${by === 'partner' ? 'your partner' : 'you'}`)}`,
    '',
    // The marks stand under the column heads: `You  AI`, or `Partner  AI` in interviewer mode.
    style.dim(by === 'partner' ? 'Partner  AI' : 'You  AI'),
  ];
  const [before, between, indent] = by === 'partner' ? ['   ', '     ', ' '.repeat(13)] : [' ', '   ', ' '.repeat(9)];
  const row = ({ stage, item }: (typeof rows)[number]) => {
    const you = item.self === null ? style.dim('-') : item.self ? style.good('✓') : style.bad('✗');
    const { mark } = verdictMark(item, style);
    const [first = '', ...more] = wrap(`${stripControl(stage.title)}: ${stripControl(item.text)}`, width - indent.length - 1);
    return [`${before}${you}${between}${mark}   ${first}`, ...more.map((line) => `${indent}${line}`), ...detailLines(item, style, width, indent, by)];
  };
  if (disagreeing.length) lines.push(style.heading('Rated differently'), ...disagreeing.flatMap(row), '');
  if (rest.length) lines.push(style.heading(disagreeing.length ? 'The rest' : 'Every item'), ...rest.flatMap(row));
  return lines;
}
