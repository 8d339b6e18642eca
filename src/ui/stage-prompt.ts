// The screen of one interview stage: a custom Inquirer prompt that re-renders itself on a
// timer, so the countdown stays live while the user thinks or types notes. All writes to the
// terminal go through the prompt, which keeps the screen from being garbled.
import {
  commitDraft,
  curveballDue,
  isPaused,
  markCurveballShown,
  nextStage,
  remainingSeconds,
  pause,
  resume,
  revealHint,
  setDraft as withDraft,
  toggleTick,
  togglePause,
  usedSeconds,
  type SessionState,
} from '../session/engine.js';
import { clock, wrap } from '../text.js';
import type { SuspendPhase } from '../io.js';
import type { Style } from './colour.js';

const HIDE_CURSOR = '\u001b[?25l';
const BELL = '\u0007';
/** Notes lines kept on screen; older lines scroll off (they are all kept and saved). */
const VISIBLE_NOTE_LINES = 8;

export interface StagePromptConfig {
  state: SessionState;
  hints: readonly string[];
  strict: boolean;
  now: () => number;
  style: Style;
  width: number;
  /** Called with the latest state, typed-but-unfinished notes included, after every change. */
  onChange: (state: SessionState) => void;
  /** Interviewer mode: the stage's checklist, ticked live with the keys. */
  checklist?: ReadonlyArray<{ id: string; text: string }>;
  /** Interviewer mode: follow-ups to ask, shown on this stage. */
  followups?: readonly string[];
  /** The terminal's height: the screen is folded to fit it. */
  rows?: number;
  /** Open in notes mode: --strict moved on while the user was typing notes. */
  startInNotes?: boolean;
  /** False with --no-save: Ctrl-C then saves nothing, and the keys line must not say it does. */
  save?: boolean;
  /** A warning to keep on screen while it lasts (checkpoints failing); read at every render. */
  notice?: () => string | undefined;
  /** Told, when the stage ends, whether the user was typing notes at that moment. */
  onEnd?: (typingNotes: boolean) => void;
  tickMs?: number;
  /** Ctrl-Z and `fg` (see Io.onSuspend): returns a function that stops listening. */
  onSuspend?: (listener: (phase: SuspendPhase) => void) => () => void;
}

type Mode = 'command' | 'notes';

type InquirerCore = typeof import('@inquirer/core');
const makeStagePrompt = (core: InquirerCore) => core.createPrompt<SessionState, StagePromptConfig>(renderStage);
let inquirer: InquirerCore | undefined;
let prompt: ReturnType<typeof makeStagePrompt> | undefined;

/**
 * The stage prompt, made on first use. @inquirer/core is an ES module only, and the bundle is
 * CommonJS (see scripts/bundle.mjs), which before Node 20.19 can load one only with import().
 */
export async function loadStagePrompt(): Promise<ReturnType<typeof makeStagePrompt>> {
  inquirer ??= await import('@inquirer/core');
  return (prompt ??= makeStagePrompt(inquirer));
}

