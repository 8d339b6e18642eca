// An in-memory Io: captured output, a settable clock, seeded randomness, no terminal.
import { PassThrough } from 'node:stream';
import type { Io, Signal } from '../../src/io.js';
import { seededRandom } from '../../src/select/random.js';

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
    random: seededRandom(options.seed ?? 42),
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
