// How the progress commands read the history: with every skipped line (torn, corrupt, or
// written by a newer mldrill) mentioned on stderr, one line each.
import { NotFoundError, UsageError } from '../errors.js';
import { everySession, latestSessions, readHistory } from '../store/history.js';
import { emptyHistory, readHistoryTally, readIndexedHistory, readNewestSessions, readRecordAt } from '../store/history-index.js';
import { cacheDirectory, historyFile, historyIndexFile, stateDirectory } from '../store/paths.js';
import { findSession } from '../store/sessions.js';
import { stripControl } from '../text.js';
const SHOWN = 10;
/** The history through its index, checked line by line; the caller reports what it skips. */
export function indexedHistoryFor(io) {
    return throughIndex(io, readIndexedHistory, emptyHistory);
}
/** Every session tallied for stats, with the skipped lines reported. */
export function readTallyFor(io) {
    const { history, file } = throughIndex(io, readHistoryTally, emptyHistory);
    reportSkipped(history.skipped, file, io);
    return { tally: history.tally, file };
}
/**
 * The newest `limit` sessions (0: all), newest first, and how many there are, with the skipped
 * lines reported; with every session's id too when asked (dearer: it needs the whole index).
 */
export function newestSessionsFor(io, limit, withIds = false) {
    // Usually served from the head of the index and the few bodies shown.
    const fast = withIds ? undefined : throughIndex(io, (file, indexFile) => readNewestSessions(file, indexFile, limit), () => undefined);
    if (fast?.history) {
        reportSkipped(fast.history.warnings, fast.file, io);
        return { records: fast.history.records, total: fast.history.total, file: fast.file };
    }
    const { history, file } = indexedHistoryFor(io);
    const latest = latestSessions(history.lines, history.warnings, decodeIndexed(history), limit);
    reportSkipped(latest.warnings, file, io);
    return { records: latest.records.map((line) => line.summary), total: latest.total, ids: withIds ? new Set(history.lines.map((line) => line.id)) : undefined, file };
}
function throughIndex(io, read, empty) {
    const file = historyFile(stateDirectory(io.env, io.homedir));
    try {
        return { history: read(file, historyIndexFile(cacheDirectory(io.env, io.homedir))), file };
    }
    catch (error) {
        const code = error.code ?? 'error';
        // A state directory that is really a file has no history yet, like a missing one.
        if (code === 'ENOTDIR')
            return { history: empty(), file };
        throw new UsageError(`cannot read the history file ${file} (${code}); fix its permissions or set MLDRILL_HOME`);
    }
}
/** Decodes an indexed line to itself, its summary filled in, or why it was skipped. */
export function decodeIndexed(history) {
    return (line) => {
        const decoded = history.decode(line);
        return 'record' in decoded ? { record: line } : decoded;
    };
}
/** Every session, each as its latest line that decodes, with the skipped lines reported. */
function sessionLinesFor(io) {
    const { history, file } = indexedHistoryFor(io);
    const read = everySession(history.lines, history.warnings, decodeIndexed(history));
    reportSkipped(read.warnings, file, io);
    return { lines: read.records, file };
}
/** Every session's summary (no notes), with the skipped lines reported. */
export function readHistoryFor(io) {
    const { lines, file } = sessionLinesFor(io);
    return { records: lines.map((line) => line.summary), file };
}
/** The whole record (notes included) of the session ref names (see findSession). */
export function readSessionFor(io, ref) {
    const { lines, file } = sessionLinesFor(io);
    const found = findSession(lines.map((line) => line.summary), ref);
    const offset = lines.find((line) => line.summary === found).offset;
    const record = readRecordAt(file, offset);
    // The file was replaced since it was indexed: read the session from the file as it is now.
    if (record?.id === found.id)
        return record;
    return findSession(readHistory(file).records, found.id);
}
export function reportSkipped(warnings, file, io) {
    for (const warning of warnings.slice(0, SHOWN))
        io.stderr.write(`mldrill: warning: ${stripControl(warning)}\n`);
    if (warnings.length > SHOWN)
        io.stderr.write(`mldrill: warning: … and ${warnings.length - SHOWN} more skipped lines in ${file}\n`);
}
/** Said on stderr when there is nothing to show yet. */
export function noSessionsYet(io) {
    io.stderr.write("No sessions yet; run 'mldrill drill' to practise one.\n");
}
/** For --unseen: the ids never completed, or a NotFoundError when every one has been. */
export async function requireUnseen(ids, io) {
    const { unseenQuestions } = await import('../select/unseen.js');
    const unseen = unseenQuestions(ids.map((id) => ({ id })), readHistoryFor(io).records).map(({ id }) => id);
    if (unseen.length === 0)
        throw new NotFoundError(`every matching question has been completed (${ids.length}); drop --unseen or widen the filters`);
    return unseen;
}
