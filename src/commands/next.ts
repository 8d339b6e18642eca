// `mldrill next`: what to practise next, by spaced repetition over the history.
import { EXIT, NotFoundError } from '../errors.js';
import type { Io } from '../io.js';
import { bankView } from '../score/bank-view.js';
import { styleFor } from '../ui/colour.js';
import { nextLines } from '../ui/next.js';
import { withCatalog } from '../app/with-catalog.js';
import { readHistoryFor, reviewScoresFor } from '../app/read-history.js';
import { jsonText } from '../text.js';
import { colourOf } from '../app/config.js';

export interface NextOptions {
  /** How many questions to list; 0 means all. */
  limit: number;
  json?: boolean;
  bank?: string[];
}

export async function next(options: NextOptions, io: Io): Promise<number> {
  const { records } = readHistoryFor(io);
  const questions = await withCatalog(io, options.bank, (catalog) => bankView(catalog).questions);
  if (questions.length === 0) throw new NotFoundError('the bank has no questions');
  const { practiceQueue } = await import('../select/schedule.js');
  const now = io.now();
  const queue = practiceQueue(questions, records, now, reviewScoresFor(io));
  const shown = options.limit > 0 ? queue.slice(0, options.limit) : queue;
  if (options.json) {
    io.stdout.write(jsonText({ now: new Date(now).toISOString(), queue: shown }));
    return EXIT.ok;
  }
  io.stdout.write(`${nextLines(shown, now, await styleFor(io.stdout, io.env, colourOf(io)), io.stdout.isTTY ? io.stdout.columns : undefined).join('\n')}\n`);
  return EXIT.ok;
}
