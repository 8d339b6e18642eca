// Seeded randomness, so that `--seed` makes every draw of a run reproducible.

/**
 * A 32-bit hash of a string (FNV-1a), to turn any seed text into a PRNG state. Given the hash of
 * a first part as `from`, it goes on over seed: the hash of the two texts joined.
 */
export function hashSeed(seed: string, from = 0x811c9dc5): number {
  let hash = from;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, and good enough for picking questions. Returns [0, 1). */
export function seededRandom(seed: string | number): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
