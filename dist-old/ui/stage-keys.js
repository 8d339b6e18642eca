// The stage screen's keys: one table, so that the screen's key line, the README and the
// handling all read from the same place, and a new pane or key (a diagram pad, "ask the
// interviewer") is one row here and one case in the prompt. Writing is the default: every
// printable key goes to the notes, and commands sit on keys that prose cannot type by accident.
/** Per line mode: the prompt in front of the line, and what the line under it says. */
export const LINE_MODES = {
    ask: { prompt: '? ask the interviewer>', help: 'Ask the interviewer one question; Enter asks, Esc goes back to the notes.' },
    pad: { prompt: '◇ diagram>', help: 'Edges: events -> features -> ranker, a -[label]-> b, or a lone box.' },
};
const enter = (key) => key.name === 'return' || key.name === 'enter';
/** Every command key of the stage screen, in the order the key line shows them. */
const STAGE_KEYS = [
    { label: 'Enter', does: 'ask', action: 'send', lineMode: 'ask', matches: (key) => enter(key) },
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'ask', matches: (key) => key.name === 'escape' },
    // Esc then Enter arrive at once as Enter with meta: on an empty pad line there is nothing to add, so the Esc was meant.
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key, context) => enter(key) && Boolean(key.meta) && context.line === '', shown: () => false },
    { label: 'Enter', does: 'add the line', action: 'send', lineMode: 'pad', matches: (key) => enter(key) },
    // Only on an empty line: Backspace there has nothing else to delete, and ↑ nothing else to do.
    { label: '↑', does: 'take back the last line', action: 'recall', lineMode: 'pad', matches: (key, context) => context.line === '' && (key.name === 'up' || key.name === 'backspace') },
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key) => key.name === 'escape' },
    { label: 'Enter', does: 'start the clock', action: 'start', matches: (key, context) => context.gated && enter(key), shown: (context) => context.gated },
    // Alt-Enter, and Esc then Enter, arrive as Enter with meta: one committed line, never two.
    { label: 'Enter', does: 'add the line to the notes', action: 'commit', matches: (key, context) => enter(key) && context.line.trim() !== '', shown: () => false },
    { label: 'Enter', does: 'on an empty line: next stage', action: 'next', matches: (key) => enter(key) },
    { label: 'Tab', does: 'hint', action: 'hint', matches: (key) => key.name === 'tab' },
    { label: 'Ctrl-P', does: 'pause', action: 'pause', matches: (key) => Boolean(key.ctrl) && key.name === 'p' },
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
export function stageAction(key, context) {
    for (const binding of active(context)) {
        // A question asked at the gate starts the clock too (the prompt does both).
        if (binding.matches(key, context))
            return context.gated && !['start', 'type', 'ask', 'pad'].includes(binding.action) ? 'start' : binding.action;
    }
    return context.gated ? 'start' : 'type';
}
/** The bindings that act now: while a line mode is open, only its own. */
const active = (context) => STAGE_KEYS.filter((binding) => binding.lineMode === context.lineMode);
/** The key line's entries that apply now: `[label, what it does]`. */
export function keyHints(context) {
    return active(context).filter((binding) => binding.shown?.(context) ?? true).filter((binding) => binding.does).map((binding) => [binding.label, binding.does]);
}