function renderStage(config: StagePromptConfig, done: (state: SessionState) => void): string | [string, string | undefined] {
  const { isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, useRef, useState } = inquirer!;
  const { style, now } = config;
  const session = useRef(config.state);
  // A draft given back by resume reopens the notes pad with it, ready to edit.
  const initialDraft = config.state.progress[config.state.current]?.draft ?? '';
  const [mode, setMode] = useState<Mode>(config.startInNotes || initialDraft ? 'notes' : 'command');
  // The interval callback outlives renders, so it reads the mode through a ref.
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const [draft, setDraft] = useState(initialDraft);
  const [cursor, setCursor] = useState(0);
  const [finished, setFinished] = useState(false);
  const [, setTick] = useState(0);
  const ticks = useRef(0);

  // The session always holds the line being typed as its draft, so nothing typed is lost on Ctrl-C.
  const update = (next: SessionState) => {
    session.current = next;
    config.onChange(next);
  };
  const finish = (state: SessionState) => {
    const next = nextStage(state, now());
    session.current = next;
    config.onChange(next);
    setFinished(true);
    config.onEnd?.(modeRef.current === 'notes');
    done(next);
  };

  useEffect((rl) => {
    // Inquirer defers a prompt's first render by a tick; a prompt aborted (Ctrl-C) in that tick
    // has already closed its readline and run its cleanups, so a timer started now would never
    // be stopped, and would keep Node running after the command is done.
    const closed = () => Boolean((rl as { closed?: boolean }).closed);
    if (closed()) return undefined;
    if (initialDraft) rl.write(initialDraft);
    const timer = setInterval(() => {
      if (closed()) {
        clearInterval(timer);
        return;
      }
      const state = session.current;
      if (config.strict && remainingSeconds(state, now()) <= 0 && !isPaused(state)) {
        finish(commitDraft(state));
        return;
      }
      if (curveballDue(state, now())) {
        update(markCurveballShown(state, now()));
        // Interrupt the way an interviewer does: audibly, not only on screen.
        rl.output.unmute();
        rl.output.write(BELL);
        rl.output.mute();
      }
      ticks.current += 1;
      setTick(ticks.current);
    }, config.tickMs ?? 250);
    // The time stopped with Ctrl-Z is not counted: the clock pauses before the process stops
    // and runs again on `fg`, where the screen is drawn anew.
    let stoppedRunning = false;
    const stopListening = config.onSuspend?.((phase) => {
      const state = session.current;
      if (phase === 'stop') {
        stoppedRunning = !isPaused(state);
        if (stoppedRunning) update(pause(state, now()));
        return;
      }
      if (stoppedRunning) update(resume(state, now()));
      stoppedRunning = false;
      ticks.current += 1;
      setTick(ticks.current);
    });
    return () => {
      clearInterval(timer);
      stopListening?.();
    };
  }, []);

  useKeypress((key, rl) => {
    if (finished) return;
    const state = session.current;
    if (mode === 'notes') {
      if (isEnterKey(key)) {
        update(commitDraft(withDraft(state, draft)));
        setDraft('');
      } else if (key.name === 'escape') {
        rl.clearLine(0);
        update(commitDraft(withDraft(state, draft)));
        setDraft('');
        setMode('command');
      } else {
        setDraft(rl.line);
        update(withDraft(state, rl.line));
      }
      return;
    }
    rl.clearLine(0);
    const checklist = config.checklist ?? [];
    if (isEnterKey(key)) finish(commitDraft(state));
    else if (key.name === 'h') update(revealHint(state, config.hints.length));
    else if (key.name === 'n') setMode('notes');
    else if (key.name === 'p') update(togglePause(state, now()));
    else if (checklist.length && isUpKey(key)) setCursor((cursor + checklist.length - 1) % checklist.length);
    else if (checklist.length && isDownKey(key)) setCursor((cursor + 1) % checklist.length);
    else if (checklist.length && (key.name === 'space' || key.name === 'x')) update(toggleTick(state, checklist[cursor]!.id));
  });

  const state = session.current;
  const index = state.current;
  const stage = state.plan[index]!;
  const progress = state.progress[index]!;
  const width = Math.max(40, Math.min(config.width, 100));

  if (finished) {
    const previous = state.plan[index - 1] ?? stage;
    const used = usedSeconds(state, index - 1, now());
    const over = used > previous.budgetSeconds;
    return `${style.good('✔')} ${style.heading(previous.title)} ${style.dim('·')} ${(over ? style.warn : style.dim)(`${clock(used)} of ${clock(previous.budgetSeconds)}`)}`;
  }

  const remaining = remainingSeconds(state, now());
  const timer = isPaused(state)
    ? style.warn(`⏸ paused · ${clock(remaining)} left`)
    : remaining >= 0
      ? (remaining <= 60 ? style.warn : style.good)(`⏱ ${clock(remaining)} left`)
      : style.bad(`⏱ +${clock(-remaining)} over time`);
  const title = `Stage ${index + 1}/${state.plan.length} · ${stage.title}`;
  const gap = Math.max(2, width - visibleLength(title) - visibleLength(timer));
  const notice = config.notice?.();
  const header = [
    `${style.title(title)}${' '.repeat(gap)}${timer}`,
    ...(notice ? [style.warn(notice.length > width ? `${notice.slice(0, width - 1)}…` : notice)] : []),
    ...wrap(stage.goal, width - 2, '  ').map((line) => style.dim(line)),
  ];
  const numbered = (items: readonly string[], from = 0) =>
    items.flatMap((item, i) => {
      const [first = '', ...rest] = wrap(item, width - 5);
      return [`  ${from + i + 1}. ${first}`, ...rest.map((line) => `     ${line}`)];
    });

  const curveball = state.curveball;
  const cutIn = curveball && curveball.stage === index && curveball.shownAtSeconds !== null
    ? [style.warn('⚡ The interviewer cuts in:'), ...wrap(curveball.text, width - 4, '  ').map((line) => style.heading(line))]
    : [];
  const shownHints = config.hints.slice(0, progress.hintsShown);
  const checklistItems = (config.checklist ?? []).map((item, i) => {
    const mark = progress.ticked.includes(item.id) ? style.good('◉') : '◯';
    const pointer = i === cursor ? style.accent('❯') : ' ';
    const [first = '', ...rest] = wrap(item.text, width - 6);
    return [`${pointer} ${mark} ${i === cursor ? style.accent(first) : first}`, ...rest.map((line) => `    ${line}`)];
  });
  const noteLines = progress.notes ? progress.notes.replace(/\n$/, '').split('\n') : [];

  let footer: string[];
  let help: string | undefined;
  if (mode === 'notes') {
    footer = [`  ${style.accent('>')} ${draft}`];
    help = `${style.dim('typing notes: Enter adds a line')}  ${style.key(' Esc ')} done`;
  } else {
    const keys: string[] = [];
    if (config.checklist?.length) keys.push(`${style.key(' ↑↓ ')} move  ${style.key(' Space ')} tick`);
    if (progress.hintsShown < config.hints.length) keys.push(`${style.key(' h ')} hint`);
    keys.push(`${style.key(' n ')} notes`, `${style.key(' p ')} ${isPaused(state) ? 'resume' : 'pause'}`);
    keys.push(`${style.key(' Enter ')} ${index + 1 < state.plan.length ? 'next stage' : 'finish'}`);
    footer = ['', `${keys.join('  ')}  ${style.dim(config.save === false ? 'Ctrl-C quits (not saved)' : 'Ctrl-C quits (saved)')}${HIDE_CURSOR}`];
  }

  // What does not fit the terminal's height is folded, least needed first, so that Inquirer can
  // redraw the whole screen in place: a screen taller than the terminal garbles when redrawn.
  const height = (line: string) => Math.max(1, Math.ceil(visibleLength(line) / Math.max(20, config.width)));
  const fixed = [...header, ...footer, ...(help ? [help] : [])].reduce((sum, line) => sum + height(line), 0);
  const room = Math.max(6, (config.rows ?? 24) - 1 - fixed);
  let notesShown = Math.min(VISIBLE_NOTE_LINES, noteLines.length);
  let hintsFrom = 0;
  let followupsFolded = false;
  let window = { from: 0, to: checklistItems.length };
  const body = () => {
    const lines: string[] = [];
    const section = (heading: string, content: string[]) => void lines.push('', style.heading(heading), ...content);
    if (cutIn.length) lines.push('', ...cutIn);
    if (shownHints.length) {
      section(`Hints (${shownHints.length} of ${config.hints.length})`, [
        ...(hintsFrom > 0 ? [style.dim(`  … ${hintsFrom} earlier ${hintsFrom === 1 ? 'hint' : 'hints'} folded for space`)] : []),
        ...numbered(shownHints.slice(hintsFrom), hintsFrom),
      ]);
    }
    if (checklistItems.length) {
      section(`Checklist (${progress.ticked.length} of ${checklistItems.length} covered)`, [
        ...(window.from > 0 ? [style.dim(`  ↑ ${window.from} more`)] : []),
        ...checklistItems.slice(window.from, window.to).flat(),
        ...(window.to < checklistItems.length ? [style.dim(`  ↓ ${checklistItems.length - window.to} more`)] : []),
      ]);
    }
    if (config.followups?.length) {
      if (followupsFolded) lines.push('', style.heading(`Follow-ups to ask: ${config.followups.length}`) + style.dim(' (a taller terminal shows them)'));
      else section('Follow-ups to ask', numbered(config.followups));
    }
    if (noteLines.length > 0 || mode === 'notes') {
      const earlier = noteLines.length - notesShown;
      section('Notes', [...(earlier > 0 ? [style.dim(`  … ${earlier} earlier lines`)] : []), ...noteLines.slice(noteLines.length - notesShown).map((line) => `  ${line}`)]);
    }
    return lines;
  };
  const fold = [
    () => (followupsFolded ? false : (followupsFolded = true)),
    () => (hintsFrom < shownHints.length - 1 ? (hintsFrom = shownHints.length - 1, true) : false),
    () => (notesShown > 2 ? (notesShown = 2, true) : false),
    () => {
      // Narrow the checklist to a window around the cursor, one item at a time.
      if (window.to - window.from <= 1) return false;
      window = cursor - window.from > window.to - 1 - cursor ? { ...window, from: window.from + 1 } : { ...window, to: window.to - 1 };
      return true;
    },
  ];
  let lines = body();
  for (const step of fold) {
    while (lines.length > room && step()) lines = body();
  }

  const screen = [...header, ...lines, ...footer].join('\n');
  return help ? [screen, help] : screen;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, '')].length;
}
