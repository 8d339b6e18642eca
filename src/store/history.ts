// Reading the history file: JSON lines, appended by append.ts. A torn last line (a crash
// mid-write), a corrupt line or a record from a newer mldrill is skipped with a warning and
// left on disk; nothing here ever deletes or rewrites a line. A resumed session is appended
// again under the same id: readers keep the last record of each id.
import fs from 'node:fs';
import { forEachLine, LINE_LIMITS, openRegular, readRange, type LineLimits } from '../read-file.js';
import { isSessionId, isSessionRecord, RECORD_VERSION, type SessionRecord } from './record.js';
import { withoutBom } from '../text.js';

export interface HistoryRead {
  /** One per session id: a later line for the same id (a resumed session) supersedes earlier ones. */
  records: SessionRecord[];
  /** One line each, for stderr: lines that were skipped and why. */
  warnings: string[];
}

/**
 * Every session of the history file, read a chunk at a time so that a file of any size is read
 * (see scanHistory). A file that does not exist yet is empty; one that is not a regular file
 * is refused (NotRegularError), never read.
 */
export function readHistory(file: string, limits: LineLimits = LINE_LIMITS): HistoryRead {
  let opened: ReturnType<typeof openRegular>;
  try {
    opened = openRegular(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], warnings: [] };
    throw error;
  }
  const { fd, stat } = opened;
  try {
    const scan = scanHistory(fd, stat.size, file, limits);
    return everySession(scan.lines, scan.warnings, (line) => decodeLine(line, file));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks every line of the open history file cheaply (its frame, version and start time) and
 * decodes in full only the lines that look wrong, so a command that shows a few sessions need
 * not parse them all. Lines that look right are decoded later by decodeLine.
 */
export function scanHistory(fd: number, size: number, file: string, limits: LineLimits = LINE_LIMITS): HistoryScan {
  const scan: HistoryScan = { lines: [], warnings: [] };
  const take = (checked: CheckedLine, number: number) => {
    if (checked && 'warning' in checked) scan.warnings.push({ line: number, message: checked.warning });
    else if (checked) scan.lines.push(checked);
  };
  const { tail } = checkLines(fd, 0, size, 1, file, take, limits);
  if (tail) take(tail.checked, tail.number);
  return scan;
}

type CheckedLine = ReturnType<typeof checkLine>;

/**
 * The lines of the open history file from `from` (the line numbered `first`) to `to`, each
 * checked as checkLine does and handed to `each` with its number and offset, a chunk at a
 * time; a line too long to be a record is skipped with a warning. Returns where the complete
 * lines end, how many there were, and the unfinished last line (torn) if there is one.
 */
export function checkLines(
  fd: number, from: number, to: number, first: number, file: string,
  each: (checked: CheckedLine, number: number, offset: number) => void, limits: LineLimits = LINE_LIMITS,
): { end: number; count: number; tail?: { number: number; offset: number; checked: CheckedLine } } {
  let number = first - 1;
  const end = forEachLine(fd, from, to, (bytes, offset) => {
    number++;
    each(bytes ? checkLine(bytes.toString('utf8'), number, false, file) : { warning: tooLong(file, number, limits) }, number, offset);
  }, limits);
  const count = number - first + 1;
  if (end >= to) return { end, count };
  const checked = to - end > limits.maxLineBytes ? { warning: tooLong(file, number + 1, limits) } : checkLine(readRange(fd, end, to).toString('utf8'), number + 1, true, file);
  return { end, count, tail: { number: number + 1, offset: end, checked } };
}

function tooLong(file: string, number: number, limits: LineLimits): string {
  return `${file}:${number}: longer than ${limits.maxLineBytes} bytes, too long for a session record; skipped and left in place`;
}

/** A line that looks like a record of this version; decoded in full only when needed. */
export interface HistoryLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  id: string;
  startedAtMs: number;
  /** Present once decoded. */
  record?: SessionRecord;
}

export interface HistoryScan {
  lines: HistoryLine[];
  warnings: Array<{ line: number; message: string }>;
}

// Our writer puts `version` first. Values are JSON strings, whose quotes are escaped, so the
// first unescaped `"startedAt":"` in a line is the key itself.
const VERSION_PREFIX = /^\{"version":(\d+),"id":"([^"\\]+)",/;
const STARTED_AT = '"startedAt":"';

/**
 * One line of the file, checked cheaply for scanHistory: nothing for a blank line, a
 * warning for a line skipped outright, else the line (decoded already when it looked wrong).
 * `torn` says it is the last line and has no newline yet.
 */
