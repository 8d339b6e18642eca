// Writes a whole file or nothing: into a temporary file beside it, fsync, then rename over
// the target. A reader (or a crash) never sees half a file. Only a regular file (or nothing) is
// ever renamed over: a device, a FIFO or a directory in its place is refused, and a symlink is
// written through, its target replaced, never the link itself (or, for a cache, refused).
import fs from 'node:fs';
import path from 'node:path';
import { kindOfFile, NotRegularError } from '../read-file.js';

let written = 0;

/** What file is now: followed through links to the path that would be replaced, unless links are refused. */
function destination(file: string, links: Links = 'follow'): { target: string; stat?: fs.Stats; dangling: boolean } {
  if (links === 'refuse') {
    // Never followed: the rename replaces whatever is at this path, so a link put there after this look is replaced, not written through.
    const own = fs.lstatSync(file, { throwIfNoEntry: false });
    if (own?.isSymbolicLink()) throw new NotRegularError(file, kindOfFile(own));
    return { target: file, stat: own, dangling: false };
  }
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat) return { target: stat.isFile() ? fs.realpathSync(file) : file, stat, dangling: false };
  return { target: file, dangling: fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false };
}

/**
 * What to do with a symbolic link in the file's place: write through it (a file the user keeps,
 * such as the history, may be a link into a dotfiles repository), or refuse it (a cache mldrill
 * derives: a link there can only aim the write at some other file).
 */
type Links = 'follow' | 'refuse';

/**
 * Replaces file with content (or what write puts into the open temporary file), keeping the
 * mode of the file it replaces. Throws NotRegularError when file is something else (or, with
 * links 'refuse', a symbolic link).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | ((fd: number) => void), links: Links = 'follow'): void {
  const { target, stat, dangling } = destination(file, links);
  if (stat && !stat.isFile()) throw new NotRegularError(file, kindOfFile(stat));
  // A link to nothing yet: create its target through it; there is no old file to tear.
  if (dangling) return writeInPlace(file, content);
  // Unique per process and call; 'wx' below refuses a clash rather than sharing a temp file.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++written}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      if (stat) fs.fchmodSync(fd, stat.mode & 0o7777);
      if (typeof content === 'function') content(fd);
      else fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Creates file with content, refusing any entry already at its path (EEXIST, a symlink
 * included). A write that fails part-way (a full disk, the file-size limit) removes the file it
 * created, so that trying again is not refused by an empty file left behind.
 */
export function writeNewFile(file: string, content: string, mode = 0o666): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Writes a file the user named as output, as a shell's `>` would where a rename cannot serve:
 * into a device, a FIFO, a process substitution or /dev/stdout (the caller's own descriptors)
 * in place; a regular file or a new one atomically, through any link.
 */
export function writeOutputFile(file: string, content: string | Uint8Array): void {
  const { stat } = destination(file);
  if ((stat && !stat.isFile()) || /^\/(dev|proc)\//.test(path.resolve(file))) return writeInPlace(file, content);
  // The rename needs only the directory's permission: a file made read-only (chmod 444), which
  // `>` refuses, would be replaced all the same. EACCES, as `>` says.
  if (stat) fs.accessSync(file, fs.constants.W_OK);
  writeFileAtomic(file, content);
}

function writeInPlace(file: string, content: string | Uint8Array | ((fd: number) => void)): void {
  const fd = fs.openSync(file, 'w', 0o644);
  try {
    if (typeof content === 'function') content(fd);
    else fs.writeFileSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
}
