// `mldrill config`: the settings in effect and where each comes from; `config path` and
// `config init` (a commented file with every default, never over an existing one).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, requireConfigRubric, settingsOf } from '../app/config.js';
import { withCatalog } from '../app/with-catalog.js';
import { bankDirectories } from '../bank/files.js';
import { configInitText } from '../config/document.js';
import { settingFor, type SettingValue } from '../config/keys.js';
import { configPath } from '../config/locate.js';
import { ConflictError, EXIT, systemErrorCode, systemErrorText, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { danglingLinkTarget } from '../read-file.js';
import { writeNewFile } from '../store/atomic.js';
import { jsonText, oneLine, stripControl } from '../text.js';
import { table } from '../ui/table.js';
import { makeDirectory } from '../make-dir.js';

export interface ConfigOptions {
  action?: 'path' | 'init';
  json?: boolean;
  bank?: string[];
}

export async function config(options: ConfigOptions, io: Io): Promise<number> {
  const file = configPath(io.env, io.homedir, io.cwd);
  if (options.action === 'path') {
    io.stdout.write(options.json ? jsonText({ file, exists: fs.existsSync(file) }) : `${stripControl(file)}\n`);
    return EXIT.ok;
  }
  if (options.action === 'init') {
    const code = init(file, io);
    // The file written, for a script: the path as data (the message on stderr is for people).
    if (options.json) io.stdout.write(jsonText({ file }));
    return code;
  }

  const read = await loadConfig(io, { positions: true });
  // Checked as the file's own `bank` is (exit 2, naming it): every other command refuses a
  // --bank or MLDRILL_BANK that names nothing, so the one that shows the settings says so too.
  bankDirectories(io.cwd, io.env, { bank: options.bank, noBuiltin: true });
  // A rubric id is checked against the bank, as lint checks a question's: only when the file names one.
  if (read?.values.has('rubric')) await withCatalog(io, options.bank, (bank) => requireConfigRubric(io, bank));
  const settings = settingsOf(io, { bank: options.bank });
  // The key itself never reaches the screen, a log or a pasted bug report.
  const shown = (key: string, value: SettingValue) => {
    const setting = settingFor(key);
    return setting?.type === 'text' && setting.secret && value !== null ? '(hidden)' : value;
  };
  if (options.json) {
    const out = Object.fromEntries(Object.entries(settings).map(([key, { value, source }]) => [key, { value: shown(key, value), source }]));
    io.stdout.write(jsonText({ file, settings: out }));
    return EXIT.ok;
  }
  const text = (value: SettingValue) => (value === null ? '(unset)' : Array.isArray(value) ? value.join(', ') || '(none)' : String(value));
  const rows = Object.entries(settings).map(([key, { value, source }]) => [key, stripControl(text(shown(key, value))), stripControl(source)]);
  const target = read ? undefined : danglingLinkTarget(file);
  const absence = target === undefined ? 'none there' : `a link to ${target}, which does not exist`;
  // One line, whatever the path or the link's target holds: a newline in either would start a row of its own.
  io.stdout.write(`Config file: ${oneLine(file)}${read ? '' : oneLine(` (${absence}: built-in defaults)`)}\n\n`);
  io.stdout.write(`${table([{ header: 'SETTING' }, { header: 'VALUE' }, { header: 'FROM' }], rows).join('\n')}\n`);
  return EXIT.ok;
}

/** Writes the commented default file, refusing to replace anything already at its path. */
function init(file: string, io: Io): number {
  const text = configInitText(path.join(PACKAGE_ROOT, 'schema', 'config.schema.json'));
  try {
    makeDirectory(path.dirname(file));
  } catch (error) {
    // mkdir says EEXIST when a file stands where a directory should (MLDRILL_CONFIG=/dev/null/config.yaml): nothing is there to keep.
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot create the directory of ${file} (${code === 'EEXIST' ? 'a file stands in its path' : code}); set MLDRILL_CONFIG to another path`);
  }
  try {
    // 'wx' refuses any existing entry, a symlink included; 0600 because it may come to hold an API key.
    writeNewFile(file, text, 0o600);
  } catch (error) {
    if (systemErrorCode(error) === 'EEXIST') {
      const target = danglingLinkTarget(file);
      // A link is never written through: the file it names would not be where mldrill was told.
      if (target !== undefined) throw new ConflictError(`${file} is a symbolic link to ${target}, which does not exist; nothing was written (create ${target}, or remove the link and run mldrill config init again)`);
      throw new ConflictError(`${file} already exists; nothing was written (edit it, or move it away and run mldrill config init again)`);
    }
    throw new UsageError(`cannot write ${file}: ${systemErrorText(error)}; nothing was written (check that its directory is writable and has room, or set MLDRILL_CONFIG to another path)`);
  }
  io.stderr.write(`Wrote ${stripControl(file)}; every setting in it is at its default\n`);
  return EXIT.ok;
}
