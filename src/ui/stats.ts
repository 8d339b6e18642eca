// The `stats` screen. With charts (on a terminal): bars and a sparkline; without: the same
// figures as plain text. Returns lines; never prints.
import { CATEGORY_TITLES, type Category } from '../bank/categories.js';
import { calibrationSentence, type Calibration } from '../score/calibration.js';
import type { MissedItem, StageStats, Stats } from '../score/stats.js';
import { clock, cut, padColumns, plural, stripControl, visibleLength, widest, wrap } from '../text.js';
import { bar, sparkline } from './charts.js';
import { gradeStyle, type Style } from './colour.js';

export interface StatsView {
  /** Draw bars and sparklines (a terminal); otherwise plain figures. */
  charts: boolean;
  width: number;
}

/** Within this many percent of the budget, a stage counts as on time. */
const ON_TIME_PERCENT = 5;

function practiceTime(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** The headings' column: `Sessions   `. */
const FIELD_WIDTH = 11;

/** The widest pace text: `runs 100% over`. */
const PACE_WIDTH = 15;

function paceText(overPercent: number): string {
  if (Math.abs(overPercent) <= ON_TIME_PERCENT) return 'on time';
  return overPercent > 0 ? `runs ${overPercent}% over` : `runs ${-overPercent}% under`;
}

/** The change of the trend's halves, worded so that its sign cannot be read as the arrow's. */
function trendChange(change: number): string {
  if (change === 0) return 'later half level with the earlier half';
  return `later half ${plural(Math.abs(change), 'point')} ${change > 0 ? 'above' : 'below'} the earlier half`;
}

export function statsLines(stats: Stats & { calibration?: Calibration }, style: Style, view: StatsView): string[] {
  const grade = gradeStyle(style);
  const percent = (score: number) => grade(score)(`${String(score).padStart(3)}%`);
  const lines: string[] = [];
  // A heading and its dim aside, wrapped between words on a narrow terminal.
  const heading = (text: string, aside: string) => wrap(`${style.heading(text)} ${style.dim(aside)}`, view.width);

  // A figure after its heading, wrapped under the figure's first word on a narrow terminal.
  const field = (heading: string, text: string) => {
    const [first = '', ...rest] = wrap(text, view.width - FIELD_WIDTH);
    return [`${style.heading(heading)}${' '.repeat(FIELD_WIDTH - heading.length)}${first}`, ...rest.map((line) => `${' '.repeat(FIELD_WIDTH)}${line}`)];
  };
  lines.push(style.title('Progress'));
  lines.push(...field('Sessions', `${stats.sessions} (${stats.completed} completed, ${stats.abandoned} abandoned) · ${practiceTime(stats.practiceSeconds)} practised`));
  const { streaks } = stats;
  lines.push(...field('Streak', `${plural(streaks.current, 'day')} now · longest ${plural(streaks.longest, 'day')} · ${plural(streaks.days, 'day')} practised in all`));
  if (stats.averageScore !== null) lines.push(`${style.heading('Average')}    ${grade(stats.averageScore)(`${stats.averageScore}%`)}`);

  // A coverage row: its title cut to what the bar, the percentage and the count leave, so a row
  // never wraps on a terminal; whole where it fits, and always in a pipe (see rowRoom).
  const coverageRows = (rows: ReadonlyArray<{ title: string; averageScore: number; sessions: number }>) => {
    const counts = rows.map((row) => `(${plural(row.sessions, 'session')})`);
    const plain = 2 + 2 + 4 + 2 + widest(counts);
    // The bars give way on a terminal too narrow for them beside a title of 8 columns.
    const bars = view.charts && view.width - plain - 21 >= 8;
    const rest = plain + (bars ? 21 : 0);
    const width = Math.max(8, Math.min(widest(rows.map((row) => stripControl(row.title))), rowRoom(view) - rest));
    const scoreBar = (score: number) => (bars ? `${grade(score)(bar(score / 100, 20))} ` : '');
    return rows.map((row, i) => `  ${label(stripControl(row.title), width)}  ${scoreBar(row.averageScore)}${percent(row.averageScore)}  ${style.dim(counts[i]!)}`);
  };
  const coverage = (stages: readonly StageStats[]) => (stages.length ? ['', style.heading('Coverage by stage'), ...coverageRows(stages)] : []);
  // One rubric: its stages and items as they always were. More: a section for each, after the figures they share.
  const only = stats.rubrics.length > 1 ? undefined : { stages: stats.stages, missed: stats.missed };
  if (only) lines.push(...coverage(only.stages));

  if (stats.categories.length) {
    const title = (category: string) => CATEGORY_TITLES[category as Category] ?? category;
    lines.push('', ...heading('Coverage by category', '(weakest first)'));
    lines.push(...coverageRows(stats.categories.map((category) => ({ ...category, title: title(category.category) }))));
  }

  const { trend } = stats;
  if (trend.scores.length) {
    lines.push('', ...heading('Score trend', `(last ${plural(trend.scores.length, 'completed session')}, oldest first)`));
    const change = trend.change === null ? undefined : trendChange(trend.change);
    if (view.charts) {
      // First and latest are named: `60% → 71%` beside a fall of the halves' averages read as up, then down.
      const ends = `first ${trend.scores[0]}%, latest ${trend.scores[trend.scores.length - 1]}%`;
      const line = `  ${style.accent(sparkline(trend.scores))}  ${ends}${change ? ` · ${change}` : ''}`;
      if (visibleLength(line) <= view.width) lines.push(line);
      else lines.push(`  ${style.accent(sparkline(trend.scores))}  ${ends}`, ...(change ? wrap(change, view.width, '  ') : []));
    } else {
      lines.push(...wrap(trend.scores.join(' '), view.width - 2, '  '));
      if (change) lines.push(...wrap(change, view.width, '  '));
    }
  }

  if (only) lines.push(...pacingLines(only.stages, style, view), ...missedLines(only.missed, style, view));
  else {
    for (const rubric of stats.rubrics) {
      const count = ` · rubric, ${plural(rubric.sessions, 'completed session')}`;
      const title = stripControl(rubric.title);
      // A title too long for the line keeps its words: it wraps, and the count goes under it.
      lines.push('', ...(visibleLength(title) + count.length <= view.width
        ? [`${style.title(title)}${style.dim(count)}`]
        : [...wrap(title, view.width).map((line) => style.title(line)), style.dim(count.replace(/^ · /, ''))]));
      lines.push(...coverage(rubric.stages), ...pacingLines(rubric.stages, style, view), ...missedLines(rubric.missed, style, view));
    }
  }

  const { calibration } = stats;
  if (calibration && (calibration.ai.length || calibration.partner.length)) {
    lines.push('', ...heading('Calibration', '(your own rating against another rater\'s, per stage)'));
    for (const [stages, other] of [[calibration.ai, 'the AI grader'], [calibration.partner, 'your partner']] as const) {
      for (const stage of stages) {
        const sentence = calibrationSentence({ ...stage, title: stripControl(stage.title) }, other);
        const [first = '', ...rest] = wrap(`${sentence}.`, view.width - 4);
        lines.push(`  ${first}`, ...rest.map((line) => `    ${line}`));
      }
    }
  }
  return lines;
}

/**
 * How wide a row of a title and its figures may be: the terminal's width, where a longer row would
 * wrap; unlimited in a pipe (no charts), where a cut title would only lose words for grep and awk.
 */
function rowRoom(view: StatsView): number {
  return view.charts ? view.width : Infinity;
}

/** Text cut to width with an ellipsis, or padded to it. */
function label(text: string, width: number): string {
  return padColumns(cut(text, width), width);
}

function pacingLines(stages: readonly StageStats[], style: Style, view: StatsView): string[] {
  if (!stages.length) return [];
  // A narrower bar below 100 columns, and titles cut to what is left: a row never wraps.
  const cells = view.width >= 100 ? 20 : 10;
  const longest = widest(stages.map((stage) => stripControl(stage.title)));
  const times = stages.map((stage) => `${clock(stage.averageUsedSeconds)} of ${clock(stage.averageBudgetSeconds)}`);
  const timesWidth = widest(times);
  const plain = 2 + 2 + timesWidth + 2 + PACE_WIDTH;
  // The bar gives way on a terminal too narrow for it beside a title of 8 columns.
  const charts = view.charts && view.width - plain - (cells * 1.5 + 1) >= 8;
  const chartWidth = charts ? cells * 1.5 + 1 : 0;
  const width = Math.max(8, Math.min(longest, rowRoom(view) - plain - chartWidth));
  const lines = ['', ...wrap(`${style.heading('Pacing')} ${style.dim('(average time used of the average budget)')}`, view.width)];
  for (const [i, stage] of stages.entries()) {
    const time = times[i]!.padEnd(timesWidth);
    const paint = stage.overPercent > ON_TIME_PERCENT ? style.warn : style.good;
    const chart = charts ? `${paceBar(stage.overPercent, style, cells)} ` : '';
    lines.push(`  ${label(stripControl(stage.title), width)}  ${chart}${time}  ${paint(paceText(stage.overPercent))}`);
  }
  return lines;
}

function missedLines(missed: readonly MissedItem[], style: Style, view: StatsView): string[] {
  if (!missed.length) return [];
  const lines = ['', style.heading('Missed most often')];
  missed.forEach((item, i) => {
    const [first = '', ...rest] = wrap(stripControl(item.text), view.width - 6);
    lines.push(`  ${i + 1}. ${first}`, ...rest.map((line) => `     ${line}`));
    lines.push(...wrap(`${stripControl(item.stageTitle)} · missed in ${item.missed} of ${plural(item.assessed, 'session')}`, view.width, '     ').map((line) => style.dim(line)));
    if (item.guidance) lines.push(...wrap(stripControl(item.guidance), view.width - 7, '     ').map((line) => style.dim(line)));
  });
  return lines;
}

/** `cells` for the budget (█ used, ░ left), then ▓ for time over it, up to half as many more. */
function paceBar(overPercent: number, style: Style, cells: number): string {
  const used = Math.max(0, 1 + overPercent / 100);
  const within = Math.round(Math.min(1, used) * cells);
  const over = Math.min(cells / 2, Math.round(Math.max(0, used - 1) * cells));
  return `${style.good('█'.repeat(within))}${style.dim('░'.repeat(cells - within))}${style.warn('▓'.repeat(over))}${' '.repeat(cells / 2 - over)}`;
}
