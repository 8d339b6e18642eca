// AI ratings kept beside the history (ratings.jsonl), and what history, export and stats make of
// them: the marker, the verdicts in the document, and calibration.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aiGradeSession, runAiGrade } from '../src/app/ai-grade.js';
import type { LoadedQuestion, LoadedRubric } from '../src/bank/schema.js';
import { main } from '../src/main.js';
import { calibrationOf, calibrationSentence, gapTrend } from '../src/score/calibration.js';
import { appendRecord } from '../src/store/append.js';
import { appendRating, readRatings, RATING_VERSION, type RatingRecord } from '../src/store/ratings.js';
import { makeRecord, type SessionRecord } from '../src/store/record.js';
import { completion, startChatServer, type ChatServer } from './helpers/chat-server.js';
import { fakeIo } from './helpers/fake-io.js';
import { NO_BANK } from './helpers/history.js';

const KEY = 'sk-ratings-SECRET-42';
const rubric: LoadedRubric = {
  id: 'fx-rubric', title: 'Fixture rubric', file: 'rubrics/fx-rubric.yaml',
  stages: [
    { id: 'clarify', title: 'Clarify', minutes: 5, goal: 'Scope it.', checklist: [{ id: 'users', text: 'Asked who the users are' }, { id: 'scale', text: 'Estimated the scale' }] },
    { id: 'deep-dive', title: 'Deep dive', minutes: 5, goal: 'Go deep.', checklist: [{ id: 'tradeoff', text: 'Explained a trade-off with numbers' }, { id: 'failure', text: 'Named failure modes' }] },
  ],
};
const question: LoadedQuestion = {
  id: 'fx-feed', title: 'Feed ranking', category: 'recommendation', difficulty: 'medium', rubric: 'fx-rubric', file: 'q.yaml',
  prompt: 'Design a feed ranking system.', stages: {},
};

/** A completed self-assessed session of fx-feed, started `day` days into November 2026. */
function session(day: number, checked: { clarify: string[]; 'deep-dive': string[] }, mode: 'self' | 'interviewer' = 'self'): SessionRecord {
  const stageScore = (ids: string[]) => ids.length * 50;
  const startedAt = Date.UTC(2026, 10, day, 9);
  return makeRecord({
    id: `202611${String(day).padStart(2, '0')}-0900-abcd`, questionId: 'fx-feed', rubricId: 'fx-rubric', mode, status: 'completed',
    startedAt, endedAt: startedAt + 600_000,
    stages: [
      { id: 'clarify', budgetSeconds: 300, usedSeconds: 300, hintsShown: 0, notes: 'Users: readers who want fresh posts. 500M DAU' },
      { id: 'deep-dive', budgetSeconds: 300, usedSeconds: 300, hintsShown: 0, notes: 'Two-tower retrieval: 10 ms p99 against recall' },
    ],
    score: {
      total: (stageScore(checked.clarify) + stageScore(checked['deep-dive'])) / 2,
      stages: [
        { checked: checked.clarify, missed: ['users', 'scale'].filter((id) => !checked.clarify.includes(id)).map((id) => ({ id })), score: stageScore(checked.clarify) },
        { checked: checked['deep-dive'], missed: ['tradeoff', 'failure'].filter((id) => !checked['deep-dive'].includes(id)).map((id) => ({ id })), score: stageScore(checked['deep-dive']) },
      ],
    },
  });
}

/** A rating of record by rater with these stage scores. */
function rating(record: SessionRecord, scores: [number, number], rater: 'ai' | 'self' = 'ai'): RatingRecord {
  return {
    version: RATING_VERSION, sessionId: record.id, rater, ratedAt: record.endedAt, ...(rater === 'ai' ? { model: 'm', host: '127.0.0.1:1' } : {}),
    questionId: record.questionId, rubricId: record.rubricId, mode: record.mode, score: (scores[0] + scores[1]) / 2, recordScore: record.score,
    stages: record.stages.map((stage, i) => ({ id: stage.id, score: scores[i]!, recordScore: stage.score, items: [] })),
  };
}

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tempHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-ratings-'));

