// Reading files whole or in ranges: readSync may return fewer bytes than asked, and a path from
// the user may name a directory, a FIFO or a device as easily as a file.
import fs from 'node:fs';

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

/** Why readTextFile gave up: an errno code (ENOENT, EACCES…), not a regular file, or over the cap. */
export type ReadFailure = { reason: 'not-a-file' } | { reason: 'too-large'; maxBytes: number } | { reason: 'error'; code: string };

/**
 * The UTF-8 text of a regular file of at most maxBytes. Opened without blocking (a FIFO would
 * otherwise wait for a writer) and checked with fstat after opening, so what is read is what
 * was checked.
 */
export function readTextFile(file: string, maxBytes: number): { text: string } | ReadFailure {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return { reason: 'error', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { reason: 'not-a-file' };
    if (stat.size > maxBytes) return { reason: 'too-large', maxBytes };
    // One byte more than the cap tells a file that grew since the fstat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    const read = readFully(fd, buffer, 0);
    if (read > maxBytes) return { reason: 'too-large', maxBytes };
    return { text: buffer.toString('utf8', 0, read) };
  } catch (error) {
    return { reason: 'error', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    fs.closeSync(fd);
  }
}

/** The UTF-8 text of a stream (stdin) to its end; undefined once it passes maxBytes, read no further. */
export async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
