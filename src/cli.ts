// The command table: names, flags and help. Each command's module is imported only when
// that command runs, so `--help` and `--version` stay fast.
import { Argument, Command, InvalidArgumentError, Option } from './commander.js';
import type { Io } from './io.js';
import { packageVersion } from './version.js';
import { COMMAND_NAMES } from './main.js';
import { CATEGORIES, DIFFICULTIES } from './bank/categories.js';
import { parseDate } from './time.js';
import { bankDirectories } from './bank/files.js';
import { LINT_FORMATS, OUTPUT_FORMATS } from './formats.js';
import { loadConfig } from './app/config.js';
import { SHELLS } from './completion/shells.js';

export interface CommandResult {
  exitCode: number;
  /** The command that ran, so that src/main.ts can word an error's remedy in its options. */
  command?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of minutes, e.g. 30');
  return number;
}

function positiveSeconds(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of seconds, e.g. 60');
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, e.g. 10');
  return number;
}

function columnCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 20) throw new InvalidArgumentError('expected a whole number of columns, at least 20, e.g. 100');
  return number;
}

function calendarDate(value: string): string {
  if (!parseDate(value)) throw new InvalidArgumentError('expected a real calendar date as YYYY-MM-DD, e.g. 2026-11-22');
  return value;
}

/** Output options shared by daily, random, show and list. */
function withFormats(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'text for people (styled on a terminal), plain lines, json or markdown').choices(OUTPUT_FORMATS))
    .option('--json', 'shorthand for --format json')
    .option('--plain', 'shorthand for --format plain');
}

/** Filters shared by drill, daily, random and list. */
function withFilters(command: Command): Command {
  return command
    .addOption(new Option('-c, --category <category>', 'only questions in this category').choices(CATEGORIES))
    .addOption(new Option('-d, --difficulty <level>', 'only questions of this difficulty').choices(DIFFICULTIES))
    .option('-t, --tag <tag>', 'only questions with this tag (repeatable: all must match)', collect);
}

export const COMMANDS = COMMAND_NAMES;

/** What `mldrill <question-id>` runs. */
const DEFAULT_COMMAND = 'drill';

/** Commands that never read the config file: they print fixed text, or read it their own way. */
const WITHOUT_CONFIG = new Set(['schema', 'completion', 'config', '__complete']);

/**
 * The options typed on the command line, without the values commander implies (a lone
 * `--no-ready` makes `ready` true by default), so that the config file's value shows through
 * wherever no flag was given.
 */
export function typedOptions(command: Command): Record<string, unknown> {
  return Object.fromEntries(Object.entries(command.opts()).filter(([key]) => command.getOptionValueSource(key) === 'cli'));
}

/**
 * The program for argv. When argv starts with a command's name, only that command is defined:
 * it alone can run, and defining the other twelve costs every scripted call a few milliseconds.
 * Anything else (help, a global option first, a question id for the default command) gets all.
 */
