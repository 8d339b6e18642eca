// Everything the commands touch outside their own memory: streams, environment, clock,
// randomness and signals. Tests pass a fake; bin/mldrill.js passes nodeIo().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT, OutputError, UsageError } from './errors.js';
import { stripControl } from './text.js';

/** A text sink that knows whether a terminal is behind it. */
export interface TextOut {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
  /** A terminal's height; undefined when it is not one. */
  readonly rows?: number;
}

export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export interface Io {
  stdout: TextOut;
  stderr: TextOut;
  /**
   * Where interactive prompts read keys from and render to: stdout, or stderr when stdout is
   * redirected, so that `mldrill drill > report.txt` keeps the interview on screen and only the
   * report in the file.
   */
  terminal: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } };
  /** stderr as a stream, for a spinner (ora needs cursor control); absent where there is none. */
  errorTerminal?: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
  /**
   * The IANA zone local dates are in, when it is not the one this process's Date already uses;
   * undefined means Date's local fields, which follow TZ (as Node reads it: POSIX's leading colon
   * allowed, a zone it cannot read taken as UTC). The real Io never sets it, since its env is the
   * process's own; a test's Io names the zone of its env's TZ.
   */
  timeZone?: string;
  cwd: string;
  homedir: string;
  // Properties rather than methods: commands pass them around unbound (`io.now`, `io.random`).
  now: () => number;
  random: () => number;
  /**
   * Calls handler on SIGINT/SIGTERM/SIGHUP instead of dying; returns a function that stops
   * listening. SIGHUP (the terminal window closed, the SSH link dropped) would otherwise kill the
   * drill between two checkpoints, losing what was typed since the last one and the record. A
   * terminal found gone without the signal (writes fail with EIO) counts as SIGHUP.
   */
  onSignal: (handler: (signal: Signal) => void) => () => void;
  /**
   * Ctrl-Z and `fg`: calls handler with 'stop' just before the process stops (to hand the
   * terminal back as it found it) and with 'continue' when it runs again; returns a function
   * that stops listening. Absent where nothing can stop the process (tests).
   */
  onSuspend?: (handler: (phase: SuspendPhase) => void) => () => void;
}

export type SuspendPhase = 'stop' | 'continue';

/**
 * A text sink on file descriptor fd (1 or 2) that ends output quietly when the reader closes
 * the pipe (`mldrill list | head -1`). Every write passes the one sanitiser, so no escape
 * sequence from a file name, a question or a history line reaches the terminal, whichever
 * formatter forgot; only colour survives.
 *
 * Text goes straight to the descriptor, even once the stream exists for a terminal's isTTY and
 * columns: Node builds process.stdout on first use, and for a pipe that loads the whole
 * streams and sockets stack, a visible share of a scripted `daily --json` (see npm run bench); and a write error then
 * reaches the command that wrote, as one OutputError, rather than a stream's later 'error'
 * event. Writes to files, pipes and terminals are synchronous on Linux either way. A
 * descriptor left non-blocking by another process (EAGAIN when the pipe is full) hands the rest
 * to the stream, which waits for room.
 */
function textOut(fd: number, get: () => NodeJS.WriteStream): TextOut {
  const name = fd === 1 ? 'standard output' : 'standard error';
  let stream: NodeJS.WriteStream | undefined;
  /** The stream took over after EAGAIN: later text must queue behind what it holds. */
  let queued = false;
  let closed = false;
  let terminal: boolean | undefined;
  const mayBe = () => (terminal ??= mayBeTerminal(fd));
  const open = () => {
    if (!stream) {
      stream = get();
      stream.on('error', (error: NodeJS.ErrnoException) => {
        closed = true;
        if (error.code === 'EPIPE') return;
        // Only queued text fails here, after main has returned: say so once, and fail the run.
        try {
          fs.writeSync(2, `mldrill: ${new OutputError(name, error).message}\n`);
        } catch {
          // stderr is gone too; the exit code still tells.
        }
        process.exitCode = EXIT.usage;
      });
    }
    return stream;
  };
  return {
    write(raw) {
      if (closed) return;
      const text = stripControl(raw, { keepStyle: true });
      if (queued) {
        stream!.write(text);
        return;
      }
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') closed = true;
        else if (code === 'EAGAIN') {
          queued = true;
          open().write(bytes.subarray(done));
        } else {
          closed = true;
          // Messages that cannot be written (2>/dev/full) are dropped: the data on stdout and the
          // exit code are what a script reads, and there is no one left to tell.
          if (fd === 2) return;
          // A full disk or a broken device: one line and exit 2 (src/main.ts), never a stack.
          throw new OutputError(name, error);
        }
      }
    },
    get isTTY() {
      return stream || mayBe() ? Boolean(open().isTTY) : false;
    },
    get columns() {
      return (stream || mayBe() ? open().columns : undefined) || 80;
    },
    get rows() {
      return (stream || mayBe() ? open().rows : undefined) || undefined;
    },
  };
}

