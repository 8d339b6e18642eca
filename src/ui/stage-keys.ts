// The stage screen's keys: one table, so that the screen's key line, the README and the
// handling all read from the same place, and a new pane or key (a diagram pad, "ask the
// interviewer") is one row here and one case in the step (stage-step.ts). Writing is the
// default: every printable key goes to the notes, and commands sit on keys that prose cannot
// type by accident.

/** What a key asks the stage screen to do. */
export type StageAction =
  | 'hint' // reveal the next hint
  | 'pause' // pause or resume the clock
  | 'next' // end the stage (Enter on an empty line)
  | 'commit' // Enter on a line with text: add it to the notes (or put an edited line back)
  | 'back' // go back to the previous stage, its clock running again
  | 'edit-up' // edit the line above (self mode) / move the checklist cursor up (interviewer)
  | 'edit-down'
  | 'tick' // interviewer mode: tick the item under the cursor (Space on an empty line)
  | 'followups' // interviewer mode: show every follow-up even when the screen is folded
  | 'facts' // interviewer mode: the fact sheet whole (when cut to fit), hidden, or shown
  | 'ask' // `?` on an empty line: open the line mode 'ask', a question to the interviewer
  | 'pad' // Ctrl-G: open the line mode 'pad', the diagram pad
  | 'send' // Enter in a line mode: send the line (ask the question, add the line to the diagram)
  | 'cancel' // Esc in a line mode: back to the notes (a question is not sent)
  | 'recall' // the pad, on an empty line: ↑ or Backspace takes the diagram's last line back to edit
  | 'start' // the ready gate: start the clock
  | 'type'; // anything else: readline edits the line being typed

/**
 * A one-line input that is not notes, opened by its key: a question to the interviewer (closed
 * by Enter or Esc), or the diagram pad (Enter adds a line and keeps it open; Esc closes it).
 * While one is open only its own keys act.
 */
export type LineMode = 'ask' | 'pad';

/** Per line mode: the prompt in front of the line, and what the line under it says. */
export const LINE_MODES: Record<LineMode, { prompt: string; help: string }> = {
  ask: { prompt: '? ask the interviewer>', help: 'Ask the interviewer one question; Enter asks, Esc goes back to the notes.' },
  pad: { prompt: '◇ diagram>', help: 'Edges: events -> features -> ranker, a -[label]-> b, or a lone box.' },
};

/** The key as Inquirer's useKeypress reports it. */
export interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  /** What the key typed: how printable keys with no name (`?`) are told apart. */
  sequence?: string;
}

export interface KeyContext {
  /** The line being typed, as it was before this key. */
  line: string;
  interviewer: boolean;
  /** Waiting at the ready gate: the clock has not started. */
  gated: boolean;
  /** There is a stage to go back to. */
  canGoBack: boolean;
  /** The line mode open, if any: only its own keys act, the rest type. */
  lineMode?: LineMode;
  /** Interviewer mode with a fact sheet to show. */
  facts?: boolean;
  /** Inside a paste (bracketed by the terminal): pasted text is text, whatever its keys. */
  pasting?: boolean;
  /** The clock is paused (Ctrl-P): the key line offers to resume it. */
  paused?: boolean;
  /** False once every hint of the stage is on screen (or it has none): Tab's hint is not shown. */
  hintsLeft?: boolean;
}

interface Binding {
  /** As shown on screen and in the README. */
  label: string;
  does: string;
  matches: (key: Key, context: KeyContext) => boolean;
  action: StageAction;
  /** Shown in the key line only when this holds. */
  shown?: (context: KeyContext) => boolean;
  /** Acts only while this line mode is open (and every binding without one only while none is). */
  lineMode?: LineMode;
}

const enter = (key: Key) => key.name === 'return' || key.name === 'enter';

/** Esc then Enter pressed within readline's wait for an escape sequence (or Alt-Enter): one key, Enter with meta. */
export const isEscEnter = (key: Key) => enter(key) && Boolean(key.meta);

/**
 * The key typed right after Esc, within readline's wait for an escape sequence: it arrives as
 * Alt and that key, which readline drops (but for its Alt-b, Alt-f and Alt-d), so it is typed by
 * the stage screen. '' when the key is not that.
 */
export function typedAfterEsc({ meta, sequence = '', name = '' }: Key): string {
  const [esc, typed = '', ...more] = [...sequence];
  const printable = typed !== '' && typed.codePointAt(0)! >= 0x20 && typed !== '\u007f';
  return meta && esc === '\u001b' && printable && more.length === 0 && !['b', 'f', 'd'].includes(name) ? typed : '';
}

