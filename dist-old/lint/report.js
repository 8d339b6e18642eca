import { plural } from '../text.js';
export function countFindings(report) {
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = report.findings.length - errors;
    return { errors, warnings, tooManyWarnings: report.maxWarnings !== undefined && warnings > report.maxWarnings };
}
/** `12 files checked: 1 error, 2 warnings` (and why warnings fail the run, when they do). */
export function summaryText(report) {
    const { errors, warnings, tooManyWarnings } = countFindings(report);
    const counts = errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    const limit = tooManyWarnings ? `; more warnings than --max-warnings ${report.maxWarnings} allows` : '';
    return `${plural(report.files, 'file')} checked: ${counts}${limit}`;
}
