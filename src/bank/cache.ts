// A cache of the parsed, validated bank, so that scripted runs (`daily --json` from cron or a
// shell greeting) skip YAML parsing and validation. A hit imports neither yaml nor zod: they are
// imported only on a miss, through load.ts.
//
// One file per set of bank directories:
//   mldrill-bank-cache <format> <byte order> <bytes of each section up to the records>
//   header: JSON: the key, the rubrics and the errors
//   ids: the question ids, sorted, one per line
//   names: each bank file's name, NUL-separated
//   stamps: float64 per file: its directory (an index into the header's), size, mtime, ctime, inode
//   at: float64 per question: where its record starts after the summaries, and its length
//   summaries: JSON: title, category, difficulty, tags... per question, parsed only when asked for
//   records: one JSON line per question, read one at a time
// A hit on a bank of ten thousand questions is mostly the stat() of each file: the columns are
// laid out so that nothing else costs much. The ids and names stay two strings until asked
// for as lists (the daily pick hashes the ids as they are), the stamps are read as they lie,
// and one record's place is read from the file.
//
// The key is the mldrill version, a stamp of the loader's own code, the bank directories and
// each file's path and stamp: size, mtime, ctime and inode (src/file-stamp.ts), so that a
// rewrite of the same size with its mtime put back is seen; directories' stamps let a hit skip
// listing them. The file is written under a temporary name and renamed into place, so concurrent runs
// read either the old file or the new one, never half of one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeStamp } from '../code-stamp.js';
import { settledStamp, stampOf, type Stamp } from '../file-stamp.js';
import { NotFoundError } from '../errors.js';
import { hashName } from '../hash.js';
import { writeFileAtomic } from '../store/atomic.js';
import { openRegular, readFully, readRange } from '../read-file.js';
import { packageVersion } from '../version.js';
import { catalogOf, errorsOf, rubricLookup, type Catalog, type QuestionSummary } from './catalog.js';
import { bankDirectories, findYamlFiles, type BankOptions, type UnreadableDir } from './files.js';
import type { Finding } from './findings.js';
import { isCurrent, pathsOf, STAMP, type FileStamps, type Recorded } from './freshness.js';
import type { Bank, RubricLeftOut } from './load.js';
import type { LoadedQuestion, LoadedRubric } from './schema.js';
import { makeDirectory } from '../make-dir.js';

export interface CacheContext {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where the cache file goes (src/store/paths.ts cacheDirectory). */
  cacheDir: string;
}

const MAGIC = 'mldrill-bank-cache';
/** Bump when the layout of the cache file changes. */
const FORMAT = 6;
/** The stamps and places are written in this machine's byte order; another's reads as stale. */
const BYTE_ORDER = os.endianness();
const SECTIONS = ['header', 'ids', 'names', 'stamps', 'at', 'summaries'] as const;
type Sections = Record<(typeof SECTIONS)[number], number>;
/** Floats per question in the at section. */
const PLACE = 2;

interface Header extends Recorded {
  version: string;
  code: string;
  /** The cwd the findings' paths and messages were written for. */
  cwd: string;
  findings: Finding[];
  /** Catalog.withoutRubric's entries. */
  withoutRubric: [string, RubricLeftOut][];
  rubrics: LoadedRubric[];
  /** How many questions the sections hold. */
  questions: number;
}

/** Per question, in the order of ids. */
type SummaryRow = [title: string, category: string, difficulty: string, tags: string[] | 0, companies: string[] | 0, rubric: string, file: number];

/** Opens the bank through the cache: reads it when it is current, else loads and rewrites it. */
export async function openBank(context: CacheContext, options: BankOptions & { slowLoad?: <T>(files: number, load: () => T) => Promise<T> } = {}): Promise<Catalog> {
  const entries = bankDirectories(context.cwd, context.env, options);
  const file = cacheFile(context, entries);
  const hit = readCache(file, entries, context.cwd);
  if (hit) return hit;
  // A miss: only now load the parser and the validator. Stamps are taken before the files are
  // read, so a file changed during the load is stamped old and reloaded next time.
  const dirs: string[] = [];
  const unreadable: UnreadableDir[] = [];
  const files = findYamlFiles(entries, { dirs, unreadable });
  const snapshot: Snapshot = {
    entries,
    missing: entries.filter((entry) => !fs.existsSync(entry)),
    cwd: context.cwd,
    dirs: dirs.map((dir) => [dir, stampOf(dir, 'directory')]),
    files: files.map((name) => [name, stampOf(name)]),
  };
  const { loadFiles } = await import('./load.js');
  // The caller may show progress: this is the slow path, once after every change to the bank.
  const load = () => loadFiles(files, context.cwd, unreadable);
  const bank = options.slowLoad ? await options.slowLoad(files.length, load) : load();
  // A directory that could not be listed has no stamp to tell when it can be: no cache.
  if (unreadable.length === 0) writeCache(file, snapshot, bank);
  return catalogOf(bank);
}

