// `--format json`: an array with one object per finding, with exactly these keys in this order.
import { jsonText } from '../text.js';
export function formatJson(report) {
    const findings = report.findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
    return jsonText(findings);
}
