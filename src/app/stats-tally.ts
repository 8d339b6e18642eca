// The stats tally (score/tally.ts), cached by `stats` itself under the cache directory and keyed
// by the history's fingerprint: while the history file is the same, `stats` reads this small
// file and nothing else. When sessions not seen before were appended (a drill), they are counted
// into it; on anything else (a resumed session supersedes its record, a rewritten file) every
// session is tallied again through the history index. The index knows the history, not what
// stats derives from it. A cache, safe to delete: any doubt recounts.
import path from 'node:path';
import { readRegular } from '../read-file.js';
import { addSession, emptyTally, tallyFromJSON, tallyOf, tallyToJSON, type StatsTally } from '../score/tally.js';
import { writeFileAtomic } from '../store/atomic.js';
import { everySession } from '../store/history.js';
import { appendedSince, historyFingerprint, readIndexedHistory, type IndexedHistory } from '../store/history-index.js';
import { makeDirectory } from '../make-dir.js';

/** Bump when the layout or the tally's JSON changes. */
const FORMAT = 1;
/** Far more than the tally of a lifetime of sessions; a larger file is not one we wrote. */
const MAX_BYTES = 256 * 1024 * 1024;

export interface HistoryTally {
  tally: StatsTally;
  /** The history's skipped lines, as everySession warns of them. */
  skipped: string[];
}

export function statsTallyFile(cacheDir: string): string {
  return path.join(cacheDir, 'stats-tally');
}

/**
 * Every session's latest record tallied, with the lines skipped: from cacheFile when it was made
 * of the history as it is now, else counted afresh through the index and cached. On disk, two
 * lines: [FORMAT, fingerprint, skipped], then the tally (tallyToJSON).
 */
export function readHistoryTally(file: string, indexFile: string, cacheFile: string): HistoryTally {
  const now = historyFingerprint(file);
  if (now === undefined) return { tally: emptyTally(), skipped: [] };
  const cached = loadCache(cacheFile);
  if (cached?.fingerprint === now) return cached;
  const history = readIndexedHistory(file, indexFile);
  const counted = (cached && withAppended(cached, history, appendedSince(file, cached.fingerprint))) ?? countAll(history);
  try {
    // Keyed by the file as it was read, not as it is now: an append meanwhile is counted next time.
    makeDirectory(path.dirname(cacheFile));
    writeFileAtomic(cacheFile, `${JSON.stringify([FORMAT, history.fingerprint, counted.skipped])}\n${JSON.stringify(tallyToJSON(counted.tally))}\n`);
  } catch {
    // No cache this time (a read-only or missing cache directory): the next run counts again.
  }
  return counted;
}

function countAll(history: IndexedHistory): HistoryTally {
  const { records, warnings } = everySession(history.lines, history.warnings, (line) => history.decode(line));
  return { tally: tallyOf(records), skipped: warnings };
}

/**
 * The cached tally with the sessions appended since it was made counted in, in the order a
 * fresh count gives them: only when the history grew by whole lines from `from`, each of a
 * session not seen before; undefined otherwise (count afresh).
 */
function withAppended(cached: HistoryTally, history: IndexedHistory, from: number | undefined): HistoryTally | undefined {
  if (from === undefined) return undefined;
  const seen = new Set<string>();
  const added: IndexedHistory['lines'] = [];
  for (const line of history.lines) {
    // A line of a session already counted (a resume) would supersede its record: count afresh.
    if (line.offset >= from && seen.has(line.id)) return undefined;
    seen.add(line.id);
    if (line.offset >= from) added.push(line);
  }
  const { tally } = cached;
  for (const line of added) {
    const decoded = history.decode(line);
    if ('record' in decoded) addSession(tally, decoded.record, tally.sessions);
  }
  return { tally, skipped: history.skipped };
}

function loadCache(cacheFile: string): (HistoryTally & { fingerprint: string }) | undefined {
  try {
    const [head = '', tally = ''] = readRegular(cacheFile, MAX_BYTES).toString('utf8').split('\n');
    const [format, fingerprint, skipped] = JSON.parse(head) as [unknown, unknown, unknown];
    if (format !== FORMAT || typeof fingerprint !== 'string' || !Array.isArray(skipped) || !skipped.every((line) => typeof line === 'string')) return undefined;
    const read = tallyFromJSON(JSON.parse(tally));
    return read && { tally: read, skipped, fingerprint };
  } catch {
    return undefined;
  }
}