export async function buildProgram(io: Io, result: CommandResult, argv: readonly string[] = []): Promise<Command> {
  const only = COMMANDS.includes(argv[0] ?? '') ? argv[0] : undefined;
  const wanted = (name: string) => only === undefined || only === name;
  const program = new Command('mldrill');
  program
    .description('Drill machine-learning system design interviews: staged, timed, self-assessed.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--bank <dir>', 'also load questions and rubrics from DIR (repeatable; see also MLDRILL_BANK)', collect)
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText('after', `
Exit codes: 0 ok, 1 findings, no matching question or unknown id, 2 usage error, 130 interrupted.
Run 'mldrill <command> --help' for a command's options.
`);

  // A mistyped --bank or MLDRILL_BANK fails every command, not only those that read the bank:
  // `history --bank /no/such` succeeding would hide the typo.
  program.hook('preAction', (_program, command) => {
    result.command = command.name();
    // `config` shows the settings, bank directories included, even when one is wrong; completion must never fail.
    if (command.name() === 'config' || command.name() === '__complete') return;
    bankDirectories(io.cwd, io.env, { bank: command.optsWithGlobals<{ bank?: string[] }>().bank });
  });

  // The config file is read (and checked) before the command, which then asks for settings synchronously.
  const run = (exitCode: Promise<number>) => exitCode.then((code) => { result.exitCode = code; });
  program.hook('preAction', async (_program, command) => {
    if (!WITHOUT_CONFIG.has(command.name())) await loadConfig(io);
  });
  const globals = (command: Command) => command.optsWithGlobals<{ bank?: string[] }>();

  if (wanted('drill')) {
    withFilters(
      program
        .command(DEFAULT_COMMAND, { isDefault: true })
        .description('run a timed, staged mock interview, then assess yourself (the default command)')
        .argument('[id]', 'question id; without it, pick from a searchable list')
        .option('-r, --random', 'pick a random question (honours the filters)')
        .option('--daily', "drill today's question of the day (honours the filters, like mldrill daily)")
        .option('-m, --minutes <n>', 'scale the whole interview to N minutes', positiveNumber)
        .option('--strict', 'move on automatically when a stage runs out of time')
        .option('--no-strict', 'let stages overrun (when the config file says strict: true)')
        .option('--interviewer', 'mock-interviewer mode: a partner runs the clock and ticks the checklist live')
        .option('--no-interviewer', 'drill on your own (when the config file says interviewer: true)')
        .option('--curveballs', 'throw in a follow-up during the deep-dive (the default; when the config file says curveballs: false)')
        .option('--no-curveballs', 'no follow-up thrown in during the deep-dive')
        .option('--no-ready', 'start the clock at once, without waiting for Enter')
        .option('--seed <text>', 'make the random picks and the curveball moment reproducible')
        .option('--rubric <id>', "drill with another rubric than the question's own (e.g. ml-system-design-short)")
        .option('--next', "drill what spaced repetition says is next (see 'mldrill next'; honours the filters)")
        .option('--no-save', 'do not record the session in the history')
        .option('--ai', 'after the self-assessment, a second opinion from the language model at MLDRILL_LLM_URL (see mldrill grade --ai)')
        .option('--all-red-flags', "list every red flag of the rubric in the report, not only those the session's data suggests"),
    ).action((id: string | undefined, _options, command: Command) =>
      run(import('./commands/drill.js').then(({ drill }) => drill({ ...typedOptions(command), bank: globals(command).bank, id }, io))),
    );
  }

  if (wanted('daily')) {
    withFormats(withFilters(
      program
        .command('daily')
        .description('print the question of the day: the same for everyone on the same local date and bank')
        .option('--date <YYYY-MM-DD>', "the question for this date instead of today's (local date, TZ honoured)", calendarDate)
        .option('--unseen', 'only questions you have not completed yet (your own pool, so no longer the same for everyone)'),
    )).action((options, command: Command) =>
      run(import('./commands/daily.js').then(({ daily }) => daily({ ...options, ...globals(command) }, io))),
    );
  }

  if (wanted('random')) {
    withFormats(withFilters(
      program
        .command('random')
        .description('print a random question')
        .option('--seed <seed>', 'pick reproducibly: the same seed and bank give the same question')
        .option('--unseen', 'only questions you have not completed yet'),
    )).action((options, command: Command) =>
      run(import('./commands/random.js').then(({ random }) => random({ ...options, ...globals(command) }, io))),
    );
  }

  if (wanted('list')) {
    withFormats(withFilters(
      program
        .command('list')
        .description('print one question per line (id, category, difficulty, title), sorted by id'),
    )).action((options, command: Command) =>
      run(import('./commands/list.js').then(({ list }) => list({ ...options, ...globals(command) }, io))),
    );
  }

  if (wanted('show')) {
    withFormats(
      program
        .command('show')
        .description('print a whole question: prompt, stage plan, follow-ups and, on request, hints')
        .argument('<id>', 'question id')
        .option('--hints', "include every stage's hints")
        .option('--followups', "include the follow-ups' answer keys and when each is thrown (spoilers)")
        .option('--answer', 'include what a strong answer covers (the strong example answer)'),
    ).action((id: string, options, command: Command) =>
      run(import('./commands/show.js').then(({ show }) => show({ ...options, ...globals(command), id }, io))),
    );
  }

  if (wanted('ask')) {
    program
      .command('ask')
      .description("ask the interviewer a clarifying question about a question: prints the answer from its fact sheet")
      .argument('<id>', 'question id')
      .argument('<question>', 'the question, in quotes (at most 500 characters)')
      .option('--json', 'print {questionId, asked, matched, topic, answer} as JSON')
      .addHelpText('after', `
  Exit codes: 0 answered (a fact, or the neutral reply when none fits), 1 unknown question id,
  2 usage error (an empty or overlong question).
  `)
      .action((id: string, question: string, options, command: Command) =>
        run(import('./commands/ask.js').then(({ ask }) => ask({ ...options, ...globals(command), id, question }, io))),
      );
  }

  if (wanted('grade')) {
    program
      .command('grade')
      .description("grade notes with the keyword grader: a notes file against a question, or a recorded session's notes again")
      .argument('<target>', "a question id (with --notes), or a session id or 'last'")
      .option('--notes <file>', "Markdown notes, with '## ' headings naming stages; - reads stdin")
      .option('--rubric <id>', "grade against another rubric than the question's (or the session's)")
      .option('--json', 'print the grade as JSON')
      .option('--ai', 'a second opinion from the language model at MLDRILL_LLM_URL (or the config file\'s llm section): every verdict must quote the notes')
      .option('--timeout <seconds>', 'with --ai: seconds to wait for each attempt of the request (default 120)', positiveSeconds)
      .addHelpText('after', `
  Exit codes: 0 graded, 1 unknown question or session id, 2 usage error (a missing, empty or binary notes file;
  with --ai, no endpoint configured, or the server unreachable, refusing, too slow or answering badly), 130 Ctrl-C.
  `)
      .action((target: string, options, command: Command) =>
        run(import('./commands/grade.js').then(({ grade }) => grade({ ...options, ...globals(command), target }, io))),
      );
  }

  if (wanted('resume')) {
    program
      .command('resume')
      .description('continue an interrupted session where it stopped (after Ctrl-C, a crash or kill -9)')
      .argument('[session]', "session id, the start of one, or 'last'", 'last')
      .option('--all-red-flags', "list every red flag of the rubric in the report, not only those the session's data suggests")
      .action((session: string, options, command: Command) =>
        run(import('./commands/resume.js').then(({ resume }) => resume({ ...options, ...globals(command), session }, io))),
      );
  }

  if (wanted('lint')) {
    program
      .command('lint')
      .description('check question and rubric files; with no paths, the whole bank')
      .argument('[paths...]', 'files or directories to check (checked together with the bank)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
      .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', positiveInteger)
      .addHelpText('after', `
  Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage error.
  Formats: stylish (grouped by file), json (an array of {file, line, column, severity, rule, message}),
  github (GitHub Actions annotations).
  `)
      .action((paths: string[], options, command: Command) =>
        run(import('./commands/lint.js').then(({ lint }) => lint({ ...options, ...globals(command), paths }, io))),
      );
  }

  if (wanted('history')) {
    program
      .command('history')
      .description('list past sessions, newest first (the session id is what export takes)')
      .option('-n, --limit <n>', 'show the latest N sessions; 0 shows all', positiveInteger, 20)
      .option('--json', 'print the sessions as a JSON array')
      .action((options) =>
        run(import('./commands/history.js').then(({ history }) => history(options, io))),
      );
  }

  if (wanted('stats')) {
    program
      .command('stats')
      .description('progress over time: streaks, coverage per stage and category, trend, pacing, items missed most')
      .option('--json', 'print the figures as JSON')
      .action((options, command: Command) =>
        run(import('./commands/stats.js').then(({ stats }) => stats({ ...options, ...globals(command) }, io))),
      );
  }

  if (wanted('next')) {
    program
      .command('next')
      .description('what to practise next, by spaced repetition (FSRS) over your history')
      .option('-n, --limit <n>', 'list the first N questions; 0 lists all', positiveInteger, 10)
      .option('--json', 'print the queue as JSON')
      .action((options, command: Command) =>
        run(import('./commands/next.js').then(({ next }) => next({ ...options, ...globals(command) }, io))),
      );
  }

  if (wanted('export')) {
    program
      .command('export')
      .description('write one session as a document for a mentor: prompt, notes, time, covered and missed items')
      .argument('<session>', "a session id from 'mldrill history' (or a unique start of one), or 'last'")
      .addOption(new Option('-f, --format <format>', 'markdown or json (default: json for an -o file ending in .json, else markdown)').choices(['markdown', 'json']))
      .option('-o, --output <file>', 'write to FILE instead of stdout; an existing FILE is replaced (atomically)')
      .action((session: string, options, command: Command) =>
        run(import('./commands/export.js').then(({ exportSession }) => exportSession({ ...options, ...globals(command), session }, io))),
      );
  }

  if (wanted('new')) {
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
  }

  if (wanted('schema')) {
    program
      .command('schema')
      .description('print the JSON Schema (draft-07) of question, rubric or config files, for editors and validators')
      .addArgument(new Argument('<kind>', 'which format').choices(['question', 'rubric', 'config']))
      .action((kind: 'question' | 'rubric' | 'config') => run(import('./commands/schema.js').then(({ schema }) => schema({ kind }, io))));
  }

  if (wanted('diagram')) {
    program
      .command('diagram')
      .description('draw an edge list (events -> feature store -> model) as box-drawing text, Mermaid or JSON')
      .argument('[file]', "a file of edges, one chain per line; '-' or none reads stdin")
      .addOption(new Option('-f, --format <format>', 'text (a drawing), mermaid (a flowchart) or json').choices(['text', 'mermaid', 'json']).default('text'))
      .option('-w, --width <columns>', 'fit the drawing to this many columns (default: the terminal width, 80 when piped)', columnCount)
      .option('-q, --question <id>', "compare the drawing with this question's reference diagram")
      .addHelpText('after', `
  Each line is a chain of edges, a -> b -> c, optionally labelled, ranker -[top 500]-> re-ranker,
  written backwards with <-, both ways with <->, or a lone component; # starts a comment.
  Exit codes: 0 drawn, 1 an unknown question or one without a reference diagram, 2 a line that
  is not an edge (file:line:col on stderr), empty input, an unreadable file or a usage error.
  `)
      .action((file: string | undefined, options, command: Command) =>
        run(import('./commands/diagram.js').then(({ diagram }) => diagram({ ...options, ...globals(command), file }, io))),
      );
  }

  if (wanted('config')) {
    program
      .command('config')
      .description("show your settings and where each comes from (flag, environment, config file, default)")
      .addArgument(new Argument('[action]', "'path' prints the config file's path; 'init' writes a commented file with every default").choices(['path', 'init']))
      .option('--json', 'print { file, settings: { <key>: { value, source } } }')
      .addHelpText('after', `
  The file: $MLDRILL_CONFIG, else $XDG_CONFIG_HOME/mldrill/config.yaml, else ~/.config/mldrill/config.yaml
  (%APPDATA%\\mldrill\\config.yaml on Windows). Flags override it, then environment variables.
  Exit codes: 0 ok, 1 'init' found a file already there (nothing is overwritten), 2 a problem in the file.
  `)
      .action((action: 'path' | 'init' | undefined, options, command: Command) =>
        run(import('./commands/config.js').then(({ config }) => config({ ...options, ...globals(command), action }, io))),
      );
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('print the tab-completion script for a shell (see the README for the line to add to its start-up file)')
      .addArgument(new Argument('<shell>', 'which shell').choices(SHELLS))
      .action((shell: (typeof SHELLS)[number]) => run(import('./commands/completion.js').then(({ completion }) => completion({ shell }, io))));
  }

  if (wanted('__complete')) {
    // What the completion scripts call on every TAB: the candidates for the word at the cursor.
    program
      .command('__complete', { hidden: true })
      .argument('<index>', 'how many words come before the one being completed')
      .argument('[words...]', 'the words after mldrill, up to the cursor')
      .allowUnknownOption()
      .helpOption(false)
      .action((index: string, words: string[]) =>
        run(import('./commands/__complete.js').then(({ complete }) => complete({ index: Number(index), words, program: () => buildProgram(io, { exitCode: 0 }), defaultCommand: DEFAULT_COMMAND }, io))),
      );
  }

  return program;
}
