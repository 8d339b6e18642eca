// A derived index of the history file, so that `history`, `stats`, `next` and `export` need not
// read and parse every record on every run. It is a cache, never a source of truth: it holds,
// per line that looks like a record, where the line is and what choosing and summarising
// sessions needs (no notes), plus the lines skipped with their warnings, all as compact arrays.
//
// history.jsonl is append-only, so a run reads the bytes appended since the indexed offset and
// parses only those. Any doubt rebuilds the index from the whole file: another file (device and
// inode, or path), a file shorter than indexed, the same size with another mtime (rewritten in
// place), the last indexed bytes no longer the same (a fingerprint), another format, or an
// index that does not parse. A torn last line (no newline yet) is never indexed: it is read
// again on every run, until an append completes it.
//
// The index is written to a temporary file and renamed into place, so concurrent runs read a
// whole old index or a whole new one; a run that cannot write it goes on without it.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { checkLine, decode, decodeLine, type RecordLine } from './history.js';
import { RECORD_VERSION, type SessionMode, type SessionRecord, type SessionStatus, type SessionSummary } from './record.js';

/** Bump when the layout changes, or what a line decodes to (a warning's text included). */
const FORMAT = 1;
const FINGERPRINT_BYTES = 64;

/** A line that looks like a record: where it starts, and (once decoded) its summary or warning. */
export interface IndexedLine extends RecordLine {
  /** Byte offset of the line in the file. */
  offset: number;
  summary?: SessionSummary;
  warning?: string;
}

/** The history as the index sees it: what scanHistory and decodeLine give, without the text. */
export interface IndexedHistory {
  /** Lines that look like records, in file order. */
  lines: IndexedLine[];
  /** Lines skipped outright (torn, not JSON, newer), with their line numbers. */
  warnings: Array<{ line: number; message: string }>;
  /** The line's summary, or why it fails to decode; read from the index, on demand. */
  decode(line: IndexedLine): { record: SessionSummary } | { warning: string };
}

/**
 * On disk, two lines. The first, what choosing sessions needs, one JSON array:
 *   [FORMAT, RECORD_VERSION, file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint,
 *    strings, warnings, heads, ids, ends]
 * strings: question, rubric, stage and item ids, modes and statuses, referred to by position.
 * warnings: [line, message] for lines skipped outright.
 * heads: per line that looks like a record, flat: its line number, byte offset and start time
 *   (ms); ids: its session id; ends: where its body ends in the second line.
 * The second line, a JSON array of bodies, parsed only for the sessions asked for: per line, the
 * message when it fails to decode, else
 *   [startedAt, endedAt, question, rubric, mode, status, score, stages]
 * where stages is flat: per stage, id, budgetSeconds, usedSeconds, score, the count of checked
 * items and their ids, the count of missed items and their ids.
 */
interface Index {
  file: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** End of the last complete line indexed; lineCount lines lie before it. */
  offset: number;
  lineCount: number;
  /** The last bytes before offset, base64. */
  fingerprint: string;
  strings: string[];
  warnings: Array<[number, string]>;
  heads: number[];
  ids: string[];
  ends: number[];
  /** The bodies, comma-separated, without the brackets. */
  bodies: string;
}

const HEAD = 3;

/**
 * The history file read through the index at indexFile (none: no index): brought up to date
 * with what was appended, rewritten when that changed it. A missing history file is empty.
 */
