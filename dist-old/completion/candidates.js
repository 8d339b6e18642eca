import { CATEGORIES } from '../bank/categories.js';
/** The commands whose first argument is a question id, and those whose is a session id (or `last`). */
const QUESTION_ID_COMMANDS = ['drill', 'show', 'ask', 'grade'];
const SESSION_ID_COMMANDS = ['export', 'resume', 'grade'];
/** Values of options that have no fixed choices, by the option's attribute name. */
const OPTION_VALUES = {
    rubric: (sources) => sources.rubricIds(),
    tag: (sources) => sources.tags(),
    category: async () => CATEGORIES,
};
/**
 * The candidates for words[index] (empty when the cursor starts a new word), given the words
 * before it (those after `mldrill`). An empty list lets the shell complete file names.
 */
export async function completeWords(program, words, index, sources, defaultCommand) {
    const help = program.createHelp();
    const current = words[index] ?? '';
    const before = words.slice(0, index);
    const offer = (values, prefix = '') => [...new Set(values)].map((value) => prefix + value).filter((value) => value.startsWith(prefix + current.slice(prefix.length)));
    // Walk the words before the cursor: which command, which of its arguments, an option awaiting a value.
    let command;
    let positional = 0;
    let awaiting;
    for (let i = 0; i < before.length; i++) {
        const word = before[i];
        if (awaiting) {
            awaiting = undefined;
            continue;
        }
        // bash splits `--format=json` at the `=`: the option, `=`, then the value.
        if (word === '=')
            continue;
        if (word.startsWith('-') && word !== '-') {
            const option = findOption(command, program, word.split('=')[0]);
            if (option && takesValue(option) && !word.includes('=') && before[i + 1] !== '=')
                awaiting = option;
            if (option && takesValue(option) && before[i + 1] === '=')
                i++;
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
    if (awaiting)
        return offer(await valuesOf(awaiting, sources));
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
    if (!command)
        return offer(help.visibleCommands(program).map((each) => each.name()));
    return offer(await argumentValues(command, positional, sources, help));
}
async function argumentValues(command, positional, sources, help) {
    const name = command.name();
    const values = [];
    if (positional === 0) {
        if (QUESTION_ID_COMMANDS.includes(name))
            values.push(...(await sources.questionIds()));
        if (SESSION_ID_COMMANDS.includes(name))
            values.push('last', ...(await sources.sessionIds()));
        values.push(...help.visibleCommands(command).map((each) => each.name()));
    }
    const argument = command.registeredArguments[Math.min(positional, command.registeredArguments.length - 1)];
    if (argument && (positional < command.registeredArguments.length || argument.variadic))
        values.push(...(argument.argChoices ?? []));
    return values;
}
function valuesOf(option, sources) {
    if (option.argChoices)
        return Promise.resolve(option.argChoices);
    return OPTION_VALUES[option.attributeName()]?.(sources) ?? Promise.resolve([]);
}
function findOption(command, program, flag) {
    return [...(command?.options ?? []), ...program.options].find((option) => option.long === flag || option.short === flag);
}
const takesValue = (option) => option.required || option.optional;
/** The long flags (short where there is none) of the command, then the global ones and --help. */
function optionsOf(command, program, help) {
    const flag = (option) => option.long ?? option.short;
    const own = help.visibleOptions(command ?? program).map(flag);
    const globals = command ? help.visibleOptions(program).filter((option) => option.long !== '--version' && option.long !== '--help').map(flag) : [];
    return [...own, ...globals];
}
