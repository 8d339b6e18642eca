// The session in progress, kept on disk so that it survives Ctrl-C, a crash, a closed terminal
// or kill -9, and `mldrill resume` can pick it up. One JSON file per session under
// <state>/sessions/, replaced atomically (write a temp file, fsync, rename), so a reader sees
// either the old checkpoint or the new one, never half of one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../io.js';
import { writeFileAtomic } from './atomic.js';
import { closest, compareText } from '../text.js';
import { isId, isName, isSessionId, type SessionMode } from './record.js';
import { NotRegularError, readRegular } from '../read-file.js';
import { NotFoundError, StateDirError, UnknownIdError } from '../errors.js';
import { byIdOrPrefix } from './sessions.js';
import { isDirectory, makeDirectory } from '../make-dir.js';

/** A checkpoint is one session's notes; anything this large is not one. */
const MAX_LIVE_BYTES = 16 * 1024 * 1024;

export const LIVE_VERSION = 1;

/**
 * One checkpoint. The store keeps the session's state as the JSON it was given and never looks
 * inside: its shape belongs to the session engine, which names it as `State`.
 */
export interface LiveSession<State = unknown> {
  version: number;
  id: string;
  questionId: string;
  rubricId: string;
  mode: SessionMode;
  minutes: number | null;
  strict: boolean;
  /** The clock was paused when the checkpoint was taken. */
  paused: boolean;
  /** The state with the running stretch folded in; runningSince means nothing on disk. */
  state: State;
  savedAt: string;
  /** The self-assessment's confirmed stages (ticked item ids per stage, in order), once it has begun. */
  assessed?: string[][];
  /** Started with drill --ai: the AI grader's second opinion follows the save. */
  ai?: true;
  /** Started with drill --ai --timeout S: the AI grader's wait per attempt, in seconds. */
  aiTimeoutSeconds?: number;
  /**
   * The bank directories the drill was given (--bank, MLDRILL_BANK), absolute: resume loads them
   * again, so a question from one resumes without naming it a second time.
   */
  bank?: string[];
  /** The process drilling it and its machine (os.hostname()), which a drill writes: see runningElsewhere. */
  pid?: number;
  host?: string;
}

export function liveDirectory(stateDir: string): string {
  return path.join(stateDir, 'sessions');
}

/**
 * The checkpoint file of session id. The id is checked to be one (a checkpoint or an argument
 * could say `../../victim`), and the path to stay inside the directory, before any file is named.
 */
export function liveFile(stateDir: string, id: string): string {
  const dir = path.resolve(liveDirectory(stateDir));
  const file = path.join(dir, `${id}.json`);
  if (!isSessionId(id) || path.dirname(file) !== dir) throw new Error(`"${id}" is not a session id; no checkpoint file is named after it`);
  return file;
}

export function saveLive(stateDir: string, live: LiveSession): void {
  const file = liveFile(stateDir, live.id);
  try {
    makeDirectory(path.dirname(file));
  } catch (error) {
    // mkdir says EEXIST when a file stands where the directory should be: say what is wrong.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error(`${path.dirname(file)} is not a directory`), { code: 'ENOTDIR' });
    throw error;
  }
  writeFileAtomic(file, JSON.stringify(live));
}

/** A drill checkpoints every few seconds; one whose checkpoint is older than this has stopped. */
const RUNNING_WITHIN_MS = 30_000;

/**
 * The session is being drilled right now by another mldrill on this machine (another terminal):
 * its process lives and its checkpoint was written moments ago, so a process id reused after a
 * crash does not count. Such a session is not interrupted, and resuming it too would run it twice.
 */
export function runningElsewhere(stateDir: string, live: LiveSession): boolean {
  if (typeof live.pid !== 'number' || live.pid === process.pid || live.host !== os.hostname()) return false;
  const written = fs.statSync(liveFile(stateDir, live.id), { throwIfNoEntry: false })?.mtimeMs;
  // Wall-clock time on purpose: MLDRILL_NOW pins the drill's clock, not the file system's. A
  // checkpoint dated ahead of now (a clock set back since, a copied file) is no sign of life either:
  // with a process id that happens to live, it would read as running until that time came.
  if (written === undefined || Math.abs(Date.now() - written) > RUNNING_WITHIN_MS) return false;
  return processAlive(live.pid);
}

