// The history record: one JSON line per session. Documented in README.md ("History file").

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
  /** Follow-ups the drill threw in, with the active second of the stage they came at. */
  curveballs?: Array<{ stageId: string; atSeconds: number; text: string }>;
  /** The diagram drawn on the pad, as its edge lines (src/diagram/parse.ts); absent when none was. */
  diagram?: string;
}

/** What a stage of a session needs for listing, stats and scheduling: no notes. */
export type StageSummary = Pick<StageRecord, 'id' | 'budgetSeconds' | 'usedSeconds' | 'checked' | 'missed' | 'score'>;

/**
 * A session as history, stats, next and export choose and summarise it, without its notes:
 * what the history index keeps. A SessionRecord is one too.
 */
export interface SessionSummary extends Omit<SessionRecord, 'version' | 'stages' | 'curveballs' | 'diagram'> {
  stages: StageSummary[];
}

/** A short, sortable, human-friendly id: 20261122-0932-k3f9. */
export function sessionId(startedAt: number, random: () => number): string {
  const iso = new Date(startedAt).toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
  const suffix = Array.from({ length: 4 }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)]).join('');
  return `${stamp}-${suffix}`;
}

export interface RecordInput {
  id: string;
  questionId: string;
  rubricId: string;
  mode: SessionMode;
  status: SessionStatus;
  startedAt: number;
  endedAt: number;
  stages: Array<{ id: string; budgetSeconds: number; usedSeconds: number; hintsShown: number; notes: string }>;
  /** Absent for an abandoned session: nothing was assessed. */
  score?: { total: number; stages: Array<{ checked: string[]; missed: Array<{ id: string }>; score: number }> };
  curveballs?: Array<{ stageId: string; atSeconds: number; text: string }>;
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
        checked: assessed?.checked ?? [],
        missed: assessed?.missed.map((item) => item.id) ?? [],
        score: assessed?.score ?? null,
      };
    }),
    ...(input.curveballs?.length ? { curveballs: input.curveballs } : {}),
    ...(input.diagram?.trim() ? { diagram: input.diagram } : {}),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isScore = (value: unknown) => value === null || isNumber(value);
const isInstant = (value: unknown) => isString(value) && !Number.isNaN(Date.parse(value));

function isStageRecord(value: unknown): value is StageRecord {
  const stage = value as StageRecord | null;
  return typeof stage === 'object' && stage !== null
    && isString(stage.id) && isNumber(stage.budgetSeconds) && isNumber(stage.usedSeconds) && isNumber(stage.hintsShown)
    && isString(stage.notes) && Array.isArray(stage.checked) && stage.checked.every(isString)
    && Array.isArray(stage.missed) && stage.missed.every(isString) && isScore(stage.score);
}

/**
 * Whether value has every field of a record of this version with the right type, so that
 * readers can trust it. Hand-written rather than zod: reading the history must stay fast.
 */
export function isSessionRecord(value: unknown): value is SessionRecord {
  const record = value as SessionRecord | null;
  return typeof record === 'object' && record !== null
    && record.version === RECORD_VERSION && isString(record.id) && isString(record.questionId) && isString(record.rubricId)
    && isString(record.mode) && isInstant(record.startedAt) && isInstant(record.endedAt)
    && (record.status === 'completed' || record.status === 'abandoned') && isScore(record.score)
    && Array.isArray(record.stages) && record.stages.every(isStageRecord)
    // Optional, added later: records written before it have none and still read.
    && (record.diagram === undefined || isString(record.diagram));
}
