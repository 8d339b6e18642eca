'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var history = require('./history-B9vlrtBJ.js');
var ratings = require('./ratings-B_hdssup.js');
require('node:fs');
require('node:os');
require('node:path');
require('node:url');
require('node:events');
require('node:process');
require('./diagram-lQO3I6ij.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// How the progress commands read the history: with every skipped line (torn, corrupt, or
// written by a newer mldrill) mentioned on stderr, one line each.
const SHOWN = 10;
/** The history through its index, checked line by line; the caller reports what it skips. */
function indexedHistoryFor(io) {
    return throughIndex(io, history.readIndexedHistory);
}
/** Every session tallied for stats, with the skipped lines reported. */
function readTallyFor(io) {
    const cacheFile = history.statsTallyFile(core.cacheDirOf(io));
    const { history: history$1, file } = throughIndex(io, (historyFile, indexFile) => history.readHistoryTally(historyFile, indexFile, cacheFile));
    reportSkipped(history$1.skipped, file, io);
    return { tally: history$1.tally, file };
}
/**
 * The newest `limit` sessions (0: all), newest first, and how many there are, with the skipped
 * lines reported; with every session's id too when asked (dearer: it needs the whole index).
 */
function newestSessionsFor(io, limit, withIds = false) {
    // Usually served from the head of the index and the few bodies shown.
    const fast = withIds ? undefined : throughIndex(io, (file, indexFile) => history.readNewestSessions(file, indexFile, limit));
    if (fast?.history) {
        reportSkipped(fast.history.warnings, fast.file, io);
        return { records: fast.history.records, total: fast.history.total, file: fast.file };
    }
    const { history: history$1, file } = indexedHistoryFor(io);
    const latest = history.latestSessions(history$1.lines, history$1.warnings, decodeIndexed(history$1), limit);
    reportSkipped(latest.warnings, file, io);
    return { records: latest.records.map((line) => line.summary), total: latest.total, ids: withIds ? new Set(history$1.lines.map((line) => line.id)) : undefined, file };
}
function throughIndex(io, read) {
    const stateDir = core.stateDirOf(io);
    const file = core.historyFile(stateDir);
    try {
        return { history: read(file, core.historyIndexFile(core.cacheDirOf(io))), file };
    }
    catch (error) {
        throw historyError(error, stateDir, file);
    }
}
/** Why the history cannot be read, worded for the user: a usage error (exit 2). */
function historyError(error, stateDir, file) {
    if (error instanceof core.NotRegularError) {
        return new start.UsageError(`the history file ${file} is ${error.kind}, not a regular file; move it aside, or set MLDRILL_HOME to another directory`);
    }
    const code = error.code ?? 'error';
    // The state directory is really a file: saying "no sessions yet" would hide where they went.
    if (code === 'ENOTDIR')
        return new start.StateDirError(stateDir, code, true);
    return new start.UsageError(`cannot read the history file ${file} (${code}); fix its permissions or set MLDRILL_HOME`);
}
/** Decodes an indexed line to itself, its summary filled in, or why it was skipped. */
function decodeIndexed(history) {
    return (line) => {
        const decoded = history.decode(line);
        return 'record' in decoded ? { record: line } : decoded;
    };
}
/** Every session, each as its latest line that decodes, with the skipped lines reported. */
function sessionLinesFor(io) {
    const { history: history$1, file } = indexedHistoryFor(io);
    const read = history.everySession(history$1.lines, history$1.warnings, decodeIndexed(history$1));
    reportSkipped(read.warnings, file, io);
    return { lines: read.records, file };
}
/** Every session's summary (no notes), with the skipped lines reported. */
function readHistoryFor(io) {
    const { lines, file } = sessionLinesFor(io);
    return { records: lines.map((line) => line.summary), file };
}
/** The whole record (notes included) of the session ref names (see findSession). */
function readSessionFor(io, ref) {
    const { lines, file } = sessionLinesFor(io);
    const found = history.findSession(lines.map((line) => line.summary), ref);
    const offset = lines.find((line) => line.summary === found).offset;
    try {
        const record = history.readRecordAt(file, offset);
        // The file was replaced since it was indexed: read the session from the file as it is now.
        if (record?.id === found.id)
            return record;
        return history.findSession(history.readHistory(file).records, found.id);
    }
    catch (error) {
        if (error instanceof start.MldrillError)
            throw error;
        throw historyError(error, core.stateDirOf(io), file);
    }
}
function reportSkipped(warnings, file, io) {
    for (const warning of warnings.slice(0, SHOWN))
        io.stderr.write(`mldrill: warning: ${start.stripControl(warning)}\n`);
    if (warnings.length > SHOWN)
        io.stderr.write(`mldrill: warning: … and ${warnings.length - SHOWN} more skipped lines in ${file}\n`);
}
/** Said on stderr when there is nothing to show yet. */
function noSessionsYet(io) {
    io.stderr.write("No sessions yet; run 'mldrill drill' to practise one.\n");
}
/** For --unseen: the ids never completed, or a NotFoundError when every one has been. */
async function requireUnseen(ids, io) {
    const { unseenQuestions } = await Promise.resolve().then(function () { return require('./core-DiuhDYN8.js'); }).then(function (n) { return n.unseen; });
    const unseen = unseenQuestions(ids.map((id) => ({ id })), readHistoryFor(io).records).map(({ id }) => id);
    if (unseen.length === 0)
        throw new start.NotFoundError(`every matching question has been completed (${ids.length}); drop --unseen or widen the filters`);
    return unseen;
}
/** Every rating kept beside the history (ratings.jsonl; a small file, read only when it exists), with the skipped lines reported. */
function readRatingsFor(io) {
    const file = core.ratingsFile(core.stateDirOf(io));
    const { ratings: ratings$1, warnings } = ratings.readRatings(file);
    reportSkipped(warnings, file, io);
    return ratings$1;
}
/** The AI grader's score of each session it rated, by session id. */
function aiScoresOf(ratings) {
    return new Map(ratings.filter((rating) => rating.rater === 'ai').map((rating) => [rating.sessionId, rating.score]));
}
/**
 * For spaced repetition: with the config's `llm.schedule_from: ai`, the AI grader's score of each
 * session it rated (those it did not keep their own score); otherwise nothing.
 */
function reviewScoresFor(io) {
    return core.scheduleFromOf(io) === 'ai' ? aiScoresOf(readRatingsFor(io)) : undefined;
}

exports.aiScoresOf = aiScoresOf;
exports.decodeIndexed = decodeIndexed;
exports.indexedHistoryFor = indexedHistoryFor;
exports.newestSessionsFor = newestSessionsFor;
exports.noSessionsYet = noSessionsYet;
exports.readHistoryFor = readHistoryFor;
exports.readRatingsFor = readRatingsFor;
exports.readSessionFor = readSessionFor;
exports.readTallyFor = readTallyFor;
exports.reportSkipped = reportSkipped;
exports.requireUnseen = requireUnseen;
exports.reviewScoresFor = reviewScoresFor;