/** Every command key of the stage screen, in the order the key line shows them. */
const STAGE_KEYS: readonly Binding[] = [
  // Esc then Enter at once on an empty question: nothing to ask, so the Esc was meant (and the step hands the Enter to the notes), as in the pad.
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'ask', matches: (key, context) => isEscEnter(key) && context.line === '', shown: () => false },
  { label: 'Enter', does: 'ask', action: 'send', lineMode: 'ask', matches: (key) => enter(key) },
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'ask', matches: (key) => key.name === 'escape' },
  // Esc then a key at once (Alt and the key): back to the notes, the key typed there.
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'ask', matches: (key) => typedAfterEsc(key) !== '', shown: () => false },
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key) => typedAfterEsc(key) !== '', shown: () => false },
  // Esc then Enter arrive at once as Enter with meta: on an empty pad line there is nothing to add, so the Esc was meant (and the step hands the Enter to the notes).
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key, context) => isEscEnter(key) && context.line === '', shown: () => false },
  { label: 'Enter', does: 'add the line', action: 'send', lineMode: 'pad', matches: (key) => enter(key) },
  // Only on an empty line: Backspace there has nothing else to delete, and ↑ nothing else to do.
  { label: '↑', does: 'take back the last line', action: 'recall', lineMode: 'pad', matches: (key, context) => context.line === '' && (key.name === 'up' || key.name === 'backspace') },
  { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key) => key.name === 'escape' },
  { label: 'Enter', does: 'start the clock', action: 'start', matches: (key, context) => context.gated && enter(key), shown: (context) => context.gated },
  // Alt-Enter, and Esc then Enter, arrive as Enter with meta: one committed line, never two.
  { label: 'Enter', does: 'add the line to the notes', action: 'commit', matches: (key, context) => enter(key) && context.line.trim() !== '', shown: () => false },
  { label: 'Enter', does: 'on an empty line: next stage', action: 'next', matches: (key) => enter(key) },
  // Shown while a hint is left to reveal: with none, the key did nothing it could say.
  { label: 'Tab', does: 'hint', action: 'hint', matches: (key) => key.name === 'tab', shown: (context) => context.hintsLeft !== false },
  // One key pauses and resumes: the key line says which it will do now.
  { label: 'Ctrl-P', does: 'pause', action: 'pause', matches: (key) => Boolean(key.ctrl) && key.name === 'p', shown: (context) => !context.paused },
  { label: 'Ctrl-P', does: 'resume', action: 'pause', matches: (key) => Boolean(key.ctrl) && key.name === 'p', shown: (context) => Boolean(context.paused) },
  { label: '↑↓', does: 'edit earlier lines', action: 'edit-up', matches: (key, context) => !context.interviewer && key.name === 'up', shown: (context) => !context.interviewer },
  { label: '↓', does: '', action: 'edit-down', matches: (key, context) => !context.interviewer && key.name === 'down', shown: () => false },
  { label: '↑↓', does: 'move', action: 'edit-up', matches: (key, context) => context.interviewer && key.name === 'up', shown: (context) => context.interviewer },
  { label: '↓', does: '', action: 'edit-down', matches: (key, context) => context.interviewer && key.name === 'down', shown: () => false },
  { label: 'Space', does: 'on an empty line: tick', action: 'tick', matches: (key, context) => context.interviewer && key.name === 'space' && context.line === '', shown: (context) => context.interviewer },
  { label: 'Ctrl-F', does: 'all follow-ups', action: 'followups', matches: (key, context) => context.interviewer && Boolean(key.ctrl) && key.name === 'f', shown: (context) => context.interviewer },
  // `?` opens a question only on an empty line, so a line of notes may still hold one anywhere.
  { label: '?', does: 'ask the interviewer', action: 'ask', matches: (key, context) => !context.interviewer && context.line === '' && key.sequence === '?', shown: (context) => !context.interviewer },
  // Ctrl-G ("graph"): Ctrl-D, Ctrl-E and the like are line-editing keys of readline.
  { label: 'Ctrl-G', does: 'diagram', action: 'pad', matches: (key) => Boolean(key.ctrl) && key.name === 'g' },
  { label: 'Ctrl-O', does: 'fact sheet', action: 'facts', matches: (key, context) => context.interviewer && Boolean(key.ctrl) && key.name === 'o', shown: (context) => context.interviewer && Boolean(context.facts) },
  { label: 'Ctrl-B', does: 'previous stage', action: 'back', matches: (key, context) => context.canGoBack && Boolean(key.ctrl) && key.name === 'b', shown: (context) => context.canGoBack },
];

/** The action for a key; at the ready gate any key that types text starts the clock as well. */
export function stageAction(key: Key, context: KeyContext): StageAction {
  if (context.pasting) return pastedAction(key, context);
  for (const binding of active(context)) {
    // A question asked at the gate starts the clock too (the step does both).
    if (binding.matches(key, context)) return context.gated && !['start', 'type', 'ask', 'pad'].includes(binding.action) ? 'start' : binding.action;
  }
  // A control key of no binding types nothing: Ctrl-C at the gate quits with the clock unstarted.
  return context.gated && !key.ctrl ? 'start' : 'type';
}

/**
 * A key of pasted text: Enter adds the line (or sends it, in a line mode), and a blank line is a
 * paragraph break, not the end of the stage; every other key is text (a `?` at a line's start,
 * a tab, a BEL), never a command.
 */
function pastedAction(key: Key, context: KeyContext): StageAction {
  if (context.gated) return 'start';
  if (!enter(key)) return 'type';
  if (context.lineMode) return 'send';
  return context.line.trim() !== '' ? 'commit' : 'type';
}

/** The bindings that act now: while a line mode is open, only its own. */
const active = (context: KeyContext) => STAGE_KEYS.filter((binding) => binding.lineMode === context.lineMode);

/** The key line's entries that apply now: `[label, what it does]`. */
export function keyHints(context: KeyContext): Array<[string, string]> {
  return active(context).filter((binding) => binding.shown?.(context) ?? true).filter((binding) => binding.does).map((binding) => [binding.label, binding.does]);
}
