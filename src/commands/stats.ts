// `mldrill stats`: progress over time, from the history and the bank (for categories, stage
// titles and the guidance of missed items).
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { bankView } from '../score/bank-view.js';
import { statsOf } from '../score/stats.js';
import { timeZoneFrom } from '../time.js';
import { styleFor } from '../ui/colour.js';
import { statsLines } from '../ui/stats.js';
import { withCatalog } from '../app/with-catalog.js';
import { noSessionsYet, readTallyFor } from '../app/read-history.js';
import { colourOf } from '../app/config.js';

export interface StatsOptions {
  json?: boolean;
  bank?: string[];
}

export async function stats(options: StatsOptions, io: Io): Promise<number> {
  const { tally } = readTallyFor(io);
  const result = await withCatalog(io, options.bank, (catalog) =>
    statsOf(tally, bankView(catalog), { now: io.now(), timeZone: timeZoneFrom(io.env) }));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
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
