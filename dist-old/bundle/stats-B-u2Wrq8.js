'use strict';

var start = require('./start-DA7aRZP1.js');
var history = require('./history-B9vlrtBJ.js');
var core = require('./core-DiuhDYN8.js');
var readHistory = require('./read-history-CUjWS12d.js');
require('node:fs');
require('node:os');
require('node:path');
require('node:url');
require('./diagram-lQO3I6ij.js');
require('node:events');
require('node:process');
require('./ratings-B_hdssup.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// `mldrill stats`: progress over time, from the history and the bank (for categories, stage
// titles and the guidance of missed items).
async function stats(options, io) {
    const { tally } = readHistory.readTallyFor(io);
    // The ratings file is small and read only when it exists: the history's tally stays the fast path.
    const ratings = readHistory.readRatingsFor(io);
    const starts = new Map(tally.done.ids.map((id, i) => [id, tally.done.startedAt[i]]));
    const result = await core.withCatalog(io, options.bank, (catalog) => {
        const bank = history.bankView(catalog);
        return { ...history.statsOf(tally, bank, { now: io.now(), timeZone: io.timeZone }), calibration: history.calibrationOf(ratings, starts, bank) };
    });
    if (options.json) {
        io.stdout.write(start.jsonText(result));
        return start.EXIT.ok;
    }
    if (tally.sessions === 0) {
        readHistory.noSessionsYet(io);
        return start.EXIT.ok;
    }
    const lines = history.statsLines(result, await core.styleFor(io.stdout, io.env, core.colourOf(io)), { charts: io.stdout.isTTY, width: Math.min(io.stdout.columns, 100) });
    io.stdout.write(`${lines.join('\n')}\n`);
    return start.EXIT.ok;
}

exports.stats = stats;
