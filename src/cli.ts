// The command table: names, flags and help. Each command's module is imported only when
// that command runs, so `--help` and `--version` stay fast.
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { packageVersion } from './version.js';
import { CATEGORIES, DIFFICULTIES } from './bank/categories.js';
import { FORMATS } from './lint/report.js';

export interface CommandResult {
  exitCode: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of minutes, e.g. 30');
  return number;
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, e.g. 10');
  return number;
}

/** Filters shared by drill, daily, random and list. */
function withFilters(command: Command): Command {
  return command
    .addOption(new Option('-c, --category <category>', 'only questions in this category').choices(CATEGORIES))
    .addOption(new Option('-d, --difficulty <level>', 'only questions of this difficulty').choices(DIFFICULTIES))
    .option('-t, --tag <tag>', 'only questions with this tag (repeatable: all must match)', collect);
}

export async function buildProgram(io: Io, result: CommandResult): Promise<Command> {
  const program = new Command('mldrill');
  program
    .description('Drill machine-learning system design interviews: staged, timed, self-assessed.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--bank <dir>', 'also load questions and rubrics from DIR (repeatable; see also MLDRILL_BANK)', collect)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText('after', `
Exit codes: 0 ok, 1 findings or no matching question, 2 usage error, 130 interrupted.
Run 'mldrill <command> --help' for a command's options.
`);

  const run = (exitCode: Promise<number>) => exitCode.then((code) => { result.exitCode = code; });
  const globals = (command: Command) => command.optsWithGlobals() as { bank?: string[] };

  withFilters(
    program
      .command('drill', { isDefault: true })
      .description('run a timed, staged mock interview, then assess yourself (the default command)')
      .argument('[id]', 'question id; without it, pick from a searchable list')
      .option('-r, --random', 'pick a random question (honours the filters)')
      .option('-m, --minutes <n>', 'scale the whole interview to N minutes', positiveNumber)
      .option('--strict', 'move on automatically when a stage runs out of time')
      .option('--rubric <id>', "drill with another rubric than the question's own (e.g. ml-system-design-short)")
      .option('--no-save', 'do not record the session in the history'),
  ).action((id: string | undefined, options, command: Command) =>
    run(import('./commands/drill.js').then(({ drill }) => drill({ ...options, ...globals(command), id }, io))),
  );

  program
    .command('lint')
    .description('check question and rubric files; with no paths, the whole bank')
    .argument('[paths...]', 'files or directories to check (checked together with the bank)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', positiveInteger)
    .addHelpText('after', `
Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage error.
Formats: stylish (grouped by file), json (an array of {file, line, column, severity, rule, message}),
github (GitHub Actions annotations).
`)
    .action((paths: string[], options, command: Command) =>
      run(import('./commands/lint.js').then(({ lint }) => lint({ ...options, ...globals(command), paths }, io))),
    );

  program
    .command('new')
    .description('scaffold a question file with its rubric\'s stages and TODOs to fill in; asks for what is missing in a terminal')
    .option('--id <id>', 'question id, kebab-case (also the file name)')
    .option('--category <category>', `category: ${CATEGORIES.join(', ')}`)
    .option('--title <title>', 'a short name for the question')
    .option('--rubric <id>', 'the rubric whose stages to use (default ml-system-design)')
    .addOption(new Option('--difficulty <level>', 'difficulty').choices(DIFFICULTIES).default('medium'))
    .option('--dir <dir>', 'write questions/<category>/<id>.yaml under DIR (default: the current directory)')
    .addHelpText('after', `
Exit codes: 0 written, 1 the file or id already exists (nothing is overwritten), 2 usage error
(a missing flag without a terminal, a bad id, category or rubric), 130 interrupted.
`)
    .action((options, command: Command) =>
      run(import('./commands/new.js').then(({ newQuestion }) => newQuestion({ ...options, ...globals(command) }, io))),
    );

  program
    .command('schema')
    .description('print the JSON Schema (draft-07) of question or rubric files, for editors and validators')
    .addArgument(new Argument('<kind>', 'which format').choices(['question', 'rubric']))
    .action((kind: 'question' | 'rubric') => run(import('./commands/schema.js').then(({ schema }) => schema({ kind }, io))));

  return program;
}
