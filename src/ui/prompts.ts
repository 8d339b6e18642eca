// The only module that talks to Inquirer. It refuses to prompt without a terminal and turns
// Ctrl-C, SIGTERM and a closed terminal into InterruptedError, so callers handle one thing.
import { emitKeypressEvents, type Interface } from 'node:readline';
import type { QuestionSummary } from '../bank/catalog.js';
import { InterruptedError, UsageError } from '../errors.js';
import type { Io, SuspendPhase } from '../io.js';
import type { ScoredItem } from '../session/interview.js';
import type { SessionState } from '../session/engine.js';
import { stripControl } from '../text.js';
import { styleFor, type Style } from './colour.js';
import type { OnSuspend, Typeahead } from './inquirer.js';
import { PASTE_OFF, SHOW_CURSOR } from './terminal-codes.js';
import type { EvidenceSource } from '../score/suggest.js';
import type { StagePromptConfig } from './stage-prompt.js';
import type { Colour } from '../config/keys.js';

/** How long a lone Esc waits for the rest of a sequence: as Neovim's ttimeoutlen. */
const ESCAPE_WAIT_MS = 50;

const NON_INTERACTIVE_HINT =
  'for scripts and pipes use the non-interactive commands: mldrill list, show, random, daily (with --json or --plain)';

/** What the self-assessment of a stage shows beside its checklist. */
export interface AssessContext {
  /** The stage's title, for the line left once confirmed. */
  title: string;
  notes: string;
  /** Suggested item id -> the words of the notes that suggested it. */
  evidence: ReadonlyMap<string, string>;
  /** Suggested item id -> where its words are, when not in this stage's notes. */
  evidenceFrom?: ReadonlyMap<string, EvidenceSource>;
}

export interface Prompter {
  /** The palette of the interactive screen. */
  style: Style;
  columns: number;
  /** Writes to the interactive screen (between prompts), not to stdout's data. */
  say(text: string): void;
  /** The picker: sorted by title (byTitle), each drilled question marked with its last score (`lastScores`, by id). */
  chooseQuestion(questions: readonly QuestionSummary[], lastScores?: ReadonlyMap<string, number>): Promise<QuestionSummary>;
  runStage(config: Omit<StagePromptConfig, 'style' | 'now' | 'size' | 'onResize' | 'onSuspend' | 'typeahead'>): Promise<SessionState>;
  /** How `assess` ticks and confirms, for the intro above it; absent, Space and Enter. */
  assessKeys?: string;
  /** Returns the ids the user ticked; `context` shows the stage's notes and why items are pre-ticked. */
  assess(message: string, items: readonly ScoredItem[], preselected?: ReadonlySet<string>, context?: AssessContext): Promise<string[]>;
  /** One line of text; `validate` returns true or what is wrong, shown under the prompt. */
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  /** One of the choices, starting on `default`. */
  select<T extends string>(options: { message: string; choices: ReadonlyArray<{ value: T; name: string; description?: string }>; default?: T }): Promise<T>;
}

/** Throws a usage error at once when there is no terminal to prompt on. */
export function requireTerminal(io: Io, command: string): void {
  if (!io.terminal.input.isTTY || !io.terminal.output.isTTY) throw new UsageError(`${command} is interactive and needs a terminal; ${NON_INTERACTIVE_HINT}`);
}

/** Inquirer's theme in our palette; Inquirer passes extra arguments, so each takes only the text. */
function theme(style: Style) {
  const only = (paint: (text: string) => string) => (text: string) => paint(text);
  return {
    prefix: { idle: style.accent('?'), done: style.good('✔') },
    style: {
      answer: only(style.accent),
      message: only(style.heading),
      error: (text: string) => style.bad(`> ${text}`),
      help: only(style.dim),
      highlight: only(style.accent),
      key: (text: string) => style.accent(`<${text}>`),
      description: only(style.dim),
      disabled: only(style.dim),
      searchTerm: only(style.accent),
      defaultAnswer: (text: string) => style.dim(`(${text})`),
    },
  };
}

/** The terminal's size, read at each render so a resized terminal gets a screen that fits it (0 is unknown), and its resizes. */
function terminalSize(io: Io) {
  const output = io.terminal.output as NodeJS.WritableStream & { columns?: number; rows?: number };
  return {
    size: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
    onResize: (listener: () => void) => {
      output.on('resize', listener);
      return () => void output.off('resize', listener);
    },
  };
}

