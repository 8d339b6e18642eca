// Whether the bank on disk is still the one a cache recorded: the same files, each with the
// same stamp (size, mtime, ctime and inode: src/file-stamp.ts).
import fs from 'node:fs';
import path from 'node:path';
import { sameStamp, STAMP_LENGTH, stampOf } from '../file-stamp.js';
import { findYamlFiles } from './files.js';

/** Floats per file in FileStamps.stamps: its directory, then its stamp. */
export const STAMP = 1 + STAMP_LENGTH;

/** What a cache recorded of the bank's directories. */
export interface Recorded {
  /** The bank directories (and files) asked for, in order. */
  entries: string[];
  /** Entries that did not exist: one appearing changes the bank. */
  missing: string[];
  /** Every directory walked, and its stamp (STAMP_LENGTH numbers each): an unchanged directory holds the same names. */
  dirs: string[];
  dirStamps: number[];
  /** How many bank files there are. */
  files: number;
}

/** The bank files as the cache recorded them, in sorted order. */
export interface FileStamps {
  /** Names joined by NUL: within their directory, or whole for an entry that is a file. */
  names: string;
  /** Per file: the index of its directory in the header's dirs (-1 for an entry), then its stamp. */
  stamps: Float64Array;
}

/** Each bank file's full path, in the cache's order. */
export function pathsOf(header: Recorded, { names, stamps }: FileStamps): string[] {
  if (header.files === 0) return [];
  return names.split('\0').map((name, i) => {
    const dir = stamps[STAMP * i]!;
    return dir < 0 ? name : header.dirs[dir] + path.sep + name;
  });
}

/** Whether the files recorded in the cache are exactly the bank's files now, unchanged. */
export function isCurrent(header: Recorded, files: FileStamps): boolean {
  if (header.missing.some((entry) => fs.existsSync(entry))) return false;
  // Unchanged directories hold the same names, so listing them can be skipped; else list and compare.
  // (A directory's ctime changes with its mtime, so one whose mtime was put back is listed too.)
  const sameDirs = header.dirs.every((dir, i) => sameStamp(header.dirStamps, stampOf(dir, 'directory'), STAMP_LENGTH * i));
  if (!sameDirs) {
    const now = findYamlFiles(header.entries);
    const paths = pathsOf(header, files);
    if (now.length !== paths.length || now.some((file, i) => file !== paths[i])) return false;
  }
  return filesUnchanged(header, files);
}

/**
 * Whether every bank file still has the stamp it was cached with. On a big bank this
 * is most of a cache hit: one stat per file by its full path, built as it is needed. (Stat by
 * bare name from inside each directory saved some 5% of this loop on 10,000 files, at the cost
 * of changing the process's working directory; not worth it.)
 */
function filesUnchanged(header: Recorded, { names, stamps }: FileStamps): boolean {
  let start = 0;
  for (let i = 0; i < header.files; i++) {
    const end = i === header.files - 1 ? names.length : names.indexOf('\0', start);
    const name = names.slice(start, end);
    start = end + 1;
    const dir = stamps[STAMP * i]!;
    if (!sameStamp(stamps, stampOf(dir >= 0 ? header.dirs[dir] + path.sep + name : name), STAMP * i + 1)) return false;
  }
  return true;
}
