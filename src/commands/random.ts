// `mldrill random`: a random question; with --seed the same one every time.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { pickRandom, requireMatchingIds, type Filters } from '../select/filter.js';
import { seededRandom } from '../select/random.js';
import { printQuestion, resolveFormat, type FormatOptions } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';

export interface RandomOptions extends Filters, FormatOptions {
  seed?: string;
  /** Skip questions already completed. */
  unseen?: boolean;
  bank?: string[];
}

export async function random(options: RandomOptions, io: Io): Promise<number> {
  const format = resolveFormat(options);
  const random = options.seed === undefined ? io.random : seededRandom(options.seed);
  return withCatalog(io, options.bank, async (catalog) => {
    const matching = requireMatchingIds(catalog, options);
    const pool = options.unseen ? await (await import('../app/read-history.js')).requireUnseen(matching, options, io) : matching;
    await printQuestion(io, catalog, pickRandom(pool, random), format, { bank: options.bank });
    return EXIT.ok;
  });
}
