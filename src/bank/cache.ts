// A cache of the parsed, validated bank, so that scripted runs (`daily --json` from cron or a
// shell greeting) skip YAML parsing and validation. A hit imports neither yaml nor zod: they are
// imported only on a miss, through load.ts.
//
// One file per set of bank directories:
//   mldrill-bank-cache <format> <header bytes> <summary bytes>
//   header: JSON: the key, the ids with where each record is, the rubrics and the errors
//   summaries: JSON: title, category, difficulty, tags... per question, parsed only when asked for
//   records: one JSON line per question, read one at a time
// so `daily` on a bank of ten thousand questions parses the key and the ids, and one record.
//
// The key is the mldrill version, a stamp of the loader's own code, the bank directories and
// each file's path, size and modification time (directories' mtimes let a hit skip listing
// them). The file is written under a temporary name and renamed into place, so concurrent runs
// read either the old file or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../errors.js';
import { closest } from '../text.js';
import { hashSeed } from '../select/random.js';
import { cacheDirectory } from '../store/paths.js';
import { packageVersion } from '../version.js';
import { bankDirectories, findYamlFiles, type BankOptions } from './files.js';
import type { Finding } from './findings.js';
import type { Bank } from './load.js';
import type { LoadedQuestion, LoadedRubric } from './schema.js';

/** What lists, filters and pickers need of a question, without its prompt, hints or items. */
export type QuestionSummary = Pick<LoadedQuestion, 'id' | 'title' | 'category' | 'difficulty' | 'companies' | 'tags' | 'rubric' | 'file'>;

/** The bank as commands use it: ids, summaries, and whole questions on request. */
export interface Catalog {
  /** Every question id, in the order of `questions`. */
  readonly ids: readonly string[];
  /** Sorted by id. From the cache, built on first use: prefer `ids` where they are enough. */
  readonly questions: readonly QuestionSummary[];
  rubrics: Map<string, LoadedRubric>;
  /** The files left out and why. Only errors: warnings are for `mldrill lint`, which reads every file itself. */
  findings: Finding[];
  /** How many YAML files make up the bank. */
  files: number;
  /** The rubric with this id; NotFoundError names the known ones. */
  rubric(id: string): LoadedRubric;
  /** The whole question with this id (one of `ids`). */
  question(id: string): LoadedQuestion;
  /** Every whole question, sorted by id. */
  all(): LoadedQuestion[];
  /** Releases the cache file; the catalog must not be used afterwards. */
  close(): void;
}

export interface CacheContext {
  cwd: string;
  env: Record<string, string | undefined>;
  homedir: string;
}

const MAGIC = 'mldrill-bank-cache';
/** Bump when the layout of the cache file changes. */
const FORMAT = 3;
/** A stamp this close to the moment the cache was written may hide a change made in the same tick. */
const RACY_MS = 1000;
const UNKNOWN = -1;

interface Header {
  version: string;
  code: string;
  /** The bank directories (and files) asked for, in order. */
  entries: string[];
  /** Entries that did not exist: one appearing changes the bank. */
  missing: string[];
  /** Every directory walked, and its mtime: an unchanged directory holds the same names. */
  dirs: string[];
  dirTimes: number[];
  /** Per bank file, in sorted order: its directory (an index into dirs; -1 for an entry itself), name, size and mtime. */
  fileDirs: number[];
  fileNames: string[];
  sizes: number[];
  mtimes: number[];
  /** The cwd the findings' paths and messages were written for. */
  cwd: string;
  findings: Finding[];
  rubrics: LoadedRubric[];
  /** Question ids sorted as the loader sorts them, and each record's [offset, length] after the summaries. */
  ids: string[];
  at: number[];
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
  const files = findYamlFiles(entries, dirs);
  const stamps: Stamps = {
    entries,
    missing: entries.filter((entry) => !fs.existsSync(entry)),
    cwd: context.cwd,
    dirs: dirs.map((dir) => [dir, fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? UNKNOWN]),
    files: files.map((name) => {
      const stat = fs.statSync(name, { throwIfNoEntry: false });
      return [name, stat?.size ?? UNKNOWN, stat?.mtimeMs ?? UNKNOWN];
    }),
  };
  const { loadFiles } = await import('./load.js');
  // The caller may show progress: this is the slow path, once after every change to the bank.
  const load = () => loadFiles(files, context.cwd);
  const bank = options.slowLoad ? await options.slowLoad(files.length, load) : load();
  writeCache(file, stamps, bank);
  return catalogOf(bank);
}

