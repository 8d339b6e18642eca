// Seeded randomness, so that `--seed` makes every draw of a run reproducible.
import { hashText } from '../hash.js';
/** mulberry32: small, fast, and good enough for picking questions. Returns [0, 1). */
export function seededRandom(seed) {
    let state = typeof seed === 'number' ? seed >>> 0 : hashText(seed);
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
