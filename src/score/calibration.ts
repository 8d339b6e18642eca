// How well the candidate judges themselves: per stage, the average gap between their own
// rating and another rater's (the AI grader, or a partner in interviewer mode) over the
// sessions both rated, and whether the gap is closing. Pure: the ratings come in as data.
import type { RatedStage, RatingRecord } from '../store/ratings.js';
import type { BankView } from './bank-view.js';
import { plural } from '../text.js';

/** How many of the latest paired sessions the trend looks at. */
const CALIBRATION_WINDOW = 10;

export type GapTrend = 'halved' | 'narrowed' | 'steady' | 'widened';

export interface StageCalibration {
  id: string;
  title: string;
  /** Sessions rated by both. */
  sessions: number;
  /** Average of self minus the other rater, in points: +24 means you rate yourself 24 points higher. */
  averageGap: number;
  /** Over the latest CALIBRATION_WINDOW sessions (at least 4): the earlier and the later half's average gap, and what that says. */
  trend: { sessions: number; earlierGap: number; laterGap: number; direction: GapTrend } | null;
}

export interface Calibration {
  /** Self against the AI grader: self-assessed sessions the AI rated. */
  ai: StageCalibration[];
  /** Self against a partner: interviewer-mode sessions the candidate also rated. */
  partner: StageCalibration[];
}

/** A session's start, for order, by id: completed sessions still in the history. */
export type SessionStarts = ReadonlyMap<string, number>;

export function calibrationOf(ratings: readonly RatingRecord[], starts: SessionStarts, bank: BankView): Calibration {
  const paired = ratings.filter((rating) => starts.has(rating.sessionId)).sort((a, b) => starts.get(a.sessionId)! - starts.get(b.sessionId)!);
  // The self score is the record's in a self-assessed session, the rating's in an interviewer one.
  const gaps = (rater: RatingRecord['rater'], mode: RatingRecord['mode'], selfIsRecord: boolean) =>
    stageGaps(paired.filter((rating) => rating.rater === rater && rating.mode === mode), selfIsRecord, bank);
  return { ai: gaps('ai', 'self', true), partner: gaps('self', 'interviewer', false) };
}

function stageGaps(ratings: readonly RatingRecord[], selfIsRecord: boolean, bank: BankView): StageCalibration[] {
  const byStage = new Map<string, { rubricId: string; gaps: number[] }>();
  for (const rating of ratings) {
    for (const stage of rating.stages) {
      if (stage.recordScore === null || undecided(stage)) continue;
      const gap = selfIsRecord ? stage.recordScore - stage.score : stage.score - stage.recordScore;
      const entry = byStage.get(stage.id) ?? { rubricId: rating.rubricId, gaps: [] };
      entry.gaps.push(gap);
      byStage.set(stage.id, entry);
    }
  }
  return [...byStage].map(([id, { rubricId, gaps }]) => ({
    id,
    title: bank.stageTitle(rubricId, id) ?? id,
    sessions: gaps.length,
    averageGap: Math.round(average(gaps)),
    trend: gapTrend(gaps.slice(-CALIBRATION_WINDOW)),
  }));
}

/**
 * A stage where the rater decided nothing (every verdict unsure or void) scores the candidate's
 * own ticks back: a gap of 0 that is no agreement, so it is no pairing.
 */
const undecided = (stage: RatedStage) => stage.items.length > 0 && stage.items.every((item) => item.met === null || item.void === true);

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Whether the gap (by its size, either side) closed over these sessions, oldest first; null under 4. */
export function gapTrend(gaps: readonly number[]): StageCalibration['trend'] {
  if (gaps.length < 4) return null;
  const half = Math.floor(gaps.length / 2);
  const earlierGap = Math.round(average(gaps.slice(0, half)));
  const laterGap = Math.round(average(gaps.slice(-half)));
  const before = Math.abs(earlierGap);
  const after = Math.abs(laterGap);
  // Within 3 points is noise on a weighted checklist of a few items.
  const direction: GapTrend = before >= 4 && after <= before / 2 ? 'halved' : after < before - 3 ? 'narrowed' : after > before + 3 ? 'widened' : 'steady';
  return { sessions: gaps.length, earlierGap, laterGap, direction };
}

/**
 * One stage's calibration as a sentence: "Deep dive: you rate yourself 24 points above the AI grader; the gap has
 * halved over your last 10 sessions (30 → 12)". The title leads as written: stage titles are imperatives
 * ("Frame the ML task") that neither read after "your" nor survive lower-casing (ML).
 */
export function calibrationSentence(stage: StageCalibration, other: 'the AI grader' | 'your partner'): string {
  const size = Math.abs(stage.averageGap);
  const level = size === 0 ? `the same as ${other}` : size <= 3 ? `within ${plural(size, 'point')} of ${other}` : `${size} points ${stage.averageGap > 0 ? 'above' : 'below'} ${other}`;
  const sentence = `${stage.title}: you rate yourself ${level} (${plural(stage.sessions, 'session')})`;
  const { trend } = stage;
  if (!trend) return sentence;
  const over = `over your last ${trend.sessions} sessions (${trend.earlierGap} → ${trend.laterGap})`;
  const said = { halved: `the gap has halved ${over}`, narrowed: `the gap has narrowed ${over}`, widened: `the gap has widened ${over}`, steady: `the gap has held steady ${over}` }[trend.direction];
  return `${sentence}; ${said}`;
}
