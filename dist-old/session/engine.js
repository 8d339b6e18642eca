// The staged interview as a pure state machine. Time is always passed in (`now`, in ms), so
// the engine never reads a clock and tests control every second.
import { chooseFollowup } from './followup.js';
/** The plan for a rubric's stages; with totalMinutes, every budget is scaled to fit it. */
export function planStages(stages, totalMinutes) {
    const planned = stages.reduce((sum, stage) => sum + stage.minutes, 0);
    const factor = totalMinutes === undefined ? 1 : totalMinutes / planned;
    return stages.map((stage) => ({
        id: stage.id,
        title: stage.title,
        goal: stage.goal,
        budgetSeconds: Math.max(1, Math.round(stage.minutes * 60 * factor)),
    }));
}
export function startSession(plan, now, curveball = null) {
    if (plan.length === 0)
        throw new Error('a session needs at least one stage');
    return {
        plan,
        progress: plan.map(() => ({ usedMs: 0, hintsShown: 0, notes: '', ticked: [] })),
        current: 0,
        runningSince: now,
        startedAt: now,
        endedAt: null,
        curveball,
    };
}
/**
 * Draws when a curveball comes: in the given stage, between 30% and 70% of its budget, with one
 * of the follow-ups. `random` is the session's seeded source, so the draw is reproducible. A
 * follow-up with a `when` depends on the notes, so then the text is chosen again when it is shown.
 */
export function drawCurveball(plan, stage, followups, random) {
    const budget = plan[stage]?.budgetSeconds;
    if (budget === undefined || followups.length === 0)
        return null;
    const atSeconds = Math.round(budget * (0.3 + 0.4 * random()));
    const pick = random();
    const choices = followups.map((followup) => (typeof followup === 'string' ? { text: followup } : { text: followup.text, ...(followup.when ? { when: followup.when } : {}) }));
    const text = chooseFollowup(choices, '', () => pick).text;
    return { stage, atSeconds, text, shownAtSeconds: null, ...(choices.some((choice) => choice.when) ? { choices, pick } : {}) };
}
/** Everything written in the notes up to and including the current stage, the line being typed included. */
function notesSoFar(state) {
    return state.progress.slice(0, state.current + 1).map(notesWithDraft).join('\n');
}
/** True when the curveball's moment has come and it has not been shown yet. */
export function curveballDue(state, now) {
    const curveball = state.curveball;
    return Boolean(curveball && curveball.shownAtSeconds === null && curveball.stage === state.current && usedSeconds(state, state.current, now) >= curveball.atSeconds);
}
export function markCurveballShown(state, now) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds !== null)
        return state;
    const { choices, pick } = curveball;
    const text = choices && pick !== undefined ? chooseFollowup(choices, notesSoFar(state), () => pick)?.text ?? curveball.text : curveball.text;
    const notesChars = state.progress[state.current]?.notes.length ?? 0;
    return { ...state, curveball: { ...curveball, text, shownAtSeconds: Math.round(usedSeconds(state, state.current, now)), notesChars } };
}
/**
 * What was written after the curveball came: the rest of its stage's notes (the line being typed
 * included) and the notes of every later stage. Empty until it is shown; the whole stage's notes
 * for a session saved before the moment was kept.
 */
export function notesAfterCurveball(state) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds === null)
        return '';
    return state.progress.slice(curveball.stage).map((progress, i) => (i === 0 ? notesWithDraft(progress).slice(curveball.notesChars ?? 0) : notesWithDraft(progress))).join('');
}
/** Keeps a question put to the interviewer and the answer it got. */
export function addExchange(state, exchange) {
    return { ...state, exchanges: [...(state.exchanges ?? []), exchange] };
}
/** Ticks or unticks a checklist item of the current stage (interviewer mode). */
export function toggleTick(state, itemId) {
    const progress = state.progress[state.current];
    if (!progress)
        return state;
    const ticked = progress.ticked.includes(itemId) ? progress.ticked.filter((id) => id !== itemId) : [...progress.ticked, itemId];
    return withProgress(state, state.current, { ...progress, ticked });
}
/**
 * Picks a session up where it was left (resume): the clock runs again from now, so the time the
 * program was not running is not counted.
 */
