// What `mldrill lint` checks: the given files and directories, or the whole bank, with the
// cross-file checks seeing the given files together with the rest of the bank.
import fs from 'node:fs';
import path from 'node:path';
import { outsideLinkFinding, unreadableFinding, type FileSummary } from '../bank/check-file.js';
import { crossCheck } from '../bank/cross-check.js';
import { bankDirectories, displayPath, findYamlEntries, isInside, type BankOptions, type UnreadableDir } from '../bank/files.js';
import { compareFindings, type Finding } from '../bank/findings.js';
import { UsageError } from '../errors.js';
import { fileShown } from '../text.js';
import { checkFiles } from './check-files.js';
import { kindOf } from '../bank/validate.js';

export interface LintRequest extends BankOptions {
  /** Files and directories as the user typed them; empty for the whole bank. */
  paths: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where lint's cache lives (src/lint/cache.ts); without it, every file is checked afresh and nothing is written. */
  cacheDir?: string;
}

export interface LintResult {
  /** Findings in the linted files only, sorted by file, line and column. */
  findings: Finding[];
  /** How many files were linted (not counting the bank files read for context). */
  files: number;
}

export async function lintFiles(request: LintRequest): Promise<LintResult> {
  const unreadableBank: UnreadableDir[] = [];
  const outsideBank: string[] = [];
  // Links may point anywhere in the working directory (a checkout), not out of it.
  const within = fs.realpathSync.native(request.cwd);
  const bankEntries = bankDirectories(request.cwd, request.env, request);
  const bank = findYamlEntries(bankEntries, { unreadable: unreadableBank, confine: { within, outside: outsideBank } });
  let unreadable = unreadableBank;
  let outside = outsideBank;
  let targets = bank;
  if (request.paths.length > 0) {
    const entries = request.paths.map((given) => {
      // path.resolve takes '' for the working directory: `lint "$FILES"` with nothing in it would check all of it.
      if (given === '') throw new UsageError('an empty path was given; name a file or directory (. for the working directory)');
      const absolute = path.resolve(request.cwd, given);
      if (!fs.existsSync(absolute)) throw new UsageError(`${fileShown(given)}: no such file or directory`);
      return absolute;
    });
    unreadable = [];
    // A link named by path (a pre-commit hook names the staged files) is held to the working directory too.
    outside = entries.filter((entry) => fs.lstatSync(entry).isSymbolicLink() && fs.statSync(entry).isFile() && !isInside(fs.realpathSync.native(entry), within));
    targets = findYamlEntries(entries.filter((entry) => !outside.includes(entry)), { unreadable, confine: { within, outside } });
    if (targets.size === 0 && unreadable.length === 0 && outside.length === 0) throw new UsageError(`no .yaml or .yml files in ${request.paths.map(fileShown).join(', ')}`);
  }
  // The rest of the bank comes first, so a given file that reuses an id is the one reported;
  // a given file that is also in the bank is read once, as given.
  const context = [...bank].filter(([identity]) => !targets.has(identity)).map(([, file]) => file);
  const files = [...context, ...targets.values()].map((file) => ({ file, shown: displayPath(request.cwd, file) }));
  // The rubrics first (they are few), so that each question's examples are graded on the core that checks it.
  const { gradingRubrics } = await import('./grade-examples.js');
  const rubrics = gradingRubrics(files, (file) => kindOf(file) === 'rubric');
  const cache = request.cacheDir === undefined ? undefined : (await import('./cache.js')).openLintCache(request.cacheDir, bankEntries, rubrics);
  const reused = files.map((file) => cache?.reuse(file));
  const checked = await checkFiles(files.filter((_, i) => !reused[i]), rubrics);
  let next = 0;
  const results = reused.map((result) => result ?? checked[next++]!);
  cache?.save(files, results);

  const linted = new Set(files.slice(context.length).map((file) => file.shown));
  // Only the directories of what was asked for: an unlistable directory elsewhere in the bank is not this run's finding.
  const findings: Finding[] = unreadable.map(({ dir, error }) => unreadableFinding(displayPath(request.cwd, dir), error, 'directory'));
  for (const link of outside) findings.push(outsideLinkFinding(displayPath(request.cwd, link)));
  const summaries: FileSummary[] = [];
  results.forEach((result, i) => {
    if (linted.has(files[i]!.shown)) findings.push(...result.findings);
    if (result.summary) summaries.push(result.summary);
  });
  // The files asked about give way on an id to the rest of the bank, as the order above has it.
  const cross = crossCheck(summaries, linted);
  for (const finding of cross.findings) if (linted.has(finding.file)) findings.push(finding);
  // A question the cross-file checks reject (a duplicate id, an unknown rubric) is not graded.
  results.forEach((result, i) => {
    if (result.graded && linted.has(files[i]!.shown) && !cross.rejected.has(files[i]!.shown)) findings.push(...result.graded);
  });
  return { findings: findings.sort(compareFindings), files: linted.size };
}
