// What a key does on the stage screen, as data: a pure step from the screen's state and an action
// of the key table (stage-keys.ts) to the next state and the effects the prompt applies (readline's
// line typed again, the stage ended, the pad's code loaded, the screen drawn). The prompt
// (stage-prompt.ts) reads the key and applies the effects; every rule of what a key changes lives
// here, where a table of tests reaches it without a terminal.
import {
  addPadLine,
  askInStage,
  clockAtSuspend,
  commitDraft,
  curveballDue,
  isPaused,
  markCurveballShown,
  nextStage,
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
import type { FactSheet } from '../session/interviewer.js';
import type { SuspendPhase } from '../io.js';
import { expandTabs } from '../text.js';
import { isEscEnter, typedAfterEsc, type Key, type KeyContext, type LineMode, type StageAction } from './stage-keys.js';
import type { FactsView } from './stage-screen.js';

/** The stage screen's state: the session and what the prompt keeps of its own. */
export interface StageModel {
  session: SessionState;
  /** The notes' line being typed as the keys leave it (a question and the pad's line are in the session). */
  typing: string;
  /** The earlier line of notes being edited in place; null on the new line. */
  editing: number | null;
  /** The new line typed before moving up to edit an earlier one: back when moving down past the last. */
  aside: string;
  /** Interviewer mode: the checklist item under the cursor. */
  cursor: number;
  /** At the ready gate: the clock waits for the first key. */
  gated: boolean;
  allFollowups: boolean;
  factsView: FactsView;
  factsPage: number;
  /** Ctrl-Z stopped the process with the clock running (and paused it). */
  stopped: boolean;
}

/** What a key found, besides the model: the key, readline's line, the clock, and the screen's settings. */
export interface StepInput {
  key: Key;
  /** Readline's line as the key left it. */
  readline: string;
  /** Where readline's cursor stands in that line; its end when not given. */
  readlineCursor?: number;
  now: number;
  /** How many hints the stage has. */
  hints: number;
  /** Interviewer mode: the stage's checklist, ticked with Space. */
  checklist?: ReadonlyArray<{ id: string }>;
  /** Self mode: the fact sheet that answers a question to the interviewer. */
  sheet?: FactSheet;
  /** What the last frame did with the fact sheet: cut to fit, and how many screenfuls it takes whole. */
  factsCut: boolean;
  factsPages: number;
}

/** What the prompt does after a step, in this order. Data only: the step touches no terminal. */
export interface StageEffects {
  /** Readline's line is cleared and this typed in its place ('' only clears it). */
  line?: string;
  /** Where readline's cursor goes in that line; its end when not given. */
  lineCursor?: number;
  /** The stage is over: the prompt hands this state back. */
  end?: SessionState;
  /** The diagram pad has opened: its code loads (once). */
  loadPad?: true;
  /** Draw the screen now, or once the keys read with this one are handled (a paste); without it, the next tick draws. */
  draw?: 'now' | 'soon';
}

export interface Step {
  model: StageModel;
  effects: StageEffects;
}

/** The screen's state as a stage opens: a draft (or a question to the interviewer) given back by resume is the line being typed again. */
export function openStage(session: SessionState, gated: boolean): StageModel {
  const progress = session.progress[session.current];
  return {
    session, typing: progress?.question === undefined ? progress?.draft ?? '' : '',
    editing: null, aside: '', cursor: 0, gated, allFollowups: false, factsView: 'fit', factsPage: 0, stopped: false,
  };
}

/** What readline holds as a stage opens: the pad's line when the pad was open at the checkpoint, else the question or the draft. */
export function openingLine(session: SessionState): string {
  const progress = session.progress[session.current];
  return session.padLine ?? progress?.question ?? progress?.draft ?? '';
}

/** The line mode open, if any: a question to the interviewer, or the diagram pad. */
export function lineModeOf(session: SessionState): LineMode | undefined {
  return session.progress[session.current]?.question !== undefined ? 'ask' : session.padLine !== undefined ? 'pad' : undefined;
}

/** The line the screen shows being typed: the question, the pad's line, or the notes' line. */
export function shownLine({ session, typing }: StageModel): string {
  return session.progress[session.current]?.question ?? session.padLine ?? typing;
}

/** What the key table reads of the screen's state. */
export function keyContext(model: StageModel, screen: { interviewer: boolean; facts: boolean; pasting: boolean }): KeyContext {
  const { session } = model;
  return { line: shownLine(model), gated: model.gated, canGoBack: session.current > 0, lineMode: lineModeOf(session), ...screen };
}

/** Closes the question being typed, asking it when `send` (and it is not blank). */
function closeQuestion(state: SessionState, send: boolean, sheet: FactSheet | undefined): SessionState {
  const question = state.progress[state.current]?.question;
  return setQuestion(send && question ? askInStage(state, question, sheet) : state, undefined);
}

/** The stage's notes as lines, and back. */
const noteLines = (state: SessionState) => (state.progress[state.current]!.notes ? state.progress[state.current]!.notes.replace(/\n$/, '').split('\n') : []);
const withLines = (state: SessionState, lines: string[]) => setNotes(state, state.current, lines.length ? `${lines.join('\n')}\n` : '');

/** What the action does to the screen's state, and what the prompt must do about it. */
export function stepStage(model: StageModel, action: StageAction, input: StepInput): Step {
  const { session: state, editing, typing: line } = model;
  const { key, now } = input;
  const typed = input.readline.replace(/\t/g, '');
  const lines = noteLines(state);
  const lineMode = lineModeOf(state);
  /** The line being edited goes back into the notes as it now reads. */
  const putBack = (text: string) => (editing === null ? state : withLines(state, lines.map((old, i) => (i === editing ? text : old))));
  /** Puts text in the line being typed (readline holds it), with the rest of the change. */
  const retype = (text: string, change: Partial<StageModel> = {}, effects: StageEffects = {}): Step => ({ model: { ...model, ...change, typing: text }, effects: { line: text, draw: 'now', ...effects } });
  const change = (next: Partial<StageModel>, effects: StageEffects = { draw: 'now' }): Step => ({ model: { ...model, ...next }, effects });
  const end = (next: SessionState, effects: StageEffects = {}): Step => ({ model: { ...model, session: next, typing: effects.line ?? model.typing }, effects: { ...effects, end: next, draw: 'now' } });
  switch (action) {
    case 'ask':
    case 'pad': {
      // Only from a new line: an earlier line being edited keeps its `?`.
      if (editing !== null) return change({ typing: input.readline });
      const started = model.gated ? resume(state, now) : state;
      // The pad's new line waits in the draft, typed again when the pad closes.
      if (action === 'pad') return retype('', { gated: false, session: setPadLine(setDraft(started, line), '') }, { loadPad: true });
      return retype('', { gated: false, session: setQuestion(started, '') });
    }
    case 'send':
      return retype('', { session: lineMode === 'pad' ? addPadLine(state) : closeQuestion(state, true, input.sheet) });
    case 'cancel': {
      // Esc and a key typed at once: the Esc closes, and the key is the first of the notes again.
      const after = typedAfterEsc(key);
      if (lineMode === 'pad') {
        // A line half typed is not lost: it goes to the diagram, where the pad shows it (or its problem).
        const draft = `${state.progress[state.current]?.draft ?? ''}${after}`;
        const closed = setDraft(setPadLine(addPadLine(state), undefined), draft);
        // Esc then Enter at once: the Enter acts in the notes as it would a moment later (on an empty line, the next stage).
        if (isEscEnter(key)) return draft.trim() === '' ? end(nextStage(commitDraft(closed), now), { line: draft }) : retype('', { session: commitDraft(closed) });
        return retype(draft, { session: closed });
      }
      // Esc then Enter at once on an empty question: the Enter acts in the notes, as in the pad.
      // A question opens only from an empty line, so that Enter ends the stage.
      if (isEscEnter(key)) return end(nextStage(commitDraft(closeQuestion(state, false, input.sheet)), now));
      return retype(after, { session: setDraft(closeQuestion(state, false, input.sheet), after) });
    }
    case 'recall': {
      const recalled = recallPadLine(state);
      return retype(recalled.padLine ?? '', { session: recalled });
    }
    case 'facts':
      // Cut to fit, the sheet shows whole before it hides; whole in screenfuls, it turns to the next before it hides.
      if (model.factsView === 'whole' && model.factsPage + 1 < input.factsPages) return change({ factsPage: model.factsPage + 1 });
      return change({ factsPage: 0, factsView: model.factsView === 'hidden' ? 'fit' : model.factsView === 'fit' && input.factsCut ? 'whole' : 'hidden' });
    case 'start': {
      const started = resume(state, now);
      // A key that types text is the first of the draft; Enter (and Tab, and a key with no name) only start the clock.
      const text = Boolean(key.name) && !['return', 'enter', 'tab'].includes(key.name!);
      return retype(typed, { gated: false, session: text ? setDraft(started, typed) : started });
    }
    case 'commit':
      // `line` holds what was typed; readline has cleared its own on Enter, but not on
      // Alt-Enter or Esc-Enter, which must commit the same one line.
      if (editing === null) return retype('', { session: commitDraft(setDraft(state, line)) });
      return retype(model.aside, { editing: null, session: setDraft(putBack(line), model.aside) });
    case 'next':
      // An empty line while editing: the line stays as it was.
      if (editing !== null) return retype(model.aside, { editing: null });
      return end(nextStage(commitDraft(state), now));
    case 'back':
      return end(previousStage(commitDraft(setDraft(putBack(typed), editing === null ? typed : model.aside)), now));
    case 'hint':
      return retype(typed, { session: revealHint(state, input.hints) });
    case 'pause':
      // Drawn at once: the clock shows it stopped the moment the key is pressed, not a tick later.
      return change({ session: togglePause(state, now) });
    case 'followups':
      return change({ allFollowups: !model.allFollowups });
    case 'tick':
      return retype('', { session: input.checklist?.length ? toggleTick(state, input.checklist[model.cursor]!.id) : state });
    case 'edit-up':
    case 'edit-down': {
      const checklist = input.checklist ?? [];
      if (checklist.length) return retype(typed, { cursor: (model.cursor + checklist.length + (action === 'edit-up' ? -1 : 1)) % checklist.length });
      if (lines.length === 0) return retype(line);
      const next = action === 'edit-up' ? (editing === null ? lines.length - 1 : Math.max(0, editing - 1)) : editing === null ? null : editing + 1;
      // Moving keeps what was typed: an edited line goes back changed, a new line is set aside.
      const aside = editing === null ? line : model.aside;
      const kept = setDraft(putBack(line), aside);
      if (next === null || next >= lines.length) return retype(aside, { editing: null, aside, session: kept });
      return retype(noteLines(kept)[next]!, { editing: next, aside, session: kept });
    }
    case 'type': {
      // Readline has edited its line (the prompt typed the key after an Esc into it): the screen
      // follows, drawn once the keys of this read are handled. A tab (pasted, or typed in a line
      // mode) becomes spaces, in readline's line too: the words it parts stay apart, and the screen
      // counts every column it draws.
      const text = expandTabs(input.readline);
      // Retyped, the cursor stays where it was in the text (a tab pasted mid-line): the rest of the paste goes on there.
      const effects: StageEffects = text === input.readline
        ? { draw: 'soon' }
        : { line: text, lineCursor: expandTabs(input.readline.slice(0, input.readlineCursor ?? input.readline.length)).length, draw: 'soon' };
      if (lineMode === 'ask') return change({ session: setQuestion(state, text) }, effects);
      if (lineMode === 'pad') return change({ session: setPadLine(state, text) }, effects);
      // Only a new line is a draft: an edited one is already in the notes.
      return change({ typing: text, session: editing === null ? setDraft(state, text) : state }, effects);
    }
  }
}

/**
 * What a tick of the clock does: with --strict, the stage ends when its time is up (a question
 * being typed is asked, the line being typed kept); a curveball whose moment has come is shown,
 * with a bell, the way an interviewer interrupts: audibly, not only on screen.
 */
export function tickStage(state: SessionState, now: number, strict: boolean, sheet: FactSheet | undefined): { session: SessionState; end?: true; bell?: true } {
  if (strict && remainingSeconds(state, now) <= 0 && !isPaused(state)) return { session: nextStage(commitDraft(closeQuestion(state, true, sheet)), now), end: true };
  if (curveballDue(state, now)) return { session: markCurveballShown(state, now), bell: true };
  return { session: state };
}

/**
 * Ctrl-Z and `fg`: the time stopped is not counted. The clock pauses before the process stops and
 * runs again on `fg`; a clock paused already (Ctrl-P) stays paused.
 */
export function suspendStage(model: StageModel, phase: SuspendPhase, now: number): StageModel {
  const { state, stoppedRunning } = clockAtSuspend(model.session, phase, now, model.stopped);
  return { ...model, session: state, stopped: stoppedRunning };
}
