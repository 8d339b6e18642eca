import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { spinnerWanted, withSpinner } from '../src/ui/spinner.js';
import { fakeIo } from './helpers/fake-io.js';

describe('the spinner', () => {
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
    let drawn = '';
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    stream.on('data', (chunk: Buffer) => void (drawn += chunk.toString()));
    const io = { ...fakeIo(), errorTerminal: stream as unknown as NodeJS.WriteStream };
    expect(await withSpinner(io, 'Reading 10 files', () => 42)).toBe(42);
    expect(drawn).toContain('Reading 10 files');
  });

  it('draws nothing without a terminal, and still returns the work', async () => {
    const io = fakeIo();
    expect(await withSpinner(io, 'Reading', async () => 'done')).toBe('done');
    expect(io.err()).toBe('');
  });
});
