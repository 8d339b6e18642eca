// `mldrill export`: one session as a Markdown or JSON document, to stdout or a file.
import path from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { bankView } from '../score/bank-view.js';
import { sessionDocument } from '../score/session-doc.js';
import { writeOutputFile } from '../store/atomic.js';
import { sessionMarkdown } from '../ui/export.js';
import { withCatalog } from '../app/with-catalog.js';
import { readRatingsFor, readSessionFor } from '../app/read-history.js';
import { jsonText } from '../text.js';
export async function exportSession(options, io) {
    const record = readSessionFor(io, options.session);
    const ratings = readRatingsFor(io);
    const rating = ratings.find((found) => found.rater === 'ai' && found.sessionId === record.id);
    const selfRating = record.mode === 'interviewer' ? ratings.find((found) => found.rater === 'self' && found.sessionId === record.id) : undefined;
    const doc = await withCatalog(io, options.bank, (catalog) => sessionDocument(record, bankView(catalog), io.timeZone, rating, selfRating));
    const toFile = options.output !== undefined && options.output !== '-';
    // Without --format, a file named *.json gets JSON.
    const format = options.format ?? (toFile && /\.json$/i.test(options.output) ? 'json' : 'markdown');
    // The drawing loads the renderer: only for a Markdown document of a session that has a diagram.
    const diagram = format === 'markdown' && doc.diagram ? await import('../diagram/pad.js').then(({ diagramForDocument }) => diagramForDocument(doc.diagram)) : undefined;
    const text = format === 'json' ? jsonText(doc) : sessionMarkdown(doc, diagram);
    if (!toFile) {
        io.stdout.write(text);
        return EXIT.ok;
    }
    const file = path.resolve(io.cwd, options.output);
    try {
        writeOutputFile(file, text);
    }
    catch (error) {
        throw new UsageError(`cannot write ${file} (${error.code ?? 'error'}); check that its directory exists and is writable`);
    }
    io.stderr.write(`Wrote session ${record.id} to ${file}\n`);
    return EXIT.ok;
}
