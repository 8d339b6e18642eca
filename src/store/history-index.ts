// A derived index of the history file, so that `history`, `stats`, `next` and `export` need not
// read and parse every record on every run. It is a cache, never a source of truth: it holds,
// per line that looks like a record, where the line is and what choosing and summarising
// sessions needs (no notes), plus the lines skipped with their warnings, all as compact arrays.
// It knows the history, not its consumers: what a command derives from the sessions (the stats
// tally) it caches itself, keyed by historyFingerprint.
//
// history.jsonl is append-only, so a run reads the bytes appended since the indexed offset and
// parses only those. Any doubt rebuilds the index from the whole file: another file (device and
// inode, or path), a file shorter than indexed, the same size with another mtime or ctime (rewritten in
// place), the last indexed bytes no longer the same (a fingerprint), another format, or an
// index that does not parse. A torn last line (no newline yet) is never indexed: it is read
// again on every run, until an append completes it.
//
// The index is written to a temporary file and renamed into place, so concurrent runs read a
// whole old index or a whole new one; a run that cannot write it goes on without it.
import fs from 'node:fs';
import path from 'node:path';
import { LINE_LIMITS, openRegular, readRange, readRegular, withRegularFile, type LineLimits } from '../read-file.js';
import { writeFileAtomic } from './atomic.js';
import { checkLines, decode, decodeLine, inLineOrder, type RecordLine } from './history.js';
import { RECORD_VERSION, type SessionMode, type SessionRecord, type SessionStatus, type SessionSummary } from './record.js';
import { makeDirectory } from '../make-dir.js';

/** Bump when the layout changes, or what a line decodes to (a warning's text included). */
const FORMAT = 10;
const FINGERPRINT_BYTES = 64;

/** A line that looks like a record: where it starts, and (once decoded) its summary or warning. */
export interface IndexedLine extends RecordLine {
  /** Byte offset of the line in the file. */
  offset: number;
  /** Where the index holds the line's body; -1 for a torn last line, which it does not hold. */
  position: number;
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
  /** Every line skipped, outright or because it fails to decode, in line order: what everySession warns of. */
  skipped: string[];
  /** historyFingerprint of the file as read here (empty when there was no file). */
  fingerprint: string;
}

/**
 * On disk, four lines, each parsed only when a command needs it. The first, the key, the lines
 * skipped and the sizes of the next two, one JSON array:
 *   [FORMAT, RECORD_VERSION, file, dev, ino, size, mtimeMs, ctimeMs, offset, lineCount, fingerprint,
 *    warnings, failed, [newestBytes, tableBytes]]
 * warnings: [line, message] for lines skipped outright; failed: the same for lines that look
 * like records but fail to decode.
 * The second, what `history` shows first: [strings, total, newest], where
 * strings: question, rubric, stage and item ids, modes and statuses, referred to by position;
 * total: how many sessions; newest: flat, per session newest first (by its last line: start
 *   time, then line number), up to NEWEST_KEPT: its id and where its last line's body starts
 *   and ends in the fourth line, after the bracket.
 * The third, what choosing sessions needs: [heads, ids, ends], where
 * heads: per line that looks like a record, flat: its line number, byte offset and start time
 *   (ms); ids: its session id; ends: the byte where its body ends in the fourth line.
 * The fourth, a JSON array of bodies, parsed only for the sessions asked for: per line, the
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
  /** The last change of the file's inode: what no edit can put back, as `touch -r` puts the mtime back. */
  ctimeMs: number;
  /** End of the last complete line indexed; lineCount lines lie before it. */
  offset: number;
  lineCount: number;
  /** The last bytes before offset, base64. */
  fingerprint: string;
  warnings: Array<[number, string]>;
  failed: Array<[number, string]>;
  strings: string[];
  heads: number[];
  ids: string[];
  ends: number[];
  /** The bodies read from the index: its fourth line's bytes without the brackets. */
  stored: Buffer;
  /** The bodies added since, one string each. */
  added: string[];
}

const HEAD = 3;
/** An index is a fraction of its history; one larger than a Buffer holds is not one we wrote. */
const MAX_INDEX_BYTES = 2 ** 31 - 1;
/** `history` shows 20 by default; more than this many, or all, are read the whole way. */
const NEWEST_KEPT = 1000;

/** A history with no lines: the file does not exist yet. */
function emptyHistory(): IndexedHistory {
  return { lines: [], warnings: [], decode: () => ({ warning: '' }), skipped: [], fingerprint: '' };
}

