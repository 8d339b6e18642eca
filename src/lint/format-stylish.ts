// `--format stylish`, the default: findings grouped under their file, in aligned columns, then
// one summary line; the look of ESLint's stylish formatter.
import { fileShown, oneLine, padColumns, visibleLength, widest } from '../text.js';
import type { Style } from '../style.js';
import { countFindings, summaryText, type LintReport } from './report.js';

/** `width` is the terminal's: messages are padded into a column only when the lines still fit. */
export function formatStylish(report: LintReport, style: Style, width = 80): string {
  const lines: string[] = [];
  const byFile = new Map<string, LintReport['findings'][number][]>();
  for (const finding of report.findings) {
    const findings = byFile.get(finding.file);
    if (findings) findings.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  for (const [file, findings] of byFile) {
    // Sanitised (and kept to one line) before measuring, so that the columns and the terminal see the same text.
    const rows = findings.map((finding) => ({ at: `${finding.line}:${finding.column}`, severity: finding.severity, message: oneLine(finding.message), rule: oneLine(finding.rule) }));
    const [at, severity, rule] = [widest(rows.map((row) => row.at)), widest(rows.map((row) => row.severity)), widest(rows.map((row) => row.rule))];
    // Rule ids line up after the messages that fit the terminal; a longer message just runs on.
    const room = width - (2 + at + 2 + severity + 2 + 2 + rule);
    const message = widest(rows.map((row) => row.message).filter((text) => visibleLength(text) <= room));
    // Spelled out, as in a file:line:col line: `bad<ESC>[2Kname.yaml` stripped would name another file.
    lines.push('', style.file(fileShown(file)));
    for (const row of rows) {
      const paint = row.severity === 'error' ? style.bad : style.warn;
      lines.push(`  ${style.dim(row.at.padEnd(at))}  ${paint(row.severity.padEnd(severity))}  ${padColumns(row.message, message)}  ${style.dim(row.rule)}`);
    }
  }

  const { errors, warnings, tooManyWarnings } = countFindings(report);
  if (errors + warnings === 0) {
    lines.push(style.good(`✔ ${summaryText(report)}`));
  } else {
    const paint = errors > 0 || tooManyWarnings ? style.bad : style.warn;
    lines.push('', style.heading(paint(`✖ ${summaryText(report)}`)));
  }
  return `${lines.join('\n')}\n`;
}
