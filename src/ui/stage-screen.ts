// The stage screen's layout: a pure function from what the screen shows (the session, the line
// being typed, the cursor) and the terminal's size to the lines to draw. Whatever does not fit
// the height is folded, least needed first, so that the screen can be redrawn in place: a
// screen taller than the terminal garbles when redrawn.
import { lazy } from '../lazy.js';
import { isPaused, remainingSeconds, usedSeconds, type SessionState } from '../session/engine.js';
import { breakLine, clock, cut, fitLine, plural, stripControl, visibleLength, wrap } from '../text.js';
import type { Style } from './colour.js';
import { keyHints, LINE_MODES, type LineMode } from './stage-keys.js';

export interface StageView {
  state: SessionState;
  now: number;
  hints: readonly string[];
  /** Interviewer mode: the stage's checklist and the cursor in it. */
  checklist?: ReadonlyArray<{ id: string; text: string }>;
  cursor: number;
  /** Interviewer mode: follow-ups to ask on this stage; `allFollowups` keeps them unfolded. */
  followups?: readonly string[];
  allFollowups: boolean;
  /** The line being typed. */
  line: string;
  /** Which line of the stage's notes is being edited, or null for a new line. */
  editing: number | null;
  /** Waiting at the ready gate: the clock starts on Enter. */
  gated: boolean;
  /** False with --no-save. */
  save: boolean;
  notice?: string;
  /** The line being typed belongs to a line mode (a question to the interviewer), not to the notes. */
  lineMode?: LineMode;
  /** The question has no fact sheet: the interviewer pane says so, once, in its heading. */
  noFactSheet?: boolean;
  /** Interviewer mode: the question's prompt, kept on screen to read out and come back to. */
  question?: string;
  /** Interviewer mode: the fact sheet to answer from, shown as `factsView` says (Ctrl-O). */
  facts?: ReadonlyArray<{ topic: string; answer: string }>;
  factsView?: FactsView;
  /** With `whole` on a screen too short for the whole sheet: which screenful of it (from 0; Ctrl-O turns them). */
  factsPage?: number;
  /** The diagram pad's lines (the session's diagram, without the line being typed). */
  diagram?: string;
  /**
   * The pad's picture of a diagram in at most `width` columns and `height` rows (src/diagram/pad.ts,
   * loaded when the pad is first opened); absent until it has loaded.
   */
  drawDiagram?: (source: string, size: { width: number; height: number }) => string[];
}

/**
 * How the fact sheet is shown: `fit` folds it for space like the rest (answers cut to a line,
 * then the sheet to its heading); `whole` keeps every answer whole and folds the rest first (on a
 * screen too short for it, a screenful at a time: `factsPage`); `hidden` is its heading alone.
 */
export type FactsView = 'fit' | 'whole' | 'hidden';

export interface Size {
  columns: number;
  rows: number;
}

/** Notes lines kept on screen when there is room; older ones fold (all are kept and saved). */
const VISIBLE_NOTE_LINES = 8;
/** Questions to the interviewer kept on screen with their answers when there is room. */
const VISIBLE_EXCHANGES = 3;
/** Rows the notes (and what folds with them) get at the least: the frame around them folds first. */
const MIN_BODY_ROWS = 4;
/** The pad's least picture worth folding the rest for: one box (three rows) and the line saying what does not fit. */
const PAD_LEAST_ROWS = 4;
/** The last of the steps by which the frame around the notes folds (see `tight` in stageLines). */
const TIGHTEST = 5;

/** The countdown as the report will show it: whole seconds left, rounded up, so 5 minutes show 05:00. */
function timeLeft(state: SessionState, now: number): { seconds: number; over: boolean } {
  const remaining = remainingSeconds(state, now);
  return remaining >= 0 ? { seconds: Math.ceil(remaining), over: false } : { seconds: Math.round(-remaining), over: true };
}

/** The countdown in words, `04:12 left` or `+01:05 over time`: the stage screen's, `TERM=dumb`'s and resume's. */
export function timeLeftText(state: SessionState, now: number): string {
  const left = timeLeft(state, now);
  return left.over ? `+${clock(left.seconds)} over time` : `${clock(left.seconds)} left`;
}

