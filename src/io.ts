// Everything the commands touch outside their own memory: streams, environment, clock,
// randomness and signals. Tests pass a fake; bin/mldrill.js passes nodeIo().
import os from 'node:os';
import { UsageError } from './errors.js';

/** A text sink that knows whether a terminal is behind it. */
export interface TextOut {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

export type Signal = 'SIGINT' | 'SIGTERM';

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
  cwd: string;
  homedir: string;
  now(): number;
  random(): number;
  /** Calls handler on SIGINT/SIGTERM instead of dying; returns a function that stops listening. */
  onSignal(handler: (signal: Signal) => void): () => void;
}

/**
 * Wraps a Node stream so that a closed pipe (`mldrill list | head -1`) ends output quietly.
 * The stream is made on first use: Node builds process.stdout and friends lazily, and a
 * command that never writes to one need not pay for it.
 */
function textOut(get: () => NodeJS.WriteStream): TextOut {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  const open = () => {
    if (!stream) {
      stream = get();
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') closed = true;
        else throw error;
      });
    }
    return stream;
  };
  return {
    write(text) {
      if (!closed) open().write(text);
    },
    get isTTY() {
      return Boolean(open().isTTY);
    },
    get columns() {
      return open().columns || 80;
    },
  };
}

/**
 * MLDRILL_NOW (an ISO 8601 instant or epoch milliseconds) pins the clock, so that tests and
 * anyone checking tomorrow's `daily` can run the real binary at a chosen moment.
 */
function pinnedClock(value: string | undefined): (() => number) | undefined {
  if (!value) return undefined;
  const ms = /^-?\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) {
    return () => {
      throw new UsageError(`MLDRILL_NOW is "${value}"; set it to an ISO 8601 instant such as 2026-11-22T08:00:00Z or to epoch milliseconds, or unset it`);
    };
  }
  return () => ms;
}

export function nodeIo(): Io {
  return {
    stdout: textOut(() => process.stdout),
    stderr: textOut(() => process.stderr),
    get terminal() {
      return { input: process.stdin, output: process.stdout.isTTY || !process.stderr.isTTY ? process.stdout : process.stderr };
    },
    get errorTerminal() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
    homedir: os.homedir(),
    now: pinnedClock(process.env.MLDRILL_NOW) ?? (() => Date.now()),
    random: Math.random,
    onSignal(handler) {
      const onInt = () => handler('SIGINT');
      const onTerm = () => handler('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      };
    },
  };
}
