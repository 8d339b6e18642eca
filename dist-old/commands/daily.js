// `mldrill daily`: the question of the day for the user's local date (or --date).
import { EXIT } from '../errors.js';
import { dailyPick } from '../select/daily.js';
import { requireMatchingIds, requireMatchingPool, sortedPool } from '../select/filter.js';
import { localDate } from '../time.js';
import { printQuestion, resolveFormat } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';
export async function daily(options, io) {
    const format = resolveFormat(options);
    const date = options.date ?? localDate(io.now(), io.timeZone);
    return withCatalog(io, options.bank, async (catalog) => {
        // With --unseen the pool is this user's own, so the pick no longer agrees across machines.
        const pool = options.unseen
            ? sortedPool(await (await import('../app/read-history.js')).requireUnseen(requireMatchingIds(catalog, options), io))
            : requireMatchingPool(catalog, options);
        await printQuestion(io, catalog, dailyPick(pool, date), format, { date });
        return EXIT.ok;
    });
}