export function removeLive(stateDir: string, id: string): void {
  fs.rmSync(liveFile(stateDir, id), { force: true });
}

/** The fields of a checkpoint around its state, as resume and history read them. */
function isLiveShape(live: Record<string, unknown>): boolean {
  const isText = (value: unknown) => typeof value === 'string';
  // Ids as a record holds them (one line): history lists a checkpoint's question beside the records.
  return isName(live.questionId) && isName(live.rubricId) && (live.mode === 'self' || live.mode === 'interviewer')
    && (live.minutes === null || (typeof live.minutes === 'number' && Number.isFinite(live.minutes) && live.minutes > 0))
    && typeof live.strict === 'boolean' && typeof live.paused === 'boolean' && isText(live.savedAt) && (live.ai === undefined || live.ai === true)
    && (live.aiTimeoutSeconds === undefined || (typeof live.aiTimeoutSeconds === 'number' && Number.isFinite(live.aiTimeoutSeconds) && live.aiTimeoutSeconds > 0))
    && (live.pid === undefined || (Number.isSafeInteger(live.pid) && (live.pid as number) > 0)) && (live.host === undefined || isText(live.host))
    && (live.bank === undefined || (Array.isArray(live.bank) && live.bank.every(isText)))
    && (live.assessed === undefined || (Array.isArray(live.assessed) && live.assessed.every((ticks) => Array.isArray(ticks) && ticks.every(isId))));
}

/**
 * Every resumable session, most recently saved first. A file that is unreadable, not a regular
 * file, not the checkpoint its name says (its id another, or none) or not of a session's shape
 * (isState checks the state, which the session engine owns: a field of the wrong kind would crash
 * the resumed drill) is reported and left in place, never resumed: resuming writes and deletes
 * the file its id names.
 */
export function listLive<State>(stateDir: string, isState: (state: unknown) => state is State): { sessions: LiveSession<State>[]; warnings: string[] } {
  const dir = liveDirectory(stateDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    // The state directory itself a file: say so, rather than "nothing to resume".
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR' && !isDirectory(stateDir)) throw new StateDirError(stateDir, 'ENOTDIR', true);
    return { sessions: [], warnings: [] };
  }
  const sessions: LiveSession<State>[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const named = name.slice(0, -'.json'.length);
    if (!isSessionId(named)) {
      warnings.push(`${file}: not named after a session id; left in place`);
      continue;
    }
    try {
      const live = JSON.parse(readRegular(file, MAX_LIVE_BYTES).toString('utf8')) as LiveSession<State>;
      if (live.version > LIVE_VERSION) warnings.push(`${file}: saved by a newer mldrill (version ${live.version}); upgrade to resume it`);
      else if (typeof live !== 'object' || live === null || typeof live.id !== 'string' || !isLiveShape(live as unknown as Record<string, unknown>) || !isState(live.state)) {
        warnings.push(`${file}: not a saved session (a field is missing, of the wrong kind or out of range); left in place`);
      }
      else if (live.id !== named) warnings.push(`${file}: holds a session whose id is not ${named}; left in place`);
      else sessions.push(live);
    } catch (error) {
      warnings.push(`${file}: ${error instanceof NotRegularError ? `${error.kind}, not a regular file` : 'unreadable'}; left in place`);
    }
  }
  sessions.sort((a, b) => compareText(b.savedAt, a.savedAt) || compareText(b.id, a.id));
  return { sessions, warnings };
}

/** The interrupted session wanted: `last` (the latest saved), an id, or a prefix of exactly one id. */
export function pickLive<State>(sessions: readonly LiveSession<State>[], wanted = 'last'): LiveSession<State> {
  // An id asked for is named back, with none to choose from.
  if (sessions.length === 0) throw wanted === 'last' ? new NotFoundError('there is no interrupted session to resume') : new UnknownIdError('resumable session', wanted, [], []);
  if (wanted === 'last') return sessions[0]!;
  const live = byIdOrPrefix(sessions, wanted);
  if (live) return live;
  const ids = sessions.map((session) => session.id);
  throw new UnknownIdError('resumable session', wanted, closest(wanted, ids), ids.slice(0, 5));
}
