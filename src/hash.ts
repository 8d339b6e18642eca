// One string hash for everything that needs a stable number from text: seeding the random
// draws and naming cache files.

/**
 * A 32-bit hash of a string (FNV-1a). Given the hash of a first part as `from`, it goes on over
 * text: the hash of the two texts joined.
 */
export function hashText(text: string, from = 0x811c9dc5): number {
  let hash = from;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** hashText as eight hex digits: for naming a cache file after what it caches. */
export function hashName(text: string): string {
  return hashText(text).toString(16).padStart(8, '0');
}