function checkLine(line: string, number: number, torn: boolean, file: string): HistoryLine | { warning: string } | undefined {
  if (!line.trim()) return undefined;
  const [, version, id = ''] = VERSION_PREFIX.exec(line) ?? [];
  const at = line.indexOf(STARTED_AT);
  const startedAtMs = at < 0 ? Number.NaN : Date.parse(line.slice(at + STARTED_AT.length, line.indexOf('"', at + STARTED_AT.length)));
  const framed = !torn && version !== undefined && isSessionId(id) && line.endsWith('}') && !Number.isNaN(startedAtMs);
  if (framed && Number(version) > RECORD_VERSION) return { warning: newerVersion(`${file}:${number}`, Number(version)) };
  if (framed && Number(version) === RECORD_VERSION) return { number, text: line, id, startedAtMs };
  const decoded = decode(line, `${file}:${number}`, torn);
  if ('warning' in decoded) return decoded;
  return { number, text: line, id: decoded.record.id, startedAtMs: Date.parse(decoded.record.startedAt), record: decoded.record };
}

/** The line's record, or why it was skipped. */
export function decodeLine(line: HistoryLine, file: string): Decoded<SessionRecord> {
  if (line.record) return { record: line.record };
  const decoded = decode(line.text, `${file}:${line.number}`, false);
  if ('record' in decoded) line.record = decoded.record;
  return decoded;
}

function newerVersion(where: string, version: number): string {
  return `${where}: written by a newer mldrill (record version ${version}, this one reads up to ${RECORD_VERSION}); skipped, upgrade mldrill to read it`;
}

export function decode(line: string, where: string, tornLast: boolean): Decoded<SessionRecord> {
  let value: unknown;
  try {
    // The first line of a history an editor saved starts with a byte order mark.
    value = JSON.parse(withoutBom(line));
  } catch {
    return {
      warning: tornLast
        ? `${where}: the last line is incomplete (an interrupted write?); ignored and left in place`
        : `${where}: not valid JSON; skipped and left in place`,
    };
  }
  const version = (value as { version?: unknown } | null)?.version;
  // Checked before the shape: a newer format may look different, and must not be misread.
  if (typeof version === 'number' && version > RECORD_VERSION) return { warning: newerVersion(where, version) };
  if (!isSessionRecord(value)) return { warning: `${where}: not a session record; skipped and left in place` };
  return { record: value };
}

/** A line that looks like a record, however it is decoded. */
export interface RecordLine {
  number: number;
  id: string;
  startedAtMs: number;
}

type Decoded<R> = { record: R } | { warning: string };

/**
 * Every session of the lines, in the order they first appear, each with its latest record that
 * decodes; `warnings` are the lines skipped already, joined by those that fail to decode.
 */
export function everySession<L extends RecordLine, R extends { id: string }>(
  lines: readonly L[], warnings: ReadonlyArray<{ line: number; message: string }>, decode: (line: L) => Decoded<R>,
): { records: R[]; warnings: string[] } {
  const records = new Map<string, R>();
  const all = [...warnings];
  for (const line of lines) {
    const decoded = decode(line);
    // Keeps the first position of the id (its start) with the latest content.
    if ('record' in decoded) records.set(decoded.record.id, decoded.record);
    else all.push({ line: line.number, message: decoded.warning });
  }
  return { records: [...records.values()], warnings: inLineOrder(all) };
}

export function inLineOrder(warnings: Array<{ line: number; message: string }>): string[] {
  return warnings.sort((a, b) => a.line - b.line).map((warning) => warning.message);
}

/**
 * The newest `limit` sessions by start time (0: all), each with its latest record that decodes,
 * decoding only as many lines as that takes; lines that fail to decode are skipped with a
 * warning. `total` counts the sessions whose lines looked like records, for "20 of 10000".
 * Over any lines and decoder: the history file's own, or its index's.
 */
export function latestSessions<L extends RecordLine, R>(
  lines: readonly L[], warnings: ReadonlyArray<{ line: number; message: string }>, decode: (line: L) => Decoded<R>, limit: number,
): { records: R[]; warnings: string[]; total: number } {
  // Each session by its last line (the latest record); newest first, and of sessions that
  // started together, the later line first.
  const last = new Map<string, number>();
  // Per line, the session's line before it (-1: none), to walk back through a session's lines.
  const previous = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    previous[i] = last.get(line.id) ?? -1;
    last.set(line.id, i);
  });
  const heads = [...last.values()].sort((a, b) => lines[b]!.startedAtMs - lines[a]!.startedAtMs || lines[b]!.number - lines[a]!.number);
  const records: R[] = [];
  const all = [...warnings];
  for (const head of heads) {
    if (limit > 0 && records.length >= limit) break;
    // The session's record is its last line that decodes: walk back from its last line.
    for (let i = head; i >= 0; i = previous[i]!) {
      const decoded = decode(lines[i]!);
      if ('record' in decoded) {
        records.push(decoded.record);
        break;
      }
      all.push({ line: lines[i]!.number, message: decoded.warning });
    }
  }
  return { records, warnings: inLineOrder(all), total: last.size };
}
