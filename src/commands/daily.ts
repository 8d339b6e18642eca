// `mldrill daily`: the question of the day for the user's local date (or --date).
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { dailyPick } from '../select/daily.js';
import { requireMatchingIds, requireMatchingPool, sortedPool, type Filters } from '../select/filter.js';
import { localDate } from '../time.js';
import { printQuestion, resolveFormat, type FormatOptions } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';

export interface DailyOptions extends Filters, FormatOptions {
  /** YYYY-MM-DD, already checked by the command table. */
  date?: string;
  /** Skip questions already completed. */
  unseen?: boolean;
  bank?: string[];
}

export async function daily(options: DailyOptions, io: Io): Promise<number> {
  const format = resolveFormat(options);
  const date = options.date ?? localDate(io.now(), io.timeZone);
  return withCatalog(io, options.bank, async (catalog) => {
    // With --unseen the pool is this user's own, so the pick no longer agrees across machines.
    const pool = options.unseen
      ? sortedPool(await (await import('../app/read-history.js')).requireUnseen(requireMatchingIds(catalog, options), options, io))
      : requireMatchingPool(catalog, options);
    await printQuestion(io, catalog, dailyPick(pool, date), format, { date, bank: options.bank });
    return EXIT.ok;
  });
}