describe('the ratings file', () => {
  it('keeps the latest rating per session and rater, and skips bad lines with a warning, leaving them in place', () => {
    const home = tempHome();
    const file = path.join(home, 'ratings.jsonl');
    const first = session(1, { clarify: ['users'], 'deep-dive': [] });
    appendRating(file, rating(first, [50, 0]));
    fs.appendFileSync(file, 'not json\n{"version":9,"sessionId":"x"}\n{"version":1,"sessionId":"x"}\n');
    appendRating(file, rating(first, [100, 50]));
    fs.appendFileSync(file, '{"version":1,"sess');
    const read = readRatings(file);
    expect(read.ratings.map((found) => found.score)).toEqual([75]);
    expect(read.warnings).toEqual([
      `${file}:2: not valid JSON; skipped and left in place`,
      `${file}:3: written by a newer mldrill (rating version 9, this one reads up to 1); skipped, upgrade mldrill to read it`,
      `${file}:4: not a rating record; skipped and left in place`,
      `${file}:6: the last line is incomplete (an interrupted write?); ignored and left in place`,
    ]);
    // The next append starts on a fresh line: the torn one stays alone.
    appendRating(file, rating(first, [0, 0]));
    expect(readRatings(file).ratings[0]!.score).toBe(0);
  });

  // As a history record out of range is (README, the store's guarantees): export showed '2e+306%',
  // stats 'you rate yourself 5e+300 points above the AI grader', a model name split the export.
  it.each([
    ['a score over 100', (good: RatingRecord) => ({ ...good, score: 2e306 })],
    ['a stage score below 0', (good: RatingRecord) => ({ ...good, stages: good.stages.map((stage) => ({ ...stage, score: -5e300 })) })],
    ["a record's score over 100", (good: RatingRecord) => ({ ...good, recordScore: 101 })],
    ['a model name with a line break', (good: RatingRecord) => ({ ...good, model: 'm\nForged line' })],
    ['a session id that is no session id', (good: RatingRecord) => ({ ...good, sessionId: '../../victim' })],
    ['a stage id with a tab', (good: RatingRecord) => ({ ...good, stages: good.stages.map((stage) => ({ ...stage, id: 'clar\tify' })) })],
    ['a date in 1970', (good: RatingRecord) => ({ ...good, ratedAt: '1970-01-01T00:00:00.000Z' })],
  ])('skips a rating with %s, with the usual warning', (_, change) => {
    const file = path.join(tempHome(), 'ratings.jsonl');
    const good = rating(session(1, { clarify: ['users'], 'deep-dive': [] }), [50, 0]);
    fs.writeFileSync(file, `${JSON.stringify(change(good))}\n${JSON.stringify(good)}\n`);
    expect(readRatings(file)).toEqual({ ratings: [good], warnings: [`${file}:1: not a rating record; skipped and left in place`] });
  });

  it('reads nothing from a missing file, and refuses a directory in its place', () => {
    const home = tempHome();
    expect(readRatings(path.join(home, 'ratings.jsonl'))).toEqual({ ratings: [], warnings: [] });
    fs.mkdirSync(path.join(home, 'ratings.jsonl'));
    expect(readRatings(path.join(home, 'ratings.jsonl')).warnings).toEqual([`${path.join(home, 'ratings.jsonl')}: not a regular file; ratings ignored`]);
  });
});

