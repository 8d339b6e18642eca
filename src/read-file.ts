// Reading files that anyone may have put in place of the ones we expect: a FIFO (which blocks
// a plain open), /dev/zero (which never ends) or a huge sparse file. Every reader opens with
// O_NONBLOCK, checks what it opened, and knows the size before it reads a byte.
import fs from 'node:fs';
import path from 'node:path';

/** What a file is, in words, for a message: "a FIFO", "a directory"... */
export function kindOfFile(stat: fs.Stats): string {
  if (stat.isFile()) return 'a regular file';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * Where a symbolic link at `file` points when nothing is there (a dangling link), else undefined.
 * The target is resolved from the link's directory, as the system resolves it: a relative one
 * named as is would send the user to create it in the current directory.
 */
export function danglingLinkTarget(file: string): string | undefined {
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return undefined;
    // Nothing at the end of it (ENOENT); a loop of links throws ELOOP, and is no dangling link.
    if (fs.statSync(file, { throwIfNoEntry: false })) return undefined;
    return path.resolve(path.dirname(file), fs.readlinkSync(file));
  } catch {
    return undefined;
  }
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
  const fd = openForReading(file);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularError(file, kindOfFile(stat));
    return { fd, stat };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/**
 * Opens file with READ_FLAGS. A Unix socket cannot be opened at all (ENXIO, which reads as "no
 * such device"): it is named as what it is, like a FIFO, rather than as a failure to check.
 */
function openForReading(file: string): number {
  try {
    return fs.openSync(file, READ_FLAGS);
  } catch (error) {
    const stat = (error as NodeJS.ErrnoException).code === 'ENXIO' ? statOrUndefined(file) : undefined;
    if (stat && !stat.isFile()) throw new NotRegularError(file, kindOfFile(stat));
    throw error;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
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

/** How a file is read line by line: a chunk at a time, and the longest line taken whole. */
export interface LineLimits {
  chunkBytes: number;
  maxLineBytes: number;
}

/**
 * Far below the ~512 MiB a string can hold, so a file of any size is read a chunk at a time;
 * a history line (one session, notes included) is a few KiB.
 */
export const LINE_LIMITS: LineLimits = { chunkBytes: 16 * 1024 * 1024, maxLineBytes: 64 * 1024 * 1024 };

/**
 * Calls onLine with each complete line (without its newline) of the file's bytes from `from`
 * to `to`, and its offset, holding no more than a chunk and a line at once; a line longer than
 * maxLineBytes comes as undefined, unread. Returns where the unfinished last line starts (to
 * when there is none).
 */
export function forEachLine(fd: number, from: number, to: number, onLine: (line: Buffer | undefined, offset: number) => void, limits: LineLimits = LINE_LIMITS): number {
  let lineAt = from;
  // The start of the current line, from earlier chunks, while it fits; dropped once it cannot.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for (let at = from; at < to;) {
    const chunk = readRange(fd, at, Math.min(to, at + limits.chunkBytes));
    if (chunk.length === 0) break;
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; start = newline + 1, newline = chunk.indexOf(0x0a, start)) {
      const length = pendingBytes + newline - start;
      if (length > limits.maxLineBytes) onLine(undefined, lineAt);
      else onLine(pending.length ? Buffer.concat([...pending, chunk.subarray(start, newline)]) : chunk.subarray(start, newline), lineAt);
      lineAt = at + newline + 1;
      pending = [];
      pendingBytes = 0;
    }
    pendingBytes += chunk.length - start;
    if (pendingBytes <= limits.maxLineBytes) pending.push(chunk.subarray(start));
    else pending = [];
    at += chunk.length;
  }
  return lineAt;
}

/** A small file someone else may have put there (the config file), as the reader needs to tell it. */
export type SmallFile =
  | { kind: 'bytes'; /** Undecoded: the caller says where they are not UTF-8 (src/bank/encoding.ts). */ bytes: Buffer; /** Permission bits, for files that should be private. */ mode: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; code: string };

/** readRegular's answer as data: the bytes of a regular file of at most maxBytes, or why not. */
export function readSmallFile(file: string, maxBytes: number): SmallFile {
  try {
    return withRegularFile(file, (fd, stat): SmallFile => {
      if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
      return { kind: 'bytes', bytes: readRange(fd, 0, stat.size), mode: stat.mode };
    });
  } catch (error) {
    if (error instanceof NotRegularError) return { kind: 'not-a-file' };
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // A path through a file (`config.yaml/x`) names nothing, like a missing one.
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
}

/** The bytes of a stream (stdin) to its end; undefined once it passes maxBytes, read no further. */
export async function readStreamBytes(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
