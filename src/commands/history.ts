// `mldrill history`: past sessions, newest first. Reads only the history (through its index),
// never the bank, and decodes only the sessions it shows, so it stays fast with thousands.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { timeZoneFrom } from '../time.js';
import { styleFor } from '../ui/colour.js';
import { historyEntry, historyLines, liveEntry } from '../ui/history.js';
import { listLive } from '../store/live.js';
import { compareText } from '../text.js';
import { newestSessionsFor, noSessionsYet, reportSkipped } from '../app/read-history.js';
import { colourOf, stateDirOf } from '../app/config.js';

export interface HistoryOptions {
  /** How many sessions to show; 0 means all. */
  limit: number;
  json?: boolean;
}

export async function history(options: HistoryOptions, io: Io): Promise<number> {
  // Checkpoints of interrupted sessions: they mark their records as resumable, and a session
  // killed before it could write a record (kill -9) is listed from its checkpoint alone.
  const live = listLive(stateDirOf(io));
  const latest = newestSessionsFor(io, options.limit, live.sessions.length > 0);
  reportSkipped(live.warnings, latest.file, io);
  const timeZone = timeZoneFrom(io.env);
  const resumable = new Set(live.sessions.map((session) => session.id));
  const unrecorded = live.sessions.filter((session) => !latest.ids?.has(session.id)).map((session) => liveEntry(session, timeZone));
  const all = [...latest.records.map((summary) => historyEntry(summary, timeZone, resumable.has(summary.id))), ...unrecorded]
    .sort((a, b) => compareText(b.startedAt, a.startedAt));
  const shown = options.limit > 0 ? all.slice(0, options.limit) : all;
  const total = latest.total + unrecorded.length;
  if (options.json) {
    io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return EXIT.ok;
  }
  if (shown.length === 0) {
    noSessionsYet(io);
    return EXIT.ok;
  }
  io.stdout.write(`${historyLines(shown, await styleFor(io.stdout, io.env, colourOf(io))).join('\n')}\n`);
  if (shown.length < total) io.stderr.write(`${shown.length} of ${total} sessions; --limit 0 shows all\n`);
  if (shown.some((entry) => entry.resumable)) io.stderr.write("Sessions marked 'resumable' continue with: mldrill resume <session>\n");
  return EXIT.ok;
}
