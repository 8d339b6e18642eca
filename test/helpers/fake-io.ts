// An in-memory Io: captured output, a settable clock, seeded randomness, no terminal.
import { PassThrough } from 'node:stream';
import type { Io, Signal } from '../../src/io.js';

export interface FakeIo extends Io {
  out(): string;
  err(): string;
  clock: { now: number };
  raise(signal: Signal): void;
}

export function fakeIo(options: { env?: Record<string, string | undefined>; cwd?: string; now?: number; tty?: boolean; seed?: number } = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  const clock = { now: options.now ?? Date.UTC(2026, 10, 22, 9, 30) };
  let seed = options.seed ?? 42;
  const handlers = new Set<(signal: Signal) => void>();
  const input = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  return {
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false, columns: 80 },
    stderr: { write: (text) => void (stderr += text), isTTY: false, columns: 80 },
    terminal: { input, output: Object.assign(new PassThrough(), { isTTY: options.tty ?? false, columns: 80 }) },
    env: { ...options.env },
    cwd: options.cwd ?? process.cwd(),
    homedir: '/nonexistent-home',
    now: () => clock.now,
    // mulberry32: small, seeded, good enough to make picks repeatable.
    random: () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    onSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    out: () => stdout,
    err: () => stderr,
    clock,
    raise: (signal) => handlers.forEach((handler) => handler(signal)),
  };
}
