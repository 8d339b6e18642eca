import { colourLevel } from './colour.js';
/** Whether a spinner may be drawn: a terminal, colour allowed (NO_COLOR, TERM=dumb), not CI. */
export function spinnerWanted(isTTY, env, colour = 'auto') {
    return isTTY && !env.CI && colourLevel({ isTTY }, env, colour) > 0;
}
/** Runs work with a spinner saying text; the spinner is gone when the promise settles. */
export async function withSpinner(io, text, work, colour = 'auto') {
    const stream = io.errorTerminal;
    // A terminal of width 0 (a pty nobody sized, as under `script` without a terminal) is a width
    // unknown: ora would count the lines it drew as infinite and move the cursor up for ever.
    if (!stream || !stream.columns || !spinnerWanted(Boolean(stream.isTTY), io.env, colour))
        return work();
    const { default: ora } = await import('ora');
    // discardStdin off: a prompt may read the keyboard right after.
    const spinner = ora({ text, stream, discardStdin: false }).start();
    try {
        return await work();
    }
    finally {
        spinner.stop();
    }
}
