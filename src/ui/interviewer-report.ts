// The report's lines about the clarify dialogue: which facts the candidate uncovered by asking,
// and, for each one never asked about, what the interviewer would have said. Returns plain
// lines; every string from the bank or typed in the drill is stripped of control characters here.
import type { Exchange, FactLike } from '../session/interviewer.js';
import { coveredFacts, uncoveredFacts } from '../session/interviewer.js';
import type { Report } from '../score/report.js';
import { plural, stripControl, wrap } from '../text.js';
import type { Style } from './colour.js';

export interface FactReport {
  /** One line: how many facts were uncovered, and which topics. */
  summary: string;
  /** One line per fact never asked about: "You never asked about latency: ...". */
  missed: string[];
}

/** What the report says about the fact sheet after a drill; undefined when there is no sheet. */
export function factReport(facts: readonly Pick<FactLike, 'id' | 'topic' | 'answer'>[], exchanges: readonly Pick<Exchange, 'factId'>[]): FactReport | undefined {
  if (facts.length === 0) return undefined;
  const covered = coveredFacts(exchanges, facts);
  const topics = [...new Set(covered.map((fact) => fact.topic))];
  const summary = covered.length === 0
    ? `You asked the interviewer about none of the ${facts.length} facts they had.`
    : `You uncovered ${covered.length} of ${facts.length} facts, about ${topics.join(', ')}.`;
  const missed = uncoveredFacts(exchanges, facts).map((fact) => `You never asked about ${fact.topic}: ${stripControl(fact.answer)}`);
  return { summary, missed };
}

/**
 * The interviewer's side at its shortest, for a screen the folded report still overflows: what
 * the questions uncovered on the heading's line, and the follow-up with its counts under it.
 * Lines unwrapped: the caller cuts each to a row.
 */
export function interviewerRows(report: Pick<Report, 'dialogue' | 'followup'>, style: Style): string[] {
  const lines: string[] = [];
  const { dialogue, followup } = report;
  const facts = dialogue && factReport(dialogue.facts, dialogue.exchanges);
  if (dialogue && (facts || dialogue.exchanges.length)) {
    lines.push('', `${style.heading('Questions to the interviewer')}${facts ? `: ${facts.summary.charAt(0).toLowerCase()}${facts.summary.slice(1)}` : ''}`);
  }
  if (followup) {
    const notes = stripControl(followup.notesAfter).trim();
    const covered = followup.points.filter((point) => point.covered).length;
    lines.push('', `${style.heading(`Follow-up · ${stripControl(followup.stageTitle)}`)}: ${style.accent(`“${stripControl(followup.text)}”`)}`,
      style.dim(`  Your notes after it: ${plural(notes ? notes.split('\n').length : 0, 'line')}${followup.points.length ? ` · answer key: ${covered} of ${plural(followup.points.length, 'point')} covered` : ''}`));
  }
  return lines;
}

/** Wraps an entry after a mark at `indent`, the rest of it indented under its first word. */
function entry(mark: string, text: string, width: number, indent = '  '): string[] {
  const [first = '', ...rest] = wrap(text, width - indent.length - 2);
  return [`${indent}${mark} ${first}`, ...rest.map((line) => `${indent}  ${line}`)];
}

/**
 * The report's sections on the interviewer's side: the facts uncovered and missed with their
 * answers, the questions that got the neutral reply, and the follow-up with the notes written
 * after it and its answer key, point by point. Empty when the drill had neither.
 */
export function interviewerLines(report: Pick<Report, 'dialogue' | 'followup'>, style: Style, width = 80, options: { folded?: boolean; keyFolded?: boolean; wholeWith?: string } = {}): string[] {
  const lines: string[] = [];
  const { dialogue, followup } = report;
  const facts = dialogue && factReport(dialogue.facts, dialogue.exchanges);
  if (dialogue && (facts || dialogue.exchanges.length)) {
    lines.push('', style.heading('Questions to the interviewer'));
    if (facts) lines.push(...wrap(facts.summary, width - 2, '  '));
    // Folded (a short terminal): the summary, and a count of the facts never asked; the export gives every fact.
    if (options.folded) {
      const never = facts?.missed.length ?? 0;
      if (never) lines.push(...wrap(`Never asked: ${plural(never, 'fact')}${options.wholeWith ? `; ${options.wholeWith} gives them with the answers` : ''}`, width - 2, '  ').map((line) => style.dim(line)));
      return [...lines, ...interviewerLines({ followup: report.followup }, style, width, options)];
    }
    for (const fact of coveredFacts(dialogue.exchanges, dialogue.facts)) lines.push(...entry(style.good('✔'), `${fact.topic}: ${stripControl(fact.answer)}`, width));
    for (const missed of facts?.missed ?? []) lines.push(...entry(style.bad('✗'), missed, width));
    const unanswered = dialogue.exchanges.filter((exchange) => exchange.factId === null);
    if (unanswered.length) {
      lines.push(style.dim(`  Answered with "make an assumption": ${plural(unanswered.length, 'question')}`));
      for (const exchange of unanswered) lines.push(...entry(style.dim('?'), stripControl(exchange.asked), width));
    }
  }
  if (followup) {
    lines.push('', style.heading(`Follow-up · ${stripControl(followup.stageTitle)}`), ...wrap(`“${stripControl(followup.text)}”`, width - 2, '  ').map((line) => style.accent(line)));
    const notes = stripControl(followup.notesAfter).trim();
    // Folded, the notes after it become a count; the answer key stays, point by point.
    if (options.folded) lines.push(style.dim(`  Your notes after it: ${plural(notes ? notes.split('\n').length : 0, 'line')}`));
    else lines.push(style.dim('  Your notes after it:'), ...(notes ? notes.split('\n').flatMap((line) => wrap(line, width - 4, '    ')) : [style.dim('    (nothing written after it)')]));
    if (followup.points.length && options.keyFolded) {
      // Last to fold, on a terminal too short for it: the points covered, counted.
      const covered = followup.points.filter((point) => point.covered).length;
      lines.push(...wrap(`Answer key: ${covered} of ${plural(followup.points.length, 'point')} covered${options.wholeWith ? `; ${options.wholeWith} gives them` : ''}`, width - 2, '  ').map((line) => style.dim(line)));
    } else if (followup.points.length) {
      lines.push(style.dim('  Answer key:'));
      for (const point of followup.points) lines.push(...entry(point.covered ? style.good('✔') : style.bad('✗'), stripControl(point.text), width, '    '));
    }
  }
  return lines;
}
