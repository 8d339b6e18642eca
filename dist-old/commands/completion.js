// `mldrill completion bash|zsh|fish|powershell`: prints the shell's completion script.
import { completionScript } from '../completion/shells.js';
import { EXIT } from '../errors.js';
export async function completion(options, io) {
    io.stdout.write(completionScript(options.shell));
    return EXIT.ok;
}
