// Where the config file lives: $MLDRILL_CONFIG, else $XDG_CONFIG_HOME/mldrill/config.yaml, else
// ~/.config/mldrill/config.yaml (on Windows %APPDATA%\mldrill\config.yaml).
import path from 'node:path';
import { xdgDirectory } from '../xdg.js';

/** cwd: the directory a relative MLDRILL_CONFIG is relative to (the run's, io.cwd). */
export function configPath(env: Record<string, string | undefined>, homedir: string, cwd: string, platform: NodeJS.Platform = process.platform): string {
  if (env.MLDRILL_CONFIG) return path.resolve(cwd, env.MLDRILL_CONFIG);
  const xdg = xdgDirectory(env, 'XDG_CONFIG_HOME');
  if (xdg) return path.join(xdg, 'mldrill', 'config.yaml');
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'mldrill', 'config.yaml');
  return path.join(homedir, '.config', 'mldrill', 'config.yaml');
}

/** A path from the config file: `~` is the home directory, a relative path is relative to the file. */
export function pathFromConfig(value: string, file: string, homedir: string): string {
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) return path.join(homedir, value.slice(1));
  return path.resolve(path.dirname(file), value);
}
