// The history record: one JSON line per session. Documented in README.md ("History file").
import { isDrillInstant, isDrillSeconds, isHintCount } from '../time.js';

export const RECORD_VERSION = 1;

export type SessionStatus = 'completed' | 'abandoned';
export type SessionMode = 'self' | 'interviewer';

export interface StageRecord {
  id: string;
  budgetSeconds: number;
  usedSeconds: number;
  hintsShown: number;
  notes: string;
  /** Ticked checklist item ids; empty when the stage was never assessed. */
  checked: string[];
  missed: string[];
  /** Weighted coverage in percent; null when not assessed (abandoned sessions). */
  score: number | null;
}

export interface SessionRecord {
  version: number;
  id: string;
  questionId: string;
  rubricId: string;
  mode: SessionMode;
  /** ISO 8601, UTC. */
  startedAt: string;
  endedAt: string;
  status: SessionStatus;
  /** Weighted coverage over all stages in percent; null when abandoned. */
  score: number | null;
  stages: StageRecord[];
  /**
   * Follow-ups the drill threw in, with the active second of the stage they came at and, in newer
   * records, how many lines the stage's notes had then (the rest were written after it).
   */
  curveballs?: CurveballRecord[];
  /** Questions put to the interviewer and the answers (fact id null: the neutral reply). */
  exchanges?: ExchangeRecord[];
  /** The diagram drawn on the pad, as its edge lines (src/diagram/parse.ts); absent when none was. */
  diagram?: string;
}

/** The ids of a follow-up's answer-key points among its stage's items: followup-1, followup-2... */
export const FOLLOWUP_ITEM = 'followup-';

export const isFollowupItem = (id: string) => id.startsWith(FOLLOWUP_ITEM);

export interface CurveballRecord {
  stageId: string;
  atSeconds: number;
  text: string;
  /** How many lines its stage's notes had when it came: sessions recorded before `notesChars` was kept. */
  linesBefore?: number;
  /** Its answer key, when it had one: the stage's items `followup-1`... are these points. */
  answer?: string[];
  /** How long its stage's notes were when it came: the notes after it start there. */
  notesChars?: number;
}

export interface ExchangeRecord {
  stageId: string;
  asked: string;
  factId: string | null;
  answer: string;
}

/** What a stage of a session needs for listing, stats and scheduling: no notes. */
export type StageSummary = Pick<StageRecord, 'id' | 'budgetSeconds' | 'usedSeconds' | 'checked' | 'missed' | 'score'>;

/**
 * A session as history, stats, next and export choose and summarise it, without its notes:
 * what the history index keeps. A SessionRecord is one too.
 */
export interface SessionSummary extends Omit<SessionRecord, 'version' | 'stages' | 'curveballs' | 'exchanges' | 'diagram'> {
  stages: StageSummary[];
}

/** A short, sortable, human-friendly id: 20261122-0932-k3f9. */
export function sessionId(startedAt: number, random: () => number): string {
  const iso = new Date(startedAt).toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
  const suffix = Array.from({ length: 4 }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)]).join('');
  return `${stamp}-${suffix}`;
}

/**
 * Whether text has the form sessionId gives. A session id names a checkpoint file, so nothing
 * else (`../../victim`) may ever be taken for one.
 */
export function isSessionId(text: string): boolean {
  return /^\d{8}-\d{4}-[a-z0-9]{4}$/.test(text);
}

export interface RecordInput {
  id: string;
  questionId: string;
  rubricId: string;
  mode: SessionMode;
  status: SessionStatus;
  startedAt: number;
  endedAt: number;
  /** `checked`: an abandoned session's ticks so far (the stages confirmed, or the partner's live ticks); with a score, the score's. */
  stages: Array<{ id: string; budgetSeconds: number; usedSeconds: number; hintsShown: number; notes: string; checked?: string[] }>;
  /** Absent for an abandoned session: nothing was assessed. */
  score?: { total: number; stages: Array<{ checked: string[]; missed: Array<{ id: string }>; score: number }> };
  curveballs?: CurveballRecord[];
  exchanges?: ExchangeRecord[];
  /** The pad's edge lines; blank or absent means no diagram. */
  diagram?: string;
}

