// The history file: append-only JSON lines. Appends are single O_APPEND writes followed by
// fsync, so a crash can at worst leave a torn last line, which readers skip and the next
// append steps over. Nothing here ever deletes or rewrites a line: a resumed session is
// appended again under the same id, and readers keep the last record of each id.
import fs from 'node:fs';
import path from 'node:path';
import { RECORD_VERSION, type SessionRecord } from './record.js';

export interface HistoryRead {
  /** One per session id: a later line for the same id (a resumed session) supersedes earlier ones. */
  records: SessionRecord[];
  /** One line each, for stderr: lines that were skipped and why. */
  warnings: string[];
}

export function appendRecord(file: string, record: SessionRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a+');
  try {
    const size = fs.fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      // A torn last line: start on a fresh line so this record stays readable.
      if (last[0] !== 0x0a) prefix = '\n';
    }
    fs.writeSync(fd, `${prefix}${JSON.stringify(record)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readHistory(file: string): HistoryRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], warnings: [] };
    throw error;
  }
  return parseHistory(text, file);
}

export function parseHistory(text: string, file: string): HistoryRead {
  const records = new Map<string, SessionRecord>();
  const warnings: string[] = [];
  const lines = text.split('\n');
  const torn = !text.endsWith('\n') ? lines.length : -1;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let record: SessionRecord;
    try {
      record = JSON.parse(line) as SessionRecord;
    } catch {
      warnings.push(i + 1 === torn
        ? `${where}: the last line is incomplete (an interrupted write?); ignored and left in place`
        : `${where}: not valid JSON; skipped and left in place`);
      return;
    }
    if (typeof record !== 'object' || record === null || typeof record.version !== 'number' || typeof record.id !== 'string') {
      warnings.push(`${where}: not a session record; skipped and left in place`);
      return;
    }
    if (record.version > RECORD_VERSION) {
      warnings.push(`${where}: written by a newer mldrill (record version ${record.version}); skipped, upgrade mldrill to read it`);
      return;
    }
    // Keeps the first position of the id (its start) with the latest content.
    records.set(record.id, record);
  });
  return { records: [...records.values()], warnings };
}
