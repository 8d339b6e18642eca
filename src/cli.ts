// The command table: names, flags and help. Each command's module is imported only when
// that command runs, so `--help` and `--version` stay fast.
import { Argument, Command, InvalidArgumentError, Option } from './commander.js';
import type { Io } from './io.js';
import { packageVersion } from './version.js';
import { fileShown, stripControl, wrap } from './text.js';
import { CATEGORIES, DIFFICULTIES } from './bank/categories.js';
import { parseDate } from './time.js';
import { bankDirectories } from './bank/files.js';
import { DIAGRAM_FORMATS, LINT_FORMATS, OUTPUT_FORMATS } from './formats.js';
import { loadConfig } from './app/config.js';
import { SHELLS } from './completion/shells.js';
import { settingFor } from './config/keys.js';

export interface CommandResult {
  exitCode: number;
  /** The command that ran, so that src/main.ts can word an error's remedy in its options. */
  command?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A parser of a number option: what a value must be, and the words for it when it is not. */
const numberOption = (valid: (number: number) => boolean, expected: string) => (value: string): number => {
  // Digits only: Number() reads '' and ' ' as 0 (so `--limit "$N"` with N unset meant "all"), and takes 0x10 and 1e3.
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : NaN;
  if (!valid(number)) throw new InvalidArgumentError(`expected ${expected}`);
  return number;
};

/**
 * `--minutes` has the config file's ceiling (a typo of 3000 is caught) but no floor of one
 * minute: a fraction makes a quick trial run, where a standing default of less makes no sense.
 */
const MAX_MINUTES = (() => {
  const setting = settingFor('minutes');
  return setting?.type === 'number' ? setting.max : 600;
})();
const interviewMinutes = numberOption((number) => number > 0 && number <= MAX_MINUTES, `a positive number of minutes, at most ${MAX_MINUTES}, e.g. 30`);
/** The AI grader's wait: Node's timers hold at most about 24 days, and a day is already more than any reply takes. */
const MAX_TIMEOUT_SECONDS = 86_400;
const positiveSeconds = numberOption((number) => number > 0 && number <= MAX_TIMEOUT_SECONDS, `a positive number of seconds, at most ${MAX_TIMEOUT_SECONDS} (a day), e.g. 60`);
const positiveInteger = numberOption((number) => Number.isInteger(number) && number >= 0, 'a whole number, e.g. 10');
/** `--max-warnings`: as in ESLint, -1 is no limit (the default), for a script that passes one always. */
const warningLimit = (value: string): number => (value.trim() === '-1' ? -1 : positiveInteger(value));
const columnCount = numberOption((number) => Number.isInteger(number) && number >= 20, 'a whole number of columns, at least 20, e.g. 100');

function calendarDate(value: string): string {
  if (!parseDate(value)) throw new InvalidArgumentError('expected a real calendar date as YYYY-MM-DD, e.g. 2026-11-22');
  return value;
}

/** One option of a command: commander's flags and help, and what turns the typed text into a value. */
interface OptionSpec {
  flags: string;
  description: string;
  /** Checks and converts the text (an `InvalidArgumentError` says what was expected). */
  parse?(this: void, value: string, previous: unknown): unknown;
  default?: unknown;
  choices?: readonly string[];
}

/** One positional argument: `<name>` required, `[name]` optional, `name...` repeatable. */
interface ArgumentSpec {
  usage: string;
  description: string;
  default?: string;
  choices?: readonly string[];
}

/** A command's entry point, loaded only when the command runs. */
type Runner = (values: never, io: Io) => Promise<number>;

interface CommandSpec {
  name: string;
  description: string;
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** Paragraphs after the options in the command's help (exit codes, formats), wrapped to the terminal. */
  helpAfter?: readonly string[];
  /** The command's module and its function, which receives the arguments (by name) and the options in one object. */
  load(): Promise<Runner>;
  /**
   * Only the options typed on the command line (see typedOptions), so that the config file's
   * value shows through wherever no flag was given.
   */
  typedOnly?: true;
  /** Never reads the config file: it prints fixed text, or reads the file its own way. */
  withoutConfig?: true;
  /** Runs even with a --bank or MLDRILL_BANK that names nothing (it must never fail, or checks them itself). */
  withoutBankCheck?: true;
  /** For the completion scripts, not for people: not in the help, takes any option. */
  hidden?: true;
}

/** Output options shared by daily, random, show and list. */
const FORMATS: readonly OptionSpec[] = [
  { flags: '--format <format>', description: 'text for people (styled on a terminal), plain lines, json or markdown', choices: OUTPUT_FORMATS },
  { flags: '--json', description: 'shorthand for --format json' },
  { flags: '--plain', description: 'shorthand for --format plain' },
];

/** Filters shared by drill, daily, random and list. */
const FILTERS: readonly OptionSpec[] = [
  { flags: '-c, --category <category>', description: 'only questions in this category', choices: CATEGORIES },
  { flags: '-d, --difficulty <level>', description: 'only questions of this difficulty', choices: DIFFICULTIES },
  { flags: '-t, --tag <tag>', description: 'only questions with this tag (repeatable: all must match)', parse: collect },
];

/** What `mldrill <question-id>` runs. */
export const DEFAULT_COMMAND = 'drill';

/** Every command, in the order of the help. */
const TABLE: readonly CommandSpec[] = [
  {
    name: DEFAULT_COMMAND,
    description: 'run a timed, staged mock interview, then assess yourself (the default command)',
    arguments: [{ usage: '[id]', description: 'question id; without it, pick from a searchable list' }],
    options: [
      { flags: '-r, --random', description: 'pick a random question (honours the filters)' },
      { flags: '--daily', description: "drill today's question of the day (honours the filters, like mldrill daily)" },
      { flags: '-m, --minutes <n>', description: 'scale the whole interview to N minutes', parse: interviewMinutes },
      { flags: '--strict', description: 'move on automatically when a stage runs out of time' },
      { flags: '--no-strict', description: 'let stages overrun (when the config file says strict: true)' },
      { flags: '--interviewer', description: 'mock-interviewer mode: a partner runs the clock and ticks the checklist live' },
      { flags: '--no-interviewer', description: 'drill on your own (when the config file says interviewer: true)' },
      { flags: '--curveballs', description: 'throw in a follow-up during the deep-dive (the default; when the config file says curveballs: false)' },
      { flags: '--no-curveballs', description: 'no follow-up thrown in during the deep-dive' },
      { flags: '--ready', description: 'wait for Enter before the clock starts (the default; when the config file says ready: false)' },
      { flags: '--no-ready', description: 'start the clock at once, without waiting for Enter' },
      { flags: '--seed <text>', description: 'make the random picks and the curveball moment reproducible' },
      { flags: '--rubric <id>', description: "drill with another rubric than the question's own (e.g. ml-system-design-short)" },
      { flags: '--next', description: "drill what spaced repetition says is next (see 'mldrill next'; honours the filters)" },
      { flags: '--no-save', description: 'do not record the session in the history' },
      { flags: '--ai', description: 'after the self-assessment, a second opinion from the language model at MLDRILL_LLM_URL (see mldrill grade --ai)' },
      { flags: '--timeout <seconds>', description: "with --ai: seconds to wait for each attempt of the AI grader's request (default 120)", parse: positiveSeconds },
      { flags: '--all-red-flags', description: "list every red flag of the rubric in the report, not only those the session's data suggests" },
      ...FILTERS,
    ],
    typedOnly: true,
    load: () => import('./commands/drill.js').then(({ drill }) => drill),
  },
  {
    name: 'daily',
    description: 'print the question of the day: the same for everyone on the same local date and bank',
    options: [
      { flags: '--date <YYYY-MM-DD>', description: "the question for this date instead of today's (local date, TZ honoured)", parse: calendarDate },
      { flags: '--unseen', description: 'only questions you have not completed yet (your own pool, so no longer the same for everyone)' },
      ...FILTERS,
      ...FORMATS,
    ],
    load: () => import('./commands/daily.js').then(({ daily }) => daily),
  },
  {
    name: 'random',
    description: 'print a random question',
    options: [
      { flags: '--seed <seed>', description: 'pick reproducibly: the same seed and bank give the same question' },
      { flags: '--unseen', description: 'only questions you have not completed yet' },
      ...FILTERS,
      ...FORMATS,
    ],
    load: () => import('./commands/random.js').then(({ random }) => random),
  },
  {
    name: 'list',
    description: 'print one question per line (id, category, difficulty, title), sorted by id',
    options: [...FILTERS, ...FORMATS],
    load: () => import('./commands/list.js').then(({ list }) => list),
  },
  {
    name: 'show',
    description: 'print a whole question: prompt, stage plan, follow-ups and, on request, hints',
    arguments: [{ usage: '<id>', description: 'question id' }],
    options: [
      { flags: '--hints', description: "include every stage's hints" },
      { flags: '--followups', description: "include the follow-ups' answer keys and when each is thrown (spoilers)" },
      { flags: '--answer', description: 'include what a strong answer covers (the strong example answer)' },
      ...FORMATS,
    ],
    load: () => import('./commands/show.js').then(({ show }) => show),
  },
  {
    name: 'ask',
    description: 'ask the interviewer a clarifying question about a question: prints the answer from its fact sheet',
    arguments: [
      { usage: '<id>', description: 'question id' },
      { usage: '<question...>', description: 'the question: its words, quoted or not (at most 500 characters)' },
    ],
    options: [{ flags: '--json', description: 'print {questionId, asked, matched, topic, answer} as JSON' }],
    helpAfter: [
      'Exit codes: 0 answered (a fact, or the neutral reply when none fits), 1 unknown question id, 2 usage error (an empty or overlong question).',
    ],
    load: () => import('./commands/ask.js').then(({ ask }) => ask),
  },
  {
    name: 'grade',
    description: "grade notes with the keyword grader: a notes file against a question, or a recorded session's notes again",
    arguments: [{ usage: '<target>', description: "a question id (with --notes), or a session id or 'last'" }],
    options: [
      { flags: '--notes <file>', description: "Markdown notes, with '## ' headings naming stages; - reads stdin" },
      { flags: '--rubric <id>', description: "grade against another rubric than the question's (or the session's)" },
      { flags: '--json', description: 'print the grade as JSON' },
      { flags: '--ai', description: "a second opinion from the language model at MLDRILL_LLM_URL (or the config file's llm section): every verdict must quote the notes" },
      { flags: '--timeout <seconds>', description: 'with --ai: seconds to wait for each attempt of the request (default 120)', parse: positiveSeconds },
    ],
    helpAfter: [
      'Exit codes: 0 graded, 1 unknown question or session id, 2 usage error (a missing, empty or binary notes file; with --ai, no endpoint configured, or the server unreachable, refusing, too slow or answering badly), 130 Ctrl-C.',
    ],
    load: () => import('./commands/grade.js').then(({ grade }) => grade),
  },
  {
    name: 'resume',
    description: 'continue an interrupted session where it stopped (after Ctrl-C, a closed terminal, a crash or kill -9)',
    arguments: [{ usage: '[session]', description: "session id, the start of one, or 'last'", default: 'last' }],
    options: [{ flags: '--all-red-flags', description: "list every red flag of the rubric in the report, not only those the session's data suggests" }],
    load: () => import('./commands/resume.js').then(({ resume }) => resume),
  },
  {
    name: 'lint',
    description: 'check question and rubric files; with no paths, the whole bank',
    arguments: [{ usage: '[paths...]', description: 'files or directories to check (checked together with the bank)' }],
    options: [
      { flags: '-f, --format <format>', description: 'output format', choices: LINT_FORMATS, default: 'stylish' },
      { flags: '--max-warnings <n>', description: 'exit 1 when there are more than N warnings (-1: no limit, the default)', parse: warningLimit },
      { flags: '--no-cache', description: 'check every file afresh, neither reading nor writing the lint cache' },
    ],
    helpAfter: [
      'Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage error.',
      'Formats: stylish (grouped by file), json (an array of {file, line, column, severity, rule, message}), github (GitHub Actions annotations).',
    ],
    load: () => import('./commands/lint.js').then(({ lint }) => lint),
  },
  {
    name: 'history',
    description: 'list past sessions, newest first (the session id is what export takes)',
    options: [
      { flags: '-n, --limit <n>', description: 'show the latest N sessions; 0 shows all', parse: positiveInteger, default: 20 },
      { flags: '--json', description: 'print the sessions as a JSON array' },
    ],
    load: () => import('./commands/history.js').then(({ history }) => history),
  },
  {
    name: 'stats',
    description: 'progress over time: streaks, coverage per stage and category, trend, pacing, items missed most',
    options: [{ flags: '--json', description: 'print the figures as JSON' }],
    load: () => import('./commands/stats.js').then(({ stats }) => stats),
  },
  {
    name: 'next',
    description: 'what to practise next, by spaced repetition (FSRS) over your history',
    options: [
      { flags: '-n, --limit <n>', description: 'list the first N questions; 0 lists all', parse: positiveInteger, default: 10 },
      { flags: '--json', description: 'print the queue as JSON' },
    ],
    load: () => import('./commands/next.js').then(({ next }) => next),
  },
  {
    name: 'export',
    description: 'write one session as a document for a mentor: prompt, notes, time, covered and missed items',
    arguments: [{ usage: '<session>', description: "a session id from 'mldrill history' (or a unique start of one), or 'last'" }],
    options: [
      { flags: '-f, --format <format>', description: 'markdown or json (default: json for an -o file ending in .json, else markdown)', choices: ['markdown', 'json'] },
      { flags: '--json', description: 'shorthand for --format json' },
      { flags: '-o, --output <file>', description: 'write to FILE instead of stdout; an existing FILE is replaced (atomically)' },
    ],
    load: () => import('./commands/export.js').then(({ exportSession }) => exportSession),
  },
  {
    name: 'new',
    description: "scaffold a question file with its rubric's stages and TODOs to fill in; asks for what is missing in a terminal",
    options: [
      { flags: '--id <id>', description: 'question id, kebab-case (also the file name)' },
      { flags: '--category <category>', description: `category: ${CATEGORIES.join(', ')}` },
      { flags: '--title <title>', description: 'a short name for the question' },
      { flags: '--rubric <id>', description: 'the rubric whose stages to use (default ml-system-design)' },
      { flags: '--difficulty <level>', description: 'difficulty', choices: DIFFICULTIES, default: 'medium' },
      { flags: '--dir <dir>', description: 'write questions/<category>/<id>.yaml under DIR (default: the current directory)' },
    ],
    helpAfter: [
      'Exit codes: 0 written, 1 the file or id already exists (nothing is overwritten), 2 usage error (a missing flag without a terminal, a bad id, category or rubric), 130 interrupted.',
    ],
    load: () => import('./commands/new.js').then(({ newQuestion }) => newQuestion),
  },
  {
    name: 'schema',
    description: 'print the JSON Schema (draft-07) of question, rubric or config files, for editors and validators',
    arguments: [{ usage: '<kind>', description: 'which format', choices: ['question', 'rubric', 'config'] }],
    withoutConfig: true,
    load: () => import('./commands/schema.js').then(({ schema }) => schema),
  },
  {
    name: 'diagram',
    description: 'draw an edge list (events -> feature store -> model) as box-drawing text, Mermaid or JSON',
    arguments: [{ usage: '[file]', description: "a file of edges, one chain per line; '-' or none reads stdin" }],
    options: [
      { flags: '-f, --format <format>', description: 'text (a drawing), mermaid (a flowchart) or json', choices: DIAGRAM_FORMATS, default: 'text' },
      { flags: '-w, --width <columns>', description: 'fit the drawing to this many columns (default: the terminal width, 80 when piped)', parse: columnCount },
      { flags: '-q, --question <id>', description: "compare the drawing with this question's reference diagram" },
    ],
    helpAfter: [
      'Each line is a chain of edges, a -> b -> c, optionally labelled, ranker -[top 500]-> re-ranker, written backwards with <-, both ways with <->, or a lone component; # starts a comment.',
      'Exit codes: 0 drawn, 1 an unknown question or one without a reference diagram, 2 a line that is not an edge (file:line:col on stderr), empty input, an unreadable file or a usage error.',
    ],
    load: () => import('./commands/diagram.js').then(({ diagram }) => diagram),
  },
  {
    name: 'config',
    description: 'show your settings and where each comes from (flag, environment, config file, default)',
    arguments: [{ usage: '[action]', description: "'path' prints the config file's path; 'init' writes a commented file with every default", choices: ['path', 'init'] }],
    options: [{ flags: '--json', description: 'print { file, settings: { <key>: { value, source } } }; with path, { file, exists }; with init, { file }' }],
    helpAfter: [
      'The file: $MLDRILL_CONFIG, else $XDG_CONFIG_HOME/mldrill/config.yaml, else ~/.config/mldrill/config.yaml (%APPDATA%\\mldrill\\config.yaml on Windows). Environment variables override it, and flags override both.',
      "Exit codes: 0 ok, 1 'init' found a file already there (nothing is overwritten), 2 a problem in the file.",
    ],
    withoutConfig: true,
    withoutBankCheck: true,
    load: () => import('./commands/config.js').then(({ config }) => config),
  },
  {
    name: 'completion',
    description: 'print the tab-completion script for a shell (see the README for the line to add to its start-up file)',
    arguments: [{ usage: '<shell>', description: 'which shell', choices: SHELLS }],
    withoutConfig: true,
    load: () => import('./commands/completion.js').then(({ completion }) => completion),
  },
  {
    // What the completion scripts call on every TAB: the candidates for the word at the cursor.
    name: '__complete',
    description: '',
    arguments: [
      { usage: '<index>', description: 'how many words come before the one being completed' },
      { usage: '[words...]', description: 'the words after mldrill, up to the cursor' },
    ],
    hidden: true,
    withoutConfig: true,
    withoutBankCheck: true,
    load: () =>
      import('./commands/__complete.js').then(({ complete }) => (values: { index: string; words: string[] }, io: Io) =>
        complete({ index: Number(values.index), words: values.words, program: () => buildProgram(io, { exitCode: 0 }), defaultCommand: DEFAULT_COMMAND }, io),
      ),
  },
];

export const COMMANDS = TABLE.map((spec) => spec.name);

/**
 * The options typed on the command line, without the values commander implies (a lone
 * `--no-ready` makes `ready` true by default), so that the config file's value shows through
 * wherever no flag was given.
 */
export function typedOptions(command: Command): Record<string, unknown> {
  return Object.fromEntries(Object.entries(command.opts()).filter(([key]) => command.getOptionValueSource(key) === 'cli'));
}

function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  const parse = spec.parse;
  if (parse) option.argParser((value: string, previous: unknown) => parse(value, previous));
  if (spec.default !== undefined) option.default(spec.default);
  return option;
}

