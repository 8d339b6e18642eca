// Appending to the history file (and to the ratings file beside it, ratings.ts). Each append takes the lock beside the file (lock.ts), writes
// the whole record and fsyncs, so a crash can at worst leave a torn last line, which readers
// skip and the next append steps over. Kept apart from reading, so that `history` and `stats`
// never load what only writers need.
import fs from 'node:fs';
import path from 'node:path';
import { kindOfFile, NotRegularError, readRange } from '../read-file.js';
import { withFileLock } from './lock.js';
import { makeDirectory } from '../make-dir.js';

export function lockFileFor(file: string): string {
  return `${file}.lock`;
}

/** Appends record as one JSON line: a session record, or a rating. */
export function appendRecord(file: string, record: object): void {
  makeDirectory(path.dirname(file));
  withFileLock(lockFileFor(file), () => {
    // O_NONBLOCK: a FIFO in its place cannot block the open; it is refused below.
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NONBLOCK, 0o644);
    try {
      const stat = fs.fstatSync(fd);
      // Appending to a FIFO or a device would lose the record, or wait forever for a reader.
      if (!stat.isFile()) throw new NotRegularError(file, kindOfFile(stat));
      const size = stat.size;
      let prefix = '';
      // A torn last line: start on a fresh line so this record stays readable.
      if (size > 0 && readRange(fd, size - 1, size)[0] !== 0x0a) prefix = '\n';
      const bytes = Buffer.from(`${prefix}${JSON.stringify(record)}\n`);
      // A short write is finished by the next one; the lock keeps other writers out meanwhile.
      for (let written = 0; written < bytes.length;) written += fs.writeSync(fd, bytes, written);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}
