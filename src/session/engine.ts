// The staged interview as a pure state machine. Time is always passed in (`now`, in ms), so
// the engine never reads a clock and tests control every second.
import { isRecord } from '../bank/records.js';
import { isDrillInstant, isDrillSeconds, isHintCount } from '../time.js';
import { chooseFollowup, type FollowupChoice } from './followup.js';
import { askInterviewer, NEUTRAL_REPLY, type Exchange, type FactSheet } from './interviewer.js';
import type { StagePlan } from './plan.js';


export interface StageProgress {
  /** Active time spent in the stage, excluding pauses, up to the last pause or stage change. */
  usedMs: number;
  hintsShown: number;
  notes: string;
  /** Checklist item ids ticked live (interviewer mode). */
  ticked: string[];
  /**
   * The line being typed and not yet committed with Enter: kept apart from the notes so that a
   * checkpoint gives it back to resume as the editable draft it was. Absent in older checkpoints.
   */
  draft?: string;
  /**
   * The question to the interviewer being typed and not yet asked; absent when none is open.
   * Checkpointed like the draft, so resume opens it again as it was.
   */
  question?: string;
}

/** A follow-up the interviewer throws in at a drawn moment of a stage. */
export interface Curveball {
  stage: number;
  /** Active seconds into the stage at which it is thrown. */
  atSeconds: number;
  text: string;
  /** Active seconds into the stage when it was actually shown; null until then. */
  shownAtSeconds: number | null;
  /**
   * When some follow-up reacts to the notes: all of them and the draw made at the start; the
   * text is chosen again when the curveball is shown. Absent in older sessions.
   */
  choices?: FollowupChoice[];
  pick?: number;
  /**
   * How long the stage's notes were when it was shown: the notes after it (the report's, and what
   * the answer key is graded on) start there. Absent in older sessions.
   */
  notesChars?: number;
}

