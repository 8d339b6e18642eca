// The running totals that `mldrill stats` is computed from, keyed by rubric: an item or stage
// id that two rubrics share is two items, each titled from its own rubric. Pure; sums are kept
// in whole thousandths (and ratios in millionths), so a tally read back from its JSON (the
// stats cache, app/stats-tally.ts) is the tally that was written. Of each completed session it
// keeps only what stats shows: its start's minute (for the streaks), and the latest few whole.
import type { SessionSummary } from '../store/record.js';

export interface StageTally {
  /** The stage's place in a session's plan (the lowest seen): stats list stages in this order. */
  position: number;
  /** Completed sessions that had this stage. */
  sessions: number;
  /** Of those, the ones with a score, and the scores' sum in thousandths. */
  scored: number;
  scoreMilli: number;
  usedMs: number;
  budgetMs: number;
  /** Sessions with a budget, and the sum of used/budget in millionths. */
  timed: number;
  ratioMicro: number;
}

export interface ItemTally {
  /** Completed sessions in which the item was missed, and in which it was assessed at all. */
  missed: number;
  assessed: number;
  /** Misses per question: where to look the item's text up (a question may add its own items). */
  questions: Map<string, number>;
}

/** One rubric's share of the tally: its completed sessions, stages and checklist items. */
export interface RubricTally {
  sessions: number;
  stages: Map<string, StageTally>;
  /** Per stage, per checklist item. */
  items: Map<string, Map<string, ItemTally>>;
}

/** How many of the latest completed sessions the trend shows. */
const TREND_LENGTH = 20;

export interface RecentSession {
  id: string;
  startedAt: number;
  score: number;
  /** Where the session first appeared among those counted: sessions that started together keep this order. */
  order: number;
}

export interface StatsTally {
  sessions: number;
  completed: number;
  abandoned: number;
  /** Active time over every session, abandoned ones included. */
  practiceMs: number;
  /** The completed sessions' scores added up, in the order they were counted. */
  scoreTotal: number;
  /**
   * Each completed session's start, in whole minutes since the epoch: the streaks need its local
   * day, which the minute keeps (every zone's offset since 1972 is a whole number of minutes).
   */
  startMinutes: number[];
  /** The TREND_LENGTH completed sessions that started last, oldest first (see laterThan). */
  recent: RecentSession[];
  /** Per question: completed sessions and the sum of their scores in thousandths. */
  questions: Map<string, { sessions: number; scoreMilli: number }>;
  /** Per rubric the completed sessions used. */
  rubrics: Map<string, RubricTally>;
}

export function emptyTally(): StatsTally {
  return {
    sessions: 0, completed: 0, abandoned: 0, practiceMs: 0,
    scoreTotal: 0, startMinutes: [], recent: [],
    questions: new Map(), rubrics: new Map(),
  };
}

const milli = (value: number) => Math.round(value * 1000);

/**
 * Counts a session in (each session once, as its latest record). `order` is where it first
 * appeared: sessions that started at the same moment keep that order in the trend. True when it
 * counted as a completed session (one with a score).
 */
export function addSession(tally: StatsTally, record: SessionSummary, order: number): boolean {
  tally.sessions++;
  if (record.status === 'abandoned') tally.abandoned++;
  for (const stage of record.stages) tally.practiceMs += milli(stage.usedSeconds);
  if (record.status !== 'completed' || record.score === null) return false;

  tally.completed++;
  tally.scoreTotal += record.score;
  const startedAt = Date.parse(record.startedAt);
  tally.startMinutes.push(Math.floor(startedAt / MINUTE));
  keepIfRecent(tally.recent, { id: record.id, startedAt, score: record.score, order });

  const question = update(tally.questions, record.questionId, () => ({ sessions: 0, scoreMilli: 0 }));
  question.sessions++;
  question.scoreMilli += milli(record.score);

  const rubric = update(tally.rubrics, record.rubricId, (): RubricTally => ({ sessions: 0, stages: new Map(), items: new Map() }));
  rubric.sessions++;
  record.stages.forEach((stage, position) => {
    const entry = update(rubric.stages, stage.id, () => ({ position, sessions: 0, scored: 0, scoreMilli: 0, usedMs: 0, budgetMs: 0, timed: 0, ratioMicro: 0 }));
    entry.position = Math.min(entry.position, position);
    entry.sessions++;
    if (stage.score !== null) {
      entry.scored++;
      entry.scoreMilli += milli(stage.score);
    }
    entry.usedMs += milli(stage.usedSeconds);
    entry.budgetMs += milli(stage.budgetSeconds);
    if (stage.budgetSeconds > 0) {
      entry.timed++;
      entry.ratioMicro += Math.round((stage.usedSeconds / stage.budgetSeconds) * 1e6);
    }
    const items = update(rubric.items, stage.id, () => new Map<string, ItemTally>());
    for (const [ids, missed] of [[stage.checked, false], [stage.missed, true]] as const) {
      for (const itemId of ids) {
        const item = update(items, itemId, () => ({ missed: 0, assessed: 0, questions: new Map<string, number>() }));
        item.assessed++;
        if (missed) {
          item.missed++;
          item.questions.set(record.questionId, (item.questions.get(record.questionId) ?? 0) + 1);
        }
      }
    }
  });
  return true;
}