function cacheFile(context: CacheContext, entries: string[]): string {
  const name = `bank-${hashSeed(entries.join('\n')).toString(16).padStart(8, '0')}.cache`;
  return path.join(cacheDirectory(context.env, context.homedir), name);
}

/**
 * Changes whenever the loader's code does, so a rebuilt mldrill never trusts an old cache: the
 * name, size and mtime of every code file beside this one (the bank modules under src/ or in
 * tsc's output, or every chunk of the bundle, which holds them all).
 */
let codeStampMemo: string | undefined;
function codeStamp(): string {
  if (codeStampMemo !== undefined) return codeStampMemo;
  const here = path.dirname(fileURLToPath(import.meta.url));
  codeStampMemo = fs.readdirSync(here)
    .filter((name) => /\.[jt]s$/.test(name))
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(here, name), { throwIfNoEntry: false });
      return `${name}:${stat?.size}:${stat?.mtimeMs}`;
    })
    .join(',');
  return codeStampMemo;
}

/** Whether the files recorded in header are exactly the bank's files now, unchanged. */
function isCurrent(header: Header, paths: string[]): boolean {
  if (header.missing.some((entry) => fs.existsSync(entry))) return false;
  // Unchanged directories hold the same names, so listing them can be skipped; else list and compare.
  const sameDirs = header.dirs.every((dir, i) => header.dirTimes[i] !== UNKNOWN && fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs === header.dirTimes[i]);
  if (!sameDirs) {
    const now = findYamlFiles(header.entries);
    if (now.length !== paths.length || now.some((file, i) => file !== paths[i])) return false;
  }
  for (let i = 0; i < paths.length; i++) {
    const stat = fs.statSync(paths[i]!, { throwIfNoEntry: false });
    if (header.sizes[i] === UNKNOWN || !stat || stat.size !== header.sizes[i] || stat.mtimeMs !== header.mtimes[i]) return false;
  }
  return true;
}

/** The catalog from the cache file when it matches the bank on disk; undefined on any doubt. */
function readCache(file: string, entries: string[], cwd: string): Catalog | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const first = Buffer.alloc(80);
    const firstBytes = fs.readSync(fd, first, 0, first.length, 0);
    const newline = first.subarray(0, firstBytes).indexOf(10);
    const match = newline > 0 ? new RegExp(`^${MAGIC} ${FORMAT} (\\d+) (\\d+)$`).exec(first.toString('latin1', 0, newline)) : null;
    if (!match) throw new Error('not a cache file of this format');
    const headerStart = newline + 1;
    const [headerLength, summaryLength] = [Number(match[1]), Number(match[2])];
    const header = JSON.parse(readAt(fd, headerStart, headerLength)) as Header;
    if (
      header.version !== packageVersion() ||
      header.code !== codeStamp() ||
      header.entries.join('\n') !== entries.join('\n') ||
      // Findings name files relative to the cwd they were made in.
      (header.findings.length > 0 && header.cwd !== cwd)
    ) {
      throw new Error('stale');
    }
    const paths = header.fileNames.map((name, i) => {
      const dir = header.fileDirs[i]!;
      return dir < 0 ? name : header.dirs[dir] + path.sep + name;
    });
    if (!isCurrent(header, paths)) throw new Error('stale');

    const summariesStart = headerStart + headerLength;
    const recordsStart = summariesStart + summaryLength;
    const readRecord = (i: number) => JSON.parse(readAt(fd, recordsStart + header.at[2 * i]!, header.at[2 * i + 1]!)) as LoadedQuestion;
    let summaries: QuestionSummary[] | undefined;
    const rubrics = new Map(header.rubrics.map((rubric) => [rubric.id, rubric]));
    return {
      ids: header.ids,
      get questions() {
        summaries ??= (JSON.parse(readAt(fd, summariesStart, summaryLength)) as SummaryRow[]).map(
          ([title, category, difficulty, tags, companies, rubric, fileIndex], i) =>
            ({ id: header.ids[i]!, title, category, difficulty, tags: tags || undefined, companies: companies || undefined, rubric, file: paths[fileIndex]! }) as QuestionSummary,
        );
        return summaries;
      },
      rubrics,
      rubric: rubricLookup(rubrics),
      findings: header.findings,
      files: paths.length,
      // The descriptor keeps this very file readable even if another run renames a new one over it.
      question: (id) => {
        const i = header.ids.indexOf(id);
        if (i < 0) throw new NotFoundError(`no question with id "${id}"`);
        return readRecord(i);
      },
      all: () => header.ids.map((_, i) => readRecord(i)),
      close: () => fs.closeSync(fd),
    };
  } catch {
    fs.closeSync(fd);
    return undefined;
  }
}

