/**
 * FORCE_COLOR forces (its value picks the depth; 0 or false turns colour off), then NO_COLOR
 * (non-empty) turns it off, then the config file's `colour: always|never`, then TERM=dumb turns
 * it off, then only a terminal gets colour.
 */
export function colourLevel(stream, env, preference = 'auto') {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
        if (force === '0' || force === 'false')
            return 0;
        if (force === '2' || force === '3')
            return Number(force);
        return 1;
    }
    if (env.NO_COLOR)
        return 0;
    if (preference === 'never')
        return 0;
    if (preference !== 'always' && (env.TERM === 'dumb' || !stream.isTTY))
        return 0;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit')
        return 3;
    return /256/.test(env.TERM ?? '') ? 2 : 1;
}
const same = (text) => text;
/** The palette without colour: every style leaves the text as it is. */
export const PLAIN = {
    level: 0, title: same, heading: same, dim: same, good: same, warn: same, bad: same, accent: same, key: same, file: same,
};
/** The palette at a colour level; level 0 is PLAIN and loads nothing. */
export async function loadStyle(level) {
    if (level === 0)
        return PLAIN;
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level });
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
export function styleFor(stream, env, preference = 'auto') {
    return loadStyle(colourLevel(stream, env, preference));
}
/** The colour of a score: good from 75%, warn from 50%, bad below. */
export function gradeStyle(style) {
    return (score) => (score >= 75 ? style.good : score >= 50 ? style.warn : style.bad);
}
