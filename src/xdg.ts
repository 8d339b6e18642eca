// The XDG base directory variables. The specification says a relative value is invalid and must
// be ignored: resolved against whatever directory mldrill happens to run in, it would scatter
// the history, the cache or the config file across the file system.
import path from 'node:path';

/** The variable's value when it is an absolute path, else undefined (as if unset). */
export function xdgDirectory(env: Record<string, string | undefined>, variable: 'XDG_CONFIG_HOME' | 'XDG_STATE_HOME' | 'XDG_CACHE_HOME'): string | undefined {
  const value = env[variable];
  return value && path.isAbsolute(value) ? value : undefined;
}
