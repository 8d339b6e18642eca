// What TAB offers for the word at the cursor, worked out from the command table itself, so that a
// command, option or choice added there completes with no change here. Only what the table
// cannot know (question ids, session ids, rubric ids, tags) comes from `sources`.
import type { Command, Help, Option } from '../commander.js';
import { CATEGORIES } from '../bank/categories.js';

/** Where the values that live outside the command table come from. */
export interface CompletionSources {
  questionIds(): Promise<readonly string[]>;
  sessionIds(): Promise<readonly string[]>;
  /** The interrupted sessions `resume` would take, newest first. */
  resumableIds(): Promise<readonly string[]>;
  rubricIds(): Promise<readonly string[]>;
  tags(): Promise<readonly string[]>;
}

/**
 * The commands whose first argument is a question id, and those whose is a session id (or
 * `last`): any session, or (resume) only one it would take.
 */
const QUESTION_ID_COMMANDS = ['drill', 'show', 'ask', 'grade'];
const SESSION_ID_COMMANDS: Record<string, (sources: CompletionSources) => Promise<readonly string[]>> = {
  export: (sources) => sources.sessionIds(),
  grade: (sources) => sources.sessionIds(),
  resume: (sources) => sources.resumableIds(),
};

type Values = (sources: CompletionSources) => Promise<readonly string[]>;

/** Values of options that have no fixed choices, by the option's attribute name. */
const OPTION_VALUES: Record<string, Values> = {
  // `diagram --question <id>`.
  question: (sources) => sources.questionIds(),
  rubric: (sources) => sources.rubricIds(),
  tag: (sources) => sources.tags(),
  category: async () => CATEGORIES,
};

/**
 * The candidates for words[index] (empty when the cursor starts a new word), given the words
 * before it (those after `mldrill`). An empty list lets the shell complete file names.
 */
export async function completeWords(program: Command, words: readonly string[], index: number, sources: CompletionSources, defaultCommand?: string): Promise<string[]> {
  const help = program.createHelp();
  // bash at `--format=` with the cursor just after the `=`: the word at the cursor is the `=`
  // itself, and readline puts the candidate after it, so the value is still to be typed.
  const atEquals = words[index] === '=' && (words[index - 1] ?? '').startsWith('-');
  const current = atEquals ? '' : words[index] ?? '';
  const before = atEquals ? words.slice(0, index + 1) : words.slice(0, index);
  const offer = (values: readonly string[], prefix = '') =>
    [...new Set(values)].map((value) => prefix + value).filter((value) => value.startsWith(prefix + current.slice(prefix.length)));

  // Walk the words before the cursor: which command, which of its arguments, an option awaiting a value.
  let command: Command | undefined;
  let positional = 0;
  let awaiting: Option | undefined;
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (awaiting) {
      awaiting = undefined;
      continue;
    }
    // bash splits `--format=json` at the `=`: the option, `=`, then the value.
    if (word === '=') continue;
    if (word.startsWith('-') && word !== '-') {
      const option = findOption(command, program, word.split('=')[0]!);
      // bash's `--bank`, `=`, `DIR`: the word after the `=` is the value too, not an argument.
      if (option && takesValue(option) && before[i + 1] === '=') i++;
      if (option && takesValue(option) && !word.includes('=')) awaiting = option;
      continue;
    }
    if (!command) {
      command = program.commands.find((each) => each.name() === word || each.aliases().includes(word));
      // Not a command: the default command's argument (`mldrill feed-ranking`).
      if (!command) {
        command = program.commands.find((each) => each.name() === defaultCommand);
        positional = 1;
      }
      continue;
    }
    positional++;
  }

  if (awaiting) return offer(await valuesOf(awaiting, sources));
  if (before[before.length - 1] === '=') {
    const option = findOption(command, program, before[before.length - 2] ?? '');
    return option ? offer(await valuesOf(option, sources)) : [];
  }
  if (current.startsWith('-')) {
    const equals = current.indexOf('=');
    if (equals > 0) {
      const option = findOption(command, program, current.slice(0, equals));
      return option ? offer(await valuesOf(option, sources), current.slice(0, equals + 1)) : [];
    }
    return offer(optionsOf(command, program, help));
  }
  const commands = help.visibleCommands(program).map((each) => each.name());
  if (!command) {
    // `mldrill <id>` drills it: a start that no command has is a question id's.
    const matching = offer(commands);
    return matching.length > 0 || current === '' ? matching : offer(await sources.questionIds());
  }
  // `mldrill help <command>`: help is commander's own, with no argument in the table.
  if (before.length === 1 && before[0] === 'help') return offer(commands.filter((name) => name !== 'help'));
  return offer(await argumentValues(command, positional, sources, help));
}

/**
 * A word as the command will receive it: bash and zsh hand over the words as typed, quotes
 * included, and the one at the cursor may open a quote it has not closed yet (`'you`). The shell
 * itself puts the candidate after that quote and closes it, so the candidates are plain words.
 */
export function unquote(word: string): string {
  let text = '';
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else text += char;
    } else if (char === '\\' && i + 1 < word.length && (quote === undefined || '\\"$`'.includes(word[i + 1]!))) {
      text += word[++i];
    } else if (char === quote) quote = undefined;
    else if (quote === undefined && (char === "'" || char === '"')) quote = char;
    else text += char;
  }
  return text;
}

async function argumentValues(command: Command, positional: number, sources: CompletionSources, help: Help): Promise<string[]> {
  const name = command.name();
  const values: string[] = [];
  if (positional === 0) {
    if (QUESTION_ID_COMMANDS.includes(name)) values.push(...(await sources.questionIds()));
    const sessions = await SESSION_ID_COMMANDS[name]?.(sources);
    // `last` only where there is one: `resume last` with nothing to resume is refused.
    if (sessions?.length) values.push('last', ...sessions);
    values.push(...help.visibleCommands(command).map((each) => each.name()));
  }
  const argument = command.registeredArguments[Math.min(positional, command.registeredArguments.length - 1)];
  if (argument && (positional < command.registeredArguments.length || argument.variadic)) values.push(...(argument.argChoices ?? []));
  return values;
}

function valuesOf(option: Option, sources: CompletionSources): Promise<readonly string[]> {
  if (option.argChoices) return Promise.resolve(option.argChoices);
  return OPTION_VALUES[option.attributeName()]?.(sources) ?? Promise.resolve([]);
}

function findOption(command: Command | undefined, program: Command, flag: string): Option | undefined {
  return [...(command?.options ?? []), ...program.options].find((option) => option.long === flag || option.short === flag);
}

const takesValue = (option: Option) => option.required || option.optional;

/** The long flags (short where there is none) of the command, then the global ones and --help. */
function optionsOf(command: Command | undefined, program: Command, help: Help): string[] {
  const flag = (option: Option) => option.long ?? option.short!;
  const own = help.visibleOptions(command ?? program).map(flag);
  const globals = command ? help.visibleOptions(program).filter((option) => option.long !== '--version' && option.long !== '--help').map(flag) : [];
  return [...own, ...globals];
}