function cacheFile(context: CacheContext, entries: string[]): string {
  const name = `bank-${hashName(entries.join('\n'))}.cache`;
  return path.join(context.cacheDir, name);
}

/** The catalog from the cache file when it matches the bank on disk; undefined on any doubt. */
function readCache(file: string, entries: string[], cwd: string): Catalog | undefined {
  let fd: number;
  let size: number;
  try {
    // Only a regular file: a FIFO or a link to /dev/zero in its place is doubt, and ignored.
    ({ fd, stat: { size } } = openRegular(file));
  } catch {
    return undefined;
  }
  try {
    const first = readRange(fd, 0, 160);
    const newline = first.indexOf(10);
    const fields = newline > 0 ? first.toString('latin1', 0, newline).split(' ') : [];
    if (fields.length !== 3 + SECTIONS.length || fields[0] !== MAGIC || fields[1] !== String(FORMAT) || fields[2] !== BYTE_ORDER) throw new Error('not a cache file of this format');
    // Where each section starts.
    const at = {} as Sections;
    let offset = newline + 1;
    for (const [i, section] of SECTIONS.entries()) {
      at[section] = offset;
      offset += Number(fields[3 + i]);
    }
    const recordsStart = offset;
    if (!(recordsStart <= size)) throw new Error('the sections are larger than the file');
    const header = JSON.parse(readAt(fd, at.header, at.ids - at.header)) as Header;
    if (
      header.version !== packageVersion() ||
      header.code !== codeStamp(import.meta.url) ||
      header.entries.join('\n') !== entries.join('\n') ||
      // Findings name files relative to the cwd they were made in.
      (header.findings.length > 0 && header.cwd !== cwd)
    ) {
      throw new Error('stale');
    }
    const stamps = new Float64Array(STAMP * header.files);
    readInto(fd, stamps, at.stamps);
    const files: FileStamps = { names: readAt(fd, at.names, at.stamps - at.names), stamps };
    if (!isCurrent(header, files)) throw new Error('stale');

    const idText = readAt(fd, at.ids, at.names - at.ids);
    let ids: string[] | undefined;
    const idList = () => (ids ??= header.questions === 0 ? [] : idText.split('\n'));
    // Where the ids handed out by position are, so that the daily pick's record is found at once.
    const handedOut = new Map<string, number>();
    const readRecord = (i: number) => {
      const place = new Float64Array(PLACE);
      readInto(fd, place, at.at + PLACE * 8 * i);
      return JSON.parse(readAt(fd, recordsStart + place[0]!, place[1]!)) as LoadedQuestion;
    };
    let summaries: QuestionSummary[] | undefined;
    const rubrics = new Map(header.rubrics.map((rubric) => [rubric.id, rubric]));
    return {
      get ids() {
        return idList();
      },
      idText: {
        size: header.questions,
        joined: idText,
        id: (position) => {
          const id = lineAt(idText, position);
          handedOut.set(id, position);
          return id;
        },
      },
      get questions() {
        if (summaries) return summaries;
        const paths = pathsOf(header, files);
        const list = idList();
        summaries = (JSON.parse(readAt(fd, at.summaries, recordsStart - at.summaries)) as SummaryRow[]).map(
          ([title, category, difficulty, tags, companies, rubric, fileIndex], i) =>
            ({ id: list[i]!, title, category, difficulty, tags: tags || undefined, companies: companies || undefined, rubric, file: paths[fileIndex]! }) as QuestionSummary,
        );
        return summaries;
      },
      rubrics,
      rubric: rubricLookup(rubrics),
      findings: header.findings,
      withoutRubric: new Map(header.withoutRubric),
      files: header.files,
      // The descriptor keeps this very file readable even if another run renames a new one over it.
      question: (id) => {
        const i = handedOut.get(id) ?? lineIndex(idText, id);
        if (i < 0) throw new NotFoundError(`no question with id "${id}"`);
        return readRecord(i);
      },
      all: () => idList().map((_, i) => readRecord(i)),
      close: () => fs.closeSync(fd),
    };
  } catch {
    fs.closeSync(fd);
    return undefined;
  }
}

