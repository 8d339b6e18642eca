// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
// on the pull request's files. Escaped as @actions/core escapes them (packages/core/src/command.ts).
import { stripControl } from '../text.js';
/** The message after `::`. */
export function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A `key=value` property: also `:` and `,`, which would end the value early. */
export function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
export function formatGithub(report) {
    return report.findings
        .map((finding) => {
        // Annotations name files relative to the repository, with forward slashes on every runner.
        const file = stripControl(finding.file).replace(/\\/g, '/');
        const properties = `file=${escapeProperty(file)},line=${finding.line},col=${finding.column},title=${escapeProperty(`mldrill ${finding.rule}`)}`;
        return `::${finding.severity} ${properties}::${escapeData(stripControl(finding.message))}\n`;
    })
        .join('');
}
