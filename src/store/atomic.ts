// Writes a whole file or nothing: into a temporary file beside it, fsync, then rename over
// the target. A reader (or a crash) never sees half a file.
import fs from 'node:fs';
import path from 'node:path';

let written = 0;

export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  // Unique per process and call; 'wx' below refuses a clash rather than sharing a temp file.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++written}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
