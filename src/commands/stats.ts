// `mldrill stats`: progress over time, from the history and the bank (for categories, stage
// titles and the guidance of missed items).
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { bankView } from '../score/bank-view.js';
import { statsOf } from '../score/stats.js';
import { styleFor } from '../ui/colour.js';
import { statsLines } from '../ui/stats.js';
import { withCatalog } from '../app/with-catalog.js';
import { noSessionsYet, readRatingsFor, readTallyFor } from '../app/read-history.js';
import { colourOf } from '../app/config.js';
import { calibrationOf } from '../score/calibration.js';
import { jsonText } from '../text.js';

export interface StatsOptions {
  json?: boolean;
  bank?: string[];
}

export async function stats(options: StatsOptions, io: Io): Promise<number> {
  const { tally, starts: startsOf } = readTallyFor(io);
  // The ratings file is small and read only when it exists: the history's tally stays the fast path.
  const ratings = readRatingsFor(io);
  // Only ratings need each session's start (ten thousand entries to read otherwise for nothing).
  const starts = ratings.length ? startsOf() : new Map<string, number>();
  const result = await withCatalog(io, options.bank, (catalog) => {
    const bank = bankView(catalog);
    return { ...statsOf(tally, bank, { now: io.now(), timeZone: io.timeZone }), calibration: calibrationOf(ratings, starts, bank) };
  });
  if (options.json) {
    io.stdout.write(jsonText(result));
    return EXIT.ok;
  }
  if (tally.sessions === 0) {
    noSessionsYet(io);
    return EXIT.ok;
  }
  const lines = statsLines(result, await styleFor(io.stdout, io.env, colourOf(io)), { charts: io.stdout.isTTY, width: Math.min(io.stdout.columns, 100) });
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
