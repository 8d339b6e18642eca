// `mldrill lint`: checks question and rubric files and reports every finding in one run.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { formatGithub } from '../lint/format-github.js';
import { formatJson } from '../lint/format-json.js';
import { formatStylish } from '../lint/format-stylish.js';
import { lintFiles } from '../lint/lint-files.js';
import { countFindings, summaryText, type Format, type LintReport } from '../lint/report.js';
import { styleFor } from '../ui/colour.js';
import { withSpinner } from '../ui/spinner.js';
import { cacheDirOf, colourOf, configBankOf } from '../app/config.js';

export interface LintOptions {
  paths: string[];
  bank?: string[];
  format?: Format;
  /** -1 or none: no limit. */
  maxWarnings?: number;
  /** False with --no-cache. */
  cache?: boolean;
}

export async function lint(options: LintOptions, io: Io): Promise<number> {
  const result = await withSpinner(io, 'Checking question and rubric files', () =>
    lintFiles({ paths: options.paths, bank: options.bank, configBank: configBankOf(io), cwd: io.cwd, env: io.env, ...(options.cache === false ? {} : { cacheDir: cacheDirOf(io) }) }), colourOf(io));
  // -1 (ESLint's spelling of no limit) is no limit.
  const report: LintReport = { ...result, maxWarnings: options.maxWarnings === -1 ? undefined : options.maxWarnings };
  const format = options.format ?? 'stylish';
  if (format === 'stylish') {
    io.stdout.write(formatStylish(report, await styleFor(io.stdout, io.env, colourOf(io)), io.stdout.columns));
  } else {
    io.stdout.write(format === 'json' ? formatJson(report) : formatGithub(report));
    // Machine formats keep stdout to the data; people reading the log still get the count.
    io.stderr.write(`mldrill lint: ${summaryText(report)}\n`);
  }
  const { errors, tooManyWarnings } = countFindings(report);
  return errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}
