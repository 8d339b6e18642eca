// The question picker's layout: a pure function from the questions that match what is typed,
// the cursor and the terminal's size to the lines to draw, none wider than the terminal (a line
// the terminal wraps breaks words and the redraw in place).
import type { QuestionSummary } from '../bank/catalog.js';
import { compareText, cut, fitLine, visibleLength } from '../text.js';
import { gradeStyle, type Style } from './colour.js';
import type { Size } from './stage-screen.js';
import { keyLine } from './stage-screen.js';

export interface PickView {
  /** The questions that match what is typed, in the picker's order. */
  shown: readonly QuestionSummary[];
  /** The index in `shown` of the question under the cursor. */
  active: number;
  /** What is typed: the filter. */
  term: string;
  /** The last score of each question drilled, by id. */
  lastScores: ReadonlyMap<string, number>;
}

/** A title as the picker sorts it: from its first letter or digit, so a quoted title (`"Hey Siri" style...`) sorts under H. */
const sortKey = (title: string) => title.replace(/^[^\p{L}\p{N}]+/u, '');

/** The picker's order: by title, what it shows (code-point order, like every list of mldrill's, from the first letter or digit). */
export function byTitle(questions: readonly QuestionSummary[]): QuestionSummary[] {
  return [...questions].sort((a, b) => compareText(sortKey(a.title), sortKey(b.title)) || compareText(a.title, b.title) || compareText(a.id, b.id));
}

/** The questions whose id, title, category, difficulty, tags or companies hold every word typed. */
export function matching(questions: readonly QuestionSummary[], term: string): QuestionSummary[] {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  return questions.filter((question) => {
    const haystack = [question.id, question.title, question.category, question.difficulty, ...(question.tags ?? []), ...(question.companies ?? [])].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * A question's line in the picker, within `columns` less the pointer. What gives way first: the
 * category, then the title's end.
 */
function pickerName(question: QuestionSummary, lastScore: number | undefined, style: Style, columns: number): string {
  const room = Math.max(10, columns - 3);
  const kind = `(${question.category}, ${question.difficulty})`;
  const score = lastScore === undefined ? '' : `last ${lastScore}%`;
  const tail = (withKind: boolean) => [withKind ? style.dim(kind) : '', score ? `${style.dim('·')} ${gradeStyle(style)(lastScore!)(score)}` : ''].filter(Boolean);
  const width = (withKind: boolean) => visibleLength(tail(withKind).map((part) => ` ${part}`).join(''));
  const withKind = visibleLength(question.title) + width(true) <= room;
  const title = cut(question.title, Math.max(5, room - width(withKind)));
  return [title, ...tail(withKind)].join(' ');
}

/** The question asked above the list, shorter where the long one would not leave room to type. */
export function pickMessage(columns: number): string {
  return columns >= 40 ? 'Pick a question (type to filter)' : columns >= 24 ? 'Pick a question' : 'Question';
}

/**
 * The screen under the line being typed: a window of the list around the cursor (the question,
 * the list, a blank line, the id and the keys are never taller than the terminal), or what
 * nothing matched.
 */
export function pickLines(view: PickView, size: Size, style: Style): string[] {
  const width = Math.max(20, size.columns);
  const keys = keyLine([`${style.heading('↑↓')} ${style.dim('navigate')}`, `${style.heading('⏎')} ${style.dim('select')}`, `${style.heading('Ctrl-C')} ${style.dim('quit')}`], width).split('\n');
  // The question above, a blank line, the id and the keys take the rest.
  const pageSize = Math.max(3, Math.min(12, size.rows - 3 - keys.length));
  const from = Math.max(0, Math.min(view.active - Math.floor(pageSize / 2), view.shown.length - pageSize));
  const rows = view.shown.slice(from, from + pageSize).map((question, i) => {
    const name = pickerName(question, view.lastScores.get(question.id), style, width);
    return from + i === view.active ? style.accent(`❯ ${name}`) : `  ${name}`;
  });
  const list = view.shown.length ? rows : [style.bad(`> No question matches "${view.term.trim()}"`)];
  const id = view.shown[view.active]?.id;
  return [...list, ' ', ...(id ? [style.dim(id)] : []), ...keys].map((line) => fitLine(line, width));
}