describe('calibration', () => {
  it.each([
    [[30, 30, 12, 12], 'halved'],
    [[20, 20, 14, 14], 'narrowed'],
    [[10, 10, 20, 20], 'widened'],
    [[10, 12, 11, 10], 'steady'],
    [[-20, -20, -14, -14], 'narrowed'],
    [[-20, -20, 5, 5], 'halved'],
  ] as const)('gaps %j have %s', (gaps, direction) => {
    expect(gapTrend(gaps)?.direction).toBe(direction);
  });

  it('needs four sessions for a trend', () => {
    expect(gapTrend([30, 10, 5])).toBeNull();
  });

  it('pairs self with the AI in self-assessed sessions and self with the partner in interviewer ones, oldest first', () => {
    const sessions = [1, 2, 3, 4].map((day) => session(day, { clarify: ['users', 'scale'], 'deep-dive': ['tradeoff', 'failure'] }));
    const interviewed = session(5, { clarify: ['users'], 'deep-dive': [] }, 'interviewer');
    const ratings = [rating(sessions[3]!, [100, 90]), rating(sessions[0]!, [100, 70]), rating(sessions[1]!, [100, 70]), rating(sessions[2]!, [100, 90]), rating(interviewed, [100, 50], 'self'), rating(session(9, { clarify: [], 'deep-dive': [] }), [0, 0])];
    const starts = new Map([...sessions, interviewed].map((record) => [record.id, Date.parse(record.startedAt)]));
    const calibration = calibrationOf(ratings, starts, { ...NO_BANK, stageTitle: (_, id) => (id === 'deep-dive' ? 'Deep dive' : 'Clarify') });
    expect(calibration.ai).toEqual([
      { id: 'clarify', title: 'Clarify', sessions: 4, averageGap: 0, trend: { sessions: 4, earlierGap: 0, laterGap: 0, direction: 'steady' } },
      { id: 'deep-dive', title: 'Deep dive', sessions: 4, averageGap: 20, trend: { sessions: 4, earlierGap: 30, laterGap: 10, direction: 'halved' } },
    ]);
    expect(calibration.partner.map(({ id, averageGap }) => [id, averageGap])).toEqual([['clarify', 50], ['deep-dive', 50]]);
    expect(calibrationSentence(calibration.ai[1]!, 'the AI grader')).toBe('Deep dive: you rate yourself 20 points above the AI grader (4 sessions); the gap has halved over your last 4 sessions (30 → 10)');
    // A title keeps its capitals (ML, not ml) and leads, as stage titles are imperatives.
    expect(calibrationSentence({ ...calibration.ai[1]!, title: 'Frame the ML task and metrics', trend: null }, 'your partner')).toBe('Frame the ML task and metrics: you rate yourself 20 points above your partner (4 sessions)');
    expect(calibrationSentence(calibration.ai[0]!, 'the AI grader')).toBe('Clarify: you rate yourself the same as the AI grader (4 sessions); the gap has held steady over your last 4 sessions (0 → 0)');
  });

  it('leaves out a stage where the AI decided nothing (every verdict unsure or void): its own ticks scored back are no agreement', () => {
    const sessions = [1, 2].map((day) => session(day, { clarify: ['users', 'scale'], 'deep-dive': ['tradeoff', 'failure'] }));
    const decided = rating(sessions[0]!, [50, 50]);
    decided.stages[0]!.items = [{ id: 'users', met: true, evidence: 'readers', reason: '', counted: true }, { id: 'scale', met: false, evidence: null, reason: '', counted: false }];
    decided.stages[1]!.items = [{ id: 'tradeoff', met: false, evidence: null, reason: '', counted: false }, { id: 'failure', met: null, evidence: null, reason: '', counted: true }];
    // The second session's AI was unsure of every clarify item and quoted nothing real for the deep dive: its stage scores are the self ticks.
    const unsure = rating(sessions[1]!, [100, 100]);
    unsure.stages[0]!.items = [{ id: 'users', met: null, evidence: null, reason: '', counted: true }, { id: 'scale', met: null, evidence: null, reason: '', counted: true }];
    unsure.stages[1]!.items = [{ id: 'tradeoff', met: true, evidence: 'made up', reason: '', void: true, counted: true }, { id: 'failure', met: false, evidence: null, reason: '', counted: false }];
    unsure.stages[1]!.score = 50;
    const starts = new Map(sessions.map((record) => [record.id, Date.parse(record.startedAt)]));
    const calibration = calibrationOf([decided, unsure], starts, NO_BANK);
    expect(calibration.ai.map(({ id, sessions: count, averageGap }) => [id, count, averageGap])).toEqual([['clarify', 1, 50], ['deep-dive', 2, 50]]);
  });
});