export function readIndexedHistory(file: string, indexFile?: string): IndexedHistory {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], warnings: [], decode: () => ({ warning: '' }) };
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    const stored = indexFile === undefined ? undefined : loadIndex(indexFile);
    let index = stored && trusted(stored, file, stat) ? stored : undefined;
    let bytes: Buffer | undefined;
    if (index) {
      const from = index.offset - Buffer.from(index.fingerprint, 'base64').length;
      const read = readRange(fd, from, stat.size);
      if (read.subarray(0, index.offset - from).toString('base64') === index.fingerprint) bytes = read.subarray(index.offset - from);
      else index = undefined;
    }
    if (!index || !bytes) {
      index = { file, dev: 0, ino: 0, size: 0, mtimeMs: 0, offset: 0, lineCount: 0, fingerprint: '', strings: [], warnings: [], heads: [], ids: [], ends: [], bodies: '' };
      bytes = readRange(fd, 0, stat.size);
    }
    const indexedOffset = index.offset;
    const tail = extend(index, bytes);
    if (indexFile !== undefined && index.offset > 0 && (index !== stored || index.offset > indexedOffset)) {
      Object.assign(index, { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
      index.fingerprint = readRange(fd, Math.max(0, index.offset - FINGERPRINT_BYTES), index.offset).toString('base64');
      saveIndex(indexFile, index);
    }
    return view(index, tail);
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole record of the line at offset, notes included; undefined when it no longer decodes. */
export function readRecordAt(file: string, offset: number): SessionRecord | undefined {
  const decoded = decode(readLineAt(file, offset), file, false);
  return 'record' in decoded ? decoded.record : undefined;
}

function readLineAt(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (let at = offset; ; ) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const got = fs.readSync(fd, chunk, 0, chunk.length, at);
      const end = chunk.subarray(0, got).indexOf(0x0a);
      chunks.push(chunk.subarray(0, end < 0 ? got : end));
      if (end >= 0 || got === 0) break;
      at += got;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the index was made of this very file, as it was or as it has grown since. */
function trusted(index: Index, file: string, stat: fs.Stats): boolean {
  if (index.file !== file || index.dev !== stat.dev || index.ino !== stat.ino) return false;
  if (stat.size < index.size || index.offset > index.size) return false;
  if (Buffer.from(index.fingerprint, 'base64').length !== Math.min(FINGERPRINT_BYTES, index.offset)) return false;
  // The same size with another mtime: rewritten in place, not appended to.
  return stat.size > index.size || stat.mtimeMs === index.mtimeMs;
}

function readRange(fd: number, from: number, to: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, to - from));
  let done = 0;
  while (done < buffer.length) {
    const got = fs.readSync(fd, buffer, done, buffer.length - done, from + done);
    if (got === 0) break;
    done += got;
  }
  return buffer.subarray(0, done);
}

/**
 * Indexes the complete lines of bytes (the file from index.offset on), and returns the torn
 * last line, checked but not indexed, if there is one.
 */
function extend(index: Index, bytes: Buffer): IndexedLine | { line: number; message: string } | undefined {
  const ids = new Map(index.strings.map((text, i) => [text, i]));
  const intern = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      ids.set(text, (id = index.strings.length));
      index.strings.push(text);
    }
    return id;
  };
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end >= 0; start = end + 1, end = bytes.indexOf(0x0a, start)) {
    const number = ++index.lineCount;
    const offset = index.offset + start;
    const checked = checkLine(bytes.toString('utf8', start, end), number, false, index.file);
    if (!checked) continue;
    if ('warning' in checked) {
      index.warnings.push([number, checked.warning]);
      continue;
    }
    const decoded = decodeLine(checked, index.file);
    index.heads.push(number, offset, checked.startedAtMs);
    index.ids.push(checked.id);
    const body = JSON.stringify('record' in decoded ? encode(decoded.record, intern) : decoded.warning);
    index.bodies += index.bodies ? `,${body}` : body;
    index.ends.push(index.bodies.length);
  }
  index.offset += start;
  const tail = bytes.toString('utf8', start);
  const checked = checkLine(tail, index.lineCount + 1, true, index.file);
  if (!checked) return undefined;
  if ('warning' in checked) return { line: index.lineCount + 1, message: checked.warning };
  // A torn line that decodes (a complete record missing its newline) was decoded by checkLine.
  const { version: _version, curveballs: _curveballs, stages, ...session } = checked.record!;
  const summary = { ...session, stages: stages.map(({ notes: _notes, hintsShown: _hints, ...stage }) => stage) };
  return { number: checked.number, offset: index.offset, id: checked.id, startedAtMs: checked.startedAtMs, summary };
}

function encode(record: SessionRecord, intern: (text: string) => number): unknown[] {
  const stages: Array<number | null> = [];
  for (const stage of record.stages) {
    stages.push(intern(stage.id), stage.budgetSeconds, stage.usedSeconds, stage.score, stage.checked.length);
    for (const id of stage.checked) stages.push(intern(id));
    stages.push(stage.missed.length);
    for (const id of stage.missed) stages.push(intern(id));
  }
  return [record.startedAt, record.endedAt, intern(record.questionId), intern(record.rubricId), intern(record.mode), intern(record.status), record.score, stages];
}

/** The index's lines, with the torn last line if any; each decoded when asked. */
function view(index: Index, tail: ReturnType<typeof extend>): IndexedHistory {
  const { heads, ids } = index;
  const lines: IndexedLine[] = new Array<IndexedLine>(ids.length);
  for (let i = 0; i < ids.length; i++) lines[i] = { number: heads[i * HEAD]!, offset: heads[i * HEAD + 1]!, id: ids[i]!, startedAtMs: heads[i * HEAD + 2]! };
  const positions = new Map(lines.map((line, i) => [line, i]));
  const warnings = index.warnings.map(([line, message]) => ({ line, message }));
  if (tail && 'message' in tail) warnings.push(tail);
  else if (tail) lines.push(tail);
  const decodeAt = (line: IndexedLine): void => {
    const i = positions.get(line);
    if (i === undefined) return;
    try {
      const body: unknown = JSON.parse(index.bodies.slice(i === 0 ? 0 : index.ends[i - 1]! + 1, index.ends[i]));
      if (typeof body === 'string') line.warning = body;
      else line.summary = summaryOf(line.id, body, index.strings);
    } catch {
      // A damaged body: the line itself says what it is.
      const decoded = decode(readLineAt(index.file, line.offset), `${index.file}:${line.number}`, false);
      if ('record' in decoded) line.summary = decoded.record;
      else line.warning = decoded.warning;
    }
  };
  return {
    lines,
    warnings,
    decode(line) {
      if (!line.summary && line.warning === undefined) decodeAt(line);
      return line.summary ? { record: line.summary } : { warning: line.warning ?? `${index.file}:${line.number}: unreadable` };
    },
  };
}

