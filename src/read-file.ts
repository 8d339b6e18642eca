// Reading files that anyone may have put in place of the ones we expect: a FIFO (which blocks
// a plain open), /dev/zero (which never ends) or a huge sparse file. Every reader opens with
// O_NONBLOCK, checks what it opened, and knows the size before it reads a byte.
import fs from 'node:fs';

/** What a file is, in words, for a message: "a FIFO", "a directory"... */
export function kindOfFile(stat: fs.Stats): string {
  if (stat.isFile()) return 'a regular file';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file is something other than a regular file (after following links). */
export class NotRegularError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly file: string, readonly kind: string) {
    super(`${file} is ${kind}, not a regular file`);
  }
}

/** The file holds more than the reader will take. */
export class TooLargeError extends Error {
  readonly code = 'EFBIG';
  constructor(readonly file: string, readonly size: number, readonly limit: number) {
    super(`${file} is ${size} bytes, more than the ${limit} read at most`);
  }
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever. It changes
// nothing for a regular file, the only kind read past the fstat.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Opens file for reading if it is a regular file (links followed): its descriptor and fstat,
 * taken on the descriptor so nothing can be swapped in between. Throws NotRegularError
 * otherwise, and what open throws (ENOENT...).
 */
export function openRegular(file: string): { fd: number; stat: fs.Stats } {
  const fd = fs.openSync(file, READ_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularError(file, kindOfFile(stat));
    return { fd, stat };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** Runs use on the open regular file, and closes it. */
export function withRegularFile<T>(file: string, use: (fd: number, stat: fs.Stats) => T): T {
  const { fd, stat } = openRegular(file);
  try {
    return use(fd, stat);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The bytes of a regular file of at most maxBytes, refused (TooLargeError) before reading
 * when it is larger; never more than its size when opened, should it grow meanwhile.
 */
export function readRegular(file: string, maxBytes: number): Buffer {
  return withRegularFile(file, (fd, stat) => {
    if (stat.size > maxBytes) throw new TooLargeError(file, stat.size, maxBytes);
    return readRange(fd, 0, stat.size);
  });
}

/** Fills target from the file at position until it is full or the file ends; the bytes read. */
export function readFully(fd: number, target: NodeJS.ArrayBufferView, position: number): number {
  const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const read = fs.readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/** The bytes from `from` to `to`, fewer if the file ends first. */
export function readRange(fd: number, from: number, to: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, to - from));
  return buffer.subarray(0, readFully(fd, buffer, from));
}
