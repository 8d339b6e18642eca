// The prompter of an interactive command, tied to the run's signals: Ctrl-C (or SIGTERM, or a
// hang-up) aborts whatever it is asking, and the signals are listened for only while it is used.
import type { Io } from '../io.js';
import { createPrompter, type Prompter } from '../ui/prompts.js';
import { colourOf } from './config.js';

/** Runs use with a prompter that the Io's signals abort (its prompts then throw InterruptedError). */
export async function withPrompter<T>(io: Io, use: (prompter: Prompter) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stopListening = io.onSignal(() => controller.abort());
  try {
    return await use(await createPrompter(io, controller.signal, colourOf(io)));
  } finally {
    stopListening();
  }
}
