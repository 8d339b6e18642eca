// The stats tally (score/tally.ts), cached by `stats` itself under the cache directory and keyed
// by the history's fingerprint: while the history file is the same, `stats` reads this small
// file and nothing else. When sessions not seen before were appended (a drill), they are counted
// into it; on anything else (a resumed session supersedes its record, a rewritten file) every
// session is tallied again through the history index. The index knows the history, not what
// stats derives from it. A cache, safe to delete: any doubt recounts.
//
// Beside the tally it keeps every completed session's start by id, which only the calibration of
// ratings needs: on a line of its own, read only then.
import path from 'node:path';
import { readRegular } from '../read-file.js';
import { addSession, emptyTally, tallyFromJSON, tallyToJSON, type StatsTally } from '../score/tally.js';
import type { SessionStarts } from '../score/calibration.js';
import type { SessionSummary } from '../store/record.js';
import { writeFileAtomic } from '../store/atomic.js';
import { everySession } from '../store/history.js';
import { appendedSince, historyFingerprint, readIndexedHistory, type IndexedHistory } from '../store/history-index.js';
import { makeDirectory } from '../make-dir.js';

/** Bump when the layout or the tally's JSON changes. */
const FORMAT = 2;
const NEWLINE = 0x0a;
/** Far more than the tally of a lifetime of sessions; a larger file is not one we wrote. */
const MAX_BYTES = 256 * 1024 * 1024;

export interface HistoryTally {
  tally: StatsTally;
  /** The history's skipped lines, as everySession warns of them. */
  skipped: string[];
  /** Each completed session's start, by id (worked out or read on the first call). */
  starts: () => SessionStarts;
}

/** The completed sessions' ids and starts, as the cache's last line holds them. */
type StartColumns = [ids: string[], startedAt: number[]];

export function statsTallyFile(cacheDir: string): string {
  return path.join(cacheDir, 'stats-tally');
}

/**
 * Every session's latest record tallied, with the lines skipped: from cacheFile when it was made
 * of the history as it is now, else counted afresh through the index and cached. On disk, three
 * lines: [FORMAT, fingerprint, skipped], the tally (tallyToJSON), and the StartColumns.
 */
export function readHistoryTally(file: string, indexFile: string, cacheFile: string): HistoryTally {
  const now = historyFingerprint(file);
  if (now === undefined) return { tally: emptyTally(), skipped: [], starts: () => new Map() };
  const cached = loadCache(cacheFile);
  if (cached?.fingerprint === now) {
    // Start columns spoilt beneath a sound tally: the starts alone are counted again.
    return withStarts(cached.tally, cached.skipped, () => cached.columns() ?? countAll(readIndexedHistory(file, indexFile)).columns);
  }
  const history = readIndexedHistory(file, indexFile);
  const counted = (cached && withAppended(cached, history, appendedSince(file, cached.fingerprint))) ?? countAll(history);
  try {
    // Keyed by the file as it was read, not as it is now: an append meanwhile is counted next time.
    makeDirectory(path.dirname(cacheFile));
    writeFileAtomic(cacheFile, [[FORMAT, history.fingerprint, counted.skipped], tallyToJSON(counted.tally), counted.columns].map((line) => `${JSON.stringify(line)}\n`).join(''));
  } catch {
    // No cache this time (a read-only or missing cache directory): the next run counts again.
  }
  return withStarts(counted.tally, counted.skipped, () => counted.columns);
}

interface Counted {
  tally: StatsTally;
  skipped: string[];
  columns: StartColumns;
}

function withStarts(tally: StatsTally, skipped: string[], columns: () => StartColumns): HistoryTally {
  let starts: SessionStarts | undefined;
  return { tally, skipped, starts: () => {
    if (starts) return starts;
    const [ids, startedAt] = columns();
    return (starts = new Map(ids.map((id, i) => [id, startedAt[i]!])));
  } };
}

function countAll(history: IndexedHistory): Counted {
  const { records, warnings } = everySession(history.lines, history.warnings, (line) => history.decode(line));
  const counted: Counted = { tally: emptyTally(), skipped: warnings, columns: [[], []] };
  records.forEach((record, order) => count(counted, record, order));
  return counted;
}

function count({ tally, columns }: Counted, record: SessionSummary, order: number): void {
  if (!addSession(tally, record, order)) return;
  columns[0].push(record.id);
  columns[1].push(Date.parse(record.startedAt));
}

/**
 * The cached tally with the sessions appended since it was made counted in, in the order a
 * fresh count gives them: only when the history grew by whole lines from `from`, each of a
 * session not seen before; undefined otherwise (count afresh).
 */
function withAppended(cached: CachedTally, history: IndexedHistory, from: number | undefined): Counted | undefined {
  if (from === undefined) return undefined;
  const seen = new Set<string>();
  const added: IndexedHistory['lines'] = [];
  for (const line of history.lines) {
    // A line of a session already counted (a resume) would supersede its record: count afresh.
    if (line.offset >= from && seen.has(line.id)) return undefined;
    seen.add(line.id);
    if (line.offset >= from) added.push(line);
  }
  const columns = cached.columns();
  if (!columns) return undefined;
  const counted: Counted = { tally: cached.tally, skipped: history.skipped, columns };
  for (const line of added) {
    const decoded = history.decode(line);
    if ('record' in decoded) count(counted, decoded.record, counted.tally.sessions);
  }
  return counted;
}

interface CachedTally {
  tally: StatsTally;
  skipped: string[];
  fingerprint: string;
  /** The start columns, parsed on the first call; undefined when they are not what was written. */
  columns: () => StartColumns | undefined;
}

function loadCache(cacheFile: string): CachedTally | undefined {
  try {
    const bytes = readRegular(cacheFile, MAX_BYTES);
    // Three whole lines: a file cut short (a full disk, an older format) is not ours. The third,
    // the largest, is not even decoded unless asked for.
    const headEnd = bytes.indexOf(NEWLINE);
    const tallyEnd = headEnd < 0 ? -1 : bytes.indexOf(NEWLINE, headEnd + 1);
    if (tallyEnd < 0 || bytes.indexOf(NEWLINE, tallyEnd + 1) !== bytes.length - 1) return undefined;
    const [format, fingerprint, skipped] = JSON.parse(bytes.toString('utf8', 0, headEnd)) as [unknown, unknown, unknown];
    if (format !== FORMAT || typeof fingerprint !== 'string' || !Array.isArray(skipped) || !skipped.every((line) => typeof line === 'string')) return undefined;
    const tally = bytes.toString('utf8', headEnd + 1, tallyEnd);
    const starts = () => bytes.toString('utf8', tallyEnd + 1, bytes.length - 1);
    const read = tallyFromJSON(JSON.parse(tally));
    return read && { tally: read, skipped, fingerprint, columns: () => startColumnsOf(starts(), read.completed) };
  } catch {
    return undefined;
  }
}

function startColumnsOf(text: string, completed: number): StartColumns | undefined {
  try {
    const [ids, startedAt] = JSON.parse(text) as StartColumns;
    const fits = ids.length === completed && startedAt.length === completed;
    return fits && ids.every((id) => typeof id === 'string') && startedAt.every(Number.isFinite) ? [ids, startedAt] : undefined;
  } catch {
    return undefined;
  }
}
