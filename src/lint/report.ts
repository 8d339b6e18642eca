// What every lint formatter receives, and the counts they all print the same way.
import type { Finding } from '../bank/findings.js';
import { plural } from '../text.js';

export type { LintFormat as Format } from '../formats.js';

export interface LintReport {
  findings: readonly Finding[];
  /** Files linted. */
  files: number;
  /** --max-warnings; undefined for no limit. */
  maxWarnings?: number;
}

export interface Counts {
  errors: number;
  warnings: number;
  /** More warnings than --max-warnings allows. */
  tooManyWarnings: boolean;
}

export function countFindings(report: LintReport): Counts {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  return { errors, warnings, tooManyWarnings: report.maxWarnings !== undefined && warnings > report.maxWarnings };
}



/** `12 files checked: 1 error, 2 warnings` (and why warnings fail the run, when they do). */
export function summaryText(report: LintReport): string {
  const { errors, warnings, tooManyWarnings } = countFindings(report);
  const counts = errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const limit = tooManyWarnings ? `; more warnings than --max-warnings ${report.maxWarnings} allows` : '';
  return `${plural(report.files, 'file')} checked: ${counts}${limit}`;
}