function argumentOf(spec: ArgumentSpec): Argument {
  const argument = new Argument(spec.usage, spec.description);
  if (spec.choices) argument.choices(spec.choices);
  if (spec.default !== undefined) argument.default(spec.default);
  return argument;
}

/** The help's width: the terminal's, 80 when piped (as Commander's own). */
const helpWidth = (io: Io) => (io.stdout.isTTY ? io.stdout.columns : 80);

/** Help text after the options: each paragraph wrapped at word breaks to the help's width. */
function helpParagraphs(paragraphs: readonly string[], io: Io, indent = '  '): string {
  return `\n${paragraphs.flatMap((paragraph) => wrap(paragraph, helpWidth(io), indent)).join('\n')}\n`;
}

/** Defines one command from its entry; its action loads the module and records the exit code. */
function define(program: Command, spec: CommandSpec, io: Io, result: CommandResult): void {
  const command = program
    .command(spec.name, { isDefault: spec.name === DEFAULT_COMMAND, hidden: spec.hidden })
    .description(spec.description);
  for (const argument of spec.arguments ?? []) command.addArgument(argumentOf(argument));
  for (const option of spec.options ?? []) command.addOption(optionOf(option));
  if (spec.hidden) command.allowUnknownOption().helpOption(false);
  const after = spec.helpAfter;
  if (after) command.addHelpText('after', () => helpParagraphs(after, io));
  command.action(async () => {
    const args: unknown[] = command.processedArgs;
    const { bank, ...options } = command.optsWithGlobals<Record<string, unknown>>();
    const values: Record<string, unknown> = { ...(spec.typedOnly ? typedOptions(command) : options), bank };
    for (const [i, argument] of command.registeredArguments.entries()) values[argument.name()] = args[i];
    // The option and argument definitions above give the values the shape the command's function takes.
    const run = (await spec.load()) as (values: Record<string, unknown>, io: Io) => Promise<number>;
    result.exitCode = await run(values, io);
  });
}

