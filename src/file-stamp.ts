// What tells the caches that a file (or a directory) is the one they saw, without reading it:
// its size, mtime, ctime and inode. The mtime alone is not enough: a rewrite of the same size
// that puts the old mtime back (`touch -r`, `git checkout`, `rsync -t`, some editors) keeps it,
// but no one can set the ctime, and a file renamed into place has another inode.
import fs from 'node:fs';

/** Size, mtime, ctime and inode. */
export type Stamp = [size: number, mtime: number, ctime: number, ino: number];

/** Numbers in a Stamp, for callers that keep stamps in one flat array. */
export const STAMP_LENGTH = 4;

/** Never equal to what is on disk: the stamp of anything a cache will not trust. */
const UNKNOWN_STAMP: Stamp = [-1, -1, -1, -1];

/** A file changed this close to the moment a cache was written may change again in the same clock tick, unseen. */
const RACY_MS = 1000;

/**
 * The stamp of a regular file (or, with 'directory', of a directory), following links;
 * undefined for anything else, or anything that cannot be stat'ed (missing, a link loop, a
 * directory without search permission).
 */
export function stampOf(target: string, kind: 'file' | 'directory' = 'file'): Stamp | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat || !(kind === 'file' ? stat.isFile() : stat.isDirectory())) return undefined;
  return [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
}

/** Whether a recorded stamp (at `at` in a flat array of them) is the stamp now; an unknown one never is. */
export function sameStamp(recorded: ArrayLike<number>, now: Stamp | undefined, at = 0): boolean {
  return now !== undefined && recorded[at] !== UNKNOWN_STAMP[0] && recorded[at] === now[0] && recorded[at + 1] === now[1]
    && recorded[at + 2] === now[2] && recorded[at + 3] === now[3];
}

/**
 * The stamp to record in a cache written at `written` (the cache file's own mtime): unknown
 * when the file was modified so shortly before that a second change in the same tick would not
 * show, so that the next run reads it again. Judged by the mtime, as git judges its index: by
 * the ctime, every file whose times were just set (a checkout, a test aging its files) would
 * be read again for a second. What it leaves: two same-size rewrites that both put the mtime
 * back, in one tick of the ctime clock, around the moment the cache is written.
 */
export function settledStamp(stamp: Stamp | undefined, written: number): Stamp {
  return stamp === undefined || stamp[1] >= written - RACY_MS ? UNKNOWN_STAMP : stamp;
}
