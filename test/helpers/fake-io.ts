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

/**
 * The zone a process started with env's TZ would use, when Intl knows it (POSIX's leading colon
 * allowed); undefined for none or one it does not know, which Node takes as UTC and a test
 * process as its own zone.
 */
export function zoneOfEnv(env: Record<string, string | undefined>): string | undefined {
  const zone = env.TZ?.replace(/^:/, '');
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
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
    // A getter: a test may set env.TZ after making the Io.
    get timeZone() {
      return zoneOfEnv(this.env);
    },
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
