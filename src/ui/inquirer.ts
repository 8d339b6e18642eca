// Inquirer's core, for the custom prompts (the stage screen, the self-assessment). It is an ES
// module only, and the bundle is CommonJS (see scripts/bundle.mjs), which before Node 20.19 can
// load one only with import(); so it is loaded when a prompt is made, and handed to the view with
// each render rather than kept in a module variable that every caller would share.
import type { createPrompt } from '@inquirer/core';
import type { SuspendPhase } from '../io.js';

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

/** Listens to Ctrl-Z and `fg` (see Io.onSuspend); returns a function that stops listening. */
export type OnSuspend = (listener: (phase: SuspendPhase) => void) => () => void;

/**
 * Ctrl-Z and `fg` for a prompt: while the process was stopped the shell wrote over the screen,
 * so the prompt draws itself again as soon as it runs on, not at the next key. `onPhase` runs
 * first, with the latest render's closure (the stage screen stops its clock and starts it again).
 */
export function useRedrawOnContinue(core: InquirerCore, onSuspend: OnSuspend | undefined, onPhase?: (phase: SuspendPhase) => void): void {
  const { useEffect, useRef, useState } = core;
  const [, setDrawn] = useState(0);
  const drawn = useRef(0);
  const phase = useRef(onPhase);
  phase.current = onPhase;
  useEffect((rl) => {
    // A prompt aborted before its first render has closed and cleaned up already: a listener
    // added now would never be removed.
    if ((rl as { closed?: boolean }).closed) return undefined;
    return onSuspend?.((now) => {
      phase.current?.(now);
      if (now !== 'continue') return;
      drawn.current += 1;
      setDrawn(drawn.current);
    });
  }, []);
}
