// The screen of one interview stage: a thin Inquirer prompt that wires the key table
// (stage-keys.ts) to the session engine and draws the pure layout (stage-screen.ts). It
// re-renders itself on a timer, so the countdown stays live while the user thinks or types.
// All writes to the terminal go through the prompt, which keeps the screen from being garbled.
import {
  addPadLine,
  commitDraft,
  curveballDue,
  isPaused,
  markCurveballShown,
  nextStage,
  pause,
  previousStage,
  recallPadLine,
  remainingSeconds,
  resume,
  revealHint,
  setDraft,
  setNotes,
  setPadLine,
  setQuestion,
  togglePause,
  toggleTick,
  type SessionState,
} from '../session/engine.js';
import { askInStage, type FactSheet } from '../session/interviewer.js';
import type { Pad } from '../diagram/pad.js';
import { stripControl } from '../text.js';
import type { Style } from './colour.js';
import { isEscEnter, stageAction, typedAfterEsc } from './stage-keys.js';
import { finishedLine, stageLines, type FactsView, type Size } from './stage-screen.js';
import { makePrompt, useRedraw, useScreenEvents, type InquirerCore, type ScreenEvents } from './inquirer.js';
import { HIDE_CURSOR, PASTE_OFF, PASTE_ON } from './terminal-codes.js';

const BELL = '\u0007';

export interface StagePromptConfig extends ScreenEvents {
  state: SessionState;
  hints: readonly string[];
  strict: boolean;
  now: () => number;
  style: Style;
  /** The terminal's size, read at every render, so that a resize redraws at the new size. */
  size: () => Size;
  /** Called with the latest state, the line being typed included as its draft, after every change. */
  onChange: (state: SessionState) => void;
  /** Interviewer mode: the stage's checklist, ticked live with the keys. */
  checklist?: ReadonlyArray<{ id: string; text: string }>;
  /** Interviewer mode: follow-ups to ask, shown on this stage. */
  followups?: readonly string[];
  /** Self mode: the fact sheet that answers `?` questions; without one, every answer is the neutral reply. */
  sheet?: FactSheet;
  /** Interviewer mode: the question's prompt, kept on screen. */
  question?: string;
  /** Interviewer mode: the fact sheet to answer from, on screen (Ctrl-O shows it whole when cut to fit, hides it, shows it). */
  facts?: ReadonlyArray<{ topic: string; answer: string }>;
  /** The ready gate: the clock (paused in `state`) starts on Enter or on the first key typed. */
  gated?: boolean;
  /** False with --no-save: Ctrl-C then saves nothing, and the keys line must not say it does. */
  save?: boolean;
  /** A warning to keep on screen while it lasts (checkpoints failing); read at every render. */
  notice?: () => string | undefined;
  tickMs?: number;
}

/** The stage prompt, with Inquirer's core loaded (see inquirer.ts). */
export const loadStagePrompt = () => makePrompt<SessionState, StagePromptConfig>(renderStage);

/** The stage's notes as lines, and back. */
const noteLines = (state: SessionState) => (state.progress[state.current]!.notes ? state.progress[state.current]!.notes.replace(/\n$/, '').split('\n') : []);
const withLines = (state: SessionState, lines: string[]) => setNotes(state, state.current, lines.length ? `${lines.join('\n')}\n` : '');

