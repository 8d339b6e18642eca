// How commands open the bank: through the cache, with broken files mentioned on stderr, and
// always closed again.
import { openBank } from '../bank/cache.js';
/** Opens the bank (through the cache), reports broken files on stderr, runs fn, then closes it. */
export async function withCatalog(io, bank, fn) {
    const catalog = await openBank({ cwd: io.cwd, env: io.env, homedir: io.homedir }, {
        bank,
        // Only a cache miss loads the spinner, and only broken files the reporter.
        slowLoad: async (files, load) => (await import('../ui/spinner.js')).withSpinner(io, `Reading ${files} question and rubric files (kept in a cache for next time)`, load),
    });
    try {
        if (catalog.findings.length)
            (await import('./report-findings.js')).reportBankErrors(catalog.findings, io);
        return await fn(catalog);
    }
    finally {
        catalog.close();
    }
}
