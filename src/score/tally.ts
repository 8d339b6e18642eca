// The running totals that `mldrill stats` is computed from. A tally takes sessions one at a
// time, and gives one back (a resumed session supersedes its abandoned record), so the history
// index can keep it up to date with each appended line instead of reading every session again.
// Pure; sums are kept in whole thousandths (and ratios in millionths), so that adding and taking
// away the same session leaves exactly what was there, and a tally kept for years equals one
// made afresh.
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
  /** Sessions per rubric: the stage is titled from the rubric most of them used. */
  rubrics: Map<string, number>;
}

export interface ItemTally {
  /** Completed sessions in which the item was missed, and in which it was assessed at all. */
  missed: number;
  assessed: number;
  /** Misses per rubric and question ("rubricId\nquestionId"): where to look the item's text up. */
  sources: Map<string, number>;
}

export interface StatsTally {
  sessions: number;
  completed: number;
  abandoned: number;
  /** Active time over every session, abandoned ones included. */
  practiceMs: number;
  /** Completed sessions (the trend and the streaks need each one): id, start, score, and the order they first appeared in. */
  done: { ids: string[]; startedAt: number[]; scores: number[]; order: number[] };
  stages: Map<string, StageTally>;
  /** Per question: completed sessions and the sum of their scores in thousandths. */
  questions: Map<string, { sessions: number; scoreMilli: number }>;
  /** Per stage, per checklist item. */
  items: Map<string, Map<string, ItemTally>>;
}

export function emptyTally(): StatsTally {
  return {
    sessions: 0, completed: 0, abandoned: 0, practiceMs: 0,
    done: { ids: [], startedAt: [], scores: [], order: [] },
    stages: new Map(), questions: new Map(), items: new Map(),
  };
}

/** The tally of these sessions, each counted in the order given. */
export function tallyOf(records: readonly SessionSummary[]): StatsTally {
  const tally = emptyTally();
  records.forEach((record, order) => addSession(tally, record, order));
  return tally;
}

const milli = (value: number) => Math.round(value * 1000);
export const SOURCE_SEPARATOR = '\n';

const isCompleted = (record: SessionSummary) => record.status === 'completed' && record.score !== null;

/**
 * Counts a session in (sign 1), or takes it out again (sign -1, with the very record that was
 * counted). `order` is where the session first appeared; sessions that started at the same
 * moment keep that order in the trend.
 */
export function addSession(tally: StatsTally, record: SessionSummary, order: number, sign: 1 | -1 = 1): void {
  tally.sessions += sign;
  if (record.status === 'abandoned') tally.abandoned += sign;
  for (const stage of record.stages) tally.practiceMs += sign * milli(stage.usedSeconds);
  if (!isCompleted(record)) return;

  tally.completed += sign;
  const { done } = tally;
  if (sign > 0) {
    done.ids.push(record.id);
    done.startedAt.push(Date.parse(record.startedAt));
    done.scores.push(record.score!);
    done.order.push(order);
  } else {
    const at = done.ids.lastIndexOf(record.id);
    if (at >= 0) for (const column of [done.ids, done.startedAt, done.scores, done.order]) column.splice(at, 1);
  }

  const question = update(tally.questions, record.questionId, () => ({ sessions: 0, scoreMilli: 0 }));
  question.sessions += sign;
  question.scoreMilli += sign * milli(record.score!);
  if (question.sessions === 0) tally.questions.delete(record.questionId);

  const source = `${record.rubricId}${SOURCE_SEPARATOR}${record.questionId}`;
  record.stages.forEach((stage, position) => {
    const entry = update(tally.stages, stage.id, () => ({ position, sessions: 0, scored: 0, scoreMilli: 0, usedMs: 0, budgetMs: 0, timed: 0, ratioMicro: 0, rubrics: new Map<string, number>() }));
    entry.position = Math.min(entry.position, position);
    entry.sessions += sign;
    if (stage.score !== null) {
      entry.scored += sign;
      entry.scoreMilli += sign * milli(stage.score);
    }
    entry.usedMs += sign * milli(stage.usedSeconds);
    entry.budgetMs += sign * milli(stage.budgetSeconds);
    if (stage.budgetSeconds > 0) {
      entry.timed += sign;
      entry.ratioMicro += sign * Math.round((stage.usedSeconds / stage.budgetSeconds) * 1e6);
    }
    count(entry.rubrics, record.rubricId, sign);
    if (entry.sessions === 0) tally.stages.delete(stage.id);

    const items = update(tally.items, stage.id, () => new Map<string, ItemTally>());
    for (const [ids, missed] of [[stage.checked, false], [stage.missed, true]] as const) {
      for (const itemId of ids) {
        const item = update(items, itemId, () => ({ missed: 0, assessed: 0, sources: new Map<string, number>() }));
        item.assessed += sign;
        if (missed) {
          item.missed += sign;
          count(item.sources, source, sign);
        }
        if (item.assessed === 0) items.delete(itemId);
      }
    }
    if (items.size === 0) tally.items.delete(stage.id);
  });
}

