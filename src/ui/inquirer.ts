// Inquirer's core, for the custom prompts (the stage screen, the self-assessment). It is an ES
// module only, and the bundle is CommonJS (see scripts/bundle.mjs), which before Node 20.19 can
// load one only with import(); so it is loaded when a prompt is made, and handed to the view with
// each render rather than kept in a module variable that every caller would share.
import type { createPrompt } from '@inquirer/core';
import type { SuspendPhase } from '../io.js';
import { CLEAR_SCREEN } from './terminal-codes.js';

export type InquirerCore = typeof import('@inquirer/core');

/** What a prompt's view returns: the screen, and optionally the line under the cursor. */
type Screen = string | [string, string | undefined];

/** Makes a prompt whose view receives the loaded core (its hooks and key helpers) at every render. */
export async function makePrompt<Value, Config>(
  view: (core: InquirerCore, config: Config, done: (value: Value) => void) => Screen,
): Promise<ReturnType<typeof createPrompt<Value, Config>>> {
  const core = await import('@inquirer/core');
  // createPrompt hands the view Prettify<Config>: the same object, its type spelled out.
  return core.createPrompt<Value, Config>((config, done) => view(core, config as Config, done));
}

/** Draws the prompt again: a render asked for when nothing in the prompt's own state changed (a clock, a resize). */
export function useRedraw(core: InquirerCore): () => void {
  const [, setDrawn] = core.useState(0);
  const drawn = core.useRef(0);
  return () => {
    drawn.current += 1;
    setDrawn(drawn.current);
  };
}

/** Listens to Ctrl-Z and `fg` (see Io.onSuspend); returns a function that stops listening. */
export type OnSuspend = (listener: (phase: SuspendPhase) => void) => () => void;

/**
 * Ctrl-Z and `fg` for a prompt: while the process was stopped the shell wrote over the screen,
 * so the prompt draws itself again as soon as it runs on, not at the next key. `onPhase` runs
 * first, with the latest render's closure (the stage screen stops its clock and starts it again).
 */
function useRedrawOnContinue(core: InquirerCore, onSuspend: OnSuspend | undefined, onPhase?: (phase: SuspendPhase) => void): void {
  const { useEffect, useRef } = core;
  const redraw = useRedraw(core);
  const phase = useRef(onPhase);
  phase.current = onPhase;
  useEffect((rl) => {
    // A prompt aborted before its first render has closed and cleaned up already: a listener
    // added now would never be removed.
    if ((rl as { closed?: boolean }).closed) return undefined;
    return onSuspend?.((now) => {
      phase.current?.(now);
      if (now === 'continue') redraw();
    });
  }, []);
}

/** Listens to the terminal's resizes; returns a function that stops listening. */
export type OnResize = (listener: () => void) => () => void;

/**
 * A resize for a prompt: the old screen has rewrapped at the new width and cannot be erased line
 * by line, so it is cleared and the prompt drawn again at the new size (read at each render).
 */
function useRedrawOnResize(core: InquirerCore, onResize: OnResize | undefined): void {
  const redraw = useRedraw(core);
  core.useEffect((rl) => {
    if ((rl as { closed?: boolean }).closed) return undefined;
    return onResize?.(() => {
      rl.output.unmute();
      rl.output.write(CLEAR_SCREEN);
      rl.output.mute();
      redraw();
    });
  }, []);
}

/**
 * Keys typed while no prompt takes them: after one prompt has finished on a key, until the next
 * has drawn itself. A paste of two paragraphs, or a fast typist who ends a stage with Enter and
 * goes on typing, sends them in the same read as that Enter; Inquirer drops them (the finished
 * prompt ignores them, and a new one discards what arrives before its first render). The
 * prompter keeps them and types them into the next prompt (createPrompter in prompts.ts).
 */
export interface Typeahead {
  /** The prompt is done: the keys that follow wait for the next one. */
  finished(): void;
  /** The prompt takes keys: those kept are typed into it now, as if typed then. */
  started(): void;
  /** Whether keys are being kept for the prompt about to start. */
  keeping(): boolean;
}

