// Lint's cache: what each file's own checks found (its findings, its summary for the cross-file
// checks, its examples' grades), kept between runs so that linting a bank again reads and
// checks only the files that changed. The cross-file checks always run afresh.
//
// One JSON file per set of bank directories, in the cache directory. A file's result is reused
// only when all of these are as they were: mldrill's version and lint's code, the rubrics the
// examples were graded with, the file's size, mtime, ctime and inode, the name it is shown
// under, and whether each schema path its modeline was checked against exists. A file modified
// within RACY_MS of the moment the cache was written is not trusted (a change in the same tick
// would not show in its mtime). Anything else in doubt (a damaged, oversized or foreign cache file,
// a link or a directory in its place) and the cache is simply not used; `mldrill lint --no-cache` neither reads nor writes it.
import fs from 'node:fs';
import path from 'node:path';
import type { FileSummary, StageSummary } from '../bank/check-file.js';
import { isFinding, type Finding } from '../bank/findings.js';
import { isRecord } from '../bank/records.js';
import { existsOnce } from '../bank/schema-comment.js';
import { codeStamp } from '../code-stamp.js';
import { sameStamp, settledStamp, STAMP_LENGTH, stampOf, type Stamp } from '../file-stamp.js';
import { hashName, hashText } from '../hash.js';
import { readRegular } from '../read-file.js';
import { writeFileAtomic } from '../store/atomic.js';
import { packageVersion } from '../version.js';
import type { CheckedFile, FileToCheck } from './check-files.js';
import type { GradingRubrics } from './grade-examples.js';
import { makeDirectory } from '../make-dir.js';

const MAGIC = 'mldrill-lint-cache';
/** Bump when the layout of the cache file changes. */
const FORMAT = 1;
/** A cache of ten thousand files is some 10 MB; one past this is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Files of other runs (another lint set over the same bank) kept beside this run's. */
const MAX_ENTRIES = 25_000;
interface Entry {
  stamp: Stamp;
  shown: string;
  result: CheckedFile;
}

/** What makes every entry void when it differs: mldrill's version, lint's code, the rubrics graded with. */
interface CacheKey {
  version: string;
  code: string;
  rubrics: number;
}

interface CacheContent extends CacheKey {
  magic: typeof MAGIC;
  format: number;
  entries: Array<[file: string, entry: Entry]>;
}

export interface LintCache {
  /** The file's result from an earlier run when nothing it depends on has changed. */
  reuse(file: FileToCheck): CheckedFile | undefined;
  /** Keeps this run's results and writes the cache when any was not reused. */
  save(files: readonly FileToCheck[], results: readonly CheckedFile[]): void;
}

/** The lint cache for a bank (its directories, as bankDirectories gives them), graded with `rubrics`. */
export function openLintCache(cacheDir: string, bankEntries: readonly string[], rubrics: GradingRubrics | undefined): LintCache {
  const file = path.join(cacheDir, `lint-${hashName(bankEntries.join('\n'))}.cache`);
  const key = { version: packageVersion(), code: codeStamp(import.meta.url), rubrics: hashText(JSON.stringify([...(rubrics ?? new Map())])) };
  const old = readEntries(file, key);
  const stamps = new Map<string, Stamp | undefined>();
  const existsNow = existsOnce();
  let reused = 0;
  return {
    reuse({ file: target, shown }) {
      // Taken before the file is checked, so a change made while it is checked shows next time.
      // Undefined for anything that is not a regular file or cannot be stat'ed: the check reports it.
      const stamp = stampOf(target);
      stamps.set(target, stamp);
      const entry = old.get(target);
      if (!stamp || !entry || entry.shown !== shown || !sameStamp(entry.stamp, stamp)) return undefined;
      if (entry.result.asked?.some(([schema, answer]) => existsNow(schema) !== answer)) return undefined;
      reused++;
      return entry.result;
    },
    save(files, results) {
      if (reused === files.length) return;
      const kept = new Map<string, Entry>();
      files.forEach(({ file: target, shown }, i) => {
        const stamp = stamps.get(target);
        if (stamp) kept.set(target, { stamp, shown, result: results[i]! });
      });
      for (const [target, entry] of old) {
        if (kept.size >= MAX_ENTRIES) break;
        if (!kept.has(target)) kept.set(target, entry);
      }
      writeEntries(file, key, kept);
    },
  };
}

