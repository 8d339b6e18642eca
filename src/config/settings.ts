// The effective value of every setting and where it came from: a flag, then the environment,
// then the config file, then the built-in default. Pure: the caller reads the file and the flags.
import path from 'node:path';
import { stateDirectory } from '../store/paths.js';
import { SETTINGS, type Colour, type Setting, type SettingValue } from './keys.js';
import type { ConfigRead } from './read.js';
import { xdgDirectory } from '../xdg.js';

export interface Effective {
  value: SettingValue;
  /** `default`, `config FILE:LINE`, `env NAME` or `flag`; a list's sources joined by ", ". */
  source: string;
}

export type Settings = Record<string, Effective>;

export interface SettingsInput {
  config?: ConfigRead;
  env: Record<string, string | undefined>;
  homedir: string;
  /** The directory a relative path in the environment (MLDRILL_HOME) is relative to. */
  cwd: string;
  /** Values given on the command line, by setting key; undefined means not given. */
  flags?: Partial<Record<string, SettingValue | undefined>>;
}

export function resolveSettings(input: SettingsInput): Settings {
  const settings: Settings = {};
  for (const setting of SETTINGS) settings[setting.key] = resolveOne(setting, input);
  return settings;
}

function resolveOne(setting: Setting, { config, env, homedir, cwd, flags = {} }: SettingsInput): Effective {
  const fromConfig = (): Effective | undefined => {
    const value = config?.values.get(setting.key);
    if (value === undefined) return undefined;
    const place = config!.places.get(setting.key);
    return { value, source: `config ${config!.file}${place ? `:${place.line}` : ''}` };
  };
  // Bank directories add up rather than override: the built-in bank, the file's, --bank's, MLDRILL_BANK's.
  if (setting.type === 'paths') {
    const parts: Array<{ dirs: string[]; source: string }> = [];
    const inFile = fromConfig();
    if (inFile) parts.push({ dirs: inFile.value as string[], source: inFile.source });
    // In the order the bank loads them (src/bank/files.ts).
    const given = flags[setting.key] as string[] | undefined;
    if (given?.length) parts.push({ dirs: given, source: 'flag' });
    const inEnv = (env.MLDRILL_BANK ?? '').split(path.delimiter).filter(Boolean);
    if (inEnv.length) parts.push({ dirs: inEnv, source: 'env MLDRILL_BANK' });
    return parts.length ? { value: parts.flatMap((part) => part.dirs), source: parts.map((part) => part.source).join(', ') } : { value: [], source: 'default' };
  }
  const flag = flags[setting.key];
  if (flag !== undefined) return { value: flag, source: 'flag' };
  return fromEnv(setting, env, cwd) ?? fromConfig() ?? defaultOf(setting, env, homedir, cwd);
}

function fromEnv(setting: Setting, env: Record<string, string | undefined>, cwd: string): Effective | undefined {
  if (setting.key === 'colour') {
    // As src/ui/colour.ts reads them: FORCE_COLOR first (0 or false turns colour off), then NO_COLOR, then TERM=dumb.
    if (env.FORCE_COLOR !== undefined) return { value: env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 'never' : 'always', source: 'env FORCE_COLOR' };
    if (env.NO_COLOR) return { value: 'never', source: 'env NO_COLOR' };
    if (env.TERM === 'dumb') return { value: 'never', source: 'env TERM' };
    return undefined;
  }
  for (const name of setting.env ?? []) {
    const value = env[name];
    if (value) return { value: setting.type === 'text' && setting.path ? path.resolve(cwd, value) : value, source: `env ${name}` };
  }
  return undefined;
}

/** The built-in default; the state directory's depends on XDG_STATE_HOME, and says so. */
function defaultOf(setting: Setting, env: Record<string, string | undefined>, homedir: string, cwd: string): Effective {
  if (setting.key === 'state_dir') return { value: stateDirectory(env, homedir, cwd), source: xdgDirectory(env, 'XDG_STATE_HOME') ? 'env XDG_STATE_HOME' : 'default' };
  return { value: setting.default, source: 'default' };
}

/** The colour preference the palette honours below FORCE_COLOR, NO_COLOR and TERM=dumb (which colour.ts reads itself). */
export function colourSetting(settings: Settings): Colour {
  const { value, source } = settings.colour!;
  return source.startsWith('env ') ? 'auto' : (value as Colour);
}
