// A lock file beside the history, so that two mldrill processes appending at once take turns.
//
// Why not rely on O_APPEND alone: POSIX promises atomic, unmixed writes only for pipes up to
// PIPE_BUF. On a local Linux file system one write() of a record does land whole, but on NFS
// and some FUSE or network mounts concurrent appends can interleave, and a short write (disk
// nearly full, a signal) leaves half a record that a second write must finish. Holding the
// lock makes "look at the last byte, write every byte of the record, fsync" one step.
//
// The lock is a file created with O_CREAT|O_EXCL, which is atomic on every file system we
// support. An append holds it for milliseconds; one older than STALE_MS was left by a
// process that died mid-append, and is broken.
import fs from 'node:fs';
import { kindOfFile } from '../read-file.js';

const STALE_MS = 10_000;
const WAIT_MS = 30_000;

/** The lock cannot be taken: held too long, or something that is not a lock file is in its place. */
class LockTimeoutError extends Error {}

/** Runs work while holding lockFile; waits (synchronously) for another holder to finish. */
export function withFileLock<T>(lockFile: string, work: () => T): T {
  // Timed from the first wait: the clock loads node:perf_hooks (over a millisecond of start-up
  // for every command that may append), and an uncontended lock, nearly every one, never waits.
  let deadline: number | undefined;
  let delay = 1;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lockFile, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    breakIfStale(lockFile);
    deadline ??= performance.now() + WAIT_MS;
    if (performance.now() > deadline) {
      throw new LockTimeoutError(`timed out waiting for the lock ${lockFile}; if no mldrill is running, delete it`);
    }
    // Jitter, so that waiting processes do not retry in lockstep. Not the Io's seeded random:
    // it changes only when a retry happens, never what anyone sees. (node:crypto here would
    // lengthen the start-up of every command that reads the ratings file.)
    sleep(delay + Math.floor(Math.random() * (delay + 1)));
    delay = Math.min(delay * 2, 50);
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/**
 * Removes a lock left by a dead process. It is moved aside first and checked to be the same
 * file, so that two processes breaking it at once cannot delete a fresh lock taken in between.
 */
function breakIfStale(lockFile: string): void {
  const seen = fs.lstatSync(lockFile, { throwIfNoEntry: false });
  // Not a lock we took (a directory, a link): never moved aside or waited for, only named.
  if (seen && !seen.isFile()) throw new LockTimeoutError(`the lock ${lockFile} is ${kindOfFile(seen)}, not a lock file; if no mldrill is running, remove it`);
  if (!seen || Date.now() - seen.mtimeMs < STALE_MS) return;
  // Unique among live processes; this one removes it before it could break another.
  const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return; // someone else broke it first
  }
  if (fs.statSync(aside).ino !== seen.ino) {
    // We moved a fresh lock by mistake: put it back unless yet another one was taken.
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // The name was taken yet again: two holders now overlap. This needs a dead process's
      // lock and two processes breaking it in the same instant; we accept that.
    }
  }
  fs.rmSync(aside, { force: true });
}

const waitCell = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(waitCell, 0, 0, ms);
}
