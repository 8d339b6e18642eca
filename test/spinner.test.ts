import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spinnerWanted, withSpinner } from '../src/ui/spinner.js';
import { fakeIo } from './helpers/fake-io.js';
import { BIN } from './helpers/tmux.js';

/** An Io whose stderr is a terminal of the given width; drawn() is everything written to it. */
function onTerminal(columns: number, options: Parameters<typeof fakeIo>[0] = {}) {
  let drawn = '';
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns, rows: columns ? 24 : 0, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  stream.on('data', (chunk: Buffer) => void (drawn += chunk.toString()));
  return { io: { ...fakeIo(options), errorTerminal: stream as unknown as NodeJS.WriteStream }, drawn: () => drawn };
}

describe('the spinner', () => {
  // The decision is mldrill's, from the injected env: the suite may itself run under CI or TERM=linux.
  afterEach(() => void vi.unstubAllEnvs());

  it.each([
    ['a colour terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['TERM=dumb', true, { TERM: 'dumb' }, false],
    ['CI', true, { CI: 'true' }, false],
  ] as const)('on %s: %s', (_, isTTY, env, wanted) => {
    expect(spinnerWanted(isTTY, env)).toBe(wanted);
  });

  it('draws on a terminal and is gone when the work is done', async () => {
    const { io, drawn } = onTerminal(80);
    expect(await withSpinner(io, 'Reading 10 files', () => 42)).toBe(42);
    expect(drawn()).toContain('Reading 10 files');
  });

  it('keeps to one row on a narrow terminal: the text is cut to fit beside the frame', async () => {
    const { io, drawn } = onTerminal(40, { env: { TERM: 'xterm-256color' } });
    await withSpinner(io, 'Reading 70 question and rubric files (kept in a cache for next time)', () => 1);
    expect(drawn()).toContain('⠋ Reading 70 question and rubric files…\u001b');
    expect(drawn()).not.toContain('cache for next time');
  });

  it('draws ASCII frames on the Linux console (TERM=linux has no braille), whatever TERM the test runs under', async () => {
    const { io, drawn } = onTerminal(80, { env: { TERM: 'linux' } });
    await withSpinner(io, 'Reading 10 files', () => 1);
    expect(drawn()).toContain('- Reading 10 files\u001b');
    expect(drawn()).not.toContain('⠋');
  });

  it('draws from the injected env alone, though the process itself runs under CI with TERM=dumb', async () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('TERM', 'dumb');
    const { io, drawn } = onTerminal(80, { env: { TERM: 'xterm-256color' } });
    await withSpinner(io, 'Reading 10 files', () => 1);
    expect(drawn()).toContain('⠋ Reading 10 files\u001b');
  });

  it('draws nothing on a terminal of width 0 (unknown), and still returns the work', async () => {
    const { io, drawn } = onTerminal(0);
    expect(await withSpinner(io, 'Reading 10 files', async () => 'read')).toBe('read');
    expect(drawn()).toBe('');
  });

  it.skipIf(!fs.existsSync('/usr/bin/script'))('`list` on a 0x0 pseudo-terminal ends, with no cursor-up codes', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const run = spawnSync('script', ['-qec', `${process.execPath} ${BIN} list --category ads`, '/dev/null'], {
      encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, MLDRILL_HOME: home, TERM: 'xterm-256color' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ads');
    expect(run.stdout).not.toContain('\u001b[1A');
  });

  it('draws nothing without a terminal, and still returns the work', async () => {
    const io = fakeIo();
    expect(await withSpinner(io, 'Reading', async () => 'done')).toBe('done');
    expect(io.err()).toBe('');
  });
});