/**
 * Whether fd may be a terminal. A pipe, a file or /dev/null is not, and one fstat says so
 * without building the stream (the streams stack again); a character device other than
 * /dev/null may be, and the stream decides.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== fs.statSync('/dev/null').rdev;
  } catch {
    return true;
  }
}

/**
 * The instants mldrill accepts as now: those whose date has a four-digit year in every time zone
 * (0001-01-02 to 9999-12-30 UTC). Dates are YYYY-MM-DD everywhere (`daily`, `--date`, the
 * history); a Date holds years up to 275760, whose dates no reader of them expects.
 */
const FIRST_INSTANT = new Date(0).setUTCFullYear(1, 0, 2);
const LAST_INSTANT = new Date(0).setUTCFullYear(9999, 11, 31) - 1;
const inRange = (ms: number) => Number.isFinite(ms) && ms >= FIRST_INSTANT && ms <= LAST_INSTANT;

/**
 * An ISO 8601 instant (a date, optionally with a time and a zone; UTC when none) or epoch
 * milliseconds, as milliseconds; undefined for anything else, a calendar date that does not
 * exist (2026-02-30, which Date.parse would roll into March) or an instant outside the years
 * 0001-9999 (see FIRST_INSTANT).
 */
export function parseInstant(value: string): number | undefined {
  const text = value.trim();
  if (/^-?\d+$/.test(text)) {
    const ms = Number(text);
    return inRange(ms) ? ms : undefined;
  }
  const match = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as [number, number, number, number?, number?, number?];
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.parse's own reading of what is now known to be a real date: a date alone is UTC, a
  // time without a zone is local.
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const zone = (match[8] ?? '').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(match[4] === undefined && !zone ? date : `${date}T${match[4] ?? '00'}:${match[5] ?? '00'}:${match[6] ?? '00'}${match[7] ?? ''}${zone}`);
  return inRange(ms) ? ms : undefined;
}

/**
 * MLDRILL_NOW (an ISO 8601 instant or epoch milliseconds) pins the clock, so that tests and
 * anyone checking tomorrow's `daily` can run the real binary at a chosen moment. A bad value
 * throws at the first reading of the clock, which main() does before any command runs.
 */
function pinnedClock(value: string | undefined): (() => number) | undefined {
  if (!value) return undefined;
  const ms = parseInstant(value);
  if (ms === undefined) {
    return () => {
      throw new UsageError(`MLDRILL_NOW is "${value}", which is not a real instant in the years 0001-9999; set it to an ISO 8601 instant such as 2026-11-22T08:00:00Z or to epoch milliseconds, or unset it`);
    };
  }
  return () => ms;
}

/**
 * Once the terminal has hung up (its window closed, the SSH link dropped), switching raw mode
 * and writing to it fail with EIO, from readline's and Inquirer's event handlers, which would
 * crash the drill before it saved what was typed. There is no terminal left to restore or to
 * show anything on, so those failures are dropped; any other error is still an error. The
 * failures themselves, and the end of input in raw mode (where Ctrl-D is a key, not an end), say
 * the terminal is gone: SIGHUP need not follow, as when mldrill does not own the terminal
 * (`setsid`), and the drill would otherwise wait for ever on a terminal nobody can reach.
 */
function tolerateHangUp(gone: () => void): void {
  const { stdin } = process;
  const setRawMode = stdin.setRawMode.bind(stdin);
  stdin.setRawMode = (mode: boolean) => {
    try {
      return setRawMode(mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EIO') throw error;
      gone();
      return stdin;
    }
  };
  stdin.on('end', () => {
    if (stdin.isRaw) gone();
  });
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.isTTY) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EIO') gone();
      if (error.code === 'EIO' || stream.listenerCount('error') > 1) return;
      throw error;
    });
  }
}

/** Whether a process of this machine lives (another mldrill drilling a session): a signal 0 asks without sending. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's Io, and what only bin/mldrill.js does with it. */
export interface NodeIo extends Io {
  /**
   * After a hang-up, once the command has saved what it could: ends the process by SIGHUP, as
   * the signal's default would have, and returns true. An ordinary exit would have Node restore
   * the terminal's settings, which fails on a terminal that is gone and aborts the process.
   */
  exitAfterHangUp(): boolean;
}

