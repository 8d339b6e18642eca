import { stripVTControlCharacters } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import type { QuestionInfo } from '../src/score/bank-view.js';
import { practiceQueue, ratingFor, replayCard } from '../src/select/schedule.js';
import { completedQuestionIds, unseenQuestions } from '../src/select/unseen.js';
import { readHistory } from '../src/store/history.js';
import { makeRecord, type SessionRecord } from '../src/store/record.js';
import { fakeIo } from './helpers/fake-io.js';
import { FIXTURES, homeWith, PROGRESS_BANK, progressWarnings } from './helpers/history.js';
import { TmuxSession } from './helpers/tmux.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 10);
const question = (id: string, category: string): QuestionInfo => ({ id, title: `Title of ${id}`, category, difficulty: 'medium' });

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
      due: new Date(T0 + DAY).toISOString(), overdueDays: 6, reviews: 1, lastScore: 30, lastScoreBy: 'self', lastRating: 'again', categoryAverage: 53,
    });
    expect(queue.find((entry) => entry.questionId === 'later')).toMatchObject({ due: new Date(T0 + 14 * DAY).toISOString(), categoryAverage: 90 });
    expect(queue.find((entry) => entry.questionId === 'new-vision-a')).toMatchObject({ due: null, reviews: 0, lastScore: null, categoryAverage: null });
  });

  it('with nothing practised, lets the categories take turns rather than listing one category after another', () => {
    const bank: QuestionInfo[] = ['ads', 'marketplaces', 'perception'].flatMap((category) =>
      [1, 2].map((n) => ({ id: `${category}-${n}`, title: `${category} ${n}`, category, difficulty: 'medium' })));
    expect(practiceQueue(bank, [], now).map((entry) => entry.questionId)).toEqual(['ads-1', 'marketplaces-1', 'perception-1', 'ads-2', 'marketplaces-2', 'perception-2']);
  });

  it('depends only on the history: file order does not matter, and the clock moves questions into due', () => {
    expect(practiceQueue(questions, [...history].reverse(), now)).toEqual(practiceQueue(questions, history, now));
    const before = practiceQueue(questions, history, T0 + 4 * DAY);
    expect(before.filter((entry) => entry.reason === 'due').map((entry) => entry.questionId)).toEqual(['due-old']);
    const after = practiceQueue(questions, history, T0 + 20 * DAY);
    expect(after.filter((entry) => entry.reason === 'due').map((entry) => entry.questionId)).toEqual(['due-old', 'due-new', 'later']);
  });

  it("rates a session from the AI grader's score where one is given, and says whose score the last was", () => {
    // due-old: Again from its own 30%; Easy from the AI grader's 90%: not due on day 7.
    const queue = practiceQueue(questions, history, now, new Map([['due-old-0', 90]]));
    expect(queue.find((entry) => entry.questionId === 'due-old')).toMatchObject({ reason: 'scheduled', lastScore: 90, lastScoreBy: 'ai', lastRating: 'easy', categoryAverage: 83 });
    expect(queue.find((entry) => entry.questionId === 'due-new')).toMatchObject({ reason: 'due', lastScore: 75, lastScoreBy: 'self' });
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

describe('mldrill next', () => {
  const NOW = Date.UTC(2026, 10, 17, 12);
  const run = async (args: string[], setUp: (home: string) => Record<string, string> = () => ({})) => {
    const home = homeWith('progress.jsonl');
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC', ...setUp(home) }, now: NOW });
    const code = await main(['next', '--bank', PROGRESS_BANK, ...args], io);
    return { code, out: io.out(), err: io.err(), home };
  };

  it('lists the due fixture questions first, most overdue first, and warns about skipped lines', async () => {
    const { code, out, err, home } = await run(['--json', '--limit', '0']);
    expect(code).toBe(0);
    expect(err.trim().split('\n')).toEqual(progressWarnings(home));
    const { now, queue } = JSON.parse(out);
    expect(now).toBe('2026-11-17T12:00:00.000Z');
    const records = readHistory(path.join(FIXTURES, 'history', 'progress.jsonl')).records;
    // fx-ads: Hard on Nov 11 (due Nov 13); fx-spam: Good on Nov 13 (due Nov 16); fx-feed:
    // Again on Nov 10, then Good on Nov 15 (not due yet).
    expect(queue.slice(0, 2).map((entry: { questionId: string; reason: string; overdueDays: number }) => [entry.questionId, entry.reason, entry.overdueDays])).toEqual([
      ['fx-ads', 'due', 4],
      ['fx-spam', 'due', 1],
    ]);
    expect(queue.find((entry: { questionId: string }) => entry.questionId === 'fx-feed')).toMatchObject({ reason: 'scheduled', reviews: 2, lastScore: 80 });
    expect(queue.find((entry: { questionId: string }) => entry.questionId === 'fx-feed').due).toBe(replayCard(records.filter((r) => r.questionId === 'fx-feed' && r.status === 'completed'))!.due.toISOString());
    expect(queue.filter((entry: { reason: string }) => entry.reason === 'unseen').length).toBeGreaterThan(30);
  });

  it('says what is next and why, in plain text', async () => {
    const { code, out } = await run(['--limit', '3']);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 7)).toEqual([
      'Next: Ranking ads in a feed (fx-ads)',
      '      due 4 days ago · last 50% (hard)',
      '      start it with mldrill drill --next',
      '',
      'Then',
      expect.stringMatching(/^ {3}2\. fx-spam +due 1 day ago · last 75% \(good\)$/),
      expect.stringMatching(/^ {3}3\. \S+ +new · \S+: no sessions yet$/),
    ]);
  });
  it('says how many hours away a question due within a day is, not "due in 1 day" for one due in minutes', async () => {
    const records = readHistory(path.join(FIXTURES, 'history', 'progress.jsonl')).records;
    // fx-feed: Good on Nov 15, not due yet at NOW.
    const due = replayCard(records.filter((r) => r.questionId === 'fx-feed' && r.status === 'completed'))!.due.getTime();
    const reason = async (now: number) => {
      const io = fakeIo({ env: { MLDRILL_HOME: homeWith('progress.jsonl'), TZ: 'UTC' }, now });
      expect(await main(['next', '--bank', PROGRESS_BANK, '--limit', '0'], io)).toBe(0);
      return io.out().split('\n').find((line) => / fx-feed /.test(line))?.replace(/^.*fx-feed +/, '');
    };
    expect(await reason(due - 20 * 60_000)).toBe('due in under an hour · last 80% (good)');
    expect(await reason(due - 5.5 * 3_600_000)).toBe('due in 6 hours · last 80% (good)');
    expect(await reason(due - 30 * 3_600_000)).toBe('due in 2 days · last 80% (good)');
  });

  it('cuts each line to a narrow terminal, with an ellipsis, and leaves a pipe\'s lines whole', async () => {
    const home = homeWith('progress.jsonl');
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: NOW, tty: true });
    (io.stdout as { columns: number }).columns = 30;
    expect(await main(['next', '--bank', PROGRESS_BANK, '--limit', '3'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.every((line) => stripVTControlCharacters(line).length <= 30)).toBe(true);
    // The reasons go under the ids, where they can be read, rather than be cut to "due …" beside them.
    expect(lines.slice(5, 7).map((line) => stripVTControlCharacters(line))).toEqual(['   2. fx-spam', '      due 1 day ago · last 75…']);
    const piped = await run(['--limit', '3']);
    expect(piped.out.split('\n')[5]).toMatch(/due 1 day ago · last 75% \(good\)$/);
  });
});

