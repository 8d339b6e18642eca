// Parses argv, runs one command, and maps every outcome to an exit code. The only place
// that turns errors into messages.
import { EXIT, MldrillError } from './errors.js';
import type { Io } from './io.js';
import { stripControl } from './text.js';
import { packageVersion } from './version.js';

export async function main(argv: string[], io: Io): Promise<number> {
  // Scripts and prompts ask for the version often; answer without loading the command table.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  // Both at once: the loader reads the files in parallel.
  const [{ CommanderError }, { buildProgram }] = await Promise.all([import('./commander.js'), import('./cli.js')]);
  const result = { exitCode: EXIT.ok as number };
  try {
    const program = await buildProgram(io, result, argv);
    await program.parseAsync(argv, { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help, the version or the usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof MldrillError) {
      for (const line of error.details) io.stderr.write(`${stripControl(line)}\n`);
      if (error.message) io.stderr.write(`mldrill: ${stripControl(error.message)}\n`);
      return error.exitCode;
    }
    const detail = io.env.MLDRILL_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ' (set MLDRILL_DEBUG=1 for details)';
    io.stderr.write(`mldrill: internal error: ${(error as Error)?.message ?? String(error)}${detail}\n`);
    return EXIT.usage;
  }
}
