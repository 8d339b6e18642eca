// Reads and checks the config file. Returns values and located findings; never prints.
//
// Like a bank file (src/bank/check-file.ts), the file is first read with js-yaml, which keeps no
// positions; any finding, or a caller that shows where each key is (`mldrill config`), reads it
// again with the exact parser, and every finding comes from that reading.
import fs from 'node:fs';
import { decodeSource } from '../bank/encoding.js';
import { isRecord, yamlOneOneBoolean } from '../bank/records.js';
import type { Finding } from '../bank/findings.js';
import type { ParsedFile, PathSegment } from '../bank/parse.js';
import { readSmallFile } from '../read-file.js';
import { closest, controlProblem, didYouMean, showControl, stripControl } from '../text.js';
import { keysIn, SECTIONS, settingFor, type Setting, type SettingValue } from './keys.js';
import { pathFromConfig } from './locate.js';

/** Nobody writes a config file this long. */
const MAX_CONFIG_BYTES = 64 * 1024;

export interface Place {
  line: number;
  column: number;
}

export interface ConfigRead {
  file: string;
  /** The keys the file sets (dotted), paths made absolute; a key set to null is left out. */
  values: Map<string, SettingValue>;
  /** Where each key of `values` is; filled only when read with positions. */
  places: Map<string, Place>;
  /** Errors, each located; a file with any is not to be used. */
  findings: Finding[];
  /** Said but not fatal (app/config.ts words it): the file sets llm.api_key and others can read it. */
  keyReadable: boolean;
}

const NEEDS_POSITIONS = Symbol('needs positions');

/** The config file at `file`, or undefined when there is none. */
export async function readConfig(file: string, homedir: string, options: { positions?: boolean } = {}): Promise<ConfigRead | undefined> {
  const read = readSmallFile(file, MAX_CONFIG_BYTES);
  const whole = (rule: string, message: string): ConfigRead => ({
    file, values: new Map(), places: new Map(), keyReadable: false,
    findings: [{ file, line: 1, column: 1, severity: 'error', rule, message }],
  });
  switch (read.kind) {
    case 'missing':
      return undefined;
    // The rule names the remedy, which app/config.ts words.
    case 'not-a-file':
      return whole('not-a-file', 'the config file is not a regular file');
    case 'too-large':
      return whole('file-too-large', `the config file is larger than ${MAX_CONFIG_BYTES / 1024} KiB; it should hold a few settings`);
    case 'unreadable':
      return whole('unreadable', `cannot read the config file (${read.code})`);
  }
  // A Latin-1 byte would load as U+FFFD silently, a UTF-16 file as NULs: said at its line instead.
  const { source: text, findings: encoding } = decodeSource(read.bytes, file, 'a YAML config file');
  if (encoding.length > 0) return { file, values: new Map(), places: new Map(), keyReadable: false, findings: encoding };
  let result: ConfigRead | undefined;
  if (!options.positions) {
    const { fastData } = await import('../bank/fast-parse.js');
    const data = fastData(text);
    if (data !== undefined) {
      // A bare symbol, not an Error: no stack to capture on a path taken for every file with a finding.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      const parsed: ParsedFile = { file, data, findings: [], locate: () => { throw NEEDS_POSITIONS; } };
      try {
        result = check(parsed, homedir, false);
      } catch (error) {
        if (error !== NEEDS_POSITIONS) throw error;
      }
    }
  }
  if (!result) {
    const { parseYaml } = await import('../bank/parse.js');
    result = check(parseYaml(file, text), homedir, true);
  }
  result.keyReadable = result.values.has('llm.api_key') && process.platform !== 'win32' && (read.mode & 0o077) !== 0;
  return result;
}