function update<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function count(map: Map<string, number>, key: string, sign: number): void {
  const value = (map.get(key) ?? 0) + sign;
  if (value === 0) map.delete(key);
  else map.set(key, value);
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

/** The tally as plain JSON values (maps as arrays of entries), for the history index. */
export function tallyToJSON(tally: StatsTally): unknown {
  return [
    tally.sessions, tally.completed, tally.abandoned, tally.practiceMs,
    [tally.done.ids, tally.done.startedAt, tally.done.scores, tally.done.order],
    [...tally.stages].map(([id, s]) => [id, s.position, s.sessions, s.scored, s.scoreMilli, s.usedMs, s.budgetMs, s.timed, s.ratioMicro, [...s.rubrics]]),
    [...tally.questions].map(([id, q]) => [id, q.sessions, q.scoreMilli]),
    [...tally.items].map(([stageId, items]) => [stageId, [...items].map(([id, item]) => [id, item.missed, item.assessed, [...item.sources]])]),
  ];
}

/** The tally back from tallyToJSON's value; undefined when it is not one. */
export function tallyFromJSON(value: unknown): StatsTally | undefined {
  try {
    const [sessions, completed, abandoned, practiceMs, done, stages, questions, items] = value as [number, number, number, number, unknown[][], unknown[][], unknown[][], unknown[][]];
    if (![sessions, completed, abandoned, practiceMs].every(Number.isFinite)) return undefined;
    const [ids, startedAt, scores, order] = done as [string[], number[], number[], number[]];
    if (![startedAt, scores, order].every((column) => Array.isArray(column) && column.length === ids.length) || !ids.every((id) => typeof id === 'string')) return undefined;
    const tally: StatsTally = { sessions, completed, abandoned, practiceMs, done: { ids, startedAt, scores, order }, stages: new Map(), questions: new Map(), items: new Map() };
    type StageRow = [string, number, number, number, number, number, number, number, number, Array<[string, number]>];
    for (const [id, position, stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro, rubrics] of stages as StageRow[]) {
      tally.stages.set(id, { position, sessions: stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro, rubrics: new Map(rubrics) });
    }
    for (const [id, questionSessions, scoreMilli] of questions as Array<[string, number, number]>) tally.questions.set(id, { sessions: questionSessions, scoreMilli });
    for (const [stageId, stageItems] of items as Array<[string, Array<[string, number, number, Array<[string, number]>]>]>) {
      tally.items.set(stageId, new Map(stageItems.map(([id, missed, assessed, sources]) => [id, { missed, assessed, sources: new Map(sources) }])));
    }
    const numbers = [...tally.stages.values()].flatMap((s) => [s.position, s.sessions, s.scored, s.scoreMilli, s.usedMs, s.budgetMs, s.timed, s.ratioMicro]);
    if (!numbers.every(Number.isFinite) || [...tally.stages.keys(), ...tally.questions.keys(), ...tally.items.keys()].some((key) => typeof key !== 'string')) return undefined;
    return tally;
  } catch {
    return undefined;
  }
}
