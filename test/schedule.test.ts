import { describe, expect, it } from 'vitest';
import type { CatalogQuestion } from '../src/score/catalog.js';
import { practiceQueue, ratingFor, replayCard } from '../src/select/schedule.js';
import { completedQuestionIds, unseenQuestions } from '../src/select/unseen.js';
import { makeRecord, type SessionRecord } from '../src/store/record.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 10);
const question = (id: string, category: string): CatalogQuestion => ({ id, title: `Title of ${id}`, category, difficulty: 'medium', prompt: 'Design it.' });

/** A session of `id` ending at T0 + day days, with the given score (null: abandoned). */
function session(id: string, day: number, score: number | null): SessionRecord {
  const endedAt = T0 + day * DAY;
  return makeRecord({
    id: `${id}-${day}`, questionId: id, rubricId: 'mini', mode: 'self', status: score === null ? 'abandoned' : 'completed',
    startedAt: endedAt - 40 * 60_000, endedAt,
    stages: [{ id: 'clarify', budgetSeconds: 600, usedSeconds: 600, hintsShown: 0, notes: '' }],
    ...(score === null ? {} : { score: { total: score, stages: [{ checked: [], missed: [], score }] } }),
  });
}

describe('rating a session from its score', () => {
  it.each([[0, 'again'], [49, 'again'], [50, 'hard'], [69, 'hard'], [70, 'good'], [84, 'good'], [85, 'easy'], [100, 'easy']])('score %i is rated %s', (score, rating) => {
    expect(ratingFor(score)).toBe(rating);
  });

  it('schedules a better rating further out, and a lapse sooner', () => {
    const due = (score: number) => replayCard([session('q', 0, score)])!.due.getTime() - T0;
    expect([due(30), due(60), due(75), due(90)]).toEqual([1 * DAY, 2 * DAY, 3 * DAY, 8 * DAY]);
    const afterLapse = replayCard([session('q', 0, 90), session('q', 8, 20)])!.due.getTime() - (T0 + 8 * DAY);
    const afterPass = replayCard([session('q', 0, 90), session('q', 8, 90)])!.due.getTime() - (T0 + 8 * DAY);
    expect(afterLapse).toBeLessThan(afterPass);
  });
});

describe('the practice queue', () => {
  const questions = [
    question('due-old', 'ads'), question('due-new', 'ads'), question('later', 'search'),
    question('new-ads', 'ads'), question('new-search', 'search'), question('new-vision-b', 'vision'), question('new-vision-a', 'vision'),
  ];
  const history = [
    session('later', 6, 90), // Easy: due in 8 days, on day 14
    session('due-new', 2, 75), // Good: due in 3 days, on day 5
    session('due-old', 0, 30), // Again: due the next day, on day 1
    session('new-ads', 3, null), // abandoned: still unseen
    session('not-in-the-bank', 0, 10), // ignored
  ];
  const now = T0 + 7 * DAY + 2 * 3_600_000;

  it('puts due questions first, most overdue first; then unseen ones, weakest category first; then the rest', () => {
    const queue = practiceQueue(questions, history, now);
    expect(queue.map((entry) => [entry.questionId, entry.reason, entry.overdueDays])).toEqual([
      ['due-old', 'due', 6],
      ['due-new', 'due', 2],
      // vision was never practised, so it counts as the weakest; ads averages 53%, search 90%.
      ['new-vision-a', 'unseen', null],
      ['new-vision-b', 'unseen', null],
      ['new-ads', 'unseen', null],
      ['new-search', 'unseen', null],
      ['later', 'scheduled', null],
    ]);
    expect(queue[0]).toEqual({
      questionId: 'due-old', title: 'Title of due-old', category: 'ads', reason: 'due',
      due: new Date(T0 + DAY).toISOString(), overdueDays: 6, reviews: 1, lastScore: 30, lastRating: 'again', categoryAverage: 53,
    });
    expect(queue.find((entry) => entry.questionId === 'later')).toMatchObject({ due: new Date(T0 + 14 * DAY).toISOString(), categoryAverage: 90 });
    expect(queue.find((entry) => entry.questionId === 'new-vision-a')).toMatchObject({ due: null, reviews: 0, lastScore: null, categoryAverage: null });
  });

  it('depends only on the history: file order does not matter, and the clock moves questions into due', () => {
    expect(practiceQueue(questions, [...history].reverse(), now)).toEqual(practiceQueue(questions, history, now));
    const before = practiceQueue(questions, history, T0 + 4 * DAY);
    expect(before.filter((entry) => entry.reason === 'due').map((entry) => entry.questionId)).toEqual(['due-old']);
    const after = practiceQueue(questions, history, T0 + 20 * DAY);
    expect(after.filter((entry) => entry.reason === 'due').map((entry) => entry.questionId)).toEqual(['due-old', 'due-new', 'later']);
  });

  it('replays every completed session of a question in time order', () => {
    const twice = practiceQueue(questions, [...history, session('due-old', 5, 95)], now);
    // Again on day 0, then Easy on day 5: no longer due on day 7.
    expect(twice.find((entry) => entry.questionId === 'due-old')).toMatchObject({ reason: 'scheduled', reviews: 2, lastScore: 95, lastRating: 'easy' });
  });
});

describe('questions already completed (for random --unseen and daily --unseen)', () => {
  it('counts completed sessions only', () => {
    const records = [session('a', 0, 80), session('b', 1, null), session('a', 2, 10), session('c', 3, 0)];
    expect([...completedQuestionIds(records)].sort()).toEqual(['a', 'c']);
    expect(unseenQuestions([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], records)).toEqual([{ id: 'b' }, { id: 'd' }]);
  });
});