export function resumeAt(state, now, paused) {
    if (isFinished(state))
        return { ...state, runningSince: null };
    return { ...state, runningSince: paused ? null : now, endedAt: null };
}
export function isFinished(state) {
    return state.current >= state.plan.length;
}
export function isPaused(state) {
    return !isFinished(state) && state.runningSince === null;
}
/** Active seconds spent in a stage so far (fractional). */
export function usedSeconds(state, index, now) {
    const progress = state.progress[index];
    if (!progress)
        return 0;
    const running = index === state.current && state.runningSince !== null ? Math.max(0, now - state.runningSince) : 0;
    return (progress.usedMs + running) / 1000;
}
/** Seconds left in the current stage; negative once it runs over. */
export function remainingSeconds(state, now) {
    const stage = state.plan[state.current];
    return stage ? stage.budgetSeconds - usedSeconds(state, state.current, now) : 0;
}
/** Folds the running stretch into the stage's used time (for a checkpoint on disk). */
export function settle(state, now) {
    if (state.runningSince === null || isFinished(state))
        return state;
    const progress = state.progress.map((stage, i) => i === state.current ? { ...stage, usedMs: stage.usedMs + Math.max(0, now - state.runningSince) } : stage);
    return { ...state, progress, runningSince: now };
}
export function pause(state, now) {
    if (isFinished(state) || state.runningSince === null)
        return state;
    return { ...settle(state, now), runningSince: null };
}
export function resume(state, now) {
    if (isFinished(state) || state.runningSince !== null)
        return state;
    return { ...state, runningSince: now };
}
export function togglePause(state, now) {
    return isPaused(state) ? resume(state, now) : pause(state, now);
}
/** Ends the current stage and starts the next one (or finishes the session). */
export function nextStage(state, now) {
    if (isFinished(state))
        return state;
    const settled = settle(state, now);
    const current = settled.current + 1;
    const finished = current >= settled.plan.length;
    return { ...settled, current, runningSince: finished ? null : now, endedAt: finished ? now : null };
}
/** Goes back to the previous stage (before the self-assessment): its clock runs again from now. */
export function previousStage(state, now) {
    if (isFinished(state) || state.current === 0)
        return state;
    const settled = settle(state, now);
    return { ...settled, current: settled.current - 1, runningSince: isPaused(state) ? null : now };
}
/** Stops the clock for good, wherever the session is (Ctrl-C, SIGTERM). */
export function stop(state, now) {
    return { ...settle(state, now), runningSince: null, endedAt: state.endedAt ?? now };
}
/** Shows one more hint of the current stage, if there is one. */
export function revealHint(state, available) {
    const progress = state.progress[state.current];
    if (!progress || progress.hintsShown >= available)
        return state;
    return withProgress(state, state.current, { ...progress, hintsShown: progress.hintsShown + 1 });
}
export function setNotes(state, index, notes) {
    const progress = state.progress[index];
    if (!progress || progress.notes === notes)
        return state;
    return withProgress(state, index, { ...progress, notes });
}
/** Sets the line being typed in the current stage (see StageProgress.draft). */
export function setDraft(state, draft) {
    const progress = state.progress[state.current];
    if (!progress || (progress.draft ?? '') === draft)
        return state;
    return withProgress(state, state.current, { ...progress, draft });
}
/** Opens (text), edits or closes (undefined) the question to the interviewer being typed in the current stage. */
export function setQuestion(state, question) {
    const progress = state.progress[state.current];
    if (!progress || progress.question === question)
        return state;
    const { question: _closed, ...rest } = progress;
    return withProgress(state, state.current, question === undefined ? rest : { ...rest, question });
}
/** Opens (text), edits or closes (undefined) the diagram pad's line being typed. */
export function setPadLine(state, line) {
    if (state.padLine === line)
        return state;
    const { padLine: _closed, ...rest } = state;
    return line === undefined ? rest : { ...rest, padLine: line };
}
/** The diagram's lines, without the one being typed. */
export function diagramLines(state) {
    return state.diagram ? state.diagram.replace(/\n$/, '').split('\n') : [];
}
/** Adds the pad's line to the diagram (a blank one is not added); the pad stays open, empty. */
export function addPadLine(state) {
    const line = state.padLine?.trim();
    if (!line)
        return setPadLine(state, state.padLine === undefined ? undefined : '');
    return { ...state, diagram: `${state.diagram ?? ''}${line}\n`, padLine: '' };
}
/** Takes the diagram's last line back into the pad to be edited (Enter puts it back, edited or not). */
export function recallPadLine(state) {
    const lines = diagramLines(state);
    if (lines.length === 0)
        return state;
    const { diagram: _old, ...rest } = state;
    const kept = lines.slice(0, -1);
    return { ...rest, ...(kept.length ? { diagram: `${kept.join('\n')}\n` } : {}), padLine: lines.at(-1) };
}
/** The diagram with the pad's line being typed as its last line: what the record keeps, so nothing typed is lost. */
export function diagramWithPadLine(state) {
    const typed = state.padLine?.trim();
    return typed ? `${state.diagram ?? ''}${typed}\n` : state.diagram ?? '';
}
/** Commits the current stage's draft as its last line of notes. */
export function commitDraft(state) {
    const progress = state.progress[state.current];
    if (!progress?.draft)
        return state;
    return withProgress(state, state.current, { ...progress, notes: notesWithDraft(progress), draft: '' });
}
/** A stage's notes with the line being typed as their last line: what the record keeps, so nothing typed is lost. */
export function notesWithDraft(progress) {
    return progress.draft ? `${progress.notes}${progress.draft}\n` : progress.notes;
}
function withProgress(state, index, progress) {
    return { ...state, progress: state.progress.map((stage, i) => (i === index ? progress : stage)) };
}
/** The whole plan's budget; takes anything with per-stage budgets (plans, report stages). */
export function totalBudgetSeconds(plan) {
    return plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0);
}