describe("mldrill next with the config's llm.schedule_from: ai", () => {
  const NOW = Date.UTC(2026, 10, 17, 12);
  /** fx-ads's one session scored 50% (Hard); the AI grader gave it 90%. */
  const withAiRating = (scheduleFrom: string) => (home: string) => {
    const rating = { version: 1, sessionId: '20261111-0900-bbbb', rater: 'ai', ratedAt: '2026-11-11T10:00:00.000Z', model: 'm', host: '127.0.0.1:1', questionId: 'fx-ads', rubricId: 'fx-interview', mode: 'self', score: 90, recordScore: 50, stages: [] };
    fs.writeFileSync(path.join(home, 'ratings.jsonl'), `${JSON.stringify(rating)}\n`);
    fs.writeFileSync(path.join(home, 'config.yaml'), `llm:\n  schedule_from: ${scheduleFrom}\n`);
    return { MLDRILL_CONFIG: path.join(home, 'config.yaml') };
  };
  const run = async (setUp: (home: string) => Record<string, string>, args: string[] = []) => {
    const home = homeWith('progress.jsonl');
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC', ...setUp(home) }, now: NOW });
    const code = await main(['next', '--bank', PROGRESS_BANK, ...args], io);
    return { code, out: io.out(), err: io.err() };
  };

  it("reschedules from the AI grader's score, and says so", async () => {
    const { code, out } = await run(withAiRating('ai'), ['--limit', '0']);
    expect(code).toBe(0);
    // Easy on Nov 11 is due Nov 19: fx-spam leads, fx-ads is scheduled.
    expect(out.split('\n')[0]).toBe('Next: Filtering spam messages (fx-spam)');
    expect(out).toMatch(/fx-ads +due in 2 days · last 90% by the AI grader \(easy\)/);
    const json = JSON.parse((await run(withAiRating('ai'), ['--json', '--limit', '0'])).out);
    expect(json.queue.find((entry: { questionId: string }) => entry.questionId === 'fx-ads')).toMatchObject({ reason: 'scheduled', lastScore: 90, lastScoreBy: 'ai', lastRating: 'easy' });
  });

  it('keeps your own score by default (self), whatever the ratings file holds', async () => {
    const { out } = await run(withAiRating('self'));
    expect(out.split('\n').slice(0, 2)).toEqual(['Next: Ranking ads in a feed (fx-ads)', '      due 4 days ago · last 50% (hard)']);
  });

  it('rejects a value that is neither self nor ai, naming the file and line', async () => {
    const { code, err } = await run(withAiRating('model'));
    expect(code).toBe(2);
    expect(err).toMatch(/config\.yaml:2:\d+: .*schedule_from.*(self|ai)/);
  });
});

