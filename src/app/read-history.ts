// How the progress commands read the history: with every skipped line (torn, corrupt, or
// written by a newer mldrill) mentioned on stderr, one line each.
import { MldrillError, NoMatchError, StateDirError, UsageError, type QuestionFilters } from '../errors.js';
import fs from 'node:fs';
import { kindOfFile, NotRegularError } from '../read-file.js';
import type { Io } from '../io.js';
import { everySession, latestSessions, readHistory } from '../store/history.js';
import { readIndexedHistory, readNewestSessions, readRecordAt, type IndexedHistory, type IndexedLine } from '../store/history-index.js';
import { ensureWritable, historyFile, historyIndexFile, ratingsFile } from '../store/paths.js';
import { readRatings, type RatingRecord } from '../store/ratings.js';
import { cacheDirOf, scheduleFromOf, stateDirOf } from './config.js';
import type { SessionRecord, SessionSummary } from '../store/record.js';
import { findSession } from '../store/sessions.js';
import type { StatsTally } from '../score/tally.js';
import type { SessionStarts } from '../score/calibration.js';
import { readHistoryTally, statsTallyFile } from './stats-tally.js';
import { stripControl } from '../text.js';
import { isDrillInstant } from '../time.js';
import { listLive, runningElsewhere, type LiveSession } from '../store/live.js';
import { isSessionState, type SessionState } from '../session/engine.js';

const SHOWN = 10;

/** The history through its index, checked line by line; the caller reports what it skips. */
export function indexedHistoryFor(io: Io): { history: IndexedHistory; file: string } {
  return throughIndex(io, readIndexedHistory);
}

/** Every session tallied for stats, with the skipped lines reported, and the completed sessions' starts on demand. */
export function readTallyFor(io: Io): { tally: StatsTally; starts: () => SessionStarts; file: string } {
  const cacheFile = statsTallyFile(cacheDirOf(io));
  const { history, file } = throughIndex(io, (historyFile, indexFile) => readHistoryTally(historyFile, indexFile, cacheFile));
  reportSkipped(history.skipped, file, io);
  // The starts may have to be counted again from the history: its errors are worded as any read's.
  return { tally: history.tally, starts: () => throughIndex(io, () => history.starts()).history, file };
}

/**
 * The newest `limit` sessions (0: all), newest first, and how many there are, with the skipped
 * lines reported; with every session's id too when asked (dearer: it needs the whole index).
 */
export function newestSessionsFor(io: Io, limit: number, withIds = false): { records: SessionSummary[]; total: number; ids?: Set<string>; file: string } {
  // Usually served from the head of the index and the few bodies shown.
  const fast = withIds ? undefined : throughIndex(io, (file, indexFile) => readNewestSessions(file, indexFile, limit));
  if (fast?.history) {
    reportSkipped(fast.history.warnings, fast.file, io);
    return { records: fast.history.records, total: fast.history.total, file: fast.file };
  }
  const { history, file } = indexedHistoryFor(io);
  const latest = latestSessions(history.lines, history.warnings, decodeIndexed(history), limit);
  reportSkipped(latest.warnings, file, io);
  return { records: latest.records.map((line) => line.summary), total: latest.total, ids: withIds ? new Set(history.lines.map((line) => line.id)) : undefined, file };
}

function throughIndex<T>(io: Io, read: (file: string, indexFile: string) => T): { history: T; file: string } {
  const stateDir = stateDirOf(io);
  const file = historyFile(stateDir);
  try {
    return { history: read(file, historyIndexFile(cacheDirOf(io))), file };
  } catch (error) {
    throw historyError(error, stateDir, file);
  }
}

/**
 * Before a drill or a resume starts: the state directory must be writable and the history, if
 * there is one, a regular file it may write. A FIFO, a device or a directory in its place would
 * refuse the record only at the end, after the whole interview. `offerNoSave`: the command has
 * --no-save, which the message then names.
 */
export function ensureSaveable(io: Io, offerNoSave: boolean): void {
  // A record dated outside the years a record may hold would be saved and then skipped by every
  // reader: MLDRILL_NOW takes any year from 0001, and a machine's clock can be far off.
  const now = io.now();
  if (!isDrillInstant(now)) {
    throw new UsageError(`the clock reads ${new Date(now).toISOString()}, outside the years 2000-2200 that a saved session may be dated in; set ${io.env.MLDRILL_NOW === undefined ? "the system's clock" : 'MLDRILL_NOW'} to the date, or drill with --no-save`);
  }
  const stateDir = stateDirOf(io);
  ensureWritable(stateDir);
  const file = historyFile(stateDir);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) throw historyError(new NotRegularError(file, kindOfFile(stat)), stateDir, file);
  // A writable directory may still hold a read-only history (chmod 444, another user's file): the
  // record would be refused after the interview.
  if (stat) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(`cannot write to the history file ${file} (${code}); fix its permissions, set MLDRILL_HOME to another directory${offerNoSave ? ', or pass --no-save' : ''}`);
    }
  }
}