export interface SessionState {
  plan: StagePlan[];
  progress: StageProgress[];
  /** Index of the stage under way; equal to plan.length once every stage is done. */
  current: number;
  /** When the current stretch of active time began; null while paused or finished. */
  runningSince: number | null;
  startedAt: number;
  endedAt: number | null;
  curveball: Curveball | null;
  /** Questions put to the interviewer, in the order asked; absent until the first one. */
  exchanges?: Exchange[];
  /**
   * The diagram pad's lines (src/diagram/parse.ts), one a line with a trailing newline, added with
   * Enter in the pad; absent until the first. It belongs to the session, not to a stage.
   */
  diagram?: string;
  /** The pad's line being typed; absent while the pad is closed. Checkpointed like the draft. */
  padLine?: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
// The ranges of a history record (src/store/record.ts): a checkpoint outside them would resume
// into a clock of 1e296 hours and end as a record that every reader then skips.
const isSeconds = isDrillSeconds;
const isMs = (value: unknown): value is number => isDrillSeconds(typeof value === 'number' ? value / 1000 : value);
const isInstant = isDrillInstant;
/** An optional field: absent, or what check says. */
const absentOr = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

const isStagePlan = (value: unknown) => isRecord(value) && isText(value.id) && isText(value.title) && isText(value.goal) && isSeconds(value.budgetSeconds) && value.budgetSeconds > 0;
const isProgress = (value: unknown) => isRecord(value) && isMs(value.usedMs) && isHintCount(value.hintsShown) && isText(value.notes) && isTexts(value.ticked)
  && absentOr(value.draft, isText) && absentOr(value.question, isText);
const isWhen = (value: unknown) => isRecord(value) && absentOr(value.mentioned, isTexts) && absentOr(value.missing, isTexts);
const isChoice = (value: unknown) => isRecord(value) && isText(value.text) && absentOr(value.when, isWhen);
const isCurveball = (value: unknown, stages: number) => isRecord(value) && Number.isInteger(value.stage) && (value.stage as number) >= 0 && (value.stage as number) < stages
  && isSeconds(value.atSeconds) && isText(value.text) && (value.shownAtSeconds === null || isSeconds(value.shownAtSeconds))
  && absentOr(value.choices, (choices) => Array.isArray(choices) && choices.length > 0 && choices.every(isChoice)) && absentOr(value.pick, isAmount) && absentOr(value.notesChars, isAmount);
const isExchange = (value: unknown) => isRecord(value) && isText(value.asked) && (value.factId === null || isText(value.factId)) && isText(value.answer) && absentOr(value.stageId, isText);

/**
 * Whether a checkpoint's state (a file anyone may have edited, or one cut short) has the shape
 * the engine and the screens rely on: a wrong type anywhere would crash the resumed drill.
 */
export function isSessionState(value: unknown): value is SessionState {
  if (!isRecord(value) || !Array.isArray(value.plan) || value.plan.length === 0 || !value.plan.every(isStagePlan)) return false;
  const stages = value.plan.length;
  return Array.isArray(value.progress) && value.progress.length === stages && value.progress.every(isProgress)
    && Number.isInteger(value.current) && (value.current as number) >= 0 && (value.current as number) <= stages
    && (value.runningSince === null || isInstant(value.runningSince)) && isInstant(value.startedAt) && (value.endedAt === null || isInstant(value.endedAt))
    && (value.curveball === null || isCurveball(value.curveball, stages))
    && absentOr(value.exchanges, (list) => Array.isArray(list) && list.every(isExchange))
    && absentOr(value.diagram, isText) && absentOr(value.padLine, isText);
}

export function startSession(plan: StagePlan[], now: number, curveball: Curveball | null = null): SessionState {
  if (plan.length === 0) throw new Error('a session needs at least one stage');
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
export function drawCurveball(plan: readonly StagePlan[], stage: number, followups: readonly (string | FollowupChoice)[], random: () => number): Curveball | null {
  const budget = plan[stage]?.budgetSeconds;
  if (budget === undefined || followups.length === 0) return null;
  const atSeconds = Math.round(budget * (0.3 + 0.4 * random()));
  const pick = random();
  const choices = followups.map((followup) => (typeof followup === 'string' ? { text: followup } : { text: followup.text, ...(followup.when ? { when: followup.when } : {}) }));
  const text = chooseFollowup(choices, '', () => pick)!.text;
  return { stage, atSeconds, text, shownAtSeconds: null, ...(choices.some((choice) => choice.when) ? { choices, pick } : {}) };
}

/** Everything written in the notes up to and including the current stage, the line being typed included. */
function notesSoFar(state: SessionState): string {
  return state.progress.slice(0, state.current + 1).map(notesWithDraft).join('\n');
}

/** True when the curveball's moment has come and it has not been shown yet. */
export function curveballDue(state: SessionState, now: number): boolean {
  const curveball = state.curveball;
  return Boolean(curveball && curveball.shownAtSeconds === null && curveball.stage === state.current && usedSeconds(state, state.current, now) >= curveball.atSeconds);
}

export function markCurveballShown(state: SessionState, now: number): SessionState {
  const curveball = state.curveball;
  if (!curveball || curveball.shownAtSeconds !== null) return state;
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
export function notesAfterCurveball(state: SessionState): string {
  const curveball = state.curveball;
  if (!curveball || curveball.shownAtSeconds === null) return '';
  return state.progress.slice(curveball.stage).map((progress, i) => (i === 0 ? notesWithDraft(progress).slice(curveball.notesChars ?? 0) : notesWithDraft(progress))).join('');
}

/** Keeps a question put to the interviewer and the answer it got. */
export function addExchange(state: SessionState, exchange: Exchange): SessionState {
  return { ...state, exchanges: [...(state.exchanges ?? []), exchange] };
}

/** Ticks or unticks a checklist item of the current stage (interviewer mode). */
export function toggleTick(state: SessionState, itemId: string): SessionState {
  const progress = state.progress[state.current];
  if (!progress) return state;
  const ticked = progress.ticked.includes(itemId) ? progress.ticked.filter((id) => id !== itemId) : [...progress.ticked, itemId];
  return withProgress(state, state.current, { ...progress, ticked });
}

/**
 * Picks a session up where it was left (resume): the clock runs again from now, so the time the
 * program was not running is not counted.
 */
export function resumeAt(state: SessionState, now: number, paused: boolean): SessionState {
  if (isFinished(state)) return { ...state, runningSince: null };
  return { ...state, runningSince: paused ? null : now, endedAt: null };
}

export function isFinished(state: SessionState): boolean {
  return state.current >= state.plan.length;
}

export function isPaused(state: SessionState): boolean {
  return !isFinished(state) && state.runningSince === null;
}

/** Active seconds spent in a stage so far (fractional). */
export function usedSeconds(state: SessionState, index: number, now: number): number {
  const progress = state.progress[index];
  if (!progress) return 0;
  const running = index === state.current && state.runningSince !== null ? Math.max(0, now - state.runningSince) : 0;
  return (progress.usedMs + running) / 1000;
}

/** Seconds left in the current stage; negative once it runs over. */
export function remainingSeconds(state: SessionState, now: number): number {
  const stage = state.plan[state.current];
  return stage ? stage.budgetSeconds - usedSeconds(state, state.current, now) : 0;
}

/** Folds the running stretch into the stage's used time (for a checkpoint on disk). */
export function settle(state: SessionState, now: number): SessionState {
  if (state.runningSince === null || isFinished(state)) return state;
  const progress = state.progress.map((stage, i) =>
    i === state.current ? { ...stage, usedMs: stage.usedMs + Math.max(0, now - state.runningSince!) } : stage,
  );
  return { ...state, progress, runningSince: now };
}

export function pause(state: SessionState, now: number): SessionState {
  if (isFinished(state) || state.runningSince === null) return state;
  return { ...settle(state, now), runningSince: null };
}

export function resume(state: SessionState, now: number): SessionState {
  if (isFinished(state) || state.runningSince !== null) return state;
  return { ...state, runningSince: now };
}

/**
 * Ctrl-Z and `fg`: the time stopped is not counted. The clock pauses as the process stops and
 * runs again on `fg`; a clock paused already (by the user) stays paused. `stoppedRunning` says
 * whether the stop paused it, carried from the one phase to the other.
 */
export function clockAtSuspend(state: SessionState, phase: 'stop' | 'continue', now: number, stoppedRunning: boolean): { state: SessionState; stoppedRunning: boolean } {
  if (phase === 'stop') {
    const running = !isPaused(state);
    return { state: running ? pause(state, now) : state, stoppedRunning: running };
  }
  return { state: stoppedRunning ? resume(state, now) : state, stoppedRunning: false };
}

export function togglePause(state: SessionState, now: number): SessionState {
  return isPaused(state) ? resume(state, now) : pause(state, now);
}

/** Ends the current stage and starts the next one (or finishes the session). */
export function nextStage(state: SessionState, now: number): SessionState {
  if (isFinished(state)) return state;
  const settled = settle(state, now);
  const current = settled.current + 1;
  const finished = current >= settled.plan.length;
  return { ...settled, current, runningSince: finished ? null : now, endedAt: finished ? now : null };
}

/** Goes back to the previous stage (before the self-assessment): its clock runs again from now. */
export function previousStage(state: SessionState, now: number): SessionState {
  if (isFinished(state) || state.current === 0) return state;
  const settled = settle(state, now);
  return { ...settled, current: settled.current - 1, runningSince: isPaused(state) ? null : now };
}

/** Stops the clock for good, wherever the session is (Ctrl-C, SIGTERM). */
export function stop(state: SessionState, now: number): SessionState {
  return { ...settle(state, now), runningSince: null, endedAt: state.endedAt ?? now };
}

/** Shows one more hint of the current stage, if there is one. */
export function revealHint(state: SessionState, available: number): SessionState {
  const progress = state.progress[state.current];
  if (!progress || progress.hintsShown >= available) return state;
  return withProgress(state, state.current, { ...progress, hintsShown: progress.hintsShown + 1 });
}

export function setNotes(state: SessionState, index: number, notes: string): SessionState {
  const progress = state.progress[index];
  if (!progress || progress.notes === notes) return state;
  return withProgress(state, index, { ...progress, notes });
}

/** Sets the line being typed in the current stage (see StageProgress.draft). */
export function setDraft(state: SessionState, draft: string): SessionState {
  const progress = state.progress[state.current];
  if (!progress || (progress.draft ?? '') === draft) return state;
  return withProgress(state, state.current, { ...progress, draft });
}

/** Opens (text), edits or closes (undefined) the question to the interviewer being typed in the current stage. */
export function setQuestion(state: SessionState, question: string | undefined): SessionState {
  const progress = state.progress[state.current];
  if (!progress || progress.question === question) return state;
  const { question: _closed, ...rest } = progress;
  return withProgress(state, state.current, question === undefined ? rest : { ...rest, question });
}

/** Opens (text), edits or closes (undefined) the diagram pad's line being typed. */
export function setPadLine(state: SessionState, line: string | undefined): SessionState {
  if (state.padLine === line) return state;
  const { padLine: _closed, ...rest } = state;
  return line === undefined ? rest : { ...rest, padLine: line };
}

/** The diagram's lines, without the one being typed. */
export function diagramLines(state: Pick<SessionState, 'diagram'>): string[] {
  return state.diagram ? state.diagram.replace(/\n$/, '').split('\n') : [];
}

/** Adds the pad's line to the diagram (a blank one is not added); the pad stays open, empty. */
export function addPadLine(state: SessionState): SessionState {
  const line = state.padLine?.trim();
  if (!line) return setPadLine(state, state.padLine === undefined ? undefined : '');
  return { ...state, diagram: `${state.diagram ?? ''}${line}\n`, padLine: '' };
}

/** Takes the diagram's last line back into the pad to be edited (Enter puts it back, edited or not). */
export function recallPadLine(state: SessionState): SessionState {
  const lines = diagramLines(state);
  if (lines.length === 0) return state;
  const { diagram: _old, ...rest } = state;
  const kept = lines.slice(0, -1);
  return { ...rest, ...(kept.length ? { diagram: `${kept.join('\n')}\n` } : {}), padLine: lines.at(-1)! };
}

/** The diagram with the pad's line being typed as its last line: what the record keeps, so nothing typed is lost. */
export function diagramWithPadLine(state: Pick<SessionState, 'diagram' | 'padLine'>): string {
  const typed = state.padLine?.trim();
  return typed ? `${state.diagram ?? ''}${typed}\n` : state.diagram ?? '';
}

/** Commits the current stage's draft as its last line of notes. */
export function commitDraft(state: SessionState): SessionState {
  const progress = state.progress[state.current];
  if (!progress?.draft) return state;
  return withProgress(state, state.current, { ...progress, notes: notesWithDraft(progress), draft: '' });
}

/** A stage's notes with the line being typed as their last line: what the record keeps, so nothing typed is lost. */
export function notesWithDraft(progress: Pick<StageProgress, 'notes' | 'draft'>): string {
  return progress.draft ? `${progress.notes}${progress.draft}\n` : progress.notes;
}

function withProgress(state: SessionState, index: number, progress: StageProgress): SessionState {
  return { ...state, progress: state.progress.map((stage, i) => (i === index ? progress : stage)) };
}

/**
 * Puts a question to the interviewer in the current stage and keeps the exchange. Without a
 * fact sheet every question gets the neutral reply. A blank question changes nothing.
 */
export function askInStage(state: SessionState, asked: string, sheet: FactSheet | undefined): SessionState {
  const question = asked.trim();
  const stage = state.plan[state.current];
  if (!question || !stage) return state;
  const reply = sheet ? askInterviewer(question, sheet) : { fact: null, answer: NEUTRAL_REPLY };
  const exchange: Exchange = { asked: question, factId: reply.fact?.id ?? null, answer: reply.answer, stageId: stage.id };
  return addExchange(state, exchange);
}
