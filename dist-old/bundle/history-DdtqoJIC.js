'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var history$1 = require('./history-B9vlrtBJ.js');
var readHistory = require('./read-history-CUjWS12d.js');
require('node:fs');
require('node:os');
require('node:path');
require('node:url');
require('node:events');
require('node:process');
require('./diagram-lQO3I6ij.js');
require('./ratings-B_hdssup.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// `mldrill history`: past sessions, newest first. Reads only the history (through its index),
// never the bank, and decodes only the sessions it shows, so it stays fast with thousands.
async function history(options, io) {
    // Checkpoints of interrupted sessions: they mark their records as resumable, and a session
    // killed before it could write a record (kill -9) is listed from its checkpoint alone.
    const stateDir = core.stateDirOf(io);
    const live = history$1.listLive(stateDir);
    const latest = readHistory.newestSessionsFor(io, options.limit, live.sessions.length > 0);
    readHistory.reportSkipped(live.warnings, latest.file, io);
    const timeZone = io.timeZone;
    const resumable = new Set(live.sessions.map((session) => session.id));
    // The AI grader's scores, for the marker.
    const aiScores = readHistory.aiScoresOf(readHistory.readRatingsFor(io));
    const unrecorded = live.sessions.filter((session) => !latest.ids?.has(session.id)).map((session) => history$1.liveEntry(session, timeZone));
    const all = [...latest.records.map((summary) => history$1.historyEntry(summary, timeZone, resumable.has(summary.id), aiScores.get(summary.id) ?? null)), ...unrecorded]
        .sort((a, b) => start.compareText(b.startedAt, a.startedAt));
    const shown = options.limit > 0 ? all.slice(0, options.limit) : all;
    const total = latest.total + unrecorded.length;
    if (options.json) {
        io.stdout.write(start.jsonText(shown));
        return start.EXIT.ok;
    }
    if (shown.length === 0) {
        readHistory.noSessionsYet(io);
        return start.EXIT.ok;
    }
    io.stdout.write(`${history$1.historyLines(shown, await core.styleFor(io.stdout, io.env, core.colourOf(io)), io.stdout.isTTY ? io.stdout.columns : undefined).join('\n')}\n`);
    if (shown.length < total)
        io.stderr.write(`${shown.length} of ${total} sessions; --limit 0 shows all\n`);
    if (shown.some((entry) => entry.resumable))
        io.stderr.write("Sessions marked 'resumable' continue with: mldrill resume <session>\n");
    if (shown.some((entry) => entry.aiScore !== null))
        io.stderr.write(`Scores marked ${history$1.AI_MARK} were graded by the AI too: mldrill export <session> shows its verdicts\n`);
    return start.EXIT.ok;
}

exports.history = history;
