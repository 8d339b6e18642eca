// The one place that decides whether output gets colour, and the palette it uses. chalk is
// imported only when colour is on: a piped or NO_COLOR run never pays for loading it.
import type { ChalkInstance } from 'chalk';
import type { TextOut } from '../io.js';
import type { Colour } from '../config/keys.js';
import type { ColourLevel, Style } from '../style.js';

export type { ColourLevel, Style } from '../style.js';

/**
 * FORCE_COLOR forces (its value picks the depth; 0 or false turns colour off), then NO_COLOR
 * (non-empty) or TERM=dumb turns it off, then the config file's `colour: always|never`, then only
 * a terminal gets colour. The environment beats the file: a dumb terminal (Emacs' shell, an
 * editor's output pane) shows escape codes as junk, whatever the file says.
 * The preference has no default so that no caller forgets the file's.
 */
export function colourLevel(stream: Pick<TextOut, 'isTTY'>, env: Record<string, string | undefined>, preference: Colour): ColourLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as ColourLevel;
    return 1;
  }
  if (env.NO_COLOR || env.TERM === 'dumb') return 0;
  if (preference === 'never') return 0;
  if (preference !== 'always' && !stream.isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

const same = (text: string) => text;

/** The palette without colour: every style leaves the text as it is. */
export const PLAIN: Style = {
  level: 0, title: same, heading: same, dim: same, good: same, warn: same, bad: same, accent: same, key: same, file: same,
};

/** The palette at a colour level; level 0 is PLAIN and loads nothing. */
export async function loadStyle(level: ColourLevel): Promise<Style> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk: ChalkInstance = new Chalk({ level });
  return {
    level,
    title: chalk.bold.cyan,
    heading: chalk.bold,
    dim: chalk.dim,
    good: chalk.green,
    warn: chalk.yellow,
    bad: chalk.red,
    accent: chalk.cyan,
    key: chalk.bold.inverse,
    file: chalk.underline,
  };
}

export function styleFor(stream: Pick<TextOut, 'isTTY'>, env: Record<string, string | undefined>, preference: Colour): Promise<Style> {
  return loadStyle(colourLevel(stream, env, preference));
}

/** The colour of a score: good from 75%, warn from 50%, bad below. */
export function gradeStyle(style: Style): (score: number) => (text: string) => string {
  return (score) => (score >= 75 ? style.good : score >= 50 ? style.warn : style.bad);
}