/** A prompt's part in Typeahead: it starts taking the kept keys once it has drawn itself; returns what to call before `done`. */
function useTypeahead(core: InquirerCore, typeahead: Typeahead | undefined): () => void {
  core.useEffect((rl) => {
    if (!typeahead || (rl as { closed?: boolean }).closed) return undefined;
    // Keys that reached this prompt's readline before its first render (which Inquirer lets
    // through unheard) are among those kept: out of the line, to be typed once, below. Called
    // before the prompt's own first effects, which may put a resumed draft in the line.
    if (typeahead.keeping()) rl.clearLine(0);
    // After every effect of the first render (the keypress listener's included) has run, and
    // before any key read later: one read after this render would reach both the prompt and the
    // keys kept, and be typed twice. Effects run synchronously, so a microtask is that moment.
    let cleared = false;
    queueMicrotask(() => {
      if (!cleared) typeahead.started();
    });
    return () => {
      cleared = true;
    };
  }, []);
  return () => typeahead?.finished();
}

/** What each of our full-screen prompts is given of the terminal's events by the prompter. */
export interface ScreenEvents {
  /** The terminal was resized (see useRedrawOnResize). */
  onResize?: OnResize;
  /** Ctrl-Z and `fg` (see Io.onSuspend). */
  onSuspend?: OnSuspend;
  /** Keys typed after this prompt ends go to the next one (see Typeahead). */
  typeahead?: Typeahead;
}

/**
 * A full-screen prompt's part in the terminal's events: redrawn on a resize and on `fg`, and the
 * kept keys typed into it once it has drawn itself. `onPhase` as in useRedrawOnContinue. Returns
 * what to call before `done` (see useTypeahead). Call it before the prompt's own effects.
 */
export function useScreenEvents(core: InquirerCore, events: ScreenEvents, onPhase?: (phase: SuspendPhase) => void): () => void {
  const finished = useTypeahead(core, events.typeahead);
  useRedrawOnResize(core, events.onResize);
  useRedrawOnContinue(core, events.onSuspend, onPhase);
  return finished;
}

/** What readline says of the cursor: its row and column, counted from the prompt's first row. */
interface CursorPos {
  rows: number;
  cols: number;
}

/** The part of readline's Interface that measuring the cursor reads. */
export interface MeasuredReadline {
  getCursorPos(): CursorPos;
  getPrompt(): string;
  line: string;
  cursor: number;
  readonly columns: number;
}

// One column each, whatever comes before them; escapes are the exception readline counts as a
// whole (it strips escape sequences first), so text holding one is always measured again.
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const hasEscape = (text: string) => text.includes('\u001b') || text.includes('\u009b');

/**
 * readline's getCursorPos measures the prompt and the whole line before the cursor, and Inquirer
 * asks for it at every key: pasting a 50,000-character line took a minute of CPU, the screen
 * frozen. Where the text before the cursor only grew, by plain ASCII, since the last answer, the
 * position is carried on from it as readline counts (a row more at each `columns`); anything
 * else (an edit, another prompt or width, an escape) is measured by readline itself.
 */
export function measureCursorIncrementally(rl: MeasuredReadline): void {
  const measure = rl.getCursorPos.bind(rl);
  // What was measured last, when it held no escape.
  let last: { prompt: string; before: string; columns: number; pos: CursorPos } | undefined;
  rl.getCursorPos = () => {
    const prompt = rl.getPrompt();
    const before = rl.line.slice(0, rl.cursor);
    const { columns } = rl;
    // Compared with ===: startsWith is many times slower on the strings readline builds a key at a time.
    if (last && last.prompt === prompt && last.columns === columns && columns > 0 && before.length >= last.before.length
      && before.slice(0, last.before.length) === last.before && PLAIN_ASCII.test(before.slice(last.before.length))) {
      const offset = last.pos.cols + before.length - last.before.length;
      last = { prompt, before, columns, pos: { rows: last.pos.rows + Math.floor(offset / columns), cols: offset % columns } };
      return { ...last.pos };
    }
    const pos = measure();
    last = hasEscape(prompt) || hasEscape(before) ? undefined : { prompt, before, columns, pos };
    return { ...pos };
  };
}