function readAt(fd: number, position: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const bytes = fs.readSync(fd, buffer, done, length - done, position + done);
    if (bytes === 0) throw new Error('the cache file ends early');
    done += bytes;
  }
  return buffer.toString('utf8');
}

interface Stamps {
  entries: string[];
  missing: string[];
  cwd: string;
  dirs: Array<[path: string, mtimeMs: number]>;
  files: Array<[path: string, size: number, mtimeMs: number]>;
}

/**
 * Writes the cache beside its final name and renames it into place. The cache only saves time,
 * so any failure (a read-only home, a full disk) leaves the run unharmed.
 */
function writeCache(file: string, stamps: Stamps, bank: Bank): void {
  const fileIndex = new Map(stamps.files.map(([name], i) => [name, i]));
  const dirIndex = new Map(stamps.dirs.map(([dir], i) => [dir, i]));
  const records = bank.questions.map((question) => `${JSON.stringify(question)}\n`);
  const at: number[] = [];
  let offset = 0;
  for (const record of records) {
    const length = Buffer.byteLength(record);
    at.push(offset, length);
    offset += length;
  }
  const summaries: SummaryRow[] = bank.questions.map((question) => [
    question.title, question.category, question.difficulty, question.tags ?? 0, question.companies ?? 0, question.rubric, fileIndex.get(question.file)!,
  ]);
  let tempDir: string | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    tempDir = fs.mkdtempSync(path.join(path.dirname(file), '.tmp-'));
    const temp = path.join(tempDir, path.basename(file));
    const fd = fs.openSync(temp, 'w');
    try {
      // Anything changed within RACY_MS of now may change again unseen in the same tick: stamp
      // it unknown, so the next run lists the directory again or reloads the file.
      const written = fs.fstatSync(fd).mtimeMs;
      const racy = (mtime: number) => mtime >= written - RACY_MS;
      const header: Header = {
        version: packageVersion(),
        code: codeStamp(),
        entries: stamps.entries,
        missing: stamps.missing,
        dirs: stamps.dirs.map(([dir]) => dir),
        dirTimes: stamps.dirs.map(([, mtime]) => (racy(mtime) ? UNKNOWN : mtime)),
        fileDirs: stamps.files.map(([name]) => dirIndex.get(path.dirname(name)) ?? -1),
        fileNames: stamps.files.map(([name]) => (dirIndex.has(path.dirname(name)) ? path.basename(name) : name)),
        sizes: stamps.files.map(([, size, mtime]) => (racy(mtime) ? UNKNOWN : size)),
        mtimes: stamps.files.map(([, , mtime]) => mtime),
        cwd: stamps.cwd,
        findings: errorsOf(bank.findings),
        rubrics: [...bank.rubrics.values()],
        ids: bank.questions.map((question) => question.id),
        at,
      };
      const headerText = `${JSON.stringify(header)}\n`;
      const summaryText = `${JSON.stringify(summaries)}\n`;
      fs.writeSync(fd, `${MAGIC} ${FORMAT} ${Buffer.byteLength(headerText)} ${Buffer.byteLength(summaryText)}\n${headerText}${summaryText}`);
      for (let i = 0; i < records.length; i += 500) fs.writeSync(fd, records.slice(i, i + 500).join(''));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch {
    // Unwritable or full: run without a cache.
  } finally {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * A bank whose every file has a warning (say, a schema comment that points nowhere from where
 * the bank lives) would otherwise carry ten thousand of them through every cache hit.
 */
function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

function rubricLookup(rubrics: Map<string, LoadedRubric>): (id: string) => LoadedRubric {
  return (id) => {
    const rubric = rubrics.get(id);
    if (!rubric) {
      const [suggestion] = closest(id, rubrics.keys(), 1);
      throw new NotFoundError(`no rubric with id "${id}"; ${suggestion ? `did you mean ${suggestion}? ` : ''}known rubrics: ${[...rubrics.keys()].sort().join(', ') || 'none'}`);
    }
    return rubric;
  };
}

/** A catalog over a bank loaded in full. */
export function catalogOf(bank: Bank): Catalog {
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  return {
    ids: bank.questions.map((question) => question.id),
    questions: bank.questions,
    rubrics: bank.rubrics,
    rubric: rubricLookup(bank.rubrics),
    findings: errorsOf(bank.findings),
    files: bank.files,
    question: (id) => {
      const question = byId.get(id);
      if (!question) throw new NotFoundError(`no question with id "${id}"`);
      return question;
    },
    all: () => bank.questions,
    close: () => {},
  };
}
