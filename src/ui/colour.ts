// The one place that decides whether output gets colour, and the palette it uses.
import { Chalk, type ChalkInstance } from 'chalk';
import type { TextOut } from '../io.js';

export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * FORCE_COLOR forces (its value picks the depth; 0 or false turns colour off), then NO_COLOR
 * (non-empty) and TERM=dumb turn it off, then only a terminal gets colour.
 */
export function colourLevel(stream: Pick<TextOut, 'isTTY'>, env: Record<string, string | undefined>): ColourLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as ColourLevel;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  if (env.TERM === 'dumb') return 0;
  if (!stream.isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

/** Semantic styles, so call sites say what a thing is rather than what colour it gets. */
export interface Style {
  level: ColourLevel;
  title: (text: string) => string;
  heading: (text: string) => string;
  dim: (text: string) => string;
  good: (text: string) => string;
  warn: (text: string) => string;
  bad: (text: string) => string;
  accent: (text: string) => string;
  key: (text: string) => string;
  /** A file name heading a group of lines. */
  file: (text: string) => string;
}

export function makeStyle(level: ColourLevel): Style {
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

export function styleFor(stream: Pick<TextOut, 'isTTY'>, env: Record<string, string | undefined>): Style {
  return makeStyle(colourLevel(stream, env));
}
