// Parses argv, runs one command, and maps every outcome to an exit code. The only place
// that turns errors into messages.
import path from 'node:path';
import type { CommandResult } from './cli.js';
import type { Command } from './commander.js';
import { EXIT, MissingBankError, MldrillError, NoMatchError, NoSessionsError, StateDirError, UnknownIdError, UsageError, shortPath, systemErrorCode, systemErrorText } from './errors.js';
import type { Io } from './io.js';
import { closest, didYouMean, didYouMeanPhrases, fileShown, oneLine, pluralOf, shellWord, showControl, stripControl } from './text.js';
import { packageVersion } from './version.js';

/** The command names, for "did you mean" before the command table is loaded (test/command-table.test.ts checks they agree). */
export const COMMAND_NAMES = ['drill', 'daily', 'random', 'list', 'show', 'ask', 'grade', 'resume', 'lint', 'history', 'stats', 'next', 'export', 'new', 'schema', 'diagram', 'config', 'completion', '__complete'];
/** The commands a typo may have meant: not the hidden one the shell completion calls. */
const SUGGESTED_COMMANDS = COMMAND_NAMES.filter((name) => !name.startsWith('__'));

export async function main(argv: string[], io: Io): Promise<number> {
  const result: CommandResult = { exitCode: EXIT.ok };
  try {
    // Scripts and prompts ask for the version often; answer without loading the command table.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    checkStart(argv, io);
    // Both at once: the loader reads the files in parallel.
    const [{ CommanderError }, { buildProgram, DEFAULT_COMMAND }] = await Promise.all([import('./commander.js'), import('./cli.js')]);
    try {
      const program = await buildProgram(io, result, argv);
      checkMistypedCommand(argv, program, DEFAULT_COMMAND);
      await program.parseAsync(argv, { from: 'user' });
      return result.exitCode;
    } catch (error) {
      // Commander has already printed help, the version or the usage error.
      if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      throw error;
    }
  } catch (error) {
    return await report(error, argv, io, result.command);
  }
}

/**
 * What can be checked before any command runs: the pinned clock (MLDRILL_NOW), the state
 * directory's length, and help asked for a command that does not exist.
 */
function checkStart(argv: readonly string[], io: Io): void {
  io.now();
  const home = io.env.MLDRILL_HOME;
  const tooLong = home ? whyTooLong(home) : undefined;
  if (tooLong) throw new UsageError(`MLDRILL_HOME is too long for the file system (${tooLong}); set it to a shorter path`);
  const [word, ...rest] = argv;
  // Commander answers `help nope` with the whole help on stderr and never names the word.
  const [topic] = rest;
  if (word === 'help' && topic !== undefined && !topic.startsWith('-') && !SUGGESTED_COMMANDS.includes(topic)) {
    const commands = closest(topic, SUGGESTED_COMMANDS);
    throw new UsageError(`no command "${topic}" to give help on; ${commands.length ? didYouMean(commands) : "run 'mldrill --help' for the commands"}`);
  }
}

/**
 * A first word that is almost a command's, followed by what the default command would not
 * take as a drill of that id (`mldrill dril x`, `mldrill histroy --json`): the word was the
 * command, mistyped. An option's value is no such word: `mldrill newsfeed-ranking --minutes 30`
 * drills that question, though "new" is in its id.
 */
function checkMistypedCommand(argv: readonly string[], program: Command, defaultCommand: string): void {
  const [word, ...rest] = argv;
  if (!word || word.startsWith('-') || COMMAND_NAMES.includes(word)) return;
  const drill = program.commands.find((command) => command.name() === defaultCommand);
  if (!drill) return;
  const options = [...drill.options, ...program.options];
  let foreign = false;
  for (let i = 0; i < rest.length && !foreign; i++) {
    const arg = rest[i]!;
    if (arg === '--') foreign = i + 1 < rest.length;
    else if (!arg.startsWith('-') || arg === '-') foreign = true;
    else if (arg !== '-h' && arg !== '--help') {
      // `--minutes=30`, `-m30` (a value joined on) or `-m 30` (the next word is its value).
      const flag = arg.startsWith('--') ? arg.split('=')[0]! : arg.slice(0, 2);
      const option = options.find((each) => each.long === flag || each.short === flag);
      if (!option) foreign = true;
      else if ((option.required || option.optional) && arg === flag) i++;
    }
  }
  if (!foreign) return;
  const commands = closest(word, SUGGESTED_COMMANDS);
  if (commands.length) throw new UsageError(`unknown command "${word}"; ${didYouMean(commands)}`);
}

