// A finding is one problem in one file, at one place, with the rule that found it.
import { compareText, safe } from '../text.js';

/**
 * Files larger than this are refused before parsing: ten times the largest question shipped, so
 * room for any real one, and a bound on what the YAML parser's slow error recovery is given.
 */
export const MAX_FILE_BYTES = 256 * 1024;

export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** `file:line:col: message`, the form editors and terminals turn into links. */
export function formatFinding(finding: Finding): string {
  const tag = finding.severity === 'warning' ? 'warning: ' : '';
  return safe`${finding.file}:${finding.line}:${finding.column}: ${tag}${finding.message} (${finding.rule})`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}
