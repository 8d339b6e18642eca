// A finding is one problem in one file, at one place, with the rule that found it.
import { compareText, fileShown, safe } from '../text.js';

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

/** `file:line:col: message`, the form editors and terminals turn into links (the file as fileShown shows it). */
export function formatFinding(finding: Finding): string {
  const tag = finding.severity === 'warning' ? 'warning: ' : '';
  return safe`${fileShown(finding.file)}:${finding.line}:${finding.column}: ${tag}${finding.message} (${finding.rule})`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}

/** Whether a value read back from a cache is a finding as lint writes them. */
export function isFinding(value: unknown): value is Finding {
  if (typeof value !== 'object' || value === null) return false;
  const finding = value as Record<string, unknown>;
  return typeof finding.file === 'string' && Number.isInteger(finding.line) && (finding.line as number) >= 1 && Number.isInteger(finding.column) && (finding.column as number) >= 1
    && (finding.severity === 'error' || finding.severity === 'warning') && typeof finding.rule === 'string' && typeof finding.message === 'string';
}
