// How commands other than lint mention broken files: one line each on stderr, then carry on.
import { formatFinding, type Finding } from '../bank/findings.js';
import type { Io } from '../io.js';

const SHOWN = 10;

export function reportBankErrors(findings: readonly Finding[], io: Io): void {
  const errors = findings.filter((finding) => finding.severity === 'error');
  for (const finding of errors.slice(0, SHOWN)) io.stderr.write(`${formatFinding(finding)}\n`);
  if (errors.length > SHOWN) io.stderr.write(`… and ${errors.length - SHOWN} more; run 'mldrill lint' for all\n`);
  if (errors.length > 0) io.stderr.write(`mldrill: skipped the files above; the other questions are loaded\n`);
}