/** Why the history cannot be read, worded for the user: a usage error (exit 2). */
function historyError(error: unknown, stateDir: string, file: string): UsageError {
  if (error instanceof NotRegularError) {
    return new UsageError(`the history file ${file} is ${error.kind}, not a regular file; move it aside, or set MLDRILL_HOME to another directory`);
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  // The state directory is really a file: saying "no sessions yet" would hide where they went.
  if (code === 'ENOTDIR') return new StateDirError(stateDir, code, true);
  // Not a matter of permissions: the state directory's path is more than the file system takes.
  if (code === 'ENAMETOOLONG') return new StateDirError(stateDir, code, false);
  return new UsageError(`cannot read the history file ${file} (${code}); fix its permissions or set MLDRILL_HOME`);
}

type SessionLine = IndexedLine & { summary: SessionSummary };

/** Decodes an indexed line to itself, its summary filled in, or why it was skipped. */
export function decodeIndexed(history: IndexedHistory): (line: IndexedLine) => { record: SessionLine } | { warning: string } {
  return (line) => {
    const decoded = history.decode(line);
    return 'record' in decoded ? { record: line as SessionLine } : decoded;
  };
}

/** Every session, each as its latest line that decodes, with the skipped lines reported. */
function sessionLinesFor(io: Io): { lines: SessionLine[]; file: string } {
  const { history, file } = indexedHistoryFor(io);
  const read = everySession(history.lines, history.warnings, decodeIndexed(history));
  reportSkipped(read.warnings, file, io);
  return { lines: read.records, file };
}

/** Every session's summary (no notes), with the skipped lines reported. */
export function readHistoryFor(io: Io): { records: SessionSummary[]; file: string } {
  const { lines, file } = sessionLinesFor(io);
  return { records: lines.map((line) => line.summary), file };
}

/**
 * The interrupted sessions `resume` takes, newest first, with the history's records (read when
 * there is a checkpoint, or always with `withRecords`) and the skipped checkpoints reported unless
 * `quiet` (completion: a warning would land in the middle of the command line). A
 * checkpoint that outlived its completed session (the drill could not remove it) is not one:
 * resumed, it would replace the completed record with a second run of the session. Nor is one
 * being drilled right now in another terminal (`running`): resumed too, one run's record would
 * supersede the other's.
 */
export function resumableSessionsFor(io: Io, { withRecords = false, quiet = false } = {}): { sessions: LiveSession<SessionState>[]; running: LiveSession<SessionState>[]; records: SessionSummary[] } {
  const stateDir = stateDirOf(io);
  const { sessions, warnings } = listLive(stateDir, isSessionState);
  if (!quiet) for (const warning of warnings) io.stderr.write(`mldrill: ${warning}\n`);
  const records = sessions.length || withRecords ? readHistoryFor(io).records : [];
  const completed = new Set(records.filter((record) => record.status === 'completed').map((record) => record.id));
  const open = sessions.filter((session) => !completed.has(session.id));
  const running = open.filter((session) => runningElsewhere(stateDir, session));
  return { sessions: open.filter((session) => !running.includes(session)), running, records };
}

/** The whole record (notes included) of the session ref names (see findSession). */
export function readSessionFor(io: Io, ref: string): SessionRecord {
  const { lines, file } = sessionLinesFor(io);
  const found = findSession(lines.map((line) => line.summary), ref);
  const offset = lines.find((line) => line.summary === found)!.offset;
  try {
    const record = readRecordAt(file, offset);
    // The file was replaced since it was indexed: read the session from the file as it is now.
    if (record?.id === found.id) return record;
    return findSession(readHistory(file).records, found.id);
  } catch (error) {
    if (error instanceof MldrillError) throw error;
    throw historyError(error, stateDirOf(io), file);
  }
}

export function reportSkipped(warnings: readonly string[], file: string, io: Io): void {
  for (const warning of warnings.slice(0, SHOWN)) io.stderr.write(`mldrill: warning: ${stripControl(warning)}\n`);
  if (warnings.length > SHOWN) io.stderr.write(`mldrill: warning: … and ${warnings.length - SHOWN} more skipped lines in ${file}\n`);
}

/** Said on stderr when there is nothing to show yet. */
export function noSessionsYet(io: Io): void {
  io.stderr.write("No sessions yet; run 'mldrill drill' to practise one.\n");
}

/** For --unseen: the ids (those matching the filters) never completed, or a NoMatchError naming the filters when every one has been. */
export async function requireUnseen(ids: readonly string[], filters: QuestionFilters, io: Io): Promise<string[]> {
  const { unseenQuestions } = await import('../select/unseen.js');
  const unseen = unseenQuestions(ids.map((id) => ({ id })), readHistoryFor(io).records).map(({ id }) => id);
  if (unseen.length === 0) throw new NoMatchError(filters, false, ids.length);
  return unseen;
}

/** Every rating kept beside the history (ratings.jsonl; a small file, read only when it exists), with the skipped lines reported. */
export function readRatingsFor(io: Io): RatingRecord[] {
  const file = ratingsFile(stateDirOf(io));
  const { ratings, warnings } = readRatings(file);
  reportSkipped(warnings, file, io);
  return ratings;
}

/** The AI grader's score of each session it rated, by session id. */
export function aiScoresOf(ratings: readonly RatingRecord[]): Map<string, number> {
  return new Map(ratings.filter((rating) => rating.rater === 'ai').map((rating) => [rating.sessionId, rating.score]));
}

/**
 * For spaced repetition: with the config's `llm.schedule_from: ai`, the AI grader's score of each
 * session it rated (those it did not keep their own score); otherwise nothing.
 */
export function reviewScoresFor(io: Io): Map<string, number> | undefined {
  return scheduleFromOf(io) === 'ai' ? aiScoresOf(readRatingsFor(io)) : undefined;
}
