// `mldrill history`: past sessions, newest first. Reads only the history (through its index),
// never the bank, and decodes only the sessions it shows, so it stays fast with thousands.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { styleFor } from '../ui/colour.js';
import { AI_MARK, historyEntry, historyLines, IN_PROGRESS, liveEntry } from '../ui/history.js';
import { listLive, runningElsewhere } from '../store/live.js';
import { isSessionState } from '../session/engine.js';
import { compareText, jsonText, wrap } from '../text.js';
import { aiScoresOf, newestSessionsFor, noSessionsYet, readRatingsFor, reportSkipped } from '../app/read-history.js';
import { colourOf, stateDirOf } from '../app/config.js';

export interface HistoryOptions {
  /** How many sessions to show; 0 means all. */
  limit: number;
  json?: boolean;
}

export async function history(options: HistoryOptions, io: Io): Promise<number> {
  // Checkpoints of interrupted sessions: they mark their records as resumable, and a session
  // killed before it could write a record (kill -9) is listed from its checkpoint alone.
  const stateDir = stateDirOf(io);
  const live = listLive(stateDir, isSessionState);
  const latest = newestSessionsFor(io, options.limit, live.sessions.length > 0);
  reportSkipped(live.warnings, latest.file, io);
  const timeZone = io.timeZone;
  // A checkpoint that outlived its completed session (its removal failed) resumes nothing: the
  // completed record is the session.
  // One drilled right now in another terminal is in progress, not interrupted: resuming it would run it twice.
  const running = new Set(live.sessions.filter((session) => runningElsewhere(stateDir, session)).map((session) => session.id));
  const resumable = new Set(live.sessions.filter((session) => !running.has(session.id)).map((session) => session.id));
  // The AI grader's scores, for the marker.
  const aiScores = aiScoresOf(readRatingsFor(io));
  const unrecorded = live.sessions.filter((session) => !latest.ids?.has(session.id)).map((session) => liveEntry(session, timeZone, running.has(session.id)));
  const recorded = latest.records.map((summary) => {
    const entry = historyEntry(summary, timeZone, resumable.has(summary.id) && summary.status !== 'completed', aiScores.get(summary.id) ?? null);
    return running.has(summary.id) && summary.status !== 'completed' ? { ...entry, status: IN_PROGRESS } : entry;
  });
  const all = [...recorded, ...unrecorded]
    .sort((a, b) => compareText(b.startedAt, a.startedAt));
  const shown = options.limit > 0 ? all.slice(0, options.limit) : all;
  const total = latest.total + unrecorded.length;
  if (options.json) {
    io.stdout.write(jsonText(shown));
    return EXIT.ok;
  }
  if (shown.length === 0) {
    noSessionsYet(io);
    return EXIT.ok;
  }
  io.stdout.write(`${historyLines(shown, await styleFor(io.stdout, io.env, colourOf(io)), io.stdout.isTTY ? io.stdout.columns : undefined).join('\n')}\n`);
  // Wrapped at word breaks on a terminal narrower than the line, as the table fits it.
  const note = (text: string) => io.stderr.write(`${wrap(text, io.stderr.isTTY ? io.stderr.columns : Infinity).join('\n')}\n`);
  if (shown.length < total) note(`${shown.length} of ${total} sessions; --limit 0 shows all`);
  if (shown.some((entry) => entry.resumable)) note("Sessions marked 'resumable' continue with: mldrill resume <session>");
  if (shown.some((entry) => entry.aiScore !== null)) note(`Scores marked ${AI_MARK} were graded by the AI too: mldrill export <session> shows its verdicts`);
  return EXIT.ok;
}
