// Turns reports into lines of text. Returns lines; never prints.
import type { Report } from '../score/report.js';
import { breakLine, clock, cut, fitLine, padColumns, plural, stripControl, visibleLength, widest, wrap } from '../text.js';
import { bar } from './charts.js';
import { gradeStyle, type Style } from './colour.js';
import { interviewerLines, interviewerRows } from './interviewer-report.js';

/** How the report fits where it is printed. */
export interface ReportFit {
  /** The lines it may take on a terminal; absent for a pipe or a file, which get it whole. */
  rows?: number;
  /** What gives the folded sections whole (`mldrill export <id>`); absent when nothing was saved. */
  wholeWith?: string;
  /** --all-red-flags: every red flag of the rubric, not only those the session's data suggests. */
  allRedFlags?: boolean;
}

/** A section whole, and folded behind a count for a terminal too short for it. */
interface Section {
  whole: string[];
  folded: string[];
}

/**
 * The report: the score and the per-stage table first, what happened, what was missed and the
 * red flags, and the score again as the last line. On a terminal too short for all of it, the
 * long sections fold behind a count, so the score never scrolls away.
 */
export function reportLines(report: Report, style: Style, width = 80, fit: ReportFit = {}): string[] {
  // A line still wider than the terminal (a narrow one) wraps here, at a space, not where the
  // terminal would cut it, and before the height is counted.
  const fitted = (lines: string[]) => lines.flatMap((line) => breakLine(line, width, '  '));
  const head = fitted([...reportHead(report, style, width), ...coreMissedLines(report, style, width)]);
  const tail = fitted(['', summaryLine(report, style, width)]);
  const asked = { whole: interviewerLines(report, style, width), folded: interviewerLines(report, style, width, { folded: true, ...(fit.wholeWith ? { wholeWith: fit.wholeWith } : {}) }) };
  // The core items missed come right after the table and never fold: they are the verdict's reason.
  const sections = [diagramSection(report, width), curveballSection(report, style, width), missedSection(report, style, width, fit), redFlagSection(report, style, width, fit), strongAnswerSection(report, style, width), asked]
    .map((section) => ({ whole: fitted(section.whole), folded: fitted(section.folded) }));
  const chosen = sections.map((section) => section.whole);
  const height = () => head.length + chosen.reduce((sum, lines) => sum + lines.length, 0) + tail.length;
  const lines = () => [...head, ...chosen.flat(), ...tail];
  // The pointer to the model answer goes first, then the interviewer's side, then the longest sections: the missed items, the red flags, the diagram's comparison, the curveball.
  const order = [4, 5, 2, 3, 0, 1];
  for (const i of order) {
    if (fit.rows !== undefined && height() > fit.rows) chosen[i] = sections[i]!.folded;
  }
  // Last, the follow-up's answer key becomes a count of the points covered.
  if (fit.rows !== undefined && height() > fit.rows) chosen[5] = fitted(interviewerLines(report, style, width, { folded: true, keyFolded: true, ...(fit.wholeWith ? { wholeWith: fit.wholeWith } : {}) }));
  // Folding a long section can free the room a short one was folded for (the missed items' dozens of
  // lines against the two of the pointer to the model answer): each comes back whole where it fits now.
  for (const i of [...order].reverse()) {
    if (fit.rows === undefined || chosen[i] === sections[i]!.whole) continue;
    const folded = chosen[i]!;
    chosen[i] = sections[i]!.whole;
    if (height() > fit.rows) chosen[i] = folded;
  }
  if (fit.rows === undefined || height() <= fit.rows) return lines();
  // Folded whole and still too tall (a drawing, questions to the interviewer and a follow-up at 80
  // columns take 32 lines): each folded line keeps one row, cut where it would wrap, the
  // interviewer's side says its counts on the lines of its headings, and the pointer to the
  // export that each one repeated is said once, when that lets the score stay in view.
  const folded = lines();
  const once = { ...fit, wholeWith: undefined };
  const wide = 1_000;
  const oneRow = (section: string[]) => section.map((line) => fitLine(line, width));
  chosen.splice(0, chosen.length,
    oneRow(diagramSection(report, wide).folded), oneRow(curveballSection(report, style, wide).folded), oneRow(missedSection(report, style, wide, once).folded),
    oneRow(redFlagSection(report, style, wide, once).folded), [], oneRow(interviewerRows(report, style)));
  if (fit.wholeWith) chosen.push(['', ...fitted([style.dim(`All of it, with guidance and answers: ${fit.wholeWith}`)])]);
  return height() <= fit.rows ? lines() : folded;
}