/** Validates parsed data against the settings table. */
function check(parsed: ParsedFile, homedir: string, positions: boolean): ConfigRead {
  const file = parsed.file;
  const values = new Map<string, SettingValue>();
  const places = new Map<string, Place>();
  const findings: Finding[] = [...parsed.findings];
  const fail = (pathTo: PathSegment[], rule: string, message: string, at: 'key' | 'value' = 'value') => {
    // What a YAML mistake explains is left out, as lint leaves it out: fixing the mistake changes it.
    if (parsed.damaged?.(pathTo, false)) return;
    const { line, column } = parsed.locate(pathTo, at);
    findings.push({ file, line, column, severity: 'error', rule, message: stripControl(message) });
  };
  const data = parsed.data;
  // An empty file, or one with only comments, sets nothing. The rest of a file with a YAML
  // mistake (a duplicate key, a tab) is still checked, so that one run finds every problem.
  if (data === null || data === undefined) return { file, values, places, findings, keyReadable: false };
  if (!isRecord(data)) {
    fail([], 'type', `the config file must be a mapping of settings (key: value), not ${describe(data)}`);
    return { file, values, places, findings, keyReadable: false };
  }

  const take = (pathTo: string[], value: unknown) => {
    const key = pathTo.join('.');
    const setting = settingFor(key)!;
    // A value shown without its escape sequence would read as another: refused, as lint does.
    const hidden = (Array.isArray(value) ? value : [value]).find((entry): entry is string => typeof entry === 'string' && controlProblem(entry) !== undefined);
    if (hidden !== undefined) {
      const shown = setting.type === 'text' && setting.secret ? '' : ` "${showControl(hidden)}"`;
      return fail(pathTo, 'control-chars', `${key}${shown} ${controlProblem(hidden)!}`);
    }
    const problem = valueProblem(setting, value);
    if (problem) return fail(problem.index === undefined ? pathTo : [...pathTo, problem.index], problem.rule, `${key}${problem.index === undefined ? '' : `[${problem.index}]`} ${problem.message}`);
    if (value === null) return;
    let taken = value as SettingValue;
    if (setting.type === 'paths') {
      const list = typeof value === 'string' ? [value] : (value as string[]);
      taken = list.map((entry) => pathFromConfig(entry, file, homedir));
      // A mistyped directory would otherwise leave the bank quietly short.
      taken.forEach((dir, index) => {
        if (!fs.existsSync(dir)) fail(typeof value === 'string' ? pathTo : [...pathTo, index], 'not-found', `${key} names ${list[index]}, which does not exist (as ${dir}); fix the path (relative to the config file) or remove it`);
      });
    } else if (setting.type === 'text' && setting.path) {
      taken = pathFromConfig(value as string, file, homedir);
    }
    values.set(key, taken);
    if (positions) places.set(key, parsed.locate(pathTo, 'key'));
  };
  const unknown = (pathTo: string[], section?: string) => {
    const name = pathTo[pathTo.length - 1]!;
    const known = keysIn(section);
    const fix = didYouMean(closest(name, section ? known : [...known, ...SECTIONS.flatMap((s) => keysIn(s).map((k) => `${s}.${k}`))], 1), { label: 'known keys:', names: known });
    fail(pathTo, 'unknown-key', `unknown key "${showControl(pathTo.join('.'))}"; ${fix}`, 'key');
  };

  for (const [key, value] of Object.entries(data)) {
    if (SECTIONS.includes(key)) {
      if (value === null) continue;
      if (!isRecord(value)) {
        fail([key], 'type', `${key} must be a mapping (${keysIn(key).map((k) => `${k}: …`).join(', ')}), not ${describe(value)}`);
        continue;
      }
      for (const [inner, innerValue] of Object.entries(value)) {
        if (settingFor(`${key}.${inner}`)) take([key, inner], innerValue);
        else unknown([key, inner], key);
      }
    } else if (settingFor(key)) {
      take([key], value);
    } else {
      unknown([key]);
    }
  }
  return { file, values, places, findings, keyReadable: false };
}

/**
 * What is wrong with value for setting, if anything, and in which entry of a list. Null means
 * "unset" where that is the default.
 */
function valueProblem(setting: Setting, value: unknown): { rule: string; message: string; index?: number } | undefined {
  const wrongType = (expected: string) => ({ rule: 'type', message: `must be ${expected}, not ${describe(value)}` });
  if (value === null) {
    return setting.default === null ? undefined : { rule: 'empty', message: `is empty; give it a value (default ${JSON.stringify(setting.default)}) or remove the line` };
  }
  switch (setting.type) {
    case 'boolean':
      if (typeof value === 'boolean') return undefined;
      // `strict: yes`, as YAML 1.1 would have read it.
      const meant = yamlOneOneBoolean(value);
      if (meant) return { rule: 'type', message: `must be true or false, not text (${JSON.stringify(value)}); YAML reads ${value as string} as text, so write ${meant}` };
      return wrongType('true or false');
    case 'number':
      if (typeof value !== 'number') return wrongType('a number');
      // .nan and .inf are numbers to YAML; JSON.stringify would call them null.
      if (!Number.isFinite(value)) return { rule: 'range', message: `must be between ${setting.min} and ${setting.max}, not ${String(value)}` };
      return value < setting.min || value > setting.max ? { rule: 'range', message: `must be between ${setting.min} and ${setting.max}, not ${value}` } : undefined;
    case 'choice': {
      if (typeof value !== 'string') return wrongType(`one of ${setting.values.join(', ')}`);
      if (setting.values.includes(value)) return undefined;
      return { rule: 'enum', message: `is "${value}"; ${didYouMean(closest(value, setting.values, 1), { label: 'use one of', names: setting.values, always: true })}` };
    }
    case 'text':
      if (typeof value !== 'string') return wrongType('text');
      if (value.trim() === '') return { rule: 'empty', message: 'is empty; write it or remove the line' };
      if (setting.url && !/^https?:\/\/[^\s/]+/.test(value)) return { rule: 'url', message: `must be an http:// or https:// URL, not "${value}"` };
      return undefined;
    case 'paths': {
      // Blank, as a list's blank entry is: no directory, not one that does not exist.
      if (typeof value === 'string') return value === '' ? wrongType('a directory or a list of directories') : value.trim() === '' ? { rule: 'empty', message: 'is empty; write a directory or remove the line' } : undefined;
      if (!Array.isArray(value)) return wrongType('a directory or a list of directories');
      // The entry at fault, at its own place: "must be a list, not a list" would say nothing.
      const index = value.findIndex((entry) => typeof entry !== 'string' || entry.trim() === '');
      if (index < 0) return undefined;
      const entry: unknown = value[index];
      return typeof entry === 'string'
        ? { rule: 'empty', message: 'is empty; write a directory or remove the entry', index }
        : { rule: 'type', message: `must be a directory, not ${describe(entry)}`, index };
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : `a ${typeof value}`} (${JSON.stringify(value).slice(0, 30)})`;
}