/** Why a path is too long for the file system (Linux's limits: 4096 bytes in all, 255 a name), or undefined. */
function whyTooLong(dir: string): string | undefined {
  if (dir.length > 4000) return `${dir.length} characters`;
  return dir.split(/[\\/]/).some((part) => Buffer.byteLength(part) > 255) ? 'a name in it is over 255 bytes' : undefined;
}

/** The remedy for an id that names nothing, by what it should have named. */
const LIST_IDS: Record<UnknownIdError['kind'], string> = {
  question: "run 'mldrill list' to see the ids",
  session: "run 'mldrill history' to see the ids",
  'resumable session': 'resumable:',
  rubric: 'known rubrics:',
};

/** Says what went wrong on one line of stderr and returns the exit code. */
async function report(error: unknown, argv: readonly string[], io: Io, command: string | undefined): Promise<number> {
  const [message, code] = describe(error, argv, io.env, command, await stateDirsFor(error, io));
  try {
    // Findings that come before the one-line summary (a config file's, as file:line:col lines).
    // Plain text, colour sequences too: stderr keeps colour, and a path or an id may hold some.
    if (error instanceof MldrillError) for (const line of error.details) io.stderr.write(`${oneLine(line)}\n`);
    if (message) io.stderr.write(`mldrill: ${stripControl(message)}\n`);
  } catch {
    // stderr itself is full or gone: the exit code still tells.
  }
  return code;
}

/**
 * The state and cache directories, when the error is the file system's about a path in them
 * (MLDRILL_HOME moves both): only then is another MLDRILL_HOME a way out.
 */
async function stateDirsFor(error: unknown, io: Io): Promise<string[]> {
  if (error instanceof MldrillError || !(error as NodeJS.ErrnoException | undefined)?.path) return [];
  try {
    // Loaded already by any command that got as far as a file.
    const { cacheDirOf, stateDirOf } = await import('./app/config.js');
    return [stateDirOf(io), cacheDirOf(io)];
  } catch {
    return [];
  }
}

function describe(error: unknown, argv: readonly string[], env: Record<string, string | undefined>, command: string | undefined, stateDirs: readonly string[]): [string, number] {
  // One line each: an id or a path quoted in it may hold a newline, which would start what reads
  // as a line of mldrill's own ('mldrill show $'x\nmldrill: ...''). Only a bug's stack, under
  // MLDRILL_DEBUG, takes more lines.
  if (error instanceof MldrillError) return [oneLine(remedied(error, argv, command)), error.exitCode];
  const code = systemErrorCode(error);
  if (code && code !== 'ENOENT') {
    // The environment, not mldrill: a file name too long, a full disk, a file-size limit.
    const file = (error as NodeJS.ErrnoException).path;
    const absolute = file === undefined ? undefined : path.resolve(file);
    // A path of the user's own (-o, --dir, a notes or bank file): moving the state directory would not help.
    const inState = absolute === undefined || stateDirs.some((dir) => isWithin(dir, absolute));
    const remedy = inState ? 'check the path and the disk, or set MLDRILL_HOME to another directory' : 'check the path and the disk, or give another path';
    return [oneLine(`cannot ${(error as NodeJS.ErrnoException).syscall ?? 'use'} ${absolute ? shortPath(absolute) : 'a file'}: ${systemErrorText(error)}; ${remedy}`), EXIT.usage];
  }
  return [internalErrorText(error, env), EXIT.usage];
}