/** The title, the score and time, and a row per stage: time, coverage, hints and pace. */
function reportHead(report: Report, style: Style, width: number): string[] {
  const grade = gradeStyle(style);
  const lines = [
    ...paragraph(`Report · ${report.questionTitle}`, width).map((line) => style.title(line)),
    `${style.heading('Score')} ${grade(report.total)(`${report.total}%`)}${report.capped ? style.warn(' (capped: core items missed)') : ''}   ${style.heading('Time')} ${clock(report.usedSeconds)} of ${clock(report.budgetSeconds)}`,
    '',
  ];
  const withBar = width >= 70;
  // Narrow, the stage titles give way so that a row keeps its time, coverage and short pace: `00:01 / 06:00   10%  rushed`.
  const shortPace = Math.max(0, ...report.stages.map((stage) => (stage.pacing ? 2 + Math.min(stage.pacing.length, 6) : 0)));
  const titleWidth = Math.min(24, widest(report.stages.map((stage) => stage.title)), Math.max(8, width - 21 - shortPace));
  for (const stage of report.stages) {
    const title = padColumns(cut(stage.title, titleWidth), titleWidth);
    const time = `${clock(stage.usedSeconds)} / ${clock(stage.budgetSeconds)}`;
    const coverage = `${withBar ? `${grade(stage.score.score)(bar(stage.score.score / 100))} ` : ''}${grade(stage.score.score)(`${String(stage.score.score).padStart(3)}%`)}`;
    const hints = (stage.hintsShown ? (text: string) => text : style.dim)((stage.hintsShown ? plural(stage.hintsShown, 'hint') : 'no hints').padEnd(8));
    // The pace whole when it fits (`rushed: 8 s of 15 min`, `over by 40%`), else short (`rushed`, `+40%`); the hints go before the pace does.
    const fits = (row: string, pace: string) => visibleLength(row) + (pace ? 2 + pace.length : 0) <= width;
    const full = `${title}  ${time}  ${coverage}  ${hints}`;
    const pace = stage.pacing ?? '';
    const short = pace.includes(':') ? pace.split(':')[0]! : pace.replace(/^over by /, '+');
    const [row, pacing] = fits(full, pace) ? [full, pace] : fits(full, short) ? [full, short] : [`${title}  ${time}  ${coverage}`, short];
    lines.push(pacing ? `${row}  ${style.warn(pacing)}` : row.trimEnd());
  }
  return lines;
}

/** The drawing compared with the reference diagram; folded to the comparison alone. */
function diagramSection(report: Report, width: number): { whole: string[]; folded: string[] } {
  const lines = (report.diagram ?? []).map((line) => paragraph(stripControl(line), width));
  return { whole: lines.length ? ['', ...lines.flat()] : [], folded: lines.length ? ['', ...lines[0]!] : [] };
}

/** Where the question's strong example answer is (whole in `show --answer` and in the export); dropped first when space is short. */
function strongAnswerSection(report: Report, style: Style, width: number): { whole: string[]; folded: string[] } {
  if (!report.strongAnswer) return { whole: [], folded: [] };
  return { whole: ['', ...paragraph(`What a strong answer covers: mldrill show ${stripControl(report.questionId)} --answer`, width).map((line) => style.dim(line))], folded: [] };
}

/** The last line: the score and each stage's, by title when the width allows, else by stage id. */
function summaryLine(report: Report, style: Style, width: number): string {
  const grade = gradeStyle(style);
  const score = `${style.heading('Score')} ${grade(report.total)(`${report.total}%`)}`;
  for (const name of [(stage: Report['stages'][number]) => stage.title, (stage: Report['stages'][number]) => stage.id]) {
    const line = [score, ...report.stages.map((stage) => `${name(stage)} ${grade(stage.score.score)(`${stage.score.score}%`)}`)].join(style.dim(' · '));
    if (visibleLength(line) <= width) return line;
  }
  return score;
}

/** A paragraph wrapped to the width, its lines after the first indented. */
const paragraph = (text: string, width: number, indent = '  ') => wrap(text, width - indent.length).map((line, i) => (i ? `${indent}${line}` : line));

/** The follow-up the interviewer cut in with, and the notes written after it. */
function curveballSection(report: Report, style: Style, width: number): Section {
  const thrown = report.curveball;
  // With its answer key, the interviewer's section shows the follow-up, the notes after it and the points.
  if (!thrown || report.followup?.points.length) return { whole: [], folded: [] };
  const head = ['', style.heading(`⚡ Curveball in ${thrown.stageTitle} at ${clock(thrown.atSeconds)}`), ...wrap(thrown.text, width - 2, '  ')];
  const after = thrown.notesAfter;
  if (after === null) return { whole: head, folded: head };
  if (after.length === 0) return { whole: [...head, style.dim('  No notes after it.')], folded: [...head, style.dim('  No notes after it.')] };
  return {
    whole: [...head, style.dim(`  Notes after it (${plural(after.length, 'line')}):`), ...after.flatMap((line) => wrap(line, width - 4, '    '))],
    folded: [...head, style.dim(`  Notes after it: ${plural(after.length, 'line')}`)],
  };
}

