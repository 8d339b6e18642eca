// Making a directory and its missing parents, and asking whether a path is one. Node's
// mkdirSync({ recursive: true }) never returns under /proc (`MLDRILL_HOME=/proc/1/x`): a parent
// that exists but refuses children reports ENOENT, and Node goes on trying to make the parent.
// Here each level is tried once.
import fs from 'node:fs';
import path from 'node:path';

/**
 * As mkdirSync(dir, { recursive: true }): nothing when dir is a directory already, EEXIST when it
 * is something else, ENOTDIR under a file, and whatever error the first level that cannot be
 * made gives.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      fs.mkdirSync(at);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (missing.length === 0 && !fs.statSync(at).isDirectory()) throw error;
        break;
      }
      if (code !== 'ENOENT' || path.dirname(at) === at) throw error;
      missing.push(at);
    }
  }
  // The parents exist now, nearest the root first; another process may make one meanwhile.
  for (const level of missing.reverse()) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(level).isDirectory()) throw error;
    }
  }
}

/** Whether the path is a directory now; anything that keeps it from being looked at (ENOENT, ENOTDIR, EACCES) says no. */
export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