/** colour: the config file's preference (src/app/config.ts). */
export async function createPrompter(io: Io, signal: AbortSignal, colour: Colour = 'auto'): Promise<Prompter> {
  // A terminal that cannot move its cursor gets the drill a line at a time.
  if (io.env.TERM === 'dumb') return (await import('./line-prompts.js')).createLinePrompter(io, signal);
  const context = { input: io.terminal.input, output: io.terminal.output, signal };
  // The terminal's keys are decoded once, for every readline on it, with the wait that tells a
  // lone Esc from the start of an escape sequence (an arrow's) set here: Node's default, half a
  // second, made Esc lag behind the screen. A terminal sends a sequence in one write.
  emitKeypressEvents(io.terminal.input, { escapeCodeTimeout: ESCAPE_WAIT_MS } as unknown as Interface);
  // The screen is a terminal (requireTerminal), so only NO_COLOR, TERM=dumb, FORCE_COLOR and the config decide.
  const style = await styleFor({ isTTY: true }, io.env, colour);
  const columns = io.terminal.output.columns || 80;
  // Keys typed while no prompt takes them (see Typeahead): kept from the moment one finishes, or
  // a full-screen one is called for, until that one has drawn itself, then typed into it. So
  // keys typed while mldrill starts up reach its first screen too, as a terminal's typeahead
  // reaches the program that reads next (Inquirer drops them, on Node 22 every time). A stock
  // Inquirer prompt (input, select) takes none: what was kept is dropped when one starts, as
  // Inquirer itself would drop it. Listened for only in between: a keypress listener left on the
  // input would hold the terminal.
  const keys = io.terminal.input;
  const kept: unknown[][] = [];
  let keeping = false;
  const keep = (...key: unknown[]) => void kept.push(key);
  const stopKeeping = () => {
    keeping = false;
    keys.off('keypress', keep);
  };
  const startKeeping = () => {
    if (keeping) return;
    keeping = true;
    keys.on('keypress', keep);
  };
  const typeahead: Typeahead = {
    finished: startKeeping,
    keeping: () => keeping,
    started: () => {
      stopKeeping();
      for (const key of kept.splice(0)) keys.emit('keypress', ...key);
    },
  };
  const dropTypeahead = () => {
    stopKeeping();
    kept.length = 0;
  };

  let active = 0;
  let resumedBehindReadline = false;
  /** `fullScreen`: one of our prompts, which types the kept keys into itself (useTypeahead). */
  const guard = async <T>(prompt: () => Promise<T>, fullScreen = false): Promise<T> => {
    // Inquirer opens its readline (raw mode, stdin held) before it looks at an already aborted
    // signal, and never closes it: a Ctrl-C between two prompts would hang the process.
    if (signal.aborted) throw new InterruptedError('');
    if (fullScreen) startKeeping();
    else dropTypeahead();
    active += 1;
    try {
      return await prompt();
    } catch (error) {
      // A prompt that failed before it drew itself never took what was kept, nor stopped keeping.
      dropTypeahead();
      const name = (error as Error)?.name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new InterruptedError('');
      throw error;
    } finally {
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
  const suspendListeners = new Set<(phase: SuspendPhase) => void>();
  io.onSuspend?.((phase) => {
    const input = io.terminal.input as NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (raw: boolean) => void };
    if (phase === 'stop') {
      suspendListeners.forEach((listener) => listener(phase));
      if (input.isRaw) input.setRawMode?.(false);
      // The cursor back, and bracketed paste off (the stage screen's), for the shell.
      io.terminal.output.write(`${SHOW_CURSOR}${PASTE_OFF}`);
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

  /** What each prompt listens to for Ctrl-Z and `fg`: it draws itself again on `fg`. */
  const onSuspend: OnSuspend = (listener) => {
    suspendListeners.add(listener);
    return () => void suspendListeners.delete(listener);
  };

  return {
    style,
    columns,
    // Paths, titles and messages said between prompts pass the one sanitiser (only colour stays).
    say: (text) => void io.terminal.output.write(stripControl(text, { keepStyle: true })),

    async chooseQuestion(unsorted, lastScores = new Map()) {
      const pickPrompt = await (await import('./pick-prompt.js')).loadPickPrompt();
      const { size, onResize } = terminalSize(io);
      // Cleared when done, Ctrl-C included: the list must not linger above the question or the shell prompt.
      return guard(() => pickPrompt({ questions: unsorted, lastScores, style, size, onResize, onSuspend, typeahead }, { ...context, clearPromptOnDone: true }), true);
    },

    async runStage(config) {
      const stagePrompt = await (await import('./stage-prompt.js')).loadStagePrompt();
      const { size, onResize } = terminalSize(io);
      return guard(() => stagePrompt({ ...config, style, now: io.now, size, onResize, onSuspend, typeahead }, context), true);
    },

    async assess(message, items, preselected = new Set(), beside) {
      const assessPrompt = await (await import('./assess-prompt.js')).loadAssessPrompt();
      const { size, onResize } = terminalSize(io);
      const shown = beside ?? { title: message, notes: '', evidence: new Map<string, string>() };
      return guard(() => assessPrompt({ message, items, preselected, ...shown, style, size, onResize, onSuspend, typeahead }, context), true);
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