/**
 * Commander's message with each argument it quotes kept on one line (`\n` for a newline) and its
 * control characters spelled out (`\u001b`), as a file's name is shown: an argument holding
 * `\nerror: ...` would otherwise print a second line that reads as mldrill's own, and one
 * holding a colour sequence, stripped, would read as another value (`ha<ESC>[31mrd` rejected as
 * `hard`). Commander's own line breaks (its did-you-mean) stay. It quotes a whole argument or,
 * for `--flag=value`, one side of it.
 */
function argumentsShown(text: string, argv: readonly string[]): string {
  const quoted = argv.flatMap((arg) => [arg, ...arg.split('=')]).filter((part) => fileShown(part) !== part).sort((a, b) => b.length - a.length);
  return quoted.reduce((out, part) => out.replaceAll(part, fileShown(part)), text);
}

/**
 * The program for argv. When argv starts with a command's name, only that command is defined:
 * it alone can run, and defining the others costs every scripted call a few milliseconds.
 * Anything else (help, a global option first, a question id for the default command) gets all.
 */
export async function buildProgram(io: Io, result: CommandResult, argv: readonly string[] = []): Promise<Command> {
  const only = COMMANDS.includes(argv[0] ?? '') ? argv[0] : undefined;
  const program = new Command('mldrill');
  program
    .description('Drill machine-learning system design interviews: staged, timed, self-assessed.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--bank <dir>', 'also load questions and rubrics from DIR (repeatable; see also MLDRILL_BANK)', collect)
    .showSuggestionAfterError()
    // Commander leaves a description unwrapped when under 40 columns are left for it: at 60 the terminal would break its words.
    .configureHelp({ showGlobalOptions: true, minWidthToWrap: 20 })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander quotes the arguments it rejects, colour sequences and all: none of them is mldrill's own.
      writeErr: (text) => io.stderr.write(stripControl(argumentsShown(text, argv))),
      // Commander would ask process.stdout; the width is the Io's, as for the text after the options.
      getOutHelpWidth: () => helpWidth(io),
    })
    .addHelpText('after', () => helpParagraphs([
      'Exit codes: 0 ok, 1 findings, no matching question or unknown id, 2 usage error, 130 interrupted.',
      "Run 'mldrill <command> --help' for a command's options.",
    ], io, ''));

  const specOf = (command: Command) => TABLE.find((spec) => spec.name === command.name());
  // A mistyped --bank or MLDRILL_BANK fails every command, not only those that read the bank:
  // `history --bank /no/such` succeeding would hide the typo.
  program.hook('preAction', (_program, command) => {
    result.command = command.name();
    if (specOf(command)?.withoutBankCheck) return;
    bankDirectories(io.cwd, io.env, { bank: command.optsWithGlobals<{ bank?: string[] }>().bank });
  });
  // The config file is read (and checked) before the command, which then asks for settings synchronously.
  program.hook('preAction', async (_program, command) => {
    if (!specOf(command)?.withoutConfig) await loadConfig(io);
  });

  for (const spec of TABLE) if (only === undefined || only === spec.name) define(program, spec, io, result);
  return program;
}
