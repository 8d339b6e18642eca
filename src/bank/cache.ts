// A cache of the parsed, validated bank, so that scripted runs (`daily --json` from cron or a
// shell greeting) skip YAML parsing and validation. A hit imports neither yaml nor zod: they are
// imported only on a miss, through load.ts.
//
// One file per set of bank directories: a first line `mldrill-bank-cache <n>`, then an n-byte
// JSON header (the key, the summaries, the rubrics, the findings), then one JSON line per
// question. A hit parses the header and only the questions a command asks for, so a bank of
// ten thousand questions costs a few milliseconds rather than a parse of every record.
//
// The key is the mldrill version, a stamp of the loader's own code, the bank directories and
// each file's path, size and modification time. The file is written to a temporary name and
// renamed into place, so concurrent runs read either the old file or the new one, never half.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../errors.js';
import { cacheDirectory } from '../store/paths.js';
import { hashString } from '../select/prng.js';
import { packageVersion } from '../version.js';
import { bankDirectories, findYamlFiles, type BankOptions } from './files.js';
import type { Finding } from './findings.js';
import type { Bank } from './load.js';
import type { LoadedQuestion, LoadedRubric } from './schema.js';

/** What lists, filters and pickers need of a question, without its prompt, hints or items. */
export type QuestionSummary = Pick<LoadedQuestion, 'id' | 'title' | 'category' | 'difficulty' | 'companies' | 'tags' | 'rubric' | 'file'>;

/** The bank as commands use it: every question's summary, and whole questions on request. */
export interface Catalog {
  /** Sorted by id. */
  questions: readonly QuestionSummary[];
  rubrics: Map<string, LoadedRubric>;
  findings: Finding[];
  /** How many YAML files make up the bank. */
  files: number;
  /** The rubric with this id; NotFoundError names the known ones. */
  rubric(id: string): LoadedRubric;
  /** The whole question behind a summary. */
  question(summary: QuestionSummary): LoadedQuestion;
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
const FORMAT = 1;

/** [path, size, mtimeMs] of one bank file. */
type FileStamp = [string, number, number];

interface Header {
  format: number;
  version: string;
  code: string;
  directories: string[];
  files: FileStamp[];
  /** The cwd the findings' paths and messages were written for. */
  cwd: string;
  findings: Finding[];
  rubrics: LoadedRubric[];
  /** Each summary with its record's [offset, length] in bytes after the header. */
  questions: Array<QuestionSummary & { at: [number, number] }>;
}

/** Opens the bank through the cache: reads it when it is current, else loads and rewrites it. */
export async function openBank(context: CacheContext, options: BankOptions = {}): Promise<Catalog> {
  const directories = bankDirectories(context.cwd, context.env, options);
  const file = cacheFile(context, directories);
  const files = findYamlFiles(directories);
  const stamps = stampFiles(files);
  const hit = readCache(file, directories, stamps, context.cwd);
  if (hit) return hit;
  // A miss: only now load the parser and the validator.
  const { loadFiles } = await import('./load.js');
  const bank = loadFiles(files, context.cwd);
  writeCache(file, directories, stamps, context.cwd, bank);
  return catalogOf(bank);
}

function cacheFile(context: CacheContext, directories: string[]): string {
  const name = `bank-${hashString(directories.join('\n')).toString(16).padStart(8, '0')}.cache`;
  return path.join(cacheDirectory(context.env, context.homedir), name);
}

function stampFiles(files: string[]): FileStamp[] {
  const stamps: FileStamp[] = [];
  for (const file of files) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    // A file that vanished since the walk is stamped as missing; the loader reports it.
    stamps.push([file, stat?.size ?? -1, stat?.mtimeMs ?? -1]);
  }
  return stamps;
}

/** Changes whenever the loader's code does, so a rebuilt mldrill never trusts an old cache. */
let codeStampMemo: string | undefined;
function codeStamp(): string {
  if (codeStampMemo !== undefined) return codeStampMemo;
  const here = fileURLToPath(import.meta.url);
  const extension = path.extname(here);
  const parts = ['cache', 'files', 'load', 'parse', 'validate', 'schema'].map((name) => {
    const stat = fs.statSync(path.join(path.dirname(here), `${name}${extension}`), { throwIfNoEntry: false });
    return `${stat?.size ?? -1}:${stat?.mtimeMs ?? -1}`;
  });
  codeStampMemo = parts.join(',');
  return codeStampMemo;
}

