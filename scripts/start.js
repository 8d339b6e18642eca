// `npm start`: a drill on a random question; `npm start -- <args>` runs `mldrill <args>`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const bin = fileURLToPath(new URL('../bin/mldrill.js', import.meta.url));
const result = spawnSync(process.execPath, [bin, ...(args.length ? args : ['drill', '--random'])], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