export function makeRecord(input: RecordInput): SessionRecord {
  return {
    version: RECORD_VERSION,
    id: input.id,
    questionId: input.questionId,
    rubricId: input.rubricId,
    mode: input.mode,
    startedAt: new Date(input.startedAt).toISOString(),
    endedAt: new Date(input.endedAt).toISOString(),
    status: input.status,
    score: input.score?.total ?? null,
    stages: input.stages.map((stage, i) => {
      const assessed = input.score?.stages[i];
      return {
        id: stage.id,
        budgetSeconds: stage.budgetSeconds,
        usedSeconds: Math.round(stage.usedSeconds),
        hintsShown: stage.hintsShown,
        notes: stage.notes,
        checked: assessed?.checked ?? stage.checked ?? [],
        missed: assessed?.missed.map((item) => item.id) ?? [],
        score: assessed?.score ?? null,
      };
    }),
    ...(input.curveballs?.length ? { curveballs: input.curveballs } : {}),
    ...(input.exchanges?.length ? { exchanges: input.exchanges } : {}),
    ...(input.diagram?.trim() ? { diagram: input.diagram } : {}),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** A percentage, or null where nothing was assessed. */
export const isScore = (value: unknown): value is number | null => value === null || (isNumber(value) && value >= 0 && value <= 100);
const isSeconds = isDrillSeconds;
/**
 * An id a record names (a stage, an item, a fact): text on one line. mldrill writes only the
 * bank's kebab-case ids; one holding a line break or a tab, which the output sanitiser keeps,
 * would start what reads as another row of history or stats, or break an export's heading.
 */
export const isId = (value: unknown): value is string => isString(value) && !/[\n\r\t]/.test(value);
/** A question or rubric id: an id, never empty (an empty one shows as a blank column and matches nothing). */
export const isName = (value: unknown): value is string => isId(value) && value !== '';
const isInstant = (value: unknown) => isDrillInstant(isString(value) ? Date.parse(value) : Number.NaN);

function isStageRecord(value: unknown): value is StageRecord {
  const stage = value as StageRecord | null;
  return typeof stage === 'object' && stage !== null
    && isId(stage.id) && isSeconds(stage.budgetSeconds) && isSeconds(stage.usedSeconds) && isHintCount(stage.hintsShown)
    && isString(stage.notes) && Array.isArray(stage.checked) && stage.checked.every(isId)
    && Array.isArray(stage.missed) && stage.missed.every(isId) && isScore(stage.score);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/** Optional lists: absent (older records), or every entry well formed. */
const isListOf = (value: unknown, entry: (item: Record<string, unknown>) => boolean) => value === undefined || (Array.isArray(value) && value.every((item) => isObject(item) && entry(item)));
const isCurveball = (curveball: Record<string, unknown>) => isId(curveball.stageId) && isSeconds(curveball.atSeconds) && isString(curveball.text)
  && (curveball.answer === undefined || (Array.isArray(curveball.answer) && curveball.answer.every(isString)))
  && (curveball.notesChars === undefined || (Number.isInteger(curveball.notesChars) && (curveball.notesChars as number) >= 0));
const isExchange = (exchange: Record<string, unknown>) => isId(exchange.stageId) && isString(exchange.asked) && isString(exchange.answer) && (exchange.factId === null || isId(exchange.factId));

/**
 * Whether value has every field of a record of this version with the right type and a value in
 * range (an id of sessionId's form, question and rubric ids and ids on one line, a score of 0 to 100, seconds of 0 to a year, a whole number of hints up
 * to 1000, a known mode, a date in 2000-2200), so
 * that readers can trust it and sums of it stay sane. Hand-written rather than zod: reading the history must stay fast.
 */
export function isSessionRecord(value: unknown): value is SessionRecord {
  const record = value as SessionRecord | null;
  return typeof record === 'object' && record !== null
    && record.version === RECORD_VERSION && isString(record.id) && isSessionId(record.id) && isName(record.questionId) && isName(record.rubricId)
    && (record.mode === 'self' || record.mode === 'interviewer') && isInstant(record.startedAt) && isInstant(record.endedAt)
    && (record.status === 'completed' || record.status === 'abandoned') && isScore(record.score)
    && Array.isArray(record.stages) && record.stages.every(isStageRecord)
    && isListOf(record.curveballs, isCurveball) && isListOf(record.exchanges, isExchange)
    // Optional, added later: records written before it have none and still read.
    && (record.diagram === undefined || isString(record.diagram));
}