/** The line at index i of newline-separated text. */
function lineAt(text: string, i: number): string {
  let start = 0;
  for (let line = 0; line < i; line++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The index of the line equal to line in newline-separated text, or -1. */
function lineIndex(text: string, line: string): number {
  if (!line) return -1;
  for (let found = text.indexOf(line); found >= 0; found = text.indexOf(line, found + 1)) {
    const end = found + line.length;
    if ((found === 0 || text[found - 1] === '\n') && (end === text.length || text[end] === '\n')) {
      let index = 0;
      for (let at = text.indexOf('\n'); at >= 0 && at < found; at = text.indexOf('\n', at + 1)) index++;
      return index;
    }
  }
  return -1;
}

function readAt(fd: number, position: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  readInto(fd, buffer, position);
  return buffer.toString('utf8');
}

/** Fills target from the file at position, or throws if the file ends first. */
function readInto(fd: number, target: NodeJS.ArrayBufferView, position: number): void {
  if (readFully(fd, target, position) < target.byteLength) throw new Error('the cache file ends early');
}

/** What was seen of the bank just before loading it: what the cache records. */
interface Snapshot {
  entries: string[];
  missing: string[];
  cwd: string;
  /** Undefined where there was nothing to stamp: recorded unknown, never equal to what is on disk. */
  dirs: Array<[path: string, stamp: Stamp | undefined]>;
  files: Array<[path: string, stamp: Stamp | undefined]>;
}

/**
 * Writes the cache atomically (store/atomic.ts): beside its final name, renamed into place. The cache only saves time,
 * so any failure (a read-only home, a full disk) leaves the run unharmed.
 */
function writeCache(file: string, snapshot: Snapshot, bank: Bank): void {
  const ids = bank.questions.map((question) => question.id);
  const idText = ids.join('\n');
  const names = snapshot.files.map(([name]) => name);
  // The separators must not occur inside: never in a path, and ids are kebab-case once validated.
  if (ids.some((id) => id.includes('\n')) || names.some((name) => name.includes('\0'))) return;
  const fileIndex = new Map(names.map((name, i) => [name, i]));
  const dirIndex = new Map(snapshot.dirs.map(([dir], i) => [dir, i]));
  const records = bank.questions.map((question) => `${JSON.stringify(question)}\n`);
  const places = new Float64Array(PLACE * records.length);
  let offset = 0;
  for (const [i, record] of records.entries()) {
    const length = Buffer.byteLength(record);
    places[PLACE * i] = offset;
    places[PLACE * i + 1] = length;
    offset += length;
  }
  const summaries: SummaryRow[] = bank.questions.map((question) => [
    question.title, question.category, question.difficulty, question.tags ?? 0, question.companies ?? 0, question.rubric, fileIndex.get(question.file)!,
  ]);
  try {
    makeDirectory(path.dirname(file));
    writeFileAtomic(file, (fd) => {
      // Anything changed just before now may change again unseen in the same tick: stamp it
      // unknown, so the next run lists the directory again or reloads the file.
      const written = fs.fstatSync(fd).mtimeMs;
      const header: Header = {
        version: packageVersion(),
        code: codeStamp(import.meta.url),
        entries: snapshot.entries,
        missing: snapshot.missing,
        dirs: snapshot.dirs.map(([dir]) => dir),
        dirStamps: snapshot.dirs.flatMap(([, stamp]) => settledStamp(stamp, written)),
        cwd: snapshot.cwd,
        findings: errorsOf(bank.findings),
        withoutRubric: [...bank.withoutRubric],
        rubrics: [...bank.rubrics.values()],
        files: names.length,
        questions: ids.length,
      };
      const fileStamps = new Float64Array(STAMP * names.length);
      for (const [i, [name, stamp]] of snapshot.files.entries()) {
        fileStamps[STAMP * i] = dirIndex.get(path.dirname(name)) ?? -1;
        fileStamps.set(settledStamp(stamp, written), STAMP * i + 1);
      }
      const sections: Record<(typeof SECTIONS)[number], Buffer> = {
        header: Buffer.from(JSON.stringify(header)),
        ids: Buffer.from(idText),
        names: Buffer.from(snapshot.files.map(([name]) => (dirIndex.has(path.dirname(name)) ? path.basename(name) : name)).join('\0')),
        stamps: Buffer.from(fileStamps.buffer),
        at: Buffer.from(places.buffer),
        summaries: Buffer.from(JSON.stringify(summaries)),
      };
      const lengths = SECTIONS.map((section) => sections[section].length);
      fs.writeSync(fd, `${MAGIC} ${FORMAT} ${BYTE_ORDER} ${lengths.join(' ')}\n`);
      for (const section of SECTIONS) fs.writeSync(fd, sections[section]);
      for (let i = 0; i < records.length; i += 500) fs.writeSync(fd, records.slice(i, i + 500).join(''));
    }, 'refuse');
  } catch {
    // Unwritable, full, or something other than a regular file in its place: run without a cache.
  }
}

