// `--format json`: an array with one object per finding, with exactly these keys in this order.
import { jsonText } from '../text.js';
import type { LintReport } from './report.js';

export function formatJson(report: LintReport): string {
  const findings = report.findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
  return jsonText(findings);
}