function readEntries(file: string, key: CacheKey): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let content: Partial<CacheContent>;
  try {
    // A link is not this cache's file, whatever it leads to (it is not written through either).
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) return entries;
    content = JSON.parse(readRegular(file, MAX_CACHE_BYTES).toString('utf8')) as Partial<CacheContent>;
  } catch {
    // Missing, unreadable, too large, not a regular file or not JSON: no cache.
    return entries;
  }
  if (content === null || typeof content !== 'object' || content.magic !== MAGIC || content.format !== FORMAT || content.version !== key.version
    || content.code !== key.code || content.rubrics !== key.rubrics || !Array.isArray(content.entries)) return entries;
  for (const row of content.entries as unknown[]) {
    if (Array.isArray(row) && typeof row[0] === 'string' && isEntry(row[1], row[0])) entries.set(row[0], row[1]);
  }
  return entries;
}

function writeEntries(file: string, key: CacheKey, entries: Map<string, Entry>): void {
  try {
    makeDirectory(path.dirname(file));
    writeFileAtomic(file, (fd) => {
      // A file changed just before now may change again unseen in the same tick.
      const written = fs.fstatSync(fd).mtimeMs;
      const rows = [...entries].map(([target, entry]): [string, Entry] => [target, { ...entry, stamp: settledStamp(entry.stamp, written) }]);
      const content: CacheContent = { magic: MAGIC, format: FORMAT, ...key, entries: rows };
      fs.writeSync(fd, JSON.stringify(content));
    }, 'refuse');
  } catch {
    // Unwritable, full, or something other than a regular file in its place: lint without a cache.
  }
}

// What a cache file says is checked as any file's content is: a damaged or hand-edited entry
// is dropped (and its file checked again), never printed or trusted.

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isIdList = (value: unknown): value is Array<string | null> => Array.isArray(value) && value.every((item) => item === null || typeof item === 'string');
/** Findings of the entry's own file: one naming another file would be printed as that file's. */
const isFindings = (value: unknown, shown: string): value is Finding[] => Array.isArray(value) && value.every((item) => isFinding(item) && item.file === shown);

function isEntry(value: unknown, file: string): value is Entry {
  if (!isRecord(value) || typeof value.shown !== 'string' || !Array.isArray(value.stamp) || value.stamp.length !== STAMP_LENGTH || !value.stamp.every((n) => typeof n === 'number')) return false;
  const result = value.result;
  if (!isRecord(result) || !isFindings(result.findings, value.shown) || (result.graded !== undefined && !isFindings(result.graded, value.shown))) return false;
  if (result.asked !== undefined && !(Array.isArray(result.asked) && result.asked.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'boolean'))) return false;
  return result.summary === undefined || isSummary(result.summary, file, value.shown);
}

function isSummary(value: unknown, file: string, shown: string): value is FileSummary {
  if (!isRecord(value) || value.path !== file || value.file !== shown || (value.kind !== 'question' && value.kind !== 'rubric')) return false;
  if (typeof value.stagesComplete !== 'boolean' || typeof value.valid !== 'boolean' || !Array.isArray(value.stages) || !value.stages.every(isStageSummary)) return false;
  return (value.id === undefined || typeof value.id === 'string') && (value.rubric === undefined || typeof value.rubric === 'string')
    && (value.examples === undefined || typeof value.examples === 'boolean');
}

function isStageSummary(value: unknown): value is StageSummary {
  return isRecord(value) && typeof value.id === 'string' && isIdList(value.items)
    && (value.dropped === undefined || isStringList(value.dropped)) && (value.replaces === undefined || isIdList(value.replaces));
}