const isWithin = (dir: string, file: string) => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** An error's message with the way out, in the words of the command line and of the command that ran. */
function remedied(error: MldrillError, argv: readonly string[], command: string | undefined): string {
  if (error instanceof UnknownIdError) return unknownIdText(error, argv);
  if (error instanceof NoMatchError) {
    if (error.bankEmpty) return error.message;
    const { category, difficulty, tag = [] } = error.filters;
    const flags = [category && `--category ${category}`, difficulty && `--difficulty ${difficulty}`, ...tag.map((each) => `--tag ${shellWord(showControl(each))}`)].filter(Boolean);
    if (error.completed !== undefined) {
      return flags.length
        ? `every question matching ${flags.join(' ')} has been completed (${error.completed}); drop --unseen or widen the filters`
        : `every question in the bank has been completed (${error.completed}); drop --unseen`;
    }
    return `no question matches ${flags.join(' ')}; run 'mldrill list' to see what there is`;
  }
  if (error instanceof NoSessionsError) return `${error.message}; run 'mldrill drill' first`;
  if (error instanceof MissingBankError) {
    return error.from === 'option'
      ? `--bank names ${fileShown(error.dir)}, which does not exist; check the path (relative to the current directory)`
      : `MLDRILL_BANK names ${fileShown(error.dir)}, which does not exist; fix the path or unset MLDRILL_BANK`;
  }
  if (error instanceof StateDirError && error.code === 'ENAMETOOLONG') {
    // From the config file's state_dir or XDG_STATE_HOME: MLDRILL_HOME overrides both.
    return `the state directory ${shortPath(error.dir)} is too long for the file system (${whyTooLong(error.dir) ?? 'a name in it is too long'}); set MLDRILL_HOME to a shorter path`;
  }
  if (error instanceof StateDirError) {
    const ways = error.notADirectory ? ['set MLDRILL_HOME to a directory', 'move the file aside'] : ['fix its permissions', 'set MLDRILL_HOME to a writable directory'];
    // Only a drill can run without writing the history.
    if (command === 'drill' && !argv.includes('--no-save')) ways.push('pass --no-save');
    return `${error.message}; ${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)}`;
  }
  return error.message;
}

function unknownIdText(error: UnknownIdError, argv: readonly string[]): string {
  // The default command's id was the first word: it may have been meant as a command.
  if (error.kind === 'question' && argv[0] === error.id && !COMMAND_NAMES.includes(error.id)) {
    const commands = closest(stripControl(error.id), SUGGESTED_COMMANDS);
    const hint = didYouMeanPhrases([
      ...(commands.length ? [`the ${pluralOf(commands.length, 'command')} ${commands.join(', ')}`] : []),
      ...(error.closest.length ? [`the ${pluralOf(error.closest.length, 'question')} ${error.closest.join(', ')}`] : []),
    ]);
    return `"${showControl(error.id)}" is neither a command nor a question id; ${hint || "run 'mldrill --help' for the commands and 'mldrill list' for the ids"}`;
  }
  const remedy = LIST_IDS[error.kind];
  if (error.known?.length === 0) return `no ${error.kind} with id "${showControl(error.id)}"; there is ${error.kind === 'resumable session' ? 'no interrupted session to resume' : `no ${error.kind}`}`;
  const hint = error.known ? didYouMean(error.closest, { label: remedy, names: error.known, always: error.kind === 'rubric' }) : didYouMean(error.closest) || remedy;
  // The id as typed, a hidden character shown as its escape: stripped, "feature<ESC>[31m-store"
  // would read as the id suggested in its place.
  return `no ${error.kind} with id "${showControl(error.id)}"; ${hint}`;
}

/** The one line of a bug: its message, and the stack only on request. */
export function internalErrorText(error: unknown, env: Record<string, string | undefined>): string {
  const detail = env.MLDRILL_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : ' (set MLDRILL_DEBUG=1 for details)';
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  return `internal error: ${message}${detail}`;
}

/**
 * For the bin: whatever escapes main (a timer's exception, a promise nobody awaited, a write
 * error after main returned) ends the run the same way, one line and exit 2.
 */
export function crash(error: unknown, io: Pick<Io, 'stderr' | 'env'>): number {
  const message = error instanceof MldrillError ? remedied(error, [], undefined) : internalErrorText(error, io.env);
  try {
    io.stderr.write(`mldrill: ${message}\n`);
  } catch {
    // Nowhere left to say it.
  }
  return EXIT.usage;
}
