// Where bank files live and how their paths are shown. Kept free of the YAML parser and zod,
// so that a run served from the cache (src/bank/cache.ts) never loads them.
import fs from 'node:fs';
import path from 'node:path';
import { MissingBankError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

export interface BankOptions {
  /** Extra bank directories from `--bank` (relative to cwd). */
  bank?: string[];
  /** The config file's bank directories: absolute, and already checked to exist. */
  configBank?: string[];
  /** Leave out the questions and rubrics shipped with mldrill. */
  noBuiltin?: boolean;
}

/**
 * The directories to load: built-in, then the config file's, then each --bank, then each entry of MLDRILL_BANK. One
 * that does not exist is a usage error rather than an empty bank: a mistyped path would
 * otherwise pass unnoticed, and `lint` would check nothing and pass.
 */
export function bankDirectories(cwd: string, env: Record<string, string | undefined>, options: BankOptions = {}): string[] {
  const builtin = options.noBuiltin ? [] : [path.join(PACKAGE_ROOT, 'rubrics'), path.join(PACKAGE_ROOT, 'questions')];
  return [...builtin, ...(options.configBank ?? []), ...givenBankDirectories(cwd, env, options.bank)];
}

/** The --bank entries, then MLDRILL_BANK's, absolute; one that does not exist is a usage error. */
export function givenBankDirectories(cwd: string, env: Record<string, string | undefined>, bank: readonly string[] = []): string[] {
  const given = bank.filter(Boolean).map((dir) => ({ dir, from: 'option' as const }));
  const inEnv = (env.MLDRILL_BANK ?? '').split(path.delimiter).filter(Boolean).map((dir) => ({ dir, from: 'environment' as const }));
  return [...given, ...inEnv].map(({ dir, from }) => {
    const full = path.resolve(cwd, dir);
    if (!fs.existsSync(full)) throw new MissingBankError(dir, from);
    return full;
  });
}

/** A directory of the bank that could not be listed, and why. */
export interface UnreadableDir {
  dir: string;
  error: unknown;
}

/** What a walk saw besides the files: every directory listed, and those that could not be. */
export interface Walk {
  dirs?: string[];
  unreadable?: UnreadableDir[];
  /**
   * Given, the walk leaves out a .yaml link to a file outside both the directory walked and
   * `within` (lint's working directory, a checkout), and lists it in `outside`: lint runs on pull
   * requests, and such a link would have it read, and quote in its findings, any file on the
   * machine (a key file, another repository's secrets).
   */
  confine?: { within: string; outside: string[] };
}

/**
 * Every .yaml/.yml file under the given files and directories (absolute), in order and each
 * once, even when two entries overlap or reach the same file through a symlinked directory.
 * A file given by name is taken whatever its extension; hidden entries and node_modules are
 * skipped. Each directory read is added to `walk.dirs`, for callers that watch directories for
 * new or removed files; each that cannot be read to `walk.unreadable`, for a finding: a
 * directory skipped in silence would pass lint unchecked.
 */
export function findYamlFiles(entries: string[], walk: Walk = {}): string[] {
  return [...findYamlEntries(entries, walk).values()];
}

/** findYamlFiles, keyed by the real path that tells two ways to one file apart from two files. */
export function findYamlEntries(entries: string[], walk: Walk = {}): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of entries) {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) continue;
    // Only the entry is resolved: one realpath per entry, not per file, keeps 10,000 files cheap.
    const real = realPath(entry);
    // Anything else given by name (a FIFO, a device) is listed, for the reader to refuse by name.
    const files = stat.isDirectory() ? collectYaml(entry, [], walk, real).sort() : [entry];
    for (const file of files) {
      const identity = path.join(real, path.relative(entry, file));
      if (!found.has(identity)) found.set(identity, file);
    }
  }
  return found;
}

function collectYaml(dir: string, into: string[], walk: Walk, root: string): string[] {
  let children: fs.Dirent[];
  try {
    children = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // Gone since its parent was listed: nothing to check, nothing to say.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') walk.unreadable?.push({ dir, error });
    return into;
  }
  walk.dirs?.push(dir);
  for (const child of children) {
    if (child.name.startsWith('.') || child.name === 'node_modules') continue;
    // dir is already normal, so plain joining is exact and much cheaper than path.join.
    const full = dir + path.sep + child.name;
    if (child.isDirectory()) collectYaml(full, into, walk, root);
    // Whatever the entry is (a FIFO, a link to a device), a .yaml name is listed: the reader
    // refuses what is not a regular file, and says so.
    else if (/\.ya?ml$/.test(child.name)) {
      const target = walk.confine && child.isSymbolicLink() ? realPath(full) : undefined;
      // A link to what is no regular file (a device) is the reader's to refuse by its kind.
      if (target !== undefined && !isInside(target, root) && !isInside(target, walk.confine!.within) && fs.statSync(target, { throwIfNoEntry: false })?.isFile()) walk.confine!.outside.push(full);
      else into.push(full);
    }
  }
  return into;
}

/** Whether target is dir or lies under it. */
export function isInside(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The canonical path of an existing entry; a broken link stands for itself. */
function realPath(entry: string): string {
  try {
    return fs.realpathSync.native(entry);
  } catch {
    return path.resolve(entry);
  }
}

/** Shows paths relative to cwd when they are inside it, so findings stay short and clickable. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
