// One string hash for everything that needs a stable number from text: seeding the random
// draws and naming cache files.
/**
 * A 32-bit hash of a string (FNV-1a). Given the hash of a first part as `from`, it goes on over
 * text: the hash of the two texts joined.
 */
export function hashText(text, from = 0x811c9dc5) {
    let hash = from;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
