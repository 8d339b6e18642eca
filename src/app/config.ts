// The user's config file as the commands see it: read once per run, before the command, by the
// command table (src/cli.ts); then asked for synchronously wherever a setting is needed. A
// missing file costs one failed open; a present one, js-yaml and a walk over a few keys.
import type { Catalog } from '../bank/catalog.js';
import { formatFinding, type Finding } from '../bank/findings.js';
import { configPath } from '../config/locate.js';
import { readConfig, type ConfigRead } from '../config/read.js';
import { colourSetting, resolveSettings, type Settings } from '../config/settings.js';
import { SETTINGS, type Colour, type SettingValue } from '../config/keys.js';
import { UnknownIdError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { didYouMean, stripControl } from '../text.js';
import { cacheDirectory, stateDirectory } from '../store/paths.js';

const loaded = new WeakMap<Io, ConfigRead | null>();

/** The way out of a config file that cannot be read at all, by its finding's rule. */
const WHOLE_FILE_REMEDIES: Partial<Record<string, string>> = {
  'not-a-file': 'replace it with a YAML file or point MLDRILL_CONFIG elsewhere',
  unreadable: 'check its permissions or point MLDRILL_CONFIG elsewhere',
};

const remedied = (finding: Finding): Finding => {
  const remedy = WHOLE_FILE_REMEDIES[finding.rule];
  return remedy ? { ...finding, message: `${finding.message}; ${remedy}` } : finding;
};

/**
 * Reads and checks the config file for this run (once). A file with problems is a usage error
 * that names each problem as `file:line:col: message`; a missing one is no config at all.
 */
export async function loadConfig(io: Io, options: { positions?: boolean } = {}): Promise<ConfigRead | undefined> {
  const known = loaded.get(io);
  // `mldrill config` asks again, for the places of the keys.
  if (known !== undefined && !options.positions) return known ?? undefined;
  const file = configPath(io.env, io.homedir, io.cwd);
  const config = await readConfig(file, io.homedir, options);
  if (config?.findings.length) throw configError(file, config.findings.map(remedied));
  // Said once per file and run, before the command's own output.
  if (config?.keyReadable && known === undefined) {
    const shown = stripControl(file);
    io.stderr.write(`mldrill: warning: ${shown} holds llm.api_key and others can read it; run chmod 600 ${shown}, or move the key to MLDRILL_LLM_API_KEY\n`);
  }
  loaded.set(io, config ?? null);
  return config;
}

/** The usage error for findings in the config file: each as `file:line:col`, then the way out. */
function configError(file: string, findings: readonly Finding[]): UsageError {
  return new UsageError(`fix the config file ${file} (see mldrill config --help), or point MLDRILL_CONFIG at another file`, findings.map(formatFinding));
}

/**
 * A value the file's syntax allows but the bank does not have (a rubric id), found once the bank
 * is open: the same usage error as any other finding, at the key's place in the file.
 */
async function configValueError(io: Io, key: string, rule: string, message: string): Promise<UsageError> {
  const config = await loadConfig(io, { positions: true });
  const file = config?.file ?? configPath(io.env, io.homedir, io.cwd);
  const { line, column } = config?.places.get(key) ?? { line: 1, column: 1 };
  return configError(file, [{ file, line, column, severity: 'error', rule, message }]);
}

/**
 * The rubric the config file names exists in the bank; one the bank lacks is a finding in the
 * file (exit 2), for `drill` before it picks a question and for `config`, which checks the file.
 */
export async function requireConfigRubric(io: Io, bank: Pick<Catalog, 'rubric'>): Promise<void> {
  const id = configured(io, 'rubric') as string | undefined;
  if (id === undefined) return;
  try {
    bank.rubric(id);
  } catch (error) {
    if (!(error instanceof UnknownIdError)) throw error;
    const names = didYouMean(error.closest, { label: 'known rubrics:', names: error.known ?? [] });
    throw await configValueError(io, 'rubric', 'unknown-rubric', `rubric "${id}" is not in the bank; ${names}`);
  }
}

/** Every setting's value and source, from flags over the environment over the file (if read) over defaults. */
export function settingsOf(io: Io, flags: Partial<Record<string, SettingValue | undefined>> = {}): Settings {
  return resolveSettings({ config: loaded.get(io) ?? undefined, env: io.env, homedir: io.homedir, cwd: io.cwd, flags });
}

/**
 * The drill's options with the settings that default them (SETTINGS' `option`) filled in where
 * no flag was given: `strict: true` in the file, then `--no-strict` on the line, drills without.
 */
export function withDrillDefaults<T extends object>(io: Io, options: T): T {
  const given = options as Record<string, unknown>;
  const drillSettings = SETTINGS.filter((setting) => setting.option !== undefined);
  const flags = Object.fromEntries(drillSettings.map((setting) => [setting.key, given[setting.option!] as SettingValue | undefined]));
  const settings = settingsOf(io, flags);
  const merged: Record<string, unknown> = { ...given };
  for (const setting of drillSettings) merged[setting.option!] = settings[setting.key]!.value ?? undefined;
  return merged as T;
}

/** The state directory (history, live sessions): MLDRILL_HOME, then the file's state_dir, then the XDG default. */
export function stateDirOf(io: Io): string {
  return stateDirectory(io.env, io.homedir, io.cwd, configured(io, 'state_dir') as string | undefined);
}

export function cacheDirOf(io: Io): string {
  return cacheDirectory(io.env, io.homedir, io.cwd, configured(io, 'state_dir') as string | undefined);
}

/** The config file's bank directories, absolute and checked to exist. */
export function configBankOf(io: Io): string[] {
  return (configured(io, 'bank') as string[] | undefined) ?? [];
}

/** The config file's `llm` section, for the AI second rater (the MLDRILL_LLM_ variables override it there). */
export function llmOf(io: Io): { url?: string; model?: string; api_key?: string } {
  const text = (key: string) => configured(io, key) as string | undefined;
  return { url: text('llm.url'), model: text('llm.model'), api_key: text('llm.api_key') };
}

/** `--timeout S`: the AI grader's wait per attempt; a mistaken command line without --ai, not a setting to ignore. */
export function aiTimeoutOf(options: { ai?: boolean; timeout?: number }): { timeoutSeconds?: number } {
  if (options.timeout === undefined) return {};
  if (!options.ai) throw new UsageError('--timeout is the AI rater\'s wait per attempt: it needs --ai');
  return { timeoutSeconds: options.timeout };
}

/** Which score spaced repetition rates a session from: the candidate's own, or the AI grader's where there is one. */
export function scheduleFromOf(io: Io): 'self' | 'ai' {
  return configured(io, 'llm.schedule_from') === 'ai' ? 'ai' : 'self';
}

/** The file's colour preference, which FORCE_COLOR, NO_COLOR and TERM=dumb override. */
export function colourOf(io: Io): Colour {
  return colourSetting(settingsOf(io));
}

function configured(io: Io, key: string): SettingValue | undefined {
  return loaded.get(io)?.values.get(key);
}
