// `mldrill show <id>`: the whole question: prompt, stage plan, follow-ups, and hints and answer
// keys on request.
import { EXIT } from '../errors.js';
import { requireId } from '../select/filter.js';
import { printQuestion, resolveFormat } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';
export async function show(options, io) {
    const format = resolveFormat(options);
    return withCatalog(io, options.bank, async (catalog) => {
        await printQuestion(io, catalog, requireId(catalog.ids, options.id), format, { full: true, hints: Boolean(options.hints), followupKeys: Boolean(options.followups), answer: Boolean(options.answer) });
        return EXIT.ok;
    });
}
