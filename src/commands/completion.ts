// `mldrill completion bash|zsh|fish|powershell`: prints the shell's completion script.
import { completionScript, type Shell } from '../completion/shells.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';

export async function completion(options: { shell: Shell }, io: Io): Promise<number> {
  io.stdout.write(completionScript(options.shell));
  return EXIT.ok;
}
