// The running totals that `mldrill stats` is computed from, keyed by rubric: an item or stage
// id that two rubrics share is two items, each titled from its own rubric. Pure; sums are kept
// in whole thousandths (and ratios in millionths), so a tally read back from its JSON (the
// stats cache, app/stats-tally.ts) is the tally that was written.
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

export interface StatsTally {
  sessions: number;
  completed: number;
  abandoned: number;
  /** Active time over every session, abandoned ones included. */
  practiceMs: number;
  /** Completed sessions (the trend and the streaks need each one): id, start, score, and the order they first appeared in. */
  done: { ids: string[]; startedAt: number[]; scores: number[]; order: number[] };
  /** Per question: completed sessions and the sum of their scores in thousandths. */
  questions: Map<string, { sessions: number; scoreMilli: number }>;
  /** Per rubric the completed sessions used. */
  rubrics: Map<string, RubricTally>;
}

export function emptyTally(): StatsTally {
  return {
    sessions: 0, completed: 0, abandoned: 0, practiceMs: 0,
    done: { ids: [], startedAt: [], scores: [], order: [] },
    questions: new Map(), rubrics: new Map(),
  };
}

/** The tally of these sessions (each session's latest record), each counted in the order given. */
export function tallyOf(records: readonly SessionSummary[]): StatsTally {
  const tally = emptyTally();
  records.forEach((record, order) => addSession(tally, record, order));
  return tally;
}

const milli = (value: number) => Math.round(value * 1000);

/**
 * Counts a session in (each session once, as its latest record). `order` is where it first
 * appeared: sessions that started at the same moment keep that order in the trend.
 */
export function addSession(tally: StatsTally, record: SessionSummary, order: number): void {
  tally.sessions++;
  if (record.status === 'abandoned') tally.abandoned++;
  for (const stage of record.stages) tally.practiceMs += milli(stage.usedSeconds);
  if (record.status !== 'completed' || record.score === null) return;

  tally.completed++;
  const { done } = tally;
  done.ids.push(record.id);
  done.startedAt.push(Date.parse(record.startedAt));
  done.scores.push(record.score);
  done.order.push(order);

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
    tally.sessions, tally.completed, tally.abandoned, tally.practiceMs,
    [tally.done.ids, tally.done.startedAt, tally.done.scores, tally.done.order],
    [...tally.questions].map(([id, q]) => [id, q.sessions, q.scoreMilli]),
    [...tally.rubrics].map(([rubricId, rubric]) => [
      rubricId, rubric.sessions,
      [...rubric.stages].map(([id, s]) => [id, s.position, s.sessions, s.scored, s.scoreMilli, s.usedMs, s.budgetMs, s.timed, s.ratioMicro]),
      [...rubric.items].map(([stageId, items]) => [stageId, [...items].map(([id, item]) => [id, item.missed, item.assessed, [...item.questions]])]),
    ]),
  ];
}

type StageRow = [string, number, number, number, number, number, number, number, number];
type ItemRow = [string, number, number, Array<[string, number]>];
type RubricRow = [string, number, StageRow[], Array<[string, ItemRow[]]>];

/** The tally back from tallyToJSON's value; undefined when it is not one. */
export function tallyFromJSON(value: unknown): StatsTally | undefined {
  try {
    const [sessions, completed, abandoned, practiceMs, done, questions, rubrics] = value as [number, number, number, number, unknown[][], Array<[string, number, number]>, RubricRow[]];
    if (![sessions, completed, abandoned, practiceMs].every(Number.isFinite)) return undefined;
    const [ids, startedAt, scores, order] = done as [string[], number[], number[], number[]];
    if (![startedAt, scores, order].every((column) => Array.isArray(column) && column.length === ids.length) || !ids.every((id) => typeof id === 'string')) return undefined;
    const tally: StatsTally = { sessions, completed, abandoned, practiceMs, done: { ids, startedAt, scores, order }, questions: new Map(), rubrics: new Map() };
    // The per-session columns are checked in place: spread into one list, 30,000 numbers cost stats a few ms.
    if (![startedAt, scores, order].every((column) => column.every(Number.isFinite))) return undefined;
    const numbers: unknown[] = [];
    const keys: unknown[] = [];
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