/**
 * The history file read through the index at indexFile (none: no index): brought up to date
 * with what was appended, rewritten when that changed it. A missing history file is empty;
 * one that is not a regular file is refused (NotRegularError), never read. What was appended
 * is read a chunk at a time (limits), so a history of any size is read.
 */
export function readIndexedHistory(file: string, indexFile?: string, limits: LineLimits = LINE_LIMITS): IndexedHistory {
  let opened: ReturnType<typeof openRegular>;
  try {
    opened = openRegular(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyHistory();
    throw error;
  }
  const { fd, stat } = opened;
  try {
    const stored = indexFile === undefined ? undefined : loadIndex(indexFile);
    const trusted = stored && current(stored, file, fd, stat) ? stored : undefined;
    const index: Index = trusted ?? {
      file, dev: 0, ino: 0, size: 0, mtimeMs: 0, ctimeMs: 0, offset: 0, lineCount: 0, fingerprint: '', warnings: [], failed: [],
      strings: [], heads: [], ids: [], ends: [], stored: Buffer.alloc(0), added: [],
    };
    const indexedOffset = index.offset;
    const tail = extend(index, fd, stat.size, limits);
    if (indexFile !== undefined && index.offset > 0 && (index !== stored || index.offset > indexedOffset)) {
      Object.assign(index, { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs });
      index.fingerprint = readRange(fd, Math.max(0, index.offset - FINGERPRINT_BYTES), index.offset).toString('base64');
      saveIndex(indexFile, index);
    }
    return { ...view(index, tail), fingerprint: fingerprintOf(file, fd, stat) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What identifies the history file as it is now (path, device, inode, size, mtime, ctime and its last
 * bytes, as the index checks them): a cache derived from the history is current while this is
 * the same. undefined when there is no history file; one that is not regular is refused.
 */
export function historyFingerprint(file: string): string | undefined {
  let opened: ReturnType<typeof openRegular>;
  try {
    opened = openRegular(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { fd, stat } = opened;
  try {
    return fingerprintOf(file, fd, stat);
  } finally {
    fs.closeSync(fd);
  }
}

function fingerprintOf(file: string, fd: number, stat: fs.Stats): string {
  const last = readRange(fd, Math.max(0, stat.size - FINGERPRINT_BYTES), stat.size).toString('base64');
  return JSON.stringify([FORMAT, file, stat.dev, stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs, last]);
}

/**
 * Where the history that historyFingerprint described ends in the file as it is now, when the
 * file is that one with whole lines appended since (it ended a line then, and the same checks as
 * the index's say it is the same file, grown); undefined otherwise.
 */
export function appendedSince(file: string, fingerprint: string): number | undefined {
  try {
    const [format, was, dev, ino, size, mtimeMs, ctimeMs, last] = JSON.parse(fingerprint) as [unknown, string, number, number, number, number, number, string];
    if (format !== FORMAT || was !== file || ![dev, ino, size, mtimeMs, ctimeMs].every(Number.isFinite) || typeof last !== 'string') return undefined;
    if (size > 0 && Buffer.from(last, 'base64').at(-1) !== 0x0a) return undefined;
    const key: IndexKey = { file, dev, ino, size, mtimeMs, ctimeMs, offset: size, fingerprint: last };
    return withFile(file, (fd, stat) => (stat.size > size && current(key, file, fd, stat) ? size : undefined));
  } catch {
    return undefined;
  }
}

/** What `history` shows: latestSessions' answer for a limit. */
export interface NewestSessions {
  records: SessionSummary[];
  warnings: string[];
  total: number;
}

/**
 * The newest `limit` sessions, each as its latest record, with the skipped lines and the count
 * of sessions, as latestSessions gives them over readIndexedHistory, but read from the index's
 * first and third lines and the bodies shown alone. Only when nothing was appended since the
 * index was written, no line fails to decode (a session would then fall back to an earlier
 * line) and the index keeps that many; undefined otherwise, and on any doubt: read the whole way.
 */
export function readNewestSessions(file: string, indexFile: string | undefined, limit: number): NewestSessions | undefined {
  if (indexFile === undefined || limit <= 0 || limit > NEWEST_KEPT) return undefined;
  try {
    return withFile(file, (historyFd) => withFile(indexFile, (indexFd) => {
      const [meta] = readLines(indexFd, 0, 1);
      const head = parseHead(meta!);
      if (!head || head.failed.length > 0 || !settled(head, file, historyFd)) return undefined;
      const newestAt = Buffer.byteLength(meta!) + 1;
      // The bodies line starts after the table line, and its first body after the bracket.
      const bodiesAt = newestAt + head.sizes[0] + 1 + head.sizes[1] + 1 + 1;
      const [strings, total, newest] = JSON.parse(readRange(indexFd, newestAt, newestAt + head.sizes[0]).toString('utf8')) as [string[], number, Array<string | number>];
      if (!Array.isArray(strings) || typeof total !== 'number' || !Array.isArray(newest)) return undefined;
      const records: SessionSummary[] = [];
      for (let k = 0; k + 2 < newest.length && records.length < limit; k += 3) {
        const [id, start, end] = newest.slice(k, k + 3) as [string, number, number];
        if (typeof id !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || end < start) return undefined;
        records.push(summaryOf(id, JSON.parse(readRange(indexFd, bodiesAt + start, bodiesAt + end).toString('utf8')), strings));
      }
      // Fewer kept than asked for, and there are more: read the whole way.
      if (records.length < Math.min(limit, total)) return undefined;
      return { records, warnings: skippedLines(head), total };
    }));
  } catch {
    return undefined;
  }
}

/** The whole record of the line at offset, notes included; undefined when it no longer decodes. */
export function readRecordAt(file: string, offset: number): SessionRecord | undefined {
  const decoded = decode(readLineAt(file, offset), file, false);
  return 'record' in decoded ? decoded.record : undefined;
}

function readLineAt(file: string, offset: number): string {
  return withFile(file, (fd) => readLines(fd, offset, 1)[0]!);
}

/** Only a regular file is opened, and not left open. */
const withFile = withRegularFile;

/**
 * The first `count` lines from offset, without their newlines; the last may end with the file.
 * More than a record's worth of bytes without them is doubt: an error.
 */
function readLines(fd: number, offset: number, count: number): string[] {
  const chunks: Buffer[] = [];
  for (let at = offset, newlines = 0; newlines < count; ) {
    if (at - offset > LINE_LIMITS.maxLineBytes) throw new Error('a line longer than any the index or history writes');
    const data = readRange(fd, at, at + 64 * 1024);
    if (data.length === 0) break;
    for (let i = data.indexOf(0x0a); i >= 0 && newlines < count; i = data.indexOf(0x0a, i + 1)) newlines++;
    chunks.push(data);
    at += data.length;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n', count);
}

type IndexKey = Pick<Index, 'file' | 'dev' | 'ino' | 'size' | 'offset' | 'mtimeMs' | 'ctimeMs' | 'fingerprint'>;

/**
 * Whether the index was made of this very file, as it was or as it has grown since: the same
 * file, no shorter, not rewritten in place, and the last indexed bytes still the same.
 */
function current(index: IndexKey, file: string, fd: number, stat: fs.Stats): boolean {
  if (index.file !== file || index.dev !== stat.dev || index.ino !== stat.ino) return false;
  if (stat.size < index.size || index.offset > index.size) return false;
  const fingerprint = Buffer.from(index.fingerprint, 'base64');
  if (fingerprint.length !== Math.min(FINGERPRINT_BYTES, index.offset)) return false;
  // The same size with another mtime or ctime: rewritten in place, not appended to (an editor or
  // `touch -r` may put the mtime back; the ctime moves with every write).
  if (stat.size === index.size && (stat.mtimeMs !== index.mtimeMs || stat.ctimeMs !== index.ctimeMs)) return false;
  return readRange(fd, index.offset - fingerprint.length, index.offset).equals(fingerprint);
}

/** Whether the index describes the open file whole: current, and nothing appended since. */
function settled(index: IndexKey, file: string, fd: number): boolean {
  const stat = fs.fstatSync(fd);
  return stat.size === index.offset && current(index, file, fd, stat);
}

/**
 * Indexes the complete lines of the open file from index.offset to `to`, and returns the torn
 * last line, checked but not indexed, if there is one.
 */
function extend(index: Index, fd: number, to: number, limits: LineLimits): IndexedLine | { line: number; message: string } | undefined {
  const ids = new Map(index.strings.map((text, i) => [text, i]));
  const intern = (text: string) => {
    let id = ids.get(text);
    if (id === undefined) {
      ids.set(text, (id = index.strings.length));
      index.strings.push(text);
    }
    return id;
  };
  const read = checkLines(fd, index.offset, to, index.lineCount + 1, index.file, (checked, number, offset) => {
    if (!checked) return;
    if ('warning' in checked) {
      index.warnings.push([number, checked.warning]);
      return;
    }
    const decoded = decodeLine(checked, index.file);
    if (!('record' in decoded)) index.failed.push([number, decoded.warning]);
    index.heads.push(number, offset, checked.startedAtMs);
    index.ids.push(checked.id);
    const body = JSON.stringify('record' in decoded ? encode(decoded.record, intern) : decoded.warning);
    index.added.push(body);
    index.ends.push((index.ends.length ? index.ends[index.ends.length - 1]! + 1 : 0) + Buffer.byteLength(body));
  }, limits);
  index.lineCount += read.count;
  index.offset = read.end;
  const checked = read.tail?.checked;
  if (!checked) return undefined;
  if ('warning' in checked) return { line: index.lineCount + 1, message: checked.warning };
  // A torn line that decodes (a complete record missing its newline) was decoded by checkLine.
  const { version: _version, curveballs: _curveballs, exchanges: _exchanges, diagram: _diagram, stages, ...session } = checked.record!;
  const summary = { ...session, stages: stages.map(({ notes: _notes, hintsShown: _hints, ...stage }) => stage) };
  return { number: checked.number, offset: index.offset, id: checked.id, startedAtMs: checked.startedAtMs, position: -1, summary };
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

function decodeAt(index: Index, i: number): { record: SessionSummary } | { warning: string } {
  const [number, offset] = [index.heads[i * HEAD]!, index.heads[i * HEAD + 1]!];
  try {
    const added = i - (index.ends.length - index.added.length);
    const text = added >= 0 ? index.added[added]! : index.stored.toString('utf8', i === 0 ? 0 : index.ends[i - 1]! + 1, index.ends[i]);
    const body: unknown = JSON.parse(text);
    return typeof body === 'string' ? { warning: body } : { record: summaryOf(index.ids[i]!, body, index.strings) };
  } catch {
    // A damaged body: the line itself says what it is.
    return decode(readLineAt(index.file, offset), `${index.file}:${number}`, false);
  }
}

function skippedLines(index: Pick<Index, 'warnings' | 'failed'>, tail?: { line: number; message: string }): string[] {
  const all = [...index.warnings, ...index.failed].map(([line, message]) => ({ line, message }));
  if (tail) all.push(tail);
  return inLineOrder(all);
}

/** The index's lines, with the torn last line if any; each decoded when asked. */
function view(index: Index, tail: ReturnType<typeof extend>): Omit<IndexedHistory, 'fingerprint'> {
  const { heads, ids } = index;
  const lines: IndexedLine[] = new Array<IndexedLine>(ids.length);
  for (let i = 0; i < ids.length; i++) lines[i] = { number: heads[i * HEAD]!, offset: heads[i * HEAD + 1]!, id: ids[i]!, startedAtMs: heads[i * HEAD + 2]!, position: i };
  const warnings = index.warnings.map(([line, message]) => ({ line, message }));
  if (tail && 'message' in tail) warnings.push(tail);
  // Read for this run only: the index never holds a line without its newline.
  else if (tail) lines.push(tail);
  return {
    lines,
    warnings,
    decode(line) {
      if (!line.summary && line.warning === undefined && line.position >= 0) {
        const decoded = decodeAt(index, line.position);
        if ('record' in decoded) line.summary = decoded.record;
        else line.warning = decoded.warning;
      }
      return line.summary ? { record: line.summary } : { warning: line.warning ?? `${index.file}:${line.number}: unreadable` };
    },
    skipped: skippedLines(index, tail && 'message' in tail ? tail : undefined),
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

type Head = IndexKey & Pick<Index, 'lineCount' | 'warnings' | 'failed'> & {
  /** The byte sizes of the newest and table lines. */
  sizes: [newest: number, table: number];
};

/**
 * The index's first three lines as text and its fourth, the bodies, as bytes (most of the index,
 * and decoded one body at a time); undefined when it is not framed as four lines.
 */
function indexLines(indexFile: string): { lines: string[]; sizes: number[]; bodies: Buffer } | undefined {
  try {
    const bytes = readRegular(indexFile, MAX_INDEX_BYTES);
    const lines: string[] = [];
    const sizes: number[] = [];
    let start = 0;
    for (let i = 0; i < 3; i++) {
      const end = bytes.indexOf(0x0a, start);
      if (end < 0) return undefined;
      lines.push(bytes.toString('utf8', start, end));
      sizes.push(end - start);
      start = end + 1;
    }
    const bodies = bytes.subarray(start);
    return bodies.includes(0x0a) ? undefined : { lines, sizes, bodies };
  } catch {
    return undefined;
  }
}

/** The key, the skipped lines and the line sizes from the first line; undefined on any doubt. */
function parseHead(meta: string): Head | undefined {
  try {
    const value: unknown = JSON.parse(meta);
    if (!Array.isArray(value) || value.length !== 14 || value[0] !== FORMAT || value[1] !== RECORD_VERSION) return undefined;
    const [, , file, dev, ino, size, mtimeMs, ctimeMs, offset, lineCount, fingerprint, warnings, failed, sizes] = value as unknown[];
    const numbers = [dev, ino, size, mtimeMs, ctimeMs, offset, lineCount];
    if (typeof file !== 'string' || typeof fingerprint !== 'string' || !numbers.every((n) => typeof n === 'number')) return undefined;
    const pairs = (list: unknown) => Array.isArray(list) && list.every((pair) => Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'string');
    if (!pairs(warnings) || !pairs(failed)) return undefined;
    if (!Array.isArray(sizes) || sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
    return { file, dev, ino, size, mtimeMs, ctimeMs, offset, lineCount, fingerprint, warnings, failed, sizes } as Head;
  } catch {
    return undefined;
  }
}

function loadIndex(indexFile: string): Index | undefined {
  const read = indexLines(indexFile);
  const head = read && parseHead(read.lines[0]!);
  if (!read || !head || head.sizes.some((size, i) => size !== read.sizes[i + 1])) return undefined;
  const { lines, bodies } = read;
  try {
    const newest: unknown = JSON.parse(lines[1]!);
    const table: unknown = JSON.parse(lines[2]!);
    if (!Array.isArray(newest) || newest.length !== 3 || !Array.isArray(table) || table.length !== 3) return undefined;
    const [strings] = newest as unknown[];
    const [heads, ids, ends] = table as unknown[];
    if (!Array.isArray(strings) || !Array.isArray(heads) || !Array.isArray(ids) || !Array.isArray(ends)) return undefined;
    if (heads.length !== ids.length * HEAD || ends.length !== ids.length || !heads.every((n) => typeof n === 'number') || !ids.every((id) => typeof id === 'string')) return undefined;
    if (bodies[0] !== 0x5b || bodies[bodies.length - 1] !== 0x5d || (ends.length > 0 && ends[ends.length - 1] !== bodies.length - 2)) return undefined;
    // Checked element by element above: strings of the table, numbers of the heads and ends.
    return { ...head, strings: strings as string[], heads: heads, ids: ids, ends: ends as number[], stored: bodies.subarray(1, -1), added: [] };
  } catch {
    return undefined;
  }
}

/**
 * How many sessions there are, and the newest (by their last lines, as latestSessions orders
 * them) as flat [id, body start, body end] for up to NEWEST_KEPT of them.
 */
function newestOf(index: Index): [total: number, newest: Array<string | number>] {
  const last = new Map<string, number>();
  index.ids.forEach((id, i) => last.set(id, i));
  const { heads, ids, ends } = index;
  const order = [...last.values()].sort((a, b) => heads[b * HEAD + 2]! - heads[a * HEAD + 2]! || heads[b * HEAD]! - heads[a * HEAD]!);
  const newest: Array<string | number> = [];
  for (const i of order.slice(0, NEWEST_KEPT)) newest.push(ids[i]!, i === 0 ? 0 : ends[i - 1]! + 1, ends[i]!);
  return [last.size, newest];
}

function saveIndex(indexFile: string, index: Index): void {
  const { file, dev, ino, size, mtimeMs, ctimeMs, offset, lineCount, fingerprint, warnings, failed, strings, heads, ids, ends, stored, added } = index;
  const newest = JSON.stringify([strings, ...newestOf(index)]);
  const table = JSON.stringify([heads, ids, ends]);
  const sizes = [newest, table].map((line) => Buffer.byteLength(line));
  const meta = JSON.stringify([FORMAT, RECORD_VERSION, file, dev, ino, size, mtimeMs, ctimeMs, offset, lineCount, fingerprint, warnings, failed, sizes]);
  const bodies = added.join(',');
  try {
    makeDirectory(path.dirname(indexFile));
    writeFileAtomic(indexFile, Buffer.concat([Buffer.from(`${meta}\n${newest}\n${table}\n[`), stored, Buffer.from(stored.length && bodies ? `,${bodies}]` : `${bodies}]`)]));
  } catch {
    // No index this time; the next run tries again.
  }
}