function renderStage(core: InquirerCore, config: StagePromptConfig, done: (state: SessionState) => void): string | [string, string | undefined] {
  const { useEffect, useKeypress, useRef, useState } = core;
  const { style, now } = config;
  const session = useRef(config.state);
  // A draft (or a question to the interviewer) given back by resume is the line being typed again, ready to edit.
  const initialDraft = config.state.progress[config.state.current]?.question ?? config.state.progress[config.state.current]?.draft ?? '';
  const redraw = useRedraw(core);
  // The line being typed as the keys leave it, which the keys read and the screen shows. A paste
  // arrives as hundreds of keys in one read: the screen is drawn once after them (drawSoon), not
  // after each, which made a few kilobytes take seconds to settle.
  const typing = useRef(config.state.progress[config.state.current]?.question === undefined ? initialDraft : '');
  const soon = useRef<NodeJS.Immediate | undefined>(undefined);
  const setTyping = (text: string) => {
    typing.current = text;
    redraw();
  };
  const drawSoon = () => {
    soon.current ??= setImmediate(() => {
      soon.current = undefined;
      redraw();
    });
  };
  const [editing, setEditing] = useState<number | null>(null);
  // The new line typed before moving up to edit an earlier one: back when moving down past the last.
  const aside = useRef('');
  const [cursor, setCursor] = useState(0);
  const [gated, setGated] = useState(Boolean(config.gated));
  const [allFollowups, setAllFollowups] = useState(false);
  const [factsView, setFactsView] = useState<FactsView>('fit');
  const [factsPage, setFactsPage] = useState(0);
  // What the last frame did with the fact sheet: cut to fit, Ctrl-O shows it whole before it hides
  // it; whole in screenfuls, Ctrl-O turns to the next before it hides it.
  const factsShown = useRef({ cut: false, pages: 1 });
  const [ended, setEnded] = useState<SessionState | null>(null);
  // The diagram pad's renderer, loaded the first time the pad opens (or is open on resume).
  const pad = useRef<Pad | 'loading' | Error | undefined>(undefined);
  // The last picture drawn: the screen is redrawn every tick, the diagram only changes on Enter.
  const picture = useRef<{ key: string; lines: string[] } | undefined>(undefined);

  /** The question to the interviewer being typed (the line mode `ask`), kept in the session so a checkpoint holds it. */
  const pending = (state: SessionState) => state.progress[state.current]?.question;
  /** Closes the question being typed, asking it when `send` (and it is not blank). */
  const closeQuestion = (state: SessionState, send: boolean) => {
    const question = pending(state);
    return setQuestion(send && question ? askInStage(state, question, config.sheet) : state, undefined);
  };
  const update = (next: SessionState) => {
    session.current = next;
    config.onChange(next);
  };
  /** Loads the pad's code (the renderer) once, then redraws: the stage screen does not load it at start-up. */
  const loadPad = () => {
    if (pad.current !== undefined) return;
    pad.current = 'loading';
    import('../diagram/pad.js').then(({ openPad }) => openPad()).then(
      (loaded) => {
        pad.current = loaded;
        redraw();
      },
      (error: unknown) => {
        pad.current = error instanceof Error ? error : new Error(String(error));
        redraw();
      },
    );
  };
  // The time stopped with Ctrl-Z is not counted: the clock pauses before the process stops
  // and runs again on `fg`, where the screen is drawn anew.
  const stoppedRunning = useRef(false);
  const finished = useScreenEvents(core, config, (phase) => {
    const state = session.current;
    if (phase === 'stop') {
      stoppedRunning.current = !isPaused(state);
      if (stoppedRunning.current) update(pause(state, now()));
      return;
    }
    if (stoppedRunning.current) update(resume(state, now()));
    stoppedRunning.current = false;
  });
  const end = (next: SessionState) => {
    update(next);
    setEnded(next);
    finished();
    done(next);
  };

  useEffect((rl) => {
    // Inquirer defers a prompt's first render by a tick; a prompt aborted (Ctrl-C) in that tick
    // has already closed its readline and run its cleanups, so a timer started now would never
    // be stopped, and would keep Node running after the command is done.
    const closed = () => Boolean((rl as { closed?: boolean }).closed);
    if (closed()) return undefined;
    // The pad open when the session was checkpointed: open again, its line as it was.
    const padLine = config.state.padLine;
    if (padLine !== undefined) loadPad();
    if (padLine) rl.write(padLine);
    else if (initialDraft && padLine === undefined) rl.write(initialDraft);
    const write = (text: string) => {
      rl.output.unmute();
      rl.output.write(text);
      rl.output.mute();
    };
    const timer = setInterval(() => {
      if (closed()) {
        clearInterval(timer);
        return;
      }
      const state = session.current;
      if (config.strict && remainingSeconds(state, now()) <= 0 && !isPaused(state)) {
        end(nextStage(commitDraft(closeQuestion(state, true)), now()));
        return;
      }
      if (curveballDue(state, now())) {
        update(markCurveballShown(state, now()));
        // Interrupt the way an interviewer does: audibly, not only on screen.
        write(BELL);
      }
      redraw();
    }, config.tickMs ?? 250);
    return () => {
      clearInterval(timer);
      clearImmediate(soon.current);
      write(PASTE_OFF);
    };
  }, []);

  const pasting = useRef(false);
  useKeypress((key, rl) => {
    if (ended) return;
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
      return;
    }
    const state = session.current;
    const lines = noteLines(state);
    const interviewer = Boolean(config.checklist?.length);
    const question = pending(state);
    const padLine = state.padLine;
    const lineMode = question !== undefined ? 'ask' : padLine !== undefined ? 'pad' : undefined;
    // The line as this key found it, as the handler's other reads of it need it.
    const line = typing.current;
    const action = stageAction(key, { line: padLine ?? line, interviewer, gated, canGoBack: state.current > 0, lineMode, facts: Boolean(config.facts?.length), pasting: pasting.current });
    /** Puts text in the line being typed (readline holds it). */
    const retype = (text: string) => {
      rl.clearLine(0);
      if (text) rl.write(text);
      setTyping(text);
    };
    /** The line being edited goes back into the notes as it now reads. */
    const putBack = (text: string) => (editing === null ? state : withLines(state, lines.map((old, i) => (i === editing ? text : old))));
    const typed = rl.line.replace(/\t/g, '');
    switch (action) {
      case 'ask':
        // Only from a new line: an earlier line being edited keeps its `?`.
        if (editing !== null) return setTyping(rl.line);
        if (gated) {
          setGated(false);
          update(resume(state, now()));
        }
        retype('');
        update(setQuestion(session.current, ''));
        return;
      case 'pad':
        // Only from a new line; what it holds waits in the draft, typed again when the pad closes.
        if (editing !== null) return setTyping(rl.line);
        if (gated) {
          setGated(false);
          update(resume(state, now()));
        }
        loadPad();
        retype('');
        update(setPadLine(setDraft(session.current, line), ''));
        return;
      case 'send':
        if (lineMode === 'pad') {
          retype('');
          update(addPadLine(state));
          return;
        }
        retype('');
        update(closeQuestion(state, true));
        return;
      case 'cancel': {
        // Esc and a key typed at once: the Esc closes, and the key is the first of the notes again.
        const after = typedAfterEsc(key);
        if (lineMode === 'pad') {
          // A line half typed is not lost: it goes to the diagram, where the pad shows it (or its problem).
          const draft = `${state.progress[state.current]?.draft ?? ''}${after}`;
          retype(draft);
          const closed = setDraft(setPadLine(addPadLine(state), undefined), draft);
          // Esc then Enter at once: the Enter acts in the notes as it would a moment later (on an empty line, the next stage).
          if (isEscEnter(key)) {
            if (draft.trim() === '') return end(nextStage(commitDraft(closed), now()));
            rl.clearLine(0);
            setTyping('');
            update(commitDraft(closed));
            return;
          }
          update(closed);
          return;
        }
        // Esc then Enter at once on an empty question: the Enter acts in the notes, as in the pad.
        // A question opens only from an empty line, so that Enter ends the stage.
        if (isEscEnter(key)) return end(nextStage(commitDraft(closeQuestion(state, false)), now()));
        retype(after);
        update(setDraft(closeQuestion(state, false), after));
        return;
      }
      case 'recall': {
        const recalled = recallPadLine(state);
        retype(recalled.padLine ?? '');
        update(recalled);
        return;
      }
      case 'facts':
        if (factsView === 'whole' && factsPage + 1 < factsShown.current.pages) setFactsPage(factsPage + 1);
        else {
          setFactsPage(0);
          setFactsView(factsView === 'hidden' ? 'fit' : factsView === 'fit' && factsShown.current.cut ? 'whole' : 'hidden');
        }
        return;
      case 'start':
        setGated(false);
        update(resume(state, now()));
        retype(typed);
        if (!key.name || key.name === 'return' || key.name === 'enter' || key.name === 'tab') return;
        update(setDraft(session.current, typed));
        return;
      case 'commit':
        // `line` holds what was typed; readline has cleared its own on Enter, but not on
        // Alt-Enter or Esc-Enter, which must commit the same one line.
        if (editing === null) {
          update(commitDraft(setDraft(state, line)));
          rl.clearLine(0);
        }
        else {
          update(putBack(line));
          setEditing(null);
          retype(aside.current);
          update(setDraft(session.current, aside.current));
          return;
        }
        setTyping('');
        return;
      case 'next':
        if (editing !== null) {
          // An empty line while editing: the line stays as it was.
          setEditing(null);
          retype(aside.current);
          return;
        }
        end(nextStage(commitDraft(state), now()));
        return;
      case 'back':
        end(previousStage(commitDraft(setDraft(putBack(typed), editing === null ? typed : aside.current)), now()));
        return;
      case 'hint':
        retype(typed);
        update(revealHint(state, config.hints.length));
        return;
      case 'pause':
        update(togglePause(state, now()));
        return;
      case 'followups':
        setAllFollowups(!allFollowups);
        return;
      case 'tick':
        retype('');
        if (config.checklist?.length) update(toggleTick(state, config.checklist[cursor]!.id));
        return;
      case 'edit-up':
      case 'edit-down': {
        const checklist = config.checklist ?? [];
        if (checklist.length) {
          retype(typed);
          setCursor((cursor + checklist.length + (action === 'edit-up' ? -1 : 1)) % checklist.length);
          return;
        }
        if (lines.length === 0) return retype(line);
        const next = action === 'edit-up' ? (editing === null ? lines.length - 1 : Math.max(0, editing - 1)) : editing === null ? null : editing + 1;
        // Moving keeps what was typed: an edited line goes back changed, a new line is set aside.
        const kept = putBack(line);
        if (editing === null) aside.current = line;
        if (next === null || next >= lines.length) {
          setEditing(null);
          retype(aside.current);
          update(setDraft(kept, aside.current));
        } else {
          setEditing(next);
          retype(noteLines(kept)[next]!);
          update(setDraft(kept, editing === null ? line : aside.current));
        }
        return;
      }
      case 'type':
        if (typedAfterEsc(key)) rl.write(typedAfterEsc(key));
        if (question !== undefined) {
          update(setQuestion(state, rl.line.replace(/\t/g, '')));
          return drawSoon();
        }
        if (padLine !== undefined) {
          update(setPadLine(state, rl.line.replace(/\t/g, '')));
          return drawSoon();
        }
        typing.current = rl.line;
        drawSoon();
        // Only a new line is a draft: an edited one is already in the notes.
        if (editing === null) update(setDraft(state, rl.line));
        return;
    }
  });

  if (ended) {
    const index = ended.current - 1;
    return index >= 0 && index < ended.plan.length && ended.current > config.state.current
      ? finishedLine(ended, index, now(), style, config.size().columns)
      : style.dim(`↩ back to ${ended.plan[ended.current]?.title ?? 'the previous stage'}`);
  }
  const current = session.current;
  const loaded = pad.current;
  const { lines, help, factsCut, factsPages } = stageLines(
    {
      state: current, now: now(), hints: config.hints, checklist: config.checklist, cursor, followups: config.followups, allFollowups,
      line: pending(current) ?? current.padLine ?? typing.current, editing, gated, save: config.save !== false,
      notice: loaded instanceof Error ? `the diagram pad could not load: ${loaded.message}` : config.notice?.(),
      lineMode: pending(current) !== undefined ? 'ask' : current.padLine !== undefined ? 'pad' : undefined, noFactSheet: !config.sheet && !config.checklist?.length, facts: config.facts, factsView, factsPage, question: config.question,
      ...(current.diagram ? { diagram: current.diagram } : {}),
      ...(typeof loaded === 'object' && !(loaded instanceof Error) ? {
        drawDiagram: (source: string, size: { width: number; height: number }) => {
          // A paste adds its lines one by one, and a layout takes tens of milliseconds: the
          // picture waits for the paste's end (the next tick draws it), or a 100-line paste
          // took seconds, each line laid out in turn.
          if (pasting.current && picture.current) return picture.current.lines;
          const key = `${size.width}×${size.height}\n${source}`;
          if (picture.current?.key !== key) picture.current = { key, lines: loaded.view(source, size).lines };
          return picture.current.lines;
        },
      } : {}),
    },
    config.size(),
    style,
  );
  factsShown.current = { cut: factsCut, pages: factsPages };
  // The notes, the line being typed and the pad hold what was typed or pasted (or resumed from a
  // checkpoint): the one sanitiser, keeping only the colour the style added.
  // Asked for in every frame: after Ctrl-Z (which turns it off) and `fg`, the next frame turns it on.
  return [`${stripControl(lines.join('\n'), { keepStyle: true })}${HIDE_CURSOR}${PASTE_ON}`, help];
}
