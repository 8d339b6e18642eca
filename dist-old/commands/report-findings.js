// How commands other than lint mention broken files: one line each on stderr, then carry on.
import { formatFinding } from '../bank/findings.js';
const SHOWN = 10;
export function reportBankErrors(findings, io) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    for (const finding of errors.slice(0, SHOWN))
        io.stderr.write(`${formatFinding(finding)}\n`);
    if (errors.length > SHOWN)
        io.stderr.write(`… and ${errors.length - SHOWN} more; run 'mldrill lint' for all\n`);
    if (errors.length > 0)
        io.stderr.write(`mldrill: skipped the files above; the other questions are loaded\n`);
}