describe('an AI rating of a recorded session, through the commands', () => {
  it('is kept beside the record, marked in history, shown by export and counted by stats; the key is in no file', async () => {
    const home = tempHome();
    const records = [1, 2, 3].map((day) => session(day, { clarify: ['users', 'scale'], 'deep-dive': ['tradeoff', 'failure'] }));
    for (const record of records) appendRecord(path.join(home, 'history.jsonl'), record);
    const historyBefore = fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8');
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'users', met: true, evidence: 'readers who want fresh posts', reason: 'Names the users.' },
      { stage: 'clarify', id: 'scale', met: true, evidence: '500M DAU', reason: 'Gives the scale.' },
      { stage: 'deep-dive', id: 'tradeoff', met: true, evidence: '10 ms p99 against recall', reason: 'A trade-off with a number.' },
      { stage: 'deep-dive', id: 'failure', met: true, evidence: 'falls back to popularity when the index is stale', reason: 'Invented.' },
    ] })]);
    const env = { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model', MLDRILL_LLM_API_KEY: KEY, TZ: 'UTC' };
    const io = fakeIo({ env, now: Date.UTC(2026, 10, 10) });
    const result = await aiGradeSession(records[2]!, question, rubric, io);
    // The invented quote is void; the self tick counts for it.
    expect(result.stages[1]!.items[1]).toMatchObject({ id: 'failure', void: true, self: true, counted: true });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8')).toBe(historyBefore);
    const stored = fs.readFileSync(path.join(home, 'ratings.jsonl'), 'utf8');
    expect(JSON.parse(stored)).toMatchObject({ version: 1, sessionId: records[2]!.id, rater: 'ai', model: 'test-model', mode: 'self', score: 100, recordScore: 100 });
    for (const file of fs.readdirSync(home, { recursive: true }) as string[]) {
      const full = path.join(home, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full, 'utf8')).not.toContain(KEY);
    }
    expect(stored).not.toContain(server.url);

    const run = async (args: string[]) => {
      const command = fakeIo({ env, now: Date.UTC(2026, 10, 10) });
      const code = await main(args, command);
      return { code, out: command.out(), err: command.err() };
    };
    const history = await run(['history']);
    expect(history.out.split('\n').slice(0, 3)).toEqual([
      'When              Session             Question  Mode  Status     Score    Time',
      '2026-11-03 09:00  20261103-0900-abcd  fx-feed   self  completed  100%*  10 min',
      '2026-11-02 09:00  20261102-0900-abcd  fx-feed   self  completed  100%   10 min',
    ]);
    expect(history.err).toBe('Scores marked * were graded by the AI too: mldrill export <session> shows its verdicts\n');
    expect(JSON.parse((await run(['history', '--json'])).out).map((entry: { aiScore: number | null }) => entry.aiScore)).toEqual([100, null, null]);

    const exported = await run(['export', records[2]!.id, '--format', 'json']);
    expect(JSON.parse(exported.out).aiRating).toMatchObject({ model: 'test-model', score: 100, stages: [{ id: 'clarify', score: 100 }, { id: 'deep-dive', items: [{ id: 'tradeoff', met: true, evidence: '10 ms p99 against recall', counted: true }, { id: 'failure', void: true }] }] });
    expect(JSON.parse((await run(['export', records[0]!.id, '--format', 'json'])).out).aiRating).toBeNull();
    const markdown = (await run(['export', records[2]!.id])).out;
    expect(markdown).toContain('## Second opinion: AI grader');
    expect(markdown).toContain('- **met**: tradeoff — “10 ms p99 against recall” — A trade-off with a number.');
    expect(markdown).toContain('- **unsupported**: failure — “falls back to popularity when the index is stale” — Invented.');

    const stats = await run(['stats', '--json']);
    expect(JSON.parse(stats.out).calibration).toEqual({
      ai: [
        { id: 'clarify', title: 'clarify', sessions: 1, averageGap: 0, trend: null },
        { id: 'deep-dive', title: 'deep-dive', sessions: 1, averageGap: 0, trend: null },
      ],
      partner: [],
    });
    expect((await run(['stats'])).out).toContain('Calibration (your own rating against another rater\'s, per stage)\n  clarify: you rate yourself the same as the AI grader (1 session).');
  });

  it('rates the follow-up\'s answer key points the session was scored on, so the deep-dive\'s gap compares the same checklist', async () => {
    const home = tempHome();
    const startedAt = Date.UTC(2026, 10, 3, 9);
    // The curveball's two points joined the deep-dive's items (weight 0.5 each against the stage's 2): self 1.5 of 3.
    const record = makeRecord({
      id: '20261103-0900-cafe', questionId: 'fx-feed', rubricId: 'fx-rubric', mode: 'self', status: 'completed', startedAt, endedAt: startedAt + 600_000,
      stages: [
        { id: 'clarify', budgetSeconds: 300, usedSeconds: 300, hintsShown: 0, notes: 'Users: readers who want fresh posts.' },
        { id: 'deep-dive', budgetSeconds: 300, usedSeconds: 300, hintsShown: 0, notes: 'Two-tower retrieval: 10 ms p99 against recall\nFalls back to popularity when the index is stale\n' },
      ],
      score: { total: 50, stages: [
        { checked: ['users'], missed: [{ id: 'scale' }], score: 50 },
        { checked: ['tradeoff', 'followup-1'], missed: [{ id: 'failure' }, { id: 'followup-2' }], score: 50 },
      ] },
      curveballs: [{ stageId: 'deep-dive', atSeconds: 120, text: 'Traffic grew tenfold. What breaks first?', answer: ['Shard the index by region', 'Cache the hottest items at the edge'] }],
    });
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'users', met: true, evidence: 'readers who want fresh posts', reason: 'Names the users.' },
      { stage: 'clarify', id: 'scale', met: false, evidence: '', reason: 'No numbers.' },
      { stage: 'deep-dive', id: 'tradeoff', met: true, evidence: '10 ms p99 against recall', reason: 'A trade-off with a number.' },
      { stage: 'deep-dive', id: 'failure', met: true, evidence: 'Falls back to popularity when the index is stale', reason: 'A failure mode.' },
      { stage: 'deep-dive', id: 'followup-1', met: false, evidence: '', reason: 'No sharding.' },
      { stage: 'deep-dive', id: 'followup-2', met: false, evidence: '', reason: 'No cache.' },
    ] })]);
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    const result = await aiGradeSession(record, question, rubric, io);
    const prompt = server.requests[0]!.body.messages[1].content as string;
    expect(prompt).toContain('- deep-dive / followup-1: Shard the index by region (Good: a point of the answer to the follow-up "Traffic grew tenfold. What breaks first?")');
    expect(io.err()).toBe('');
    expect(result.stages[1]!.items.map((item) => [item.id, item.self, item.counted])).toEqual([
      ['tradeoff', true, true], ['failure', false, true], ['followup-1', true, false], ['followup-2', false, false],
    ]);
    // 2 of 3 by the AI against the self-assessment's 1.5 of 3: the candidate rates the deep-dive 17 points below it.
    const [stored] = readRatings(path.join(home, 'ratings.jsonl')).ratings;
    expect(stored!.stages[1]).toMatchObject({ id: 'deep-dive', score: 67, recordScore: 50 });
  });

  it('shows the model the diagram drawn, session or notes file, and takes a quote of it as evidence', async () => {
    const home = tempHome();
    const drawn = session(3, { clarify: ['users'], 'deep-dive': ['tradeoff'] });
    const record = { ...drawn, diagram: 'events -> feature store -> ranker\nranker -[top 50]-> feed\n' };
    const verdict = { stage: 'deep-dive', id: 'tradeoff', met: true, evidence: 'ranker -[top 50]-> feed', reason: 'The funnel is drawn.' };
    server = await startChatServer([completion({ items: [verdict] })]);
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    const result = await aiGradeSession(record, question, rubric, io);
    expect(server.requests[0]!.body.messages[1].content).toContain('<<<NOTES\nevents -> feature store -> ranker\nranker -[top 50]-> feed\nNOTES>>>');
    expect(result.stages[1]!.items[0]).toEqual(expect.objectContaining({ id: 'tradeoff', met: true, evidence: 'ranker -[top 50]-> feed', counted: true }));
    expect(result.stages[1]!.items[0]!.void).toBeUndefined();

    // A notes file's `## diagram` section, through the command.
    const dir = tempHome();
    fs.writeFileSync(path.join(dir, 'notes.md'), '## clarify\nBusiness goal: more daily sessions.\n## diagram\nevents -> feature store\n\nfeature store -> ranker\n');
    await server.close();
    server = await startChatServer([completion({ items: [{ stage: 'design', id: 'diagram', met: true, evidence: 'feature store -> ranker', reason: 'Drawn.' }] })]);
    const command = fakeIo({ cwd: dir, env: { MLDRILL_HOME: home, MLDRILL_CONFIG: path.join(dir, 'none.yaml'), MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    const e2eBank = path.resolve(import.meta.dirname, 'fixtures', 'e2e-bank');
    expect(await main(['grade', 'e2e-feed', '--notes', 'notes.md', '--ai', '--json', '--bank', e2eBank], command)).toBe(0);
    expect(server.requests[0]!.body.messages[1].content).toContain('<<<NOTES\nevents -> feature store\nfeature store -> ranker\nNOTES>>>');
    const diagramItem = JSON.parse(command.out()).stages[1].items[0];
    expect(diagramItem).toMatchObject({ id: 'diagram', met: true, evidence: 'feature store -> ranker', counted: true });
    expect(diagramItem.void).toBeUndefined();
  });

  it('graded against another rubric than it was drilled with, a session\'s rating has no record score to compare, and stats leaves it out of calibration', async () => {
    const home = tempHome();
    const record = session(4, { clarify: ['users', 'scale'], 'deep-dive': ['tradeoff', 'failure'] });
    appendRecord(path.join(home, 'history.jsonl'), record);
    const other: LoadedRubric = { ...rubric, id: 'fx-short', title: 'Short rubric', stages: rubric.stages.map((stage) => ({ ...stage, checklist: [{ id: 'summary', text: 'Summarised the design' }] })) };
    server = await startChatServer([completion({ items: [{ stage: 'clarify', id: 'summary', met: false, evidence: '', reason: 'No summary.' }, { stage: 'deep-dive', id: 'summary', met: false, evidence: '', reason: 'No summary.' }] })]);
    const env = { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' };
    await aiGradeSession(record, question, other, fakeIo({ env }));
    const [stored] = readRatings(path.join(home, 'ratings.jsonl')).ratings;
    expect(stored).toMatchObject({ rubricId: 'fx-short', score: 0, recordScore: null, stages: [{ id: 'clarify', score: 0, recordScore: null }, { id: 'deep-dive', score: 0, recordScore: null }] });
    const stats = fakeIo({ env });
    expect(await main(['stats', '--json'], stats)).toBe(0);
    expect(JSON.parse(stats.out()).calibration).toEqual({ ai: [], partner: [] });
  });

  it('grading an interviewer-mode session, says the record\'s ticks are the partner\'s', async () => {
    const record = session(2, { clarify: ['users'], 'deep-dive': [] }, 'interviewer');
    server = await startChatServer([completion({ items: [{ stage: 'clarify', id: 'users', met: null, evidence: '', reason: 'Vague.' }] })]);
    const home = tempHome();
    appendRecord(path.join(home, 'history.jsonl'), record);
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    const notesByStage = Object.fromEntries(record.stages.map((stage) => [stage.id, stage.notes]));
    expect(await runAiGrade({ question, rubric, notesByStage, record }, io)).toBe(0);
    expect(io.out()).toContain("where the AI is unsure or its quote is not in your notes, your partner's tick counts.");
    expect(io.out()).toContain("      unsure; your partner's tick counts\n");
    expect(io.out()).not.toContain('your own tick');
    const exported = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['export', record.id], exported)).toBe(0);
    expect(exported.out()).toContain("where the AI was unsure or its quote is not in the notes, the partner's tick counts.");
  });

  it('with a directory where the ratings file goes, shows the rating and says what is in the way (not a matter of permissions)', async () => {
    const home = tempHome();
    const record = session(1, { clarify: ['users'], 'deep-dive': [] });
    fs.mkdirSync(path.join(home, 'ratings.jsonl'));
    server = await startChatServer([completion({ items: [{ stage: 'clarify', id: 'users', met: true, evidence: 'readers who want fresh posts', reason: 'Names the users.' }] })]);
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    const result = await aiGradeSession(record, question, rubric, io);
    expect(result.stages[0]!.items[0]).toMatchObject({ id: 'users', met: true });
    expect(io.err()).toContain(`mldrill: warning: could not keep the rating in ${path.join(home, 'ratings.jsonl')} (it is a directory, not a regular file; move it away and grade again to keep it)\n`);
    fs.rmdirSync(path.join(home, 'ratings.jsonl'));
    execFileSync('mkfifo', [path.join(home, 'ratings.jsonl')]);
    const again = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    await aiGradeSession(record, question, rubric, again);
    expect(again.err()).toContain('(it is a FIFO, not a regular file; move it away and grade again to keep it)\n');
  });

  it('writes nothing when the server fails, and the history stays as it was', async () => {
    const home = tempHome();
    const record = session(1, { clarify: ['users'], 'deep-dive': [] });
    appendRecord(path.join(home, 'history.jsonl'), record);
    server = await startChatServer([{ status: 500, body: 'boom' }]);
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' } });
    await expect(aiGradeSession(record, question, rubric, io, { sleep: async () => {} })).rejects.toThrow(/failed with 500 after retries/);
    expect(fs.readdirSync(home).sort()).toEqual(['history.jsonl']);
  });
});

