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

// `mldrill next`: what to practise next, by spaced repetition over the history.
async function next(options, io) {
    const { records } = readHistory.readHistoryFor(io);
    const questions = await core.withCatalog(io, options.bank, (catalog) => history.bankView(catalog).questions);
    if (questions.length === 0)
        throw new start.NotFoundError('the bank has no questions');
    const { practiceQueue } = await Promise.resolve().then(function () { return require('./schedule-DmrqNcCv.js'); });
    const now = io.now();
    const queue = practiceQueue(questions, records, now, readHistory.reviewScoresFor(io));
    const shown = options.limit > 0 ? queue.slice(0, options.limit) : queue;
    if (options.json) {
        io.stdout.write(start.jsonText({ now: new Date(now).toISOString(), queue: shown }));
        return start.EXIT.ok;
    }
    io.stdout.write(`${history.nextLines(shown, now, await core.styleFor(io.stdout, io.env, core.colourOf(io))).join('\n')}\n`);
    return start.EXIT.ok;
}

exports.next = next;
