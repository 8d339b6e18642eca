// A spinner for slow work (reading and checking many YAML files), drawn with ora on stderr only
// where a person watches a colour terminal. It is drawn at once, because some of that work keeps
// the event loop busy and a delayed start would never come. Callers stop it before anything else
// is written, so it never shares the screen with a prompt.
import type { Io } from '../io.js';
import { colourLevel } from './colour.js';
import type { Colour } from '../config/keys.js';
import { cut } from '../text.js';

// ora's `dots` and `line`, given as frames: ora picks `line` from process.env alone. The Linux
// console (TERM=linux) has no braille.
const BRAILLE_FRAMES = { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] };
const ASCII_FRAMES = { interval: 130, frames: ['-', '\\', '|', '/'] };

/** Whether a spinner may be drawn: a terminal, colour allowed (NO_COLOR, TERM=dumb), not CI. */
export function spinnerWanted(isTTY: boolean, env: Record<string, string | undefined>, colour: Colour = 'auto'): boolean {
  return isTTY && !env.CI && colourLevel({ isTTY }, env, colour) > 0;
}

/** Runs work with a spinner saying text; the spinner is gone when the promise settles. */
export async function withSpinner<T>(io: Io, text: string, work: () => T | Promise<T>, colour: Colour = 'auto'): Promise<T> {
  const stream = io.errorTerminal;
  // A terminal of width 0 (a pty nobody sized, as under `script` without a terminal) is a width
  // unknown: ora would count the lines it drew as infinite and move the cursor up for ever.
  if (!stream || !stream.columns || !spinnerWanted(Boolean(stream.isTTY), io.env, colour)) return work();
  const { default: ora } = await import('ora');
  // discardStdin off: a prompt may read the keyboard right after. isEnabled on: whether to draw
  // was decided above from the injected env; ora's own check reads process.env (CI, TERM).
  // One row: the frame and a space before the text, which is cut to fit (a wrapped spinner
  // line redraws as two on a narrow terminal). hideCursor off: a hidden cursor stayed hidden in
  // the shell after Ctrl-Z, and the handler ora keeps to show it again at exit held Ctrl-C and
  // SIGTERM until the work was done, then lost them (the command went on to exit 0). With no
  // handler, either signal ends the run at once, as it does without a spinner.
  const spinner = ora({
    text: cut(text, Math.max(1, stream.columns - 3)), stream, discardStdin: false, hideCursor: false, isEnabled: true, spinner: io.env.TERM === 'linux' ? ASCII_FRAMES : BRAILLE_FRAMES,
  }).start();
  try {
    return await work();
  } finally {
    spinner.stop();
  }
}
