// Ratings of recorded sessions by another rater than the session's own (the AI grader), kept
// beside the history in ratings.jsonl: derived data, never inside a session record and never
// replacing its self-assessment. Appended like the history (append.ts: a lock, the whole line,
// fsync); a later rating of the same session by the same rater supersedes an earlier one.
// Documented in README.md ("Ratings file"). Hand-validated, as the history is: `history` and
// `stats` read it and must not load zod.
import { NotRegularError, readRegular, TooLargeError } from '../read-file.js';
import { appendRecord } from './append.js';
import { isId, isName, isScore, isSessionId, type SessionMode } from './record.js';
import { isDrillInstant } from '../time.js';
import { withoutBom } from '../text.js';

export const RATING_VERSION = 1;
/** Far more than years of ratings (a rating is about 2 KB); a larger file is not read. */
const MAX_BYTES = 64 * 1024 * 1024;

export interface RatedItem {
  id: string;
  /** The rater's verdict: true met, false not met, null unsure. */
  met: boolean | null;
  evidence: string | null;
  reason: string;
  /** A `met: true` whose evidence is not in the notes: it does not count. */
  void?: true;
  /** What the rating's score counts for this item. */
  counted: boolean;
}

export interface RatedStage {
  id: string;
  /** This rater's weighted coverage, percent. */
  score: number;
  /** The session record's own score for the stage when rated (self, or the partner in interviewer mode). */
  recordScore: number | null;
  items: RatedItem[];
}

export interface RatingRecord {
  version: number;
  sessionId: string;
  /** `ai`: the AI grader. `self`: the candidate's own ticks of a session a partner rated (interviewer mode). */
  rater: 'ai' | 'self';
  /** ISO 8601, UTC. */
  ratedAt: string;
  /** The model and its server's host[:port] (never the URL or the key), for an AI rating. */
  model?: string;
  host?: string;
  questionId: string;
  rubricId: string;
  /** The session's mode: whose ticks the record holds (`self`: the candidate's; `interviewer`: the partner's). */
  mode: SessionMode;
  score: number;
  recordScore: number | null;
  stages: RatedStage[];
}

export function appendRating(file: string, rating: RatingRecord): void {
  appendRecord(file, rating);
}

export interface RatingsRead {
  /** The latest rating per session and rater, in the order sessions were first rated. */
  ratings: RatingRecord[];
  /** One line each, for stderr: lines skipped and why. */
  warnings: string[];
}

/** Every rating in the file; nothing when it does not exist. Only a regular file is read. */
export function readRatings(file: string): RatingsRead {
  let text: string;
  try {
    text = readRegular(file, MAX_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularError) return { ratings: [], warnings: [`${file}: not a regular file; ratings ignored`] };
    if (error instanceof TooLargeError) return { ratings: [], warnings: [`${file}: larger than ${MAX_BYTES / 1024 / 1024} MiB; ratings ignored (move it aside to start afresh)`] };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ratings: [], warnings: [] };
    throw error;
  }
  return parseRatings(text, file);
}

function parseRatings(text: string, file: string): RatingsRead {
  const latest = new Map<string, RatingRecord>();
  const warnings: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(withoutBom(line));
    } catch {
      warnings.push(i === lines.length - 1 ? `${where}: the last line is incomplete (an interrupted write?); ignored and left in place` : `${where}: not valid JSON; skipped and left in place`);
      return;
    }
    const version = (value as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > RATING_VERSION) {
      warnings.push(`${where}: written by a newer mldrill (rating version ${version}, this one reads up to ${RATING_VERSION}); skipped, upgrade mldrill to read it`);
    } else if (!isRatingRecord(value)) {
      warnings.push(`${where}: not a rating record; skipped and left in place`);
    } else {
      const key = `${value.rater}\n${value.sessionId}`;
      // Keeps the first position of the session with the latest rating.
      latest.set(key, value);
    }
  });
  return { ratings: [...latest.values()], warnings };
}

const isString = (value: unknown): value is string => typeof value === 'string';
/** A rater's score: a percentage, as a record's (an abandoned record's own may be null). */
const isPercent = (value: unknown): value is number => value !== null && isScore(value);

function isRatedItem(value: unknown): value is RatedItem {
  const item = value as RatedItem | null;
  return typeof item === 'object' && item !== null && isId(item.id) && (item.met === null || typeof item.met === 'boolean')
    && (item.evidence === null || isString(item.evidence)) && isString(item.reason) && (item.void === undefined || item.void === true)
    && typeof item.counted === 'boolean';
}

function isRatedStage(value: unknown): value is RatedStage {
  const stage = value as RatedStage | null;
  return typeof stage === 'object' && stage !== null && isId(stage.id) && isPercent(stage.score)
    && isScore(stage.recordScore) && Array.isArray(stage.items) && stage.items.every(isRatedItem);
}

/**
 * Whether value is a rating of this version with every value in range, as a history record must
 * be (store/record.ts): scores of 0 to 100, ids on one line, a session id of its form, a date in
 * 2000-2200. Out of range, stats and export showed '2e+306%', and a model name holding a line
 * break split the export's heading.
 */
function isRatingRecord(value: unknown): value is RatingRecord {
  const rating = value as RatingRecord | null;
  return typeof rating === 'object' && rating !== null && rating.version === RATING_VERSION
    && isString(rating.sessionId) && isSessionId(rating.sessionId) && (rating.rater === 'ai' || rating.rater === 'self')
    && isString(rating.ratedAt) && isDrillInstant(Date.parse(rating.ratedAt))
    && (rating.model === undefined || isId(rating.model)) && (rating.host === undefined || isId(rating.host))
    && isName(rating.questionId) && isName(rating.rubricId) && (rating.mode === 'self' || rating.mode === 'interviewer') && isPercent(rating.score)
    && isScore(rating.recordScore) && Array.isArray(rating.stages) && rating.stages.every(isRatedStage);
}