const MINUTE = 60_000;

/** Whether a started after b: later, or at the same moment and counted after it. */
function laterThan(a: RecentSession, b: RecentSession): boolean {
  return a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.order > b.order);
}

/** Puts the session in its place among the latest TREND_LENGTH, if it is one of them. */
function keepIfRecent(recent: RecentSession[], session: RecentSession): void {
  // Sessions are counted as they end, so nearly always after every one kept: a look back, not a sort.
  let at = recent.length;
  while (at > 0 && laterThan(recent[at - 1]!, session)) at--;
  if (at === 0 && recent.length === TREND_LENGTH) return;
  recent.splice(at, 0, session);
  if (recent.length > TREND_LENGTH) recent.shift();
}

function update<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** The key with the highest count; ties go to the first in sorted order. */
export function mostCounted(map: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const [key, value] of map) {
    const top = best === undefined ? undefined : map.get(best)!;
    if (top === undefined || value > top || (value === top && key < best!)) best = key;
  }
  return best;
}

/** The tally as plain JSON values (maps as arrays of entries), for the stats cache. */
export function tallyToJSON(tally: StatsTally): unknown {
  return [
    tally.sessions, tally.completed, tally.abandoned, tally.practiceMs, tally.scoreTotal,
    // Each minute as its step from the one before: small numbers, a quarter of the text.
    tally.startMinutes.map((minute, i) => (i ? minute - tally.startMinutes[i - 1]! : minute)),
    tally.recent.map(({ id, startedAt, score, order }) => [id, startedAt, score, order]),
    [...tally.questions].map(([id, q]) => [id, q.sessions, q.scoreMilli]),
    [...tally.rubrics].map(([rubricId, rubric]) => [
      rubricId, rubric.sessions,
      [...rubric.stages].map(([id, s]) => [id, s.position, s.sessions, s.scored, s.scoreMilli, s.usedMs, s.budgetMs, s.timed, s.ratioMicro]),
      [...rubric.items].map(([stageId, items]) => [stageId, [...items].map(([id, item]) => [id, item.missed, item.assessed, [...item.questions]])]),
    ]),
  ];
}

type RecentRow = [string, number, number, number];
type StageRow = [string, number, number, number, number, number, number, number, number];
type ItemRow = [string, number, number, Array<[string, number]>];
type RubricRow = [string, number, StageRow[], Array<[string, ItemRow[]]>];

/** The tally back from tallyToJSON's value; undefined when it is not one. */
export function tallyFromJSON(value: unknown): StatsTally | undefined {
  try {
    const [sessions, completed, abandoned, practiceMs, scoreTotal, minuteSteps, recent, questions, rubrics] = value as [number, number, number, number, number, number[], RecentRow[], Array<[string, number, number]>, RubricRow[]];
    if (![sessions, completed, abandoned, practiceMs, scoreTotal].every(Number.isFinite)) return undefined;
    if (minuteSteps.length !== completed || recent.length !== Math.min(completed, TREND_LENGTH)) return undefined;
    // A plain loop: a callback per completed session costs stats a millisecond over ten thousand.
    const startMinutes = new Array<number>(minuteSteps.length);
    let minute = 0;
    for (let i = 0; i < minuteSteps.length; i++) {
      const step = minuteSteps[i]!;
      if (!Number.isSafeInteger(step)) return undefined;
      startMinutes[i] = minute += step;
    }
    const tally: StatsTally = {
      sessions, completed, abandoned, practiceMs, scoreTotal, startMinutes,
      recent: recent.map(([id, startedAt, score, order]) => ({ id, startedAt, score, order })),
      questions: new Map(), rubrics: new Map(),
    };
    const numbers: unknown[] = recent.flatMap(([, startedAt, score, order]) => [startedAt, score, order]);
    const keys: unknown[] = recent.map(([id]) => id);
    for (const [id, questionSessions, scoreMilli] of questions) {
      tally.questions.set(id, { sessions: questionSessions, scoreMilli });
      keys.push(id);
      numbers.push(questionSessions, scoreMilli);
    }
    for (const [rubricId, rubricSessions, stages, items] of rubrics) {
      const rubric: RubricTally = { sessions: rubricSessions, stages: new Map(), items: new Map() };
      tally.rubrics.set(rubricId, rubric);
      keys.push(rubricId);
      numbers.push(rubricSessions);
      for (const [id, position, stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro] of stages) {
        rubric.stages.set(id, { position, sessions: stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro });
        keys.push(id);
        numbers.push(position, stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro);
      }
      for (const [stageId, stageItems] of items) {
        rubric.items.set(stageId, new Map(stageItems.map(([id, missed, assessed, sources]) => {
          keys.push(id, ...sources.map(([question]) => question));
          numbers.push(missed, assessed, ...sources.map(([, count]) => count));
          return [id, { missed, assessed, questions: new Map(sources) }];
        })));
        keys.push(stageId);
      }
    }
    if (!numbers.every(Number.isFinite) || keys.some((key) => typeof key !== 'string')) return undefined;
    return tally;
  } catch {
    return undefined;
  }
}
