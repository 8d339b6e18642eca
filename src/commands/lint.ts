// `mldrill lint`: checks question and rubric files and reports every finding.
import { bankDirectories, findYamlFiles } from '../bank/files.js';
import { loadBank, loadFiles } from '../bank/load.js';
import { formatFinding } from '../bank/findings.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import path from 'node:path';

export interface LintOptions {
  paths: string[];
  bank?: string[];
}

export async function lint(options: LintOptions, io: Io): Promise<number> {
  const bank = options.paths.length
    ? lintPaths(options.paths, options.bank, io)
    : loadBank(io.cwd, io.env, { bank: options.bank });
  for (const finding of bank.findings) io.stdout.write(`${formatFinding(finding)}\n`);
  const errors = bank.findings.filter((finding) => finding.severity === 'error').length;
  io.stderr.write(`${bank.files} files checked, ${errors} errors, ${bank.findings.length - errors} warnings\n`);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

/** The given files, checked together with the bank so that cross-file checks see the rubrics. */
function lintPaths(paths: string[], bankDirs: string[] | undefined, io: Io) {
  const given = findYamlFiles(paths.map((p) => path.resolve(io.cwd, p)));
  const context = findYamlFiles(bankDirectories(io.cwd, io.env, { bank: bankDirs }));
  const all = loadFiles([...new Set([...context, ...given])], io.cwd);
  const wanted = new Set(given.map((file) => path.relative(io.cwd, file)));
  return { ...all, files: given.length, findings: all.findings.filter((finding) => wanted.has(finding.file) || wanted.has(path.relative(io.cwd, path.resolve(io.cwd, finding.file)))) };
}
