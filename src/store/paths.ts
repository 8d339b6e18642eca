// Where mldrill keeps its state: $MLDRILL_HOME, else the config file's state_dir, else
// $XDG_STATE_HOME/mldrill, else ~/.local/state/mldrill; and where it keeps its cache.
import fs from 'node:fs';
import path from 'node:path';
import { StateDirError } from '../errors.js';
import { makeDirectory } from '../make-dir.js';
import { xdgDirectory } from '../xdg.js';

/**
 * cwd: the directory a relative MLDRILL_HOME is relative to (the run's, io.cwd); configured: the
 * config file's state_dir, absolute (see src/app/config.ts).
 */
export function stateDirectory(env: Record<string, string | undefined>, homedir: string, cwd: string, configured?: string): string {
  if (env.MLDRILL_HOME) return path.resolve(cwd, env.MLDRILL_HOME);
  if (configured) return configured;
  const xdg = xdgDirectory(env, 'XDG_STATE_HOME');
  if (xdg) return path.join(xdg, 'mldrill');
  return path.join(homedir, '.local', 'state', 'mldrill');
}

/**
 * Where rebuildable data (the parsed bank) goes: inside MLDRILL_HOME when it is set, so one
 * variable isolates everything; else $XDG_CACHE_HOME/mldrill; else the state directory's cache/.
 */
export function cacheDirectory(env: Record<string, string | undefined>, homedir: string, cwd: string, configuredState?: string): string {
  const xdg = xdgDirectory(env, 'XDG_CACHE_HOME');
  if (!env.MLDRILL_HOME && xdg) return path.join(xdg, 'mldrill');
  return path.join(stateDirectory(env, homedir, cwd, configuredState), 'cache');
}

export function historyFile(stateDir: string): string {
  return path.join(stateDir, 'history.jsonl');
}

/** Ratings of recorded sessions by the AI grader (ratings.ts): derived data beside the history. */
export function ratingsFile(stateDir: string): string {
  return path.join(stateDir, 'ratings.jsonl');
}

/** The derived index of the history (history-index.ts): a cache, safe to delete. */
export function historyIndexFile(cacheDir: string): string {
  return path.join(cacheDir, 'history-index');
}

/** Fails before any work starts when the state directory cannot be written. */
export function ensureWritable(stateDir: string): void {
  try {
    makeDirectory(stateDir);
    fs.accessSync(stateDir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // mkdir with recursive says EEXIST only when the path is there and not a directory.
    throw new StateDirError(stateDir, code, code === 'EEXIST');
  }
}
