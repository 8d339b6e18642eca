// The stats tally (score/tally.ts), cached by `stats` itself under the cache directory and keyed
// by the history's fingerprint: while the history file is the same, `stats` reads this small
// file and nothing else; once a session is appended, it tallies every session again through the
// history index (which reads only what was appended) and rewrites it. The index knows the
// history, not what stats derives from it. A cache, safe to delete: any doubt recounts.
import fs from 'node:fs';
import path from 'node:path';
import { readRegular } from '../read-file.js';
import { emptyTally, tallyFromJSON, tallyOf, tallyToJSON, type StatsTally } from '../score/tally.js';
import { writeFileAtomic } from '../store/atomic.js';
import { everySession } from '../store/history.js';
import { historyFingerprint, readIndexedHistory } from '../store/history-index.js';

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
  // Taken before the history is read: an append meanwhile makes the cache stale, never wrong.
  const fingerprint = historyFingerprint(file);
  if (fingerprint === undefined) return { tally: emptyTally(), skipped: [] };
  const cached = loadCache(cacheFile, fingerprint);
  if (cached) return cached;
  const history = readIndexedHistory(file, indexFile);
  const { records, warnings } = everySession(history.lines, history.warnings, (line) => history.decode(line));
  const counted = { tally: tallyOf(records), skipped: warnings };
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileAtomic(cacheFile, `${JSON.stringify([FORMAT, fingerprint, warnings])}\n${JSON.stringify(tallyToJSON(counted.tally))}\n`);
  } catch {
    // No cache this time (a read-only or missing cache directory): the next run counts again.
  }
  return counted;
}

function loadCache(cacheFile: string, fingerprint: string): HistoryTally | undefined {
  try {
    const [head = '', tally = ''] = readRegular(cacheFile, MAX_BYTES).toString('utf8').split('\n');
    const [format, key, skipped] = JSON.parse(head) as [unknown, unknown, unknown];
    if (format !== FORMAT || key !== fingerprint || !Array.isArray(skipped) || !skipped.every((line) => typeof line === 'string')) return undefined;
    const read = tallyFromJSON(JSON.parse(tally));
    return read && { tally: read, skipped };
  } catch {
    return undefined;
  }
}
