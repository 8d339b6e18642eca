// Where the bank's files are. Kept free of the YAML parser and zod, so that a run served from
// the cache (src/bank/cache.ts) never loads them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BankOptions {
  /** Extra bank directories from `--bank` (relative to cwd). */
  bank?: string[];
  /** Leave out the questions and rubrics shipped with mldrill. */
  noBuiltin?: boolean;
}

/** The package root: where the built-in questions/ and rubrics/ live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The directories to load: built-in, then each --bank, then each entry of MLDRILL_BANK. */
export function bankDirectories(cwd: string, env: Record<string, string | undefined>, options: BankOptions = {}): string[] {
  const builtin = options.noBuiltin ? [] : [path.join(PACKAGE_ROOT, 'rubrics'), path.join(PACKAGE_ROOT, 'questions')];
  const extra = [...(options.bank ?? []), ...(env.MLDRILL_BANK ?? '').split(path.delimiter)].filter(Boolean);
  return [...builtin, ...extra.map((dir) => path.resolve(cwd, dir))];
}

/**
 * Every .yaml/.yml file under the given files and directories, sorted, each once. Each directory
 * read is added to `walked`, for callers that watch directories for new or removed files.
 */
export function findYamlFiles(entries: string[], walked: string[] = []): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    let children: fs.Dirent[];
    try {
      children = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    walked.push(dir);
    for (const child of children) {
      if (child.name.startsWith('.') || child.name === 'node_modules') continue;
      // dir is already absolute and normal, so plain joining is exact and much cheaper.
      const full = dir + path.sep + child.name;
      if (child.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(child.name)) found.add(full);
    }
  };
  for (const entry of entries) {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(path.resolve(entry));
    else if (stat?.isFile()) found.add(entry);
  }
  return [...found].sort();
}

/** Shows paths relative to cwd when they are inside it, so findings stay short and clickable. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
