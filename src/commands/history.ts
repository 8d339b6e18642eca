// `mldrill history`: past sessions, newest first. Reads only the history file, never the bank,
// and decodes only the sessions it shows, so it stays fast with thousands of sessions.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { latestRecords } from '../store/history.js';
import { timeZoneFrom } from '../time.js';
import { styleFor } from '../ui/colour.js';
import { historyEntry, historyLines } from '../ui/history.js';
import { noSessionsYet, reportSkipped, scanHistoryFor } from './read-history.js';

export interface HistoryOptions {
  /** How many sessions to show; 0 means all. */
  limit: number;
  json?: boolean;
}

export async function history(options: HistoryOptions, io: Io): Promise<number> {
  const { scan, file } = scanHistoryFor(io);
  const latest = latestRecords(scan, file, options.limit);
  reportSkipped(latest.warnings, file, io);
  const timeZone = timeZoneFrom(io.env);
  const shown = latest.records.map((record) => historyEntry(record, timeZone));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return EXIT.ok;
  }
  if (shown.length === 0) {
    noSessionsYet(io);
    return EXIT.ok;
  }
  io.stdout.write(`${historyLines(shown, styleFor(io.stdout, io.env)).join('\n')}\n`);
  if (shown.length < latest.total) io.stderr.write(`${shown.length} of ${latest.total} sessions; --limit 0 shows all\n`);
  return EXIT.ok;
}
