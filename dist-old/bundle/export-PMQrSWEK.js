'use strict';

var path = require('node:path');
var start = require('./start-DA7aRZP1.js');
var history = require('./history-B9vlrtBJ.js');
var core = require('./core-DiuhDYN8.js');
var readHistory = require('./read-history-CUjWS12d.js');
require('node:fs');
require('node:os');
require('node:url');
require('./diagram-lQO3I6ij.js');
require('node:events');
require('node:process');
require('./ratings-B_hdssup.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// `mldrill export`: one session as a Markdown or JSON document, to stdout or a file.
async function exportSession(options, io) {
    const record = readHistory.readSessionFor(io, options.session);
    const ratings = readHistory.readRatingsFor(io);
    const rating = ratings.find((found) => found.rater === 'ai' && found.sessionId === record.id);
    const selfRating = record.mode === 'interviewer' ? ratings.find((found) => found.rater === 'self' && found.sessionId === record.id) : undefined;
    const doc = await core.withCatalog(io, options.bank, (catalog) => history.sessionDocument(record, history.bankView(catalog), io.timeZone, rating, selfRating));
    const toFile = options.output !== undefined && options.output !== '-';
    // Without --format, a file named *.json gets JSON.
    const format = options.format ?? (toFile && /\.json$/i.test(options.output) ? 'json' : 'markdown');
    // The drawing loads the renderer: only for a Markdown document of a session that has a diagram.
    const diagram = format === 'markdown' && doc.diagram ? await Promise.resolve().then(function () { return require('./diagram-lQO3I6ij.js'); }).then(function (n) { return n.pad; }).then(({ diagramForDocument }) => diagramForDocument(doc.diagram)) : undefined;
    const text = format === 'json' ? start.jsonText(doc) : history.sessionMarkdown(doc, diagram);
    if (!toFile) {
        io.stdout.write(text);
        return start.EXIT.ok;
    }
    const file = path.resolve(io.cwd, options.output);
    try {
        core.writeOutputFile(file, text);
    }
    catch (error) {
        throw new start.UsageError(`cannot write ${file} (${error.code ?? 'error'}); check that its directory exists and is writable`);
    }
    io.stderr.write(`Wrote session ${record.id} to ${file}\n`);
    return start.EXIT.ok;
}

exports.exportSession = exportSession;