/** A session's summary from its body in the index; throws when the body is malformed. */
function summaryOf(id: string, body: unknown, strings: readonly string[]): SessionSummary {
  const text = (at: unknown): string => {
    const value = strings[at as number];
    if (typeof value !== 'string') throw new Error('malformed index');
    return value;
  };
  const need = (ok: boolean) => {
    if (!ok) throw new Error('malformed index');
  };
  need(Array.isArray(body) && body.length === 8);
  const [startedAt, endedAt, question, rubric, mode, status, score, stages] = body as [string, string, number, number, number, number, number | null, Array<number | null>];
  need(typeof startedAt === 'string' && typeof endedAt === 'string' && (score === null || typeof score === 'number') && Array.isArray(stages));
  const summary: SessionSummary = {
    id, questionId: text(question), rubricId: text(rubric), mode: text(mode) as SessionMode, startedAt, endedAt,
    status: text(status) as SessionStatus, score, stages: [],
  };
  for (let at = 0; at < stages.length;) {
    const [stageId, budgetSeconds, usedSeconds, stageScore, checkedCount] = stages.slice(at, at + 5) as [number, number, number, number | null, number];
    const missedAt = at + 5 + checkedCount;
    const missedCount = stages[missedAt] as number;
    need(typeof budgetSeconds === 'number' && typeof usedSeconds === 'number' && (stageScore === null || typeof stageScore === 'number')
      && checkedCount >= 0 && typeof missedCount === 'number' && missedCount >= 0 && missedAt + missedCount < stages.length);
    const checked: string[] = [];
    for (let k = at + 5; k < missedAt; k++) checked.push(text(stages[k]));
    const missed: string[] = [];
    for (let k = missedAt + 1; k <= missedAt + missedCount; k++) missed.push(text(stages[k]));
    summary.stages.push({ id: text(stageId), budgetSeconds, usedSeconds, score: stageScore, checked, missed });
    at = missedAt + 1 + missedCount;
  }
  return summary;
}

function loadIndex(indexFile: string): Index | undefined {
  try {
    const text = fs.readFileSync(indexFile, 'utf8');
    const split = text.indexOf('\n');
    const value: unknown = JSON.parse(text.slice(0, split));
    if (!Array.isArray(value) || value.length !== 15 || value[0] !== FORMAT || value[1] !== RECORD_VERSION) return undefined;
    const [, , file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, strings, warnings, heads, ids, ends] = value as unknown[];
    const numbers = [dev, ino, size, mtimeMs, offset, lineCount];
    if (typeof file !== 'string' || typeof fingerprint !== 'string' || !numbers.every((n) => typeof n === 'number')) return undefined;
    if (!Array.isArray(strings) || !Array.isArray(warnings) || !Array.isArray(heads) || !Array.isArray(ids) || !Array.isArray(ends)) return undefined;
    if (heads.length !== ids.length * HEAD || ends.length !== ids.length || !heads.every((n) => typeof n === 'number') || !ids.every((id) => typeof id === 'string')) return undefined;
    if (!warnings.every((warning) => Array.isArray(warning) && typeof warning[0] === 'number' && typeof warning[1] === 'string')) return undefined;
    if (text[split + 1] !== '[' || !text.endsWith(']') || (ends.length > 0 && ends[ends.length - 1] !== text.length - split - 3)) return undefined;
    const bodies = text.slice(split + 2, -1);
    return { file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, strings, warnings, heads, ids, ends, bodies } as Index;
  } catch {
    return undefined;
  }
}

function saveIndex(indexFile: string, index: Index): void {
  const { file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, strings, warnings, heads, ids, ends, bodies } = index;
  const head = JSON.stringify([FORMAT, RECORD_VERSION, file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, strings, warnings, heads, ids, ends]);
  try {
    fs.mkdirSync(path.dirname(indexFile), { recursive: true });
    writeFileAtomic(indexFile, `${head}\n[${bodies}]`);
  } catch {
    // No index this time; the next run tries again.
  }
}
