// `mldrill completion bash|zsh|fish|powershell`: prints the shell's completion script.
import path from 'node:path';
import { completionScript, type Shell } from '../completion/shells.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { PACKAGE_ROOT } from '../package-root.js';

export async function completion(options: { shell: Shell }, io: Io): Promise<number> {
  io.stdout.write(completionScript(options.shell, [process.execPath, path.join(PACKAGE_ROOT, 'bin', 'mldrill.js')]));
  return EXIT.ok;
}