export function nodeIo(): NodeIo {
  // A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which kills by default and
  // loses the session; ignored, the write fails with EFBIG like any other write error, and the
  // drill prints what it could not save.
  process.on('SIGXFSZ', () => {});
  let hungUp = false;
  // A stop that cannot stop is answered by one SIGCONT, however many listen to it (onSuspend).
  let continuing = false;
  let tolerant = false;
  // The handlers of onSignal, for a hang-up seen on the terminal rather than signalled.
  const hangUpHandlers = new Set<() => void>();
  const terminalGone = () => {
    if (hungUp) return;
    hungUp = true;
    for (const handler of [...hangUpHandlers]) handler();
  };
  return {
    stdout: textOut(1, () => process.stdout),
    stderr: textOut(2, () => process.stderr),
    get terminal() {
      if (process.stdin.isTTY && !tolerant) tolerateHangUp(terminalGone);
      tolerant = true;
      return { input: process.stdin, output: process.stdout.isTTY || !process.stderr.isTTY ? process.stdout : process.stderr };
    },
    get errorTerminal() {
      return process.stderr;
    },
    env: process.env,
    // Asked for when a command needs it (so --version runs anywhere): a directory removed from
    // under the shell has no path, and that is one line and exit 2, not a stack trace.
    get cwd() {
      try {
        return process.cwd();
      } catch (error) {
        throw new UsageError(`the current directory cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it may have been removed: cd to one that exists`);
      }
    },
    homedir: homeDirectory(),
    now: pinnedClock(process.env.MLDRILL_NOW) ?? (() => Date.now()),
    random: Math.random,
    onSignal(handler) {
      const onInt = () => handler('SIGINT');
      const onTerm = () => handler('SIGTERM');
      const onHangUp = () => {
        hungUp = true;
        handler('SIGHUP');
      };
      const onGone = () => handler('SIGHUP');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      process.on('SIGHUP', onHangUp);
      hangUpHandlers.add(onGone);
      // Listening after the terminal went: nothing will ever answer, so stop at once.
      if (hungUp) queueMicrotask(onGone);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        process.off('SIGHUP', onHangUp);
        hangUpHandlers.delete(onGone);
      };
    },
    exitAfterHangUp() {
      if (!hungUp) return false;
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
      return true;
    },
    onSuspend(handler) {
      // Listening to SIGTSTP replaces its default action (stop). Once the terminal is restored,
      // the listener steps aside and the signal is raised again, so the process stops as any
      // other does and the shell says "Stopped"; the listener is back on SIGCONT. Raised on the
      // whole process group, as the terminal's own Ctrl-Z would be: under a wrapper in the same
      // job (npm start), stopping mldrill alone left the wrapper running in the foreground, and
      // the shell never got the terminal back.
      let listening = true;
      const onStop = () => {
        // Nothing would ever continue a stop the kernel discards: readline has handed the
        // terminal back for it (raw mode off), so it is continued at once, and the drill goes on.
        // One for every listener: each would have the prompt said again (TERM=dumb) once more.
        if (!canStop()) {
          if (!continuing) {
            continuing = true;
            process.kill(process.pid, 'SIGCONT');
            setImmediate(() => (continuing = false));
          }
          return;
        }
        handler('stop');
        process.off('SIGTSTP', onStop);
        process.kill(0, 'SIGTSTP');
      };
      const onContinue = () => {
        if (listening && process.listeners('SIGTSTP').indexOf(onStop) < 0) process.on('SIGTSTP', onStop);
        handler('continue');
      };
      process.on('SIGTSTP', onStop);
      process.on('SIGCONT', onContinue);
      return () => {
        listening = false;
        process.off('SIGTSTP', onStop);
        process.off('SIGCONT', onContinue);
      };
    },
  };
}

/**
 * Whether a stop (Ctrl-Z) would stop this process. Not when its process group is orphaned: no
 * process of it has a parent in another group of the same session, which is what a shell with
 * job control is (`docker run -it`, a terminal or tmux window started on the command). The
 * kernel discards the stop there, and no `fg` could follow. Read from Linux's /proc, along the
 * parents in the group; elsewhere, or when it cannot be read, assumed so.
 */
function canStop(): boolean {
  const stat = (pid: number | 'self') => {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name in brackets, which may hold spaces: state ppid pgrp session ...
    const [, ppid, pgrp, session] = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    return { ppid: ppid!, pgrp: pgrp!, session: session! };
  };
  try {
    const self = stat('self');
    for (let pid = self.ppid, depth = 0; pid > 0 && depth < 64; depth++) {
      const parent = stat(pid);
      if (parent.pgrp !== self.pgrp) return parent.session === self.session;
      pid = parent.ppid;
    }
    return false;
  } catch {
    return true;
  }
}

/**
 * The home directory: $HOME, unless it is unset, empty or relative (`HOME=` in a cron line or a
 * sandbox would put the config file and the history under whatever directory mldrill runs in);
 * then the account's own, from the system's user database; and for a user with neither (a
 * container run as a bare uid under `env -i`) `/`, as Docker gives them: commands that only read
 * the bank still run, and one that must write says which directory it cannot write to.
 */
function homeDirectory(): string {
  for (const candidate of [() => os.homedir(), () => os.userInfo().homedir]) {
    try {
      const home = candidate();
      if (path.isAbsolute(home)) return home;
    } catch {
      // No HOME and no entry in the user database: the next, or `/`.
    }
  }
  return '/';
}
