// `mldrill random`: a random question; with --seed the same one every time.
import { EXIT } from '../errors.js';
import { pickRandom, requireMatchingIds } from '../select/filter.js';
import { seededRandom } from '../select/random.js';
import { printQuestion, resolveFormat } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';
export async function random(options, io) {
    const format = resolveFormat(options);
    const random = options.seed === undefined ? io.random : seededRandom(options.seed);
    return withCatalog(io, options.bank, async (catalog) => {
        const matching = requireMatchingIds(catalog, options);
        const pool = options.unseen ? await (await import('../app/read-history.js')).requireUnseen(matching, io) : matching;
        await printQuestion(io, catalog, pickRandom(pool, random), format);
        return EXIT.ok;
    });
}
