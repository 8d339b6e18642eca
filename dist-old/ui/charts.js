// Text charts for the terminal: horizontal bars and sparklines. Plain characters, no colour;
// callers decide whether to draw them at all (only on a terminal) and how to colour them.
/** A bar of `cells` characters, filled in proportion to fraction (clamped to 0..1). */
export function bar(fraction, cells = 10) {
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
    return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
const TICKS = '▁▂▃▄▅▆▇█';
/** One character per value, scaled between min and max. */
export function sparkline(values, min = 0, max = 100) {
    const span = max - min || 1;
    return values
        .map((value) => TICKS[Math.round((Math.min(max, Math.max(min, value)) - min) / span * (TICKS.length - 1))])
        .join('');
}
