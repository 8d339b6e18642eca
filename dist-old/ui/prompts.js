import { InterruptedError, UsageError } from '../errors.js';
import { compareText } from '../text.js';
import { gradeStyle, styleFor } from './colour.js';
const SHOW_CURSOR = '\u001b[?25h';
const NON_INTERACTIVE_HINT = 'for scripts and pipes use the non-interactive commands: mldrill list, show, random, daily (with --json or --plain)';
/** The picker's order: by title, what it shows (code-point order, like every list of mldrill's). */
export function byTitle(questions) {
    return [...questions].sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));
}
/** Throws a usage error at once when there is no terminal to prompt on. */
export function requireTerminal(io, command) {
    if (!io.terminal.input.isTTY || !io.terminal.output.isTTY)
        throw new UsageError(`${command} is interactive and needs a terminal; ${NON_INTERACTIVE_HINT}`);
}
/** Inquirer's theme in our palette; Inquirer passes extra arguments, so each takes only the text. */
function theme(style) {
    const only = (paint) => (text) => paint(text);
    return {
        prefix: { idle: style.accent('?'), done: style.good('✔') },
        style: {
            answer: only(style.accent),
            message: only(style.heading),
            error: (text) => style.bad(`> ${text}`),
            help: only(style.dim),
            highlight: only(style.accent),
            key: (text) => style.accent(`<${text}>`),
            description: only(style.dim),
            disabled: only(style.dim),
            searchTerm: only(style.accent),
            defaultAnswer: (text) => style.dim(`(${text})`),
        },
    };
}
/** The terminal's size, read at each render so a resized terminal gets a screen that fits it (0 is unknown), and its resizes. */
function terminalSize(io) {
    const output = io.terminal.output;
    return {
        size: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
        onResize: (listener) => {
            output.on('resize', listener);
            return () => void output.off('resize', listener);
        },
    };
}
/** colour: the config file's preference (src/app/config.ts). */
export async function createPrompter(io, signal, colour = 'auto') {
    // A terminal that cannot move its cursor gets the drill a line at a time.
    if (io.env.TERM === 'dumb')
        return (await import('./line-prompts.js')).createLinePrompter(io, signal);
    const context = { input: io.terminal.input, output: io.terminal.output, signal };
    // The screen is a terminal (requireTerminal), so only NO_COLOR, TERM=dumb, FORCE_COLOR and the config decide.
    const style = await styleFor({ isTTY: true }, io.env, colour);
    const columns = io.terminal.output.columns || 80;
    let active = 0;
    let resumedBehindReadline = false;
    const guard = async (prompt) => {
        // Inquirer opens its readline (raw mode, stdin held) before it looks at an already aborted
        // signal, and never closes it: a Ctrl-C between two prompts would hang the process.
        if (signal.aborted)
            throw new InterruptedError('');
        active += 1;
        try {
            return await prompt();
        }
        catch (error) {
            const name = error?.name;
            if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError')
                throw new InterruptedError('');
            throw error;
        }
        finally {
            active -= 1;
            // Input resumed behind readline's back (see below) is not paused by its close: pause it
            // here, or it would keep the process running after the last prompt.
            if (active === 0 && resumedBehindReadline) {
                resumedBehindReadline = false;
                io.terminal.input.pause();
            }
        }
    };
    // Ctrl-Z: the terminal is handed back with its cursor and line editing before the process
    // stops. On `fg`, Node's readline pauses the input and waits for someone to resume it, which
    // froze every key, Ctrl-C included: resume it, with raw mode, once readline is done.
    const suspendListeners = new Set();
    io.onSuspend?.((phase) => {
        const input = io.terminal.input;
        if (phase === 'stop') {
            suspendListeners.forEach((listener) => listener(phase));
            if (input.isRaw)
                input.setRawMode?.(false);
            io.terminal.output.write(SHOW_CURSOR);
            return;
        }
        setImmediate(() => {
            if (active > 0) {
                input.setRawMode?.(true);
                input.resume();
                resumedBehindReadline = true;
            }
            suspendListeners.forEach((listener) => listener(phase));
        });
    });
    return {
        style,
        columns,
        say: (text) => void io.terminal.output.write(text),
        async chooseQuestion(unsorted, lastScores = new Map()) {
            const { search } = await import('@inquirer/prompts');
            const questions = byTitle(unsorted);
            const last = (question) => {
                const score = lastScores.get(question.id);
                return score === undefined ? '' : ` ${style.dim('·')} ${gradeStyle(style)(score)(`last ${score}%`)}`;
            };
            return guard(() => search({
                message: 'Pick a question (type to filter)',
                pageSize: 12,
                theme: theme(style),
                source: (term) => {
                    const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
                    return questions
                        .filter((question) => {
                        const haystack = [question.id, question.title, question.category, question.difficulty, ...(question.tags ?? []), ...(question.companies ?? [])].join(' ').toLowerCase();
                        return words.every((word) => haystack.includes(word));
                    })
                        .map((question) => ({
                        value: question,
                        name: `${question.title} ${style.dim(`(${question.category}, ${question.difficulty})`)}${last(question)}`,
                        short: question.title,
                        description: question.id,
                    }));
                },
            }, 
            // Cleared when done, Ctrl-C included: the list must not linger above the question or the shell prompt.
            { ...context, clearPromptOnDone: true }));
        },
        async runStage(config) {
            const stagePrompt = await (await import('./stage-prompt.js')).loadStagePrompt();
            const { size, onResize } = terminalSize(io);
            const onSuspend = (listener) => {
                suspendListeners.add(listener);
                return () => void suspendListeners.delete(listener);
            };
            return guard(() => stagePrompt({ ...config, style, now: io.now, size, onResize, onSuspend }, context));
        },
        async assess(message, items, preselected = new Set(), beside) {
            const assessPrompt = await (await import('./assess-prompt.js')).loadAssessPrompt();
            const { size, onResize } = terminalSize(io);
            const shown = beside ?? { title: message, notes: '', evidence: new Map() };
            return guard(() => assessPrompt({ message, items, preselected, ...shown, style, size, onResize }, context));
        },
        async input(options) {
            const { input } = await import('@inquirer/prompts');
            return guard(() => input({ ...options, required: true, theme: theme(style) }, context));
        },
        async select(options) {
            const { select } = await import('@inquirer/prompts');
            return guard(() => select({ message: options.message, choices: options.choices, default: options.default, pageSize: 12, theme: theme(style) }, context));
        },
    };
}