describe('mldrill drill --next', () => {
  let tmux: TmuxSession | undefined;
  afterEach(() => tmux?.close());

  it('refuses --next together with --random or an id (exit 2)', async () => {
    for (const args of [['drill', '--next', '--random'], ['drill', 'fx-feed', '--next']]) {
      const io = fakeIo({ tty: true });
      expect(await main(args, io)).toBe(2);
      expect(io.err()).toMatch(/^mldrill: pick the question one way, not with (an id|--random) and --next\n$/);
    }
  });

  it('drills the question that is due, in a terminal', { timeout: 30_000 }, async () => {
    const ended = Date.now() - 10 * DAY;
    // An id of the real form: the history skips any other.
    const overdue = { ...session('fx-spam', 0, 30), id: '20261101-0900-spam', startedAt: new Date(ended - 1_800_000).toISOString(), endedAt: new Date(ended).toISOString() };
    const home = homeWith({ text: `${JSON.stringify(overdue)}\n` });
    tmux = new TmuxSession(['drill', '--next', '--no-save', '--bank', PROGRESS_BANK], { env: { MLDRILL_HOME: home }, width: 120 });
    const screen = await tmux.waitFor('Filtering spam messages');
    expect(screen).toMatch(/Next by spaced repetition: fx-spam \(due 9 days ago · last 30% \(again\)\)/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8')).toBe(`${JSON.stringify(overdue)}\n`);
  });
});