describe("the candidate's own ticks of an interviewer-mode session, in the export", () => {
  it('sit beside the partner\'s: the scores, and per stage what only one of the two ticked', async () => {
    const home = tempHome();
    const record = session(4, { clarify: ['users'], 'deep-dive': ['tradeoff'] }, 'interviewer');
    appendRecord(path.join(home, 'history.jsonl'), record);
    const own = rating(record, [100, 0], 'self');
    own.stages[0]!.items = ['users', 'scale'].map((id) => ({ id, met: true, evidence: null, reason: '', counted: true }));
    own.stages[1]!.items = ['tradeoff', 'failure'].map((id) => ({ id, met: false, evidence: null, reason: '', counted: false }));
    appendRating(path.join(home, 'ratings.jsonl'), own);
    const run = async (args: string[]) => {
      const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
      expect(await main(args, io)).toBe(0);
      return io.out();
    };
    const doc = JSON.parse(await run(['export', 'last', '--format', 'json']));
    expect(doc.selfRating).toMatchObject({ score: 50, partnerScore: 50, stages: [
      { id: 'clarify', score: 100, partnerScore: 50, onlySelf: [{ id: 'scale' }], onlyPartner: [] },
      { id: 'deep-dive', score: 0, partnerScore: 50, onlySelf: [], onlyPartner: [{ id: 'tradeoff' }] },
    ] });
    const markdown = await run(['export', 'last']);
    expect(markdown).toContain("## The candidate's own ticks\n\n2026-11-04T09:10:00.000Z: the candidate rated themselves **50%** against the partner's 50%.\n");
    expect(markdown).toContain('### clarify · self 100% · partner 50%\n\nTicked by the candidate, not by the partner:\n\n- scale\n');
    expect(markdown).toContain('### deep-dive · self 0% · partner 50%\n\nTicked by the partner, not by the candidate:\n\n- tradeoff\n');
    // A self-assessed session has no partner to compare with.
    const selfAssessed = session(5, { clarify: [], 'deep-dive': [] });
    appendRecord(path.join(home, 'history.jsonl'), selfAssessed);
    expect(JSON.parse(await run(['export', 'last', '--format', 'json'])).selfRating).toBeNull();
  });
});
