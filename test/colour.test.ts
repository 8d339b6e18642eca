import { describe, expect, it } from 'vitest';
import { colourLevel } from '../src/ui/colour.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colour decisions', () => {
  it.each([
    ['a terminal', tty, {}, 1],
    ['a terminal with 256 colours', tty, { TERM: 'xterm-256color' }, 2],
    ['a pipe', pipe, {}, 0],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, 0],
    ['an empty NO_COLOR (ignored)', tty, { NO_COLOR: '' }, 1],
    ['TERM=dumb', tty, { TERM: 'dumb' }, 0],
    ['FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR over NO_COLOR', pipe, { FORCE_COLOR: '3', NO_COLOR: '1' }, 3],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, 0],
  ] as const)('%s', (_, stream, env, level) => {
    expect(colourLevel(stream, env, 'auto')).toBe(level);
  });

  // The environment beats the config file, as for every setting.
  it.each([
    ['colour: always on a pipe', pipe, {}, 'always', 1],
    ['colour: never on a terminal', tty, {}, 'never', 0],
    ['TERM=dumb over colour: always', tty, { TERM: 'dumb' }, 'always', 0],
    ['NO_COLOR over colour: always', pipe, { NO_COLOR: '1' }, 'always', 0],
    ['FORCE_COLOR over colour: never', pipe, { FORCE_COLOR: '1' }, 'never', 1],
  ] as const)('%s', (_, stream, env, preference, level) => {
    expect(colourLevel(stream, env, preference)).toBe(level);
  });
});
