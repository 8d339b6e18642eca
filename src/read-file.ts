// Reading a small file that someone else may have put there: only a regular file, never more
// than a cap, and never stuck opening a FIFO.
import fs from 'node:fs';
import { readFully } from './read-range.js';

export type SmallFile =
  | { kind: 'text'; text: string; /** Permission bits, for files that should be private. */ mode: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; code: string };

/**
 * The text of file when it is a regular file of at most maxBytes. Opened non-blocking so that
 * a FIFO in its place returns at once (and is refused by the fstat that follows) instead of
 * waiting for a writer; the size is checked on the open descriptor, so a file swapped after a
 * stat cannot slip past.
 */
export function readSmallFile(file: string, maxBytes: number): SmallFile {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // A path through a file (`config.yaml/x`) names nothing, like a missing one.
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
    // One byte more than allowed: a file that grew since the fstat shows it.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    const read = readFully(fd, buffer, 0);
    if (read > maxBytes) return { kind: 'too-large', bytes: read };
    return { kind: 'text', text: buffer.toString('utf8', 0, read), mode: stat.mode };
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    fs.closeSync(fd);
  }
}