/** The question's core items that were not ticked: what the question exists to test, named first. */
function coreMissedLines(report: Report, style: Style, width: number): string[] {
  const missed = report.stages.flatMap((stage) => stage.score.missed.filter((item) => item.core));
  if (missed.length === 0) return [];
  const lines = ['', style.heading(`The point of this question, missed (${missed.length})`)];
  for (const item of missed) {
    const [first = '', ...rest] = wrap(item.text, width - 4);
    lines.push(`  ${style.bad('✗')} ${first}`, ...rest.map((line) => `    ${line}`));
  }
  return lines;
}

/** What was not ticked besides the core items, with what good looks like. */
function missedSection(report: Report, style: Style, width: number, fit: ReportFit): Section {
  // The follow-up's points missed are in its answer key, point by point (interviewerLines): not
  // twice. Its points are its stage's items by their text (score/report.ts); matched so, not by
  // id, since the record's module is not in the chunk every command loads (scripts/bundle.mjs).
  const points = new Set(report.followup?.points.map((point) => point.text));
  const missedOf = (stage: Report['stages'][number]) => stage.score.missed.filter((item) => !item.core && !points.has(item.text));
  const stages = report.stages.filter((stage) => missedOf(stage).length > 0);
  if (stages.length === 0) return { whole: [], folded: [] };
  const count = stages.reduce((sum, stage) => sum + missedOf(stage).length, 0);
  const other = report.stages.some((stage) => stage.score.missed.some((item) => item.core)) ? 'other ' : '';
  const whole = ['', style.heading(`Missed${other ? ', besides those' : ''} (${count})`)];
  for (const stage of stages) {
    whole.push(style.accent(stage.title));
    for (const item of missedOf(stage)) {
      const [first = '', ...rest] = wrap(item.text, width - 4);
      whole.push(`  ${style.bad('✗')} ${first}`, ...rest.map((line) => `    ${line}`));
      if (item.guidance) whole.push(...wrap(item.guidance, width - 6, '      ').map((line) => style.dim(line)));
    }
  }
  const where = stages.length === 1 ? `in ${stages[0]!.title}` : `in ${stages.length} stages`;
  const how = fit.wholeWith ? `; ${fit.wholeWith} gives them with guidance` : '';
  return { whole, folded: ['', ...paragraph(`${style.heading('Missed')}: ${plural(count, `${other}item`)} ${where}${how}`, width)] };
}

/** The rubric's red flags: those of the stages whose data shows trouble, or all with --all-red-flags. */
function redFlagSection(report: Report, style: Style, width: number, fit: ReportFit): Section {
  const all = Boolean(fit.allRedFlags);
  const stages = report.stages.filter((stage) => stage.redFlags.length > 0 && (all || stage.signals.length > 0));
  if (stages.length === 0) return { whole: [], folded: [] };
  const whole = ['', style.heading(all ? 'Red flags to watch' : 'Red flags your session suggests')];
  for (const stage of stages) {
    whole.push(`${style.accent(stage.title)}${stage.signals.length ? style.dim(` · ${stage.signals.join(', ')}`) : ''}`);
    for (const flag of stage.redFlags) {
      const [first = '', ...rest] = wrap(flag, width - 4);
      whole.push(`  ! ${first}`, ...rest.map((line) => `    ${line}`));
    }
  }
  const count = stages.reduce((sum, stage) => sum + stage.redFlags.length, 0);
  // Folded, the signs are named by kind: `rushed, no notes`, not stage by stage.
  const kinds = [...new Set(stages.flatMap((stage) => stage.signals.map(signalKind)))].join(', ');
  const where = stages.length === 1 ? `in ${stages[0]!.title}` : `in ${stages.length} stages`;
  const how = fit.wholeWith ? `; ${fit.wholeWith} lists them` : '';
  return { whole, folded: ['', ...paragraph(`${style.heading('Red flags')}: ${count}${all ? '' : ' suggested'} ${where}${kinds ? ` (${kinds})` : ''}${how}`, width)] };
}

/** A signal's kind, for a summary: `rushed: 8 s of 15 min` is rushed, `40% covered` is low coverage. */
function signalKind(signal: string): string {
  if (signal.startsWith('over by')) return 'over time';
  if (signal.startsWith('took')) return 'a long clarify';
  if (signal.endsWith('covered')) return 'low coverage';
  return signal.split(':')[0]!;
}