/** The line left on screen for a finished stage: its time as the report rounds it, the title cut to fit `columns`. */
export function finishedLine(state: SessionState, index: number, now: number, style: Style, columns = 100): string {
  const stage = state.plan[index]!;
  const used = Math.round(usedSeconds(state, index, now));
  const over = used > stage.budgetSeconds;
  const time = `${clock(used)} of ${clock(stage.budgetSeconds)}`;
  return fitLine(`${style.good('✔')} ${style.heading(cut(stage.title, Math.max(8, columns - time.length - 5)))} ${style.dim('·')} ${(over ? style.warn : style.dim)(time)}`, columns);
}

/** The screen: `lines` above the line being typed, `help` under it, and whether the fact sheet had to be cut to fit. */
export function stageLines(view: StageView, size: Size, style: Style): { lines: string[]; help: string; factsCut: boolean; factsPages: number } {
  const { state } = view;
  const index = state.current;
  const stage = state.plan[index]!;
  const progress = state.progress[index]!;
  // Never wider than the terminal (a narrower screen wraps lines mid-word and breaks the redraw).
  const width = Math.max(20, Math.min(size.columns, 100));

  const left = timeLeft(state, view.now);
  const timer = view.gated
    // The budget shows before the clock starts, as it will run: the stage's goal and budget first.
    ? style.warn(`⏸ ready · ${timeLeftText(state, view.now)}`)
    : isPaused(state)
      ? style.warn(`⏸ paused · ${timeLeftText(state, view.now)}`)
      : (left.over ? style.bad : left.seconds <= 60 ? style.warn : style.good)(`⏱ ${timeLeftText(state, view.now)}`);
  const title = `Stage ${index + 1}/${state.plan.length} · ${stage.title}`;
  // On a short terminal the frame around the notes gives way first (see `tight` below), so that
  // the clock stays on screen and the screen is never taller than the terminal.
  let tight = 0;
  const headerLines = () => {
    const gap = width - visibleLength(title) - visibleLength(timer);
    const shortTitle = cut(title, Math.max(1, width - visibleLength(timer) - 2));
    return [
      ...(gap >= 2 ? [`${style.title(title)}${' '.repeat(gap)}${timer}`] : tight >= 1 ? [`${style.title(shortTitle)}${' '.repeat(Math.max(2, width - visibleLength(shortTitle) - visibleLength(timer)))}${timer}`] : [style.title(title), timer]),
      ...(view.notice ? [style.warn(cut(view.notice, width))] : []),
      ...(tight >= 4 ? [] : tight >= 2 ? [style.dim(`  ${cut(stage.goal, width - 2)}`)] : wrap(stage.goal, width - 2, '  ').map((line) => style.dim(line))),
    ];
  };
  let header = headerLines();
  const numbered = (items: readonly string[], from = 0) =>
    items.flatMap((item, i) => {
      const [first = '', ...rest] = wrap(item, width - 5);
      return [`  ${from + i + 1}. ${first}`, ...rest.map((line) => `     ${line}`)];
    });

  const curveball = state.curveball;
  const cutIn = curveball && curveball.stage === index && curveball.shownAtSeconds !== null
    ? [style.warn('⚡ The interviewer cuts in:'), ...wrap(curveball.text, width - 4, '  ').map((line) => style.heading(line))]
    : [];
  const shownHints = view.hints.slice(0, progress.hintsShown);
  const checklist = view.checklist ?? [];
  const checklistItems = checklist.map((item, i) => {
    const mark = progress.ticked.includes(item.id) ? style.good('◉') : '◯';
    const pointer = i === view.cursor ? style.accent('❯') : ' ';
    const [first = '', ...rest] = wrap(item.text, width - 6);
    return [`${pointer} ${mark} ${i === view.cursor ? style.accent(first) : first}`, ...rest.map((line) => `    ${line}`)];
  });
  // Notes keep what was typed or pasted (a checkpoint may hold anything); the screen shows them
  // without control sequences, colour included: the screen's own sanitiser lets colour through.
  const noteLines = progress.notes ? stripControl(progress.notes).replace(/\n$/, '').split('\n') : [];
  const exchanges = (state.exchanges ?? []).filter((exchange) => exchange.stageId === stage.id);
  const facts = view.facts ?? [];

  const context = { line: view.line, interviewer: checklist.length > 0, gated: view.gated, canGoBack: index > 0, lineMode: view.lineMode, facts: facts.length > 0, hintsLeft: progress.hintsShown < view.hints.length, paused: !view.gated && isPaused(state) };
  const last = index + 1 === state.plan.length;
  const keys = keyHints(context).map(([label, does]) => `${style.key(` ${label} `)} ${last ? does.replace('next stage', 'finish') : does}`);
  const quits = style.dim(view.save ? 'Ctrl-C quits (saved)' : 'Ctrl-C quits (not saved)');
  const allKeys = keyLine([...keys, quits], width);
  // Folded, the keys most needed: those that fit the first row.
  const helpLines = () => (tight >= 3 ? allKeys.split('\n')[0]! : allKeys);
  let help = helpLines();
  // Folded with the keys, to one line cut to the width: at 20 columns it wraps to four.
  const modeHelp = () => (view.lineMode ? (tight >= 3 ? [cut(LINE_MODES[view.lineMode].help, width)] : wrap(LINE_MODES[view.lineMode].help, width)).map((line) => style.dim(line)) : []);
  // The gate's line goes last of all: the keys say it too (Enter starts the clock).
  const typingLines = () => [...(view.gated && tight < TIGHTEST ? [style.dim(cut('The clock starts when you press Enter or start typing.', width))] : []), ...modeHelp()];
  let typing = typingLines();
  const padOpen = view.lineMode === 'pad';
  const diagramCount = (view.diagram ?? '').split('\n').filter((line) => line.trim()).length;

  const fixedRows = () => header.length + typing.length + help.split('\n').length + 2;
  // Title and clock on one line, the goal on one line, the keys on one row, no goal, no gate line.
  const tighten = () => {
    tight += 1;
    header = headerLines();
    help = helpLines();
    typing = typingLines();
  };
  while (size.rows - 1 - fixedRows() < MIN_BODY_ROWS && tight < TIGHTEST) tighten();
  let room = Math.max(MIN_BODY_ROWS, size.rows - 1 - fixedRows());
  let notesShown = Math.min(VISIBLE_NOTE_LINES, noteLines.length);
  let hintsFrom = 0;
  let followupsFolded = false;
  let window = { from: 0, to: checklistItems.length };
  let exchangesShown = Math.min(VISIBLE_EXCHANGES, exchanges.length);
  // At the tightest, the latest answer alone on one line.
  let exchangeLine = false;
  const factsView = view.factsView ?? 'fit';
  let factsFolded: 0 | 1 | 2 = factsView === 'hidden' ? 2 : 0;
  // Kept whole on a screen too short for it: a screenful of its lines at a time, and where they are in it.
  let factRows = Number.POSITIVE_INFINITY;
  // Folded to its heading while the whole sheet does not fit: the partner asked to read the sheet.
  let checklistFolded = false;
  /**
   * Where each screenful of the whole sheet starts, `factRows` lines at most: a fact is not split
   * between two unless it is longer than a screenful itself.
   */
  const factPages = () => {
    const starts = [0];
    let line = 0;
    for (const block of factBlocks) {
      // A fact that would run past the screenful starts the next one...
      if (line > starts.at(-1)! && line + block.length - starts.at(-1)! > factRows) starts.push(line);
      // ...and one longer than a screenful is split.
      while (line + block.length - starts.at(-1)! > factRows) starts.push(starts.at(-1)! + factRows);
      line += block.length;
    }
    return starts;
  };
  const factBlocks = facts.map((fact) => wrap(`${fact.topic}: ${stripControl(fact.answer)}`, width - 4, '    ').map((line, i) => (i ? line : `  ${line.trimStart()}`)));
  const wholeFacts = factBlocks.flat();
  /** The pad's picture in `height` rows at most, indented like the notes. */
  const drawn = (height: number) => (view.drawDiagram ? view.drawDiagram(stripControl(view.diagram ?? ''), { width: width - 2, height: Math.max(1, height) }).map((line) => `  ${line}`) : [style.dim('  loading the drawing…')]);
  // First as tall as the screen allows: the rest folds for it, and it is cut to what is left after that.
  let drawingHeight = room - 2;
  let drawing = padOpen ? drawn(drawingHeight) : [];
  let notesFolded = false;
  /** The rows the notes shown took at the last layout, and the most they may take (their last rows). */
  let noteRows = 0;
  let noteRowsCap = Number.POSITIVE_INFINITY;
  // Folded last of all, on a screen still too short (see lastFolds).
  let answerHidden = false;
  let notesHidden = false;
  let diagramLineHidden = false;
  const question = view.question ? stripControl(view.question).replace(/\s+/g, ' ').trim() : '';
  /** 1: on one line; 2: gone (a terminal too small for even that). */
  let questionFolded: 0 | 1 | 2 = 0;
  const body = () => {
    const lines: string[] = [];
    const section = (heading: string, content: string[]) => void lines.push('', style.heading(heading), ...content);
    if (question && questionFolded < 2) section('Question', questionFolded ? [cut(`  ${question}`, width)] : wrap(question, width, '  '));
    if (cutIn.length) lines.push('', ...cutIn);
    const asked = answerHidden ? [] : exchanges;
    if (asked.length && exchangeLine) lines.push('', cut(`  › ${stripControl(asked.at(-1)!.answer)}`, width));
    else if (asked.length) {
      const earlier = exchanges.length - exchangesShown;
      section(view.noFactSheet ? 'Interviewer (this question has no fact sheet: every answer is to assume)' : 'Interviewer', [
        ...(earlier > 0 ? [style.dim(`  … ${plural(earlier, 'earlier question')}`)] : []),
        ...exchanges.slice(earlier).flatMap((exchange) => [
          ...wrap(`You: ${stripControl(exchange.asked)}`, width - 4, '  ').map((line) => style.dim(line)),
          ...wrap(stripControl(exchange.answer), width - 4, '    ').map((line, i) => (i ? line : `  ${style.accent('›')} ${line.trimStart()}`)),
        ]),
      ]);
    }
    if (facts.length) {
      const count = plural(facts.length, 'fact');
      if (factsFolded === 2) lines.push('', style.heading(`Fact sheet: ${count}`) + style.dim(factsView === 'hidden' ? ' (Ctrl-O shows it)' : factsView === 'whole' ? ' (folded for space: a taller terminal shows it)' : ' (folded for space: Ctrl-O shows it whole)'));
      else {
        const factLines = factsFolded === 1 ? facts.map((fact) => cut(`  ${fact.topic}: ${stripControl(fact.answer)}`, width)) : wholeFacts;
        const note = factsFolded === 1 ? ' (cut to fit: Ctrl-O shows it whole)' : factsView === 'whole' && factLines.length <= factRows ? ' (Ctrl-O hides it)' : '';
        let shown = factLines;
        if (factLines.length > factRows) {
          const starts = factPages();
          // The page asked for, within the sheet at this size (a resize may have made it shorter).
          const page = Math.min(view.factsPage ?? 0, starts.length - 1);
          const from = starts[page]!;
          const to = starts[page + 1] ?? factLines.length;
          shown = [...factLines.slice(from, to), style.dim(`  lines ${from + 1}-${to} of ${factLines.length}; Ctrl-O ${to < factLines.length ? 'shows the next' : 'hides the sheet'}`)];
        }
        lines.push('', style.heading('Fact sheet: answer only what is asked') + style.dim(note), ...shown);
      }
    }
    if (shownHints.length) {
      section(`Hints (${shownHints.length} of ${view.hints.length})`, [
        ...(hintsFrom > 0 ? [style.dim(`  … ${plural(hintsFrom, 'earlier hint')} folded for space`)] : []),
        ...numbered(shownHints.slice(hintsFrom), hintsFrom),
      ]);
    }
    if (checklistItems.length && checklistFolded) lines.push('', style.heading(`Checklist: ${progress.ticked.length} of ${checklistItems.length} covered`) + style.dim(' (folded for the fact sheet)'));
    else if (checklistItems.length) {
      section(`Checklist (${progress.ticked.length} of ${checklistItems.length} covered)`, [
        ...(window.from > 0 ? [style.dim(`  ↑ ${window.from} more`)] : []),
        ...checklistItems.slice(window.from, window.to).flat(),
        ...(window.to < checklistItems.length ? [style.dim(`  ↓ ${checklistItems.length - window.to} more`)] : []),
      ]);
    }
    if (view.followups?.length) {
      if (followupsFolded) lines.push('', style.heading(`Follow-ups to ask: ${view.followups.length}`) + style.dim(' (Ctrl-F shows them)'));
      else section('Follow-ups to ask', numbered(view.followups));
    }
    // The line being edited stays in view: the window of notes ends at it.
    const end = view.editing === null ? noteLines.length : Math.min(noteLines.length, Math.max(view.editing + 1, notesShown));
    const from = Math.max(0, end - notesShown);
    // Hidden for the pad's picture, the notes come back with Esc.
    if (notesHidden) {
      // nothing: the picture has their rows
    } else if (notesFolded) lines.push('', style.heading(`Notes: ${plural(noteLines.length, 'line')}`) + style.dim(' (Esc shows them)'));
    else if (noteLines.length > 0 || !view.gated) {
      const rows = noteLines.slice(from, end).flatMap((line, i) =>
        from + i === view.editing ? wrap(line, width - 4, '    ').map((part, j) => (j ? style.dim(part) : `  ${style.accent('✎')} ${style.dim(part.trimStart())}`)) : wrap(line, width - 2, `  ${leadOf(line, width)}`));
      noteRows = rows.length;
      // A line longer than the room (a paragraph pasted whole) ends in view, where the writing goes on.
      const above = Math.max(0, rows.length - noteRowsCap);
      const folded = [above > 0 ? plural(above, 'row') + ' above' : '', from > 0 ? plural(from, 'earlier line') : ''].filter(Boolean).join(' and ');
      section('Notes', [...(folded ? [style.dim(`  … ${folded}`)] : []), ...rows.slice(above)]);
    }
    if (padOpen) section(`Diagram (${plural(diagramCount, 'line')})`, drawing);
    else if (diagramCount && !diagramLineHidden) lines.push('', style.heading(`Diagram: ${plural(diagramCount, 'line')}`) + style.dim(' (Ctrl-G opens the pad)'));
    return lines;
  };
  // Least needed first; the follow-ups go last: in the deep-dive they are what an interviewer needs most.
  const fold = [
    () => (hintsFrom < shownHints.length - 1 ? ((hintsFrom = shownHints.length - 1), true) : false),
    () => (notesShown > 2 ? ((notesShown = 2), true) : false),
    () => (exchangesShown > 1 ? ((exchangesShown = 1), true) : false),
    () => (factsFolded === 0 && factsView === 'fit' ? ((factsFolded = 1), true) : false),
    () => {
      // Narrow the checklist to a window around the cursor, one item at a time.
      if (window.to - window.from <= 1) return false;
      window = view.cursor - window.from > window.to - 1 - view.cursor ? { ...window, from: window.from + 1 } : { ...window, to: window.to - 1 };
      return true;
    },
    // The question, on one line, once the checklist is down to the item at the cursor: the partner
    // reads it out at the start and comes back to it, and whole it is only a line or two.
    () => (question && questionFolded === 0 ? ((questionFolded = 1), true) : false),
    () => (factsFolded === 1 && factsView === 'fit' ? ((factsFolded = 2), true) : false),
    () => (followupsFolded || view.allFollowups ? false : (followupsFolded = true)),
    () => (question && questionFolded === 1 ? ((questionFolded = 2), true) : false),
    // The answer's line is paid for with a line of notes: both stay in view.
    () => (exchanges.length && !exchangeLine ? (exchangeLine = true) : false),
    () => (exchangeLine && notesShown > 1 ? ((notesShown = 1), true) : false),
    // At the tightest (a short terminal, or the diagram pad open), the last line of notes alone.
    () => (notesShown > 1 ? ((notesShown = 1), true) : false),
    // With the pad open, its picture is what is being worked on: the notes fold to one line.
    () => (padOpen && !notesFolded && noteLines.length > 0 ? (notesFolded = true) : false),
    // One line of notes still taller than the room (a long paste): its last rows, as many as fit
    // with the line that says what is above them, and at least one.
    () => {
      const cap = Math.max(1, Math.min(noteRows, noteRowsCap) - (lines.length - room) - 1);
      return !padOpen && cap < Math.min(noteRows, noteRowsCap) ? ((noteRowsCap = cap), true) : false;
    },
  ];
  let lines = body();
  for (const step of fold) {
    while (lines.length > room && step()) lines = body();
  }
  // Folded as far as it goes and still too tall: the frame gives way further.
  while (lines.length > room && tight < TIGHTEST) {
    tighten();
    room = Math.max(MIN_BODY_ROWS, size.rows - 1 - fixedRows());
  }
  // With the frame at its tightest and still too tall, even with the pad's picture down to one
  // box: with the pad open, the latest answer and then the notes' line give way to it; with the
  // pad closed, the line counting the diagram's lines goes.
  // A picture smaller than that (nothing drawn yet, a box or two) needs only its own rows.
  const leastDrawing = lazy(() => (padOpen ? drawn(PAD_LEAST_ROWS).length : 0));
  const withLeastDrawing = () => lines.length - drawing.length + leastDrawing();
  const lastFolds = [
    () => (padOpen && exchanges.length && !answerHidden ? (answerHidden = true) : false),
    () => (padOpen && !notesHidden ? (notesHidden = true) : false),
    () => (!padOpen && diagramCount && !diagramLineHidden ? (diagramLineHidden = true) : false),
  ];
  for (const step of lastFolds) {
    while (withLeastDrawing() > room && step()) lines = body();
  }
  // Asked for whole and still too tall with the frame at its tightest: the checklist folds to its
  // count, and the sheet is shown a screenful at a time (Ctrl-O turns to the next), and below a
  // line of it, its heading alone (where the sheet cut to fit ends), so that Ctrl-O never makes
  // the screen taller than the terminal.
  if (factsView === 'whole' && facts.length && lines.length > room) {
    if (checklistItems.length) {
      checklistFolded = true;
      lines = body();
    }
    // One row goes to the line that says where in the sheet this screenful is.
    if (lines.length > room) factRows = Math.max(1, wholeFacts.length - (lines.length - room) - 1);
    lines = body();
    if (lines.length > room) {
      factsFolded = 2;
      lines = body();
    }
  }
  // A terminal shorter than the frame and the body's least rows (20x8): the answer, the notes
  // and the diagram's line go, pad open or not, so that the clock's line stays on screen.
  const rowsLeft = Math.max(0, size.rows - 1 - fixedRows());
  const tinyFolds = [
    () => (exchanges.length && !answerHidden ? (answerHidden = true) : false),
    () => (!notesHidden ? (notesHidden = true) : false),
    () => (diagramCount && !diagramLineHidden ? (diagramLineHidden = true) : false),
  ];
  for (const step of tinyFolds) {
    while (withLeastDrawing() > rowsLeft && step()) lines = body();
  }
  // Drawn again for the rows it has now: fewer when the screen is still too tall (the pad says
  // itself what does not fit, src/diagram/pad.ts), more when the rest folded for it.
  const drawingRows = Math.min(room, Math.max(rowsLeft, PAD_LEAST_ROWS)) - (lines.length - drawing.length);
  if (padOpen && drawingRows !== drawingHeight) {
    drawingHeight = drawingRows;
    drawing = drawn(drawingHeight);
    lines = body();
  }
  const prompt = view.lineMode ? style.accent(LINE_MODES[view.lineMode].prompt) : view.editing === null ? style.accent('>') : style.accent(`✎ ${view.editing + 1}>`);
  // Each line within the width, whatever it holds (a long word in the notes, a long title); the
  // line being typed is the line editor's own, which wraps it as any terminal line does.
  return {
    lines: [...[...header, ...lines, ...typing].map((line) => fitLine(line, width)), '', `  ${prompt} ${stripControl(view.line)}`],
    help,
    factsCut: facts.length > 0 && factsFolded > 0 && factsView === 'fit',
    factsPages: factsView === 'whole' && factsFolded === 0 ? factPages().length : 1,
  };
}

/**
 * A note line's own indentation, kept on screen (an outline typed with nested points stays one;
 * wrap alone starts every line at the margin), up to a third of the width so the words keep room.
 */
function leadOf(line: string, width: number): string {
  return /^ */.exec(line)![0].slice(0, Math.floor(width / 3));
}

/**
 * A line of key hints, wrapped between entries; an entry wider than the screen (a narrow
 * terminal) is itself wrapped, its description indented under its key.
 */
export function keyLine(entries: readonly string[], width: number): string {
  const rows: string[] = [];
  // The row after a wrapped entry reads as part of it: the next key starts a row of its own.
  let open = false;
  for (const entry of entries) {
    const last = rows.at(-1);
    if (open && last !== undefined && visibleLength(last) + 2 + visibleLength(entry) <= width) rows[rows.length - 1] = `${last}  ${entry}`;
    else {
      const wrapped = breakLine(entry, width, '  ');
      rows.push(...wrapped);
      open = wrapped.length === 1;
    }
  }
  return rows.join('\n');
}

