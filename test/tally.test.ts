// The stats tally: what `stats` caches (app/stats-tally.ts), so it must read back exactly what
// it wrote, and keep each rubric's stages and items apart.
import { describe, expect, it } from 'vitest';
import { statsOf } from '../src/score/stats.js';
import { tallyFromJSON, tallyToJSON, type StatsTally } from '../src/score/tally.js';
import type { SessionSummary } from '../src/store/record.js';
import { NO_BANK, tallyOf } from './helpers/history.js';

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
  it('reads back to the same figures, however many sessions and whatever their times', () => {
    const sessions = Array.from({ length: 300 }, (_, i) => ({ ...session(`s${i}`, (i % 28) + 1, i % 7 ? (i * 37) % 101 : null, 0.1 + i / 3), rubricId: i % 3 ? 'interview' : 'panel' }));
    const tally = tallyOf(sessions);
    expect(tally.sessions).toBe(300);
    const read = tallyFromJSON(json(tallyToJSON(tally)))!;
    expect(figures(read)).toEqual(figures(tally));
  });

  it('keeps the stages and items of two rubrics apart, even under the same ids', () => {
    const tally = tallyOf([session('a', 1, 40), { ...session('b', 2, 60), rubricId: 'panel' }, session('c', 3, 80)]);
    expect([...tally.rubrics.keys()]).toEqual(['interview', 'panel']);
    expect(tally.rubrics.get('interview')!.sessions).toBe(2);
    expect(tally.rubrics.get('panel')!.items.get('clarify')!.get('scale')).toEqual({ missed: 1, assessed: 1, questions: new Map([['ads', 1]]) });
    expect(tally.rubrics.get('interview')!.items.get('clarify')!.get('scale')).toEqual({ missed: 2, assessed: 2, questions: new Map([['feed', 2]]) });
  });

  it('reads back what it wrote, and refuses what it did not', () => {
    const tally = tallyOf([session('a', 1, 40), session('b', 2, null), session('c', 3, 80)]);
    const text = JSON.stringify(tallyToJSON(tally));
    expect(tallyFromJSON(JSON.parse(text))).toEqual(tally);
    for (const bad of [null, 'tally', [], [1, 2, 3], [1, 1, 0, 0, [['a'], [], [], []], [], [], []]]) expect(tallyFromJSON(bad)).toBeUndefined();
  });

  it('keeps the 20 sessions that started last for the trend, however they were counted, those that started together in the order counted', () => {
    // Counted out of start order (sessions end in any order), with ties at one moment.
    const sessions = Array.from({ length: 60 }, (_, i) => ({ ...session(`s${i}`, 1, i), startedAt: new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 37) * 60_000).toISOString() }));
    const expected = sessions
      .map((record, order) => ({ record, order }))
      .sort((a, b) => Date.parse(a.record.startedAt) - Date.parse(b.record.startedAt) || a.order - b.order)
      .slice(-20);
    const { trend } = figures(tallyOf(sessions));
    expect(trend.sessionIds).toEqual(expected.map(({ record }) => record.id));
    expect(trend.scores).toEqual(expected.map(({ record }) => record.score));
    expect(figures(tallyFromJSON(json(tallyToJSON(tallyOf(sessions))))!).trend).toEqual(trend);
  });

  it('dates a session by its start to the minute, which keeps its local day in every zone, quarter-hour offsets too', () => {
    // 23:59:59.999 in Kathmandu (UTC+5:45) on 2 November, and just after midnight in Chatham (UTC+13:45 in its summer) on 4 November.
    const lateKathmandu = { ...session('k', 1, 50), startedAt: new Date(Date.UTC(2026, 10, 2, 18, 14, 59, 999)).toISOString() };
    const earlyChatham = { ...session('c', 1, 50), startedAt: new Date(Date.UTC(2026, 10, 3, 10, 15, 0, 1)).toISOString() };
    const tally = tallyFromJSON(json(tallyToJSON(tallyOf([lateKathmandu, earlyChatham]))))!;
    const now = Date.UTC(2026, 10, 3, 12);
    expect(statsOf(tally, NO_BANK, { now, timeZone: 'Asia/Kathmandu' }).streaks).toMatchObject({ days: 2, longest: 2, lastDay: '2026-11-03' });
    expect(statsOf(tally, NO_BANK, { now, timeZone: 'Pacific/Chatham' }).streaks).toMatchObject({ days: 2, longest: 2, lastDay: '2026-11-04' });
  });
});
