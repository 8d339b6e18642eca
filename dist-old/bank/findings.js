// A finding is one problem in one file, at one place, with the rule that found it.
import { compareText, safe } from '../text.js';
/**
 * Files larger than this are refused before parsing: ten times the largest question shipped, so
 * room for any real one, and a bound on what the YAML parser's slow error recovery is given.
 */
export const MAX_FILE_BYTES = 256 * 1024;
/** `file:line:col: message`, the form editors and terminals turn into links. */
export function formatFinding(finding) {
    const tag = finding.severity === 'warning' ? 'warning: ' : '';
    return safe `${finding.file}:${finding.line}:${finding.column}: ${tag}${finding.message} (${finding.rule})`;
}
export function compareFindings(a, b) {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}