function sameStamps(a: readonly FileStamp[], b: readonly FileStamp[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return false;
  }
  return true;
}

/** The catalog from the cache file when it matches the bank on disk; undefined on any doubt. */
function readCache(file: string, directories: string[], stamps: FileStamp[], cwd: string): Catalog | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const first = Buffer.alloc(64);
    const firstBytes = fs.readSync(fd, first, 0, first.length, 0);
    const newline = first.subarray(0, firstBytes).indexOf(10);
    const match = newline > 0 ? new RegExp(`^${MAGIC} (\\d+)$`).exec(first.toString('latin1', 0, newline)) : null;
    if (!match) throw new Error('not a cache file');
    const headerStart = newline + 1;
    const headerLength = Number(match[1]);
    const header = JSON.parse(readAt(fd, headerStart, headerLength)) as Header;
    const current =
      header.format === FORMAT &&
      header.version === packageVersion() &&
      header.code === codeStamp() &&
      header.directories.join('\n') === directories.join('\n') &&
      sameStamps(header.files, stamps) &&
      // Findings name files relative to the cwd they were made in.
      (header.findings.length === 0 || header.cwd === cwd);
    if (!current) throw new Error('stale');
    const recordsStart = headerStart + headerLength;
    // The descriptor keeps this very file readable even if another run renames a new one over it.
    const read = (summary: QuestionSummary): LoadedQuestion => {
      const [offset, length] = (summary as Header['questions'][number]).at;
      return JSON.parse(readAt(fd, recordsStart + offset, length)) as LoadedQuestion;
    };
    const all = () => {
      const last = header.questions.at(-1);
      if (!last) return [];
      const text = readAt(fd, recordsStart, last.at[0] + last.at[1]);
      return header.questions.map((summary) => JSON.parse(text.slice(summary.at[0], summary.at[0] + summary.at[1])) as LoadedQuestion);
    };
    const rubrics = new Map(header.rubrics.map((rubric) => [rubric.id, rubric]));
    return {
      questions: header.questions,
      rubrics,
      rubric: rubricLookup(rubrics),
      findings: header.findings,
      files: header.files.length,
      question: read,
      all,
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

/**
 * Writes the cache beside its final name and renames it into place. The cache only saves time,
 * so any failure (a read-only home, a full disk) leaves the run unharmed.
 */
function writeCache(file: string, directories: string[], stamps: FileStamp[], cwd: string, bank: Bank): void {
  const records: string[] = [];
  const questions: Header['questions'] = [];
  let offset = 0;
  for (const question of bank.questions) {
    const record = `${JSON.stringify(question)}\n`;
    const length = Buffer.byteLength(record);
    records.push(record);
    const { id, title, category, difficulty, companies, tags, rubric, file: source } = question;
    questions.push({ id, title, category, difficulty, companies, tags, rubric, file: source, at: [offset, length] });
    offset += length;
  }
  const header: Header = {
    format: FORMAT,
    version: packageVersion(),
    code: codeStamp(),
    directories,
    files: stamps,
    cwd,
    findings: bank.findings,
    rubrics: [...bank.rubrics.values()],
    questions,
  };
  const headerText = `${JSON.stringify(header)}\n`;
  let tempDir: string | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    tempDir = fs.mkdtempSync(path.join(path.dirname(file), '.tmp-'));
    const temp = path.join(tempDir, path.basename(file));
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, `${MAGIC} ${Buffer.byteLength(headerText)}\n${headerText}`);
      for (const record of records) fs.writeSync(fd, record);
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

function rubricLookup(rubrics: Map<string, LoadedRubric>): (id: string) => LoadedRubric {
  return (id) => {
    const rubric = rubrics.get(id);
    if (!rubric) throw new NotFoundError(`no rubric with id "${id}"; known rubrics: ${[...rubrics.keys()].join(', ') || 'none'}`);
    return rubric;
  };
}

/** A catalog over a bank loaded in full. */
export function catalogOf(bank: Bank): Catalog {
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  return {
    questions: bank.questions,
    rubrics: bank.rubrics,
    rubric: rubricLookup(bank.rubrics),
    findings: bank.findings,
    files: bank.files,
    question: (summary) => byId.get(summary.id)!,
    all: () => bank.questions,
    close: () => {},
  };
}
