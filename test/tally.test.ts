// The stats tally: what the history index keeps up to date line by line, so it must take a
// session away exactly as it counted it in.
import { describe, expect, it } from 'vitest';
import { statsOf } from '../src/score/stats.js';
import { addSession, emptyTally, tallyFromJSON, tallyOf, tallyToJSON, type StatsTally } from '../src/score/tally.js';
import type { SessionSummary } from '../src/store/record.js';
import { NO_BANK } from './helpers/history.js';

const session = (id: string, day: number, score: number | null, used = 290.37): SessionSummary => ({
  id, questionId: day % 2 ? 'feed' : 'ads', rubricId: 'interview', mode: 'self',
  startedAt: new Date(Date.UTC(2026, 10, day, 9)).toISOString(), endedAt: new Date(Date.UTC(2026, 10, day, 9, 40)).toISOString(),
  status: score === null ? 'abandoned' : 'completed', score,
  stages: [
    { id: 'clarify', budgetSeconds: 300, usedSeconds: used, checked: score === null ? [] : ['goal'], missed: score === null ? [] : ['scale'], score: score === null ? null : 50 },
    { id: 'design', budgetSeconds: 900, usedSeconds: used * 3.1, checked: [], missed: score === null ? [] : ['diagram'], score: score === null ? null : 0 },
  ],
});

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
/** What a user sees of a tally: its order of insertion is no part of it. */
const figures = (tally: StatsTally) => statsOf(tally, NO_BANK, { now: Date.UTC(2026, 10, 3, 12), timeZone: 'UTC' });

describe('the stats tally', () => {
  it('is empty again once every session counted in is taken away, however many and whatever their times', () => {
    const tally = emptyTally();
    const sessions = Array.from({ length: 300 }, (_, i) => session(`s${i}`, (i % 28) + 1, i % 7 ? (i * 37) % 101 : null, 0.1 + i / 3));
    sessions.forEach((s, i) => addSession(tally, s, i));
    expect(tally.sessions).toBe(300);
    sessions.forEach((s, i) => addSession(tally, s, i, -1));
    expect(json(tallyToJSON(tally))).toEqual(json(tallyToJSON(emptyTally())));
  });

  it('takes a resumed session in place of its abandoned record, to the same tally as a fresh count', () => {
    const [a, b, resumed] = [session('a', 1, null), session('b', 2, 75), { ...session('a', 1, 90), endedAt: '2026-11-01T10:30:00.000Z' }];
    const kept = tallyOf([a, b]);
    addSession(kept, a, 0, -1);
    addSession(kept, resumed, 0);
    expect(figures(kept)).toEqual(figures(tallyOf([resumed, b])));
    expect(figures(kept).trend.scores).toEqual([90, 75]);
  });

  it('reads back what it wrote, and refuses what it did not', () => {
    const tally = tallyOf([session('a', 1, 40), session('b', 2, null), session('c', 3, 80)]);
    const text = JSON.stringify(tallyToJSON(tally));
    expect(tallyFromJSON(JSON.parse(text))).toEqual(tally);
    for (const bad of [null, 'tally', [], [1, 2, 3], [1, 1, 0, 0, [['a'], [], [], []], [], [], []]]) expect(tallyFromJSON(bad)).toBeUndefined();
  });
});
