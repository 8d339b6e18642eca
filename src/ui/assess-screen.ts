// The self-assessment screen's layout: a pure function from what is ticked, the cursor and the
// stage's notes to the lines to draw at the terminal's size. The list never runs past the
// screen: what does not fit is counted (`↓ 6 more · 2 ticked`), so that an item ticked from the
// notes is never confirmed unseen; the notes above it fold first.
import type { ScoredItem } from '../session/interview.js';
import { cut, fitLine, sliceColumns, stripControl, visibleLength, wrap } from '../text.js';
import type { EvidenceSource } from '../score/suggest.js';
import type { Style } from './colour.js';
import { keyLine, type Size } from './stage-screen.js';

/** Marks an item ticked because the notes mention it; the drill explains it once, before the first screen. */
export const SUGGESTED = '✦';

export interface AssessView {
  message: string;
  /** The rubric's items (a question item that replaces one in its place), then the question's own. */
  items: readonly ScoredItem[];
  ticked: ReadonlySet<string>;
  cursor: number;
  /** Suggested items: id -> the words of the notes that suggested it. */
  evidence: ReadonlyMap<string, string>;
  /** Suggested items whose words are not in this stage's notes: id -> where they are. */
  evidenceFrom?: ReadonlyMap<string, EvidenceSource>;
  /** The stage's notes, shown above the list. */
  notes: string;
}

/** Notes lines shown above the list when the screen has room to spare. */
const MOST_NOTE_LINES = 6;

/** The confirmed stage, as it stays on screen: `Clarify: 5 of 9 covered`. */
export function assessedLine(title: string, items: readonly ScoredItem[], ticked: ReadonlySet<string>, style: Style, columns = 100): string {
  const count = `: ${items.filter((item) => ticked.has(item.id)).length} of ${items.length} covered`;
  return fitLine(`${style.good('✔')} ${style.heading(cut(title, Math.max(8, columns - count.length - 2)))}${count}`, columns);
}

/** The screen: `lines`, and `help` (the keys) under them. */
export function assessLines(view: AssessView, size: Size, style: Style): { lines: string[]; help: string } {
  const width = Math.max(20, Math.min(size.columns, 100));
  const count = view.items.filter((item) => view.ticked.has(item.id)).length;
  const header = wrap(`? ${view.message} (${count} of ${view.items.length} ticked)`, width).map((line, i) => (i ? style.heading(line) : `${style.accent('?')}${style.heading(line.slice(1))}`));
  // The legend of ✦ stays with the keys: the intro that explains it may have scrolled away on a short screen.
  const legend = view.evidence.size > 0 ? [style.dim(`${SUGGESTED} suggested by your notes`)] : [];
  const help = keyLine([...[['Space', 'tick'], ['↑↓', 'move'], ['Enter', 'confirm']].map(([key, does]) => `${style.key(` ${key} `)} ${does}`), ...legend], width);

  // Each item's lines; the question's own items that follow the rubric's carry the separator above
  // them. One that replaces a rubric item stands in that item's place, among the rubric's: a
  // separator above it would put the rubric items after it under "specific to this question".
  const lastRubric = view.items.findLastIndex((item) => item.source !== 'question');
  const firstOwn = lastRubric + 1 < view.items.length ? lastRubric + 1 : -1;
  const rows = view.items.map((item, i) => {
    const here = i === view.cursor;
    const mark = view.ticked.has(item.id) ? style.good('◉') : '◯';
    // Notes keep what was typed or pasted; the screen shows it without control sequences, colour included.
    const found = view.evidence.get(item.id);
    const phrase = found === undefined ? undefined : stripControl(found);
    const text = wrap(item.text, width - 6);
    // The marker and its phrase are never split: after the text when they fit, else under it.
    const from = view.evidenceFrom?.get(item.id);
    const where = from === undefined ? '' : from === 'asked' ? ' (your question)' : ` (stage ${from + 1} notes)`;
    const evidence = phrase === undefined ? '' : `${SUGGESTED} “${sliceColumns(phrase, width - 12 - where.length)}”${where}`;
    const fits = evidence && visibleLength(`${text.at(-1)} ${evidence}`) <= width - 6;
    const [first = '', ...rest] = text.map((line, i) => (fits && i === text.length - 1 ? `${line} ${style.dim(evidence)}` : line));
    const lines = [`${here ? style.accent('❯') : ' '} ${mark} ${here ? style.accent(first) : first}`, ...rest.map((line) => `    ${line}`), ...(evidence && !fits ? [`    ${style.dim(evidence)}`] : [])];
    return i === firstOwn && firstOwn > 0 ? [style.dim('  ── specific to this question ──'), ...lines] : lines;
  });

  // The notes, folded: their lines joined, so short lines share a screen line.
  const noteText = stripControl(view.notes).split('\n').map((line) => line.trim()).filter(Boolean).join(' · ');
  const noteLines = noteText ? wrap(noteText, width - 4, '  ') : [];
  const room = Math.max(3, size.rows - 1 - header.length - help.split('\n').length);
  const listLines = rows.reduce((sum, lines) => sum + lines.length, 0);
  // The notes get what the list leaves, at most a few lines, and at least one while any fit.
  const spare = room - listLines - 1; // less their heading
  const notesShown = Math.min(noteLines.length, MOST_NOTE_LINES, Math.max(spare, room >= 10 ? 2 : room >= 7 ? 1 : 0));
  const notes = notesShown
    ? [
        style.dim('Your notes:'),
        ...noteLines.slice(0, notesShown).map((line, i) => style.dim(i === notesShown - 1 && notesShown < noteLines.length ? `${sliceColumns(line, Math.max(0, width - 2))}…` : line)),
      ]
    : view.notes.trim()
      ? []
      : [style.dim('Your notes: none in this stage.')];

  // A window of items around the cursor, narrowed one item at a time from the far side.
  const listRoom = Math.max(3, room - notes.length);
  let from = 0;
  let to = rows.length;
  const height = () => rows.slice(from, to).reduce((sum, lines) => sum + lines.length, 0) + (from > 0 ? 1 : 0) + (to < rows.length ? 1 : 0);
  while (height() > listRoom && to - from > 1) {
    if (view.cursor - from > to - 1 - view.cursor) from += 1;
    else to -= 1;
  }
  const tickedIn = (list: readonly ScoredItem[]) => list.filter((item) => view.ticked.has(item.id)).length;
  const more = (arrow: string, list: readonly ScoredItem[]) => {
    const ticked = tickedIn(list);
    return style.dim(`  ${arrow} ${list.length} more${ticked ? ` · ${ticked} ticked` : ''}`);
  };
  const list = [
    ...(from > 0 ? [more('↑', view.items.slice(0, from))] : []),
    ...rows.slice(from, to).flat(),
    ...(to < rows.length ? [more('↓', view.items.slice(to))] : []),
  ];
  return { lines: [...header, ...notes, ...list].map((line) => fitLine(line, width)), help };
}

/** The intro above the first screen: the keys (`keys`: a line-at-a-time terminal ticks by number), and the marker explained once; wrapped at word breaks to `width`. */
export function assessIntro(anySuggested: boolean, style: Style, width: number, keys = 'Space ticks, Enter confirms'): string {
  const intro = wrap(`Self-assessment: tick what you really covered (${keys}).`, width);
  const marker = wrap(`${SUGGESTED} marks an item your notes mention, ticked for you: untick what you did not cover.`, width).map((line) => style.dim(line));
  return [...intro, ...(anySuggested ? marker : [])].join('\n');
}

