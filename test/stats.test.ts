import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleLength } from '../src/text.js';
import { findYamlFiles } from '../src/bank/files.js';
import { loadFiles } from '../src/bank/load.js';
import { main } from '../src/main.js';
import { bankView, type BankView } from '../src/score/bank-view.js';
import { catalogOf } from '../src/bank/catalog.js';
import { readHistory } from '../src/store/history.js';
import { bar, sparkline } from '../src/ui/charts.js';
import { loadStyle } from '../src/ui/colour.js';
import { statsLines } from '../src/ui/stats.js';
import { fakeIo } from './helpers/fake-io.js';
import { computeStats, ESCAPES, FIXTURES, homeWith, PROGRESS_BANK, progressWarnings, streaks } from './helpers/history.js';

const plain = await loadStyle(0);

const catalog = bankView(catalogOf(loadFiles(findYamlFiles([PROGRESS_BANK]), PROGRESS_BANK)));
const records = (name: string) => readHistory(path.join(FIXTURES, 'history', name)).records;
const NOW = Date.UTC(2026, 10, 17, 12);

// Worked out by hand from test/fixtures/history/progress.jsonl: five completed sessions
// (scores 40, 50, 75, 80, 25), one abandoned, and three lines that must be skipped.
const STAGES = [
  // (33 + 100 + 50 + 100 + 50) / 5 = 66.6; used 360, 330, 300, 240, 300; ratios average 1.02.
  { id: 'scope', title: 'Scope the problem', sessions: 5, averageScore: 67, averageUsedSeconds: 306, averageBudgetSeconds: 300, overPercent: 2 },
  // (50 + 0 + 100 + 50 + 0) / 5; used 600, 540, 900, 720, 600; ratios 1, 0.9, 1.5, 1.2, 1.
  { id: 'design', title: 'Design the system', sessions: 5, averageScore: 40, averageUsedSeconds: 672, averageBudgetSeconds: 600, overPercent: 12 },
];
const MISSED = [
  { rubricId: 'fx-interview', stageId: 'design', stageTitle: 'Design the system', itemId: 'serving', text: 'Planned serving and its latency', guidance: null, missed: 4, assessed: 5 },
  { rubricId: 'fx-interview', stageId: 'scope', stageTitle: 'Scope the problem', itemId: 'scale', text: 'Quantified the scale', guidance: 'Users, items and requests per second, with growth.', missed: 3, assessed: 5 },
  { rubricId: 'fx-interview', stageId: 'design', stageTitle: 'Design the system', itemId: 'diagram', text: 'Drew the end-to-end diagram', guidance: 'Boxes from the data to the served prediction, with arrows.', missed: 2, assessed: 5 },
  { rubricId: 'fx-interview', stageId: 'scope', stageTitle: 'Scope the problem', itemId: 'surface', text: 'Asked where the feed appears', guidance: 'Home screen, profile or notifications each change the design.', missed: 1, assessed: 2 },
];
const EXPECTED = {
  sessions: 6,
  completed: 5,
  abandoned: 1,
  practiceSeconds: 960 + 870 + 120 + 1200 + 960 + 900,
  averageScore: 54,
  streaks: { current: 2, longest: 2, days: 5, lastDay: '2026-11-16', today: '2026-11-17' },
  stages: STAGES,
  categories: [
    { category: 'unknown', sessions: 1, averageScore: 25 },
    { category: 'ads', sessions: 1, averageScore: 50 },
    { category: 'recommendation', sessions: 2, averageScore: 60 },
    { category: 'trust-safety', sessions: 1, averageScore: 75 },
  ],
  // Later half (80, 25) against earlier half (40, 50): 52.5 - 45 = 7.5.
  trend: { scores: [40, 50, 75, 80, 25], sessionIds: ['20261110-0900-aaaa', '20261111-0900-bbbb', '20261113-0900-dddd', '20261115-0900-eeee', '20261116-0900-ffff'], change: 8 },
  missed: MISSED,
  // One rubric: its section is the figures above.
  rubrics: [{ id: 'fx-interview', title: 'Fixture interview', sessions: 5, stages: STAGES, missed: MISSED }],
};

describe('computeStats', () => {
  it('computes every figure of the fixture exactly', () => {
    expect(computeStats(records('progress.jsonl'), catalog, { now: NOW, timeZone: 'UTC' })).toEqual(EXPECTED);
  });

  it('lists at most five missed items, the most often missed first, then the most often missed when assessed', () => {
    const more = records('progress.jsonl').map((record) => ({
      ...record,
      stages: record.stages.map((stage) => ({ ...stage, missed: stage.score === null ? [] : [...stage.missed, `extra-${stage.id}`] })),
    }));
    const missed = computeStats(more, catalog, { now: NOW, timeZone: 'UTC' }).missed;
    expect(missed.map((item) => [item.itemId, item.missed, item.assessed, item.text])).toEqual([
      ['extra-design', 5, 5, 'extra-design'],
      ['extra-scope', 5, 5, 'extra-scope'],
      ['serving', 4, 5, 'Planned serving and its latency'],
      ['scale', 3, 5, 'Quantified the scale'],
      ['diagram', 2, 5, 'Drew the end-to-end diagram'],
    ]);
  });

  it('never lists the points of a follow-up\'s answer key among the items missed most often', () => {
    const more = records('progress.jsonl').map((record) => ({
      ...record,
      stages: record.stages.map((stage) => ({ ...stage, missed: stage.score === null ? [] : [...stage.missed, 'followup-1', 'followup-2'] })),
    }));
    const missed = computeStats(more, catalog, { now: NOW, timeZone: 'UTC' }).missed;
    expect(missed.map((item) => item.itemId)).toEqual(['serving', 'scale', 'diagram', 'surface']);
  });

  it('returns empty figures for an empty history', () => {
    expect(computeStats([], catalog, { now: NOW, timeZone: 'UTC' })).toEqual({
      sessions: 0, completed: 0, abandoned: 0, practiceSeconds: 0, averageScore: null,
      streaks: { current: 0, longest: 0, days: 0, lastDay: null, today: '2026-11-17' },
      stages: [], categories: [], trend: { scores: [], sessionIds: [], change: null }, missed: [], rubrics: [],
    });
  });
});

describe('stats over sessions of two rubrics', () => {
  // Sessions dddd and eeee used another rubric, whose stage `scope` and item `scale` share their
  // ids with the fixture rubric's but not their titles or text.
  const panel: BankView = {
    ...catalog,
    rubricTitle: (id) => (id === 'fx-panel' ? 'Panel interview' : catalog.rubricTitle(id)),
    stageTitle: (rubricId, stageId) => (rubricId === 'fx-panel' ? (stageId === 'scope' ? 'Frame the problem' : undefined) : catalog.stageTitle(rubricId, stageId)),
    item: (session, stageId, itemId) => (session.rubricId === 'fx-panel' && itemId === 'scale' ? { text: 'Sized the traffic' } : catalog.item(session, stageId, itemId)),
  };
  const twoRubrics = records('progress.jsonl').map((record) => (/dddd|eeee/.test(record.id) ? { ...record, rubricId: 'fx-panel' } : record));
  const stats = computeStats(twoRubrics, panel, { now: NOW, timeZone: 'UTC' });

  it('keys stages and items by rubric, each titled from its own rubric', () => {
    expect(stats.rubrics.map(({ id, title, sessions }) => ({ id, title, sessions }))).toEqual([
      { id: 'fx-interview', title: 'Fixture interview', sessions: 3 },
      { id: 'fx-panel', title: 'Panel interview', sessions: 2 },
    ]);
    const [fixture, other] = stats.rubrics;
    // Scope: 33, 100, 50 in the fixture rubric's sessions; 100, 50 in the panel's.
    expect(fixture!.stages.map((stage) => [stage.title, stage.sessions, stage.averageScore])).toEqual([['Scope the problem', 3, 61], ['Design the system', 3, 17]]);
    expect(other!.stages.map((stage) => [stage.title, stage.sessions, stage.averageScore])).toEqual([['Frame the problem', 2, 75], ['design', 2, 75]]);
    // `scale` is missed in both, and read from each session's own rubric.
    expect(fixture!.missed.find((item) => item.itemId === 'scale')).toMatchObject({ text: 'Quantified the scale', stageTitle: 'Scope the problem', missed: 2, assessed: 3 });
    expect(other!.missed.find((item) => item.itemId === 'scale')).toMatchObject({ rubricId: 'fx-panel', text: 'Sized the traffic', stageTitle: 'Frame the problem', missed: 1, assessed: 2 });
    // Over every rubric: the stages together (titled from the more used rubric), the items apart.
    expect(stats.stages).toEqual(STAGES);
    expect(computeStats(twoRubrics, panel, { now: NOW, timeZone: 'UTC', missedLength: 10 }).missed.filter((item) => item.itemId === 'scale').map((item) => [item.rubricId, item.text])).toEqual([
      ['fx-interview', 'Quantified the scale'], ['fx-panel', 'Sized the traffic'],
    ]);
  });

  it('shows a section per rubric, after the figures they share, within 80 columns', () => {
    for (const charts of [false, true]) {
      const lines = statsLines(stats, plain, { charts, width: 80 });
      expect(lines.filter((line) => visibleLength(line) > 80)).toEqual([]);
      const at = (line: string) => lines.indexOf(line);
      expect(at('Fixture interview · rubric, 3 completed sessions')).toBeGreaterThan(at('Score trend (last 5 completed sessions, oldest first)'));
      expect(at('Panel interview · rubric, 2 completed sessions')).toBeGreaterThan(at('Fixture interview · rubric, 3 completed sessions'));
      expect(lines.filter((line) => line === 'Coverage by stage' || line.startsWith('Pacing') || line === 'Missed most often')).toHaveLength(6);
    }
    const lines = statsLines(stats, plain, { charts: false, width: 80 });
    const panelLines = lines.slice(lines.indexOf('Panel interview · rubric, 2 completed sessions'));
    expect(panelLines).toEqual([
      'Panel interview · rubric, 2 completed sessions',
      '',
      'Coverage by stage',
      '  Frame the problem   75%  (2 sessions)',
      '  design              75%  (2 sessions)',
      '',
      'Pacing (average time used of the average budget)',
      '  Frame the problem  04:30 of 05:00  runs 10% under',
      '  design             13:30 of 10:00  runs 35% over',
      '',
      'Missed most often',
      '  1. Planned serving and its latency',
      '     design · missed in 1 of 2 sessions',
      '  2. Sized the traffic',
      '     Frame the problem · missed in 1 of 2 sessions',
    ]);
  });
});

describe('stats on a narrow terminal', () => {
  // The real rubrics' stage titles are long: 'Design the data, model and serving path'.
  const long: BankView = { ...catalog, stageTitle: (rubricId, stageId) => (stageId === 'scope' ? 'Frame the ML task and metrics' : 'Design the data, model and serving path') };
  const stats = computeStats(records('progress.jsonl'), long, { now: NOW, timeZone: 'UTC' });

  it('fits every line in 50 and 44 columns: the bars give way before a title is cut under 8 columns', () => {
    for (const width of [50, 44]) {
      const lines = statsLines(stats, plain, { charts: true, width });
      expect(lines.filter((line) => visibleLength(line) > width), `${width} columns`).toEqual([]);
    }
    const lines = statsLines(stats, plain, { charts: true, width: 50 });
    expect(lines).toContain('  Design the data, model and …   40%  (5 sessions)');
    expect(lines).toContain('  Design the dat…  11:12 of 10:00  runs 12% over');
    expect(lines).toContain('Score trend (last 5 completed sessions, oldest');
    // The trend keeps its sparkline: it is short.
    expect(lines.some((line) => /^ {2}[▁▂▃▄▅▆▇█]{5} {2}first/.test(line))).toBe(true);
  });

  it("keeps the real rubrics' stage titles whole where they fit: always in a pipe's 80 columns, in the coverage bars at 100", () => {
    const piped = statsLines(stats, plain, { charts: false, width: 80 });
    // A title longer than 80 columns leave beside the figures (a bank's own rubric) is whole too.
    const longer = statsLines(computeStats(records('progress.jsonl'), { ...long, stageTitle: () => 'Design the context, model, tools and serving path, then the rollout plan' }, { now: NOW, timeZone: 'UTC' }), plain, { charts: false, width: 80 });
    expect(longer.filter((line) => line.startsWith('  Design the context, model, tools and serving path, then the rollout plan  '))).toHaveLength(4);
    expect(piped).toContain('  Design the data, model and serving path   40%  (5 sessions)');
    expect(piped).toContain('  Design the data, model and serving path  11:12 of 10:00  runs 12% over');
    expect(piped.filter((line) => line.includes('…'))).toEqual([]);
    const wide = statsLines(stats, plain, { charts: true, width: 100 });
    expect(wide.some((line) => line.startsWith('  Design the data, model and serving path  █'))).toBe(true);
    expect(wide.filter((line) => visibleLength(line) > 100)).toEqual([]);
  });

  it('fits every line in 60 columns: the figures wrap, the rows cut their titles', () => {
    const fitted = statsLines(stats, plain, { charts: true, width: 60 });
    expect(fitted.filter((line) => visibleLength(line) > 60)).toEqual([]);
    // In a pipe (no charts) the prose still wraps at the width, but a row keeps its title whole.
    const piped = statsLines(stats, plain, { charts: false, width: 60 });
    expect(piped.filter((line) => visibleLength(line) > 60 && !/^ {2}(Frame the ML task and metrics|Design the data, model and serving path) {2}/.test(line))).toEqual([]);
    expect(piped).toContain('  Design the data, model and serving path  11:12 of 10:00  runs 12% over');
    const lines = statsLines(stats, plain, { charts: true, width: 60 });
    // A rubric's title too long for the line beside its count keeps its words.
    const narrow = statsLines(computeStats(records('progress.jsonl').map((record) => (/dddd|eeee/.test(record.id) ? { ...record, rubricId: 'fx-panel' } : record)), { ...long, rubricTitle: (id) => (id === 'fx-panel' ? 'ML system design, short (30 minutes)' : 'Fixture interview') }, { now: NOW, timeZone: 'UTC' }), plain, { charts: true, width: 60 });
    expect(narrow).toContain('ML system design, short (30 minutes)');
    expect(narrow[narrow.indexOf('ML system design, short (30 minutes)') + 1]).toBe('rubric, 2 completed sessions');
    expect(lines.slice(1, 5)).toEqual([
      'Sessions   6 (5 completed, 1 abandoned) · 1 h 24 min',
      '           practised',
      'Streak     2 days now · longest 2 days · 5 days practised in',
      '           all',
    ]);
    expect(lines).toContain('  Design the data,…  ████████░░░░░░░░░░░░  40%  (5 sessions)');
    expect(lines).toContain('  Design t…  ██████████▓     11:12 of 10:00  runs 12% over');
    expect(lines.slice(lines.indexOf('  1. Planned serving and its latency'))).toEqual(expect.arrayContaining([
      '     Design the data, model and serving path · missed in 4',
      '     of 5 sessions',
    ]));
  });
});

describe('streaks in the local time zone', () => {
  // Four sessions near midnight: in Los Angeles they fall on four days in a row; in Tokyo
  // two share a day and one skips a day; in UTC they make three days.
  const now = Date.UTC(2026, 10, 23, 5); // Nov 22, 21:00 in Los Angeles; Nov 23, 14:00 in Tokyo
  const figures = (timeZone: string) => computeStats(records('midnight.jsonl'), catalog, { now, timeZone }).streaks;

  it.each([
    ['America/Los_Angeles', { current: 4, longest: 4, days: 4, lastDay: '2026-11-22', today: '2026-11-22' }],
    ['Asia/Tokyo', { current: 1, longest: 2, days: 3, lastDay: '2026-11-23', today: '2026-11-23' }],
    ['UTC', { current: 3, longest: 3, days: 3, lastDay: '2026-11-22', today: '2026-11-23' }],
  ])('%s', (timeZone, expected) => {
    expect(figures(timeZone)).toEqual(expected);
  });

  it('keeps a streak alive through today, and ends it after a day without practice', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    expect(streaks(days, '2026-11-03').current).toBe(3);
    expect(streaks(days, '2026-11-04').current).toBe(3);
    expect(streaks(days, '2026-11-05').current).toBe(0);
    expect(streaks([...days, '2026-11-02', '2026-10-30'], '2026-11-05')).toEqual({ current: 0, longest: 3, days: 4, lastDay: '2026-11-03', today: '2026-11-05' });
  });
});

describe('charts', () => {
  it('draws bars and sparklines from plain characters', () => {
    expect(bar(0.5, 10)).toBe('█████░░░░░');
    expect(bar(1.7, 4)).toBe('████');
    expect(bar(-1, 4)).toBe('░░░░');
    expect(sparkline([0, 50, 100, 25])).toBe('▁▅█▃');
  });
});

describe('the stats screen', () => {
  const stats = computeStats(records('progress.jsonl'), catalog, { now: NOW, timeZone: 'UTC' });

  it('shows plain figures without a terminal', () => {
    expect(statsLines(stats, plain, { charts: false, width: 80 })).toEqual([
      'Progress',
      'Sessions   6 (5 completed, 1 abandoned) · 1 h 24 min practised',
      'Streak     2 days now · longest 2 days · 5 days practised in all',
      'Average    54%',
      '',
      'Coverage by stage',
      '  Scope the problem   67%  (5 sessions)',
      '  Design the system   40%  (5 sessions)',
      '',
      'Coverage by category (weakest first)',
      '  unknown                   25%  (1 session)',
      '  Ads                       50%  (1 session)',
      '  Recommendation            60%  (2 sessions)',
      '  Trust, safety and fraud   75%  (1 session)',
      '',
      'Score trend (last 5 completed sessions, oldest first)',
      '  40 50 75 80 25',
      '  later half 8 points above the earlier half',
      '',
      'Pacing (average time used of the average budget)',
      '  Scope the problem  05:06 of 05:00  on time',
      '  Design the system  11:12 of 10:00  runs 12% over',
      '',
      'Missed most often',
      '  1. Planned serving and its latency',
      '     Design the system · missed in 4 of 5 sessions',
      '  2. Quantified the scale',
      '     Scope the problem · missed in 3 of 5 sessions',
      '     Users, items and requests per second, with growth.',
      '  3. Drew the end-to-end diagram',
      '     Design the system · missed in 2 of 5 sessions',
      '     Boxes from the data to the served prediction, with arrows.',
      '  4. Asked where the feed appears',
      '     Scope the problem · missed in 1 of 2 sessions',
      '     Home screen, profile or notifications each change the design.',
    ]);
  });

  it('draws bars, a sparkline and pacing bars on a terminal', () => {
    const lines = statsLines(stats, plain, { charts: true, width: 80 });
    expect(lines).toContain('  Scope the problem  █████████████░░░░░░░  67%  (5 sessions)');
    expect(lines).toContain('  Design the system  ████████░░░░░░░░░░░░  40%  (5 sessions)');
    expect(lines).toContain('  ▄▅▆▇▃  first 40%, latest 25% · later half 8 points above the earlier half');
    expect(lines).toContain('  Scope the problem  ██████████      05:06 of 05:00  on time');
    expect(lines).toContain('  Design the system  ██████████▓     11:12 of 10:00  runs 12% over');
    expect(lines.filter((line) => visibleLength(line) > 80)).toEqual([]);
    const wide = statsLines(stats, plain, { charts: true, width: 100 });
    expect(wide).toContain('  Design the system  ████████████████████▓▓         11:12 of 10:00  runs 12% over');
  });

  it('keeps one pacing measure: the percentage is the shown times\' ratio', () => {
    // 11:12 of 10:00 is 12% over; a mean of per-session ratios could say otherwise.
    const design = stats.stages.find((stage) => stage.id === 'design')!;
    expect(Math.round((design.averageUsedSeconds / design.averageBudgetSeconds - 1) * 100)).toBe(design.overPercent);
  });
});

describe('mldrill stats', () => {
  const run = async (args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) => {
    const home = homeWith('progress.jsonl');
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC', ...options.env }, now: NOW, tty: options.tty });
    const code = await main(['stats', '--bank', PROGRESS_BANK, ...args], io);
    return { code, out: io.out(), err: io.err(), home };
  };

  it('prints the figures, and every skipped line of the history on stderr', async () => {
    const { code, out, err, home } = await run([]);
    expect(code).toBe(0);
    expect(out).toBe(`${statsLines(computeStats(records('progress.jsonl'), catalog, { now: NOW, timeZone: 'UTC' }), plain, { charts: false, width: 80 }).join('\n')}\n`);
    expect(err.trim().split('\n')).toEqual(progressWarnings(home));
  });

  it('prints the same figures as JSON', async () => {
    const { code, out } = await run(['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ ...EXPECTED, calibration: { ai: [], partner: [] } });
  });

  it('draws charts on a terminal, without escape codes under NO_COLOR or TERM=dumb, with colour otherwise', async () => {
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }] as Array<Record<string, string>>) {
      const { out } = await run([], { tty: true, env });
      expect(out).toContain('█');
      expect(out).not.toMatch(ESCAPES);
    }
    const { out } = await run([], { tty: true, env: { TERM: 'xterm-256color' } });
    expect(out).toMatch(ESCAPES);
    // Padding stays outside the colour, so the figures line up as in plain text.
    expect(out).toMatch(/^\u001b\[1mAverage\u001b\[22m {4}\u001b\[33m54%\u001b\[39m$/m);
    const plain = await run([], { env: { TERM: 'xterm-256color' } });
    expect(plain.out).not.toMatch(ESCAPES);
    expect(plain.out).not.toContain('█');
  });

  it('shows a rubric no longer in the bank by its id, in a section of its own, and gives every rubric in JSON', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'history', 'progress.jsonl'), 'utf8').replace(/("id":"20261113-0900-dddd"[^\n]*?"rubricId":)"fx-interview"/, '$1"fx-gone"');
    const home = homeWith({ text });
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: NOW });
    expect(await main(['stats', '--bank', PROGRESS_BANK], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines).toContain('Fixture interview · rubric, 4 completed sessions');
    expect(lines).toContain('fx-gone · rubric, 1 completed session');
    expect(lines.filter((line) => line === 'Coverage by stage')).toHaveLength(2);
    const json = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: NOW });
    expect(await main(['stats', '--bank', PROGRESS_BANK, '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.out()) as { rubrics: Array<{ id: string; title: string; sessions: number; stages: Array<{ id: string; title: string }> }> };
    expect(parsed.rubrics.map(({ id, title, sessions }) => ({ id, title, sessions }))).toEqual([
      { id: 'fx-interview', title: 'Fixture interview', sessions: 4 },
      { id: 'fx-gone', title: 'fx-gone', sessions: 1 },
    ]);
    expect(parsed.rubrics[1]!.stages.map((stage) => stage.title)).toEqual(['scope', 'design']);
  });

  it('says there is nothing yet for an empty history', async () => {
    const io = fakeIo({ env: { MLDRILL_HOME: homeWith({ text: '' }), TZ: 'UTC' }, now: NOW });
    expect(await main(['stats'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe("No sessions yet; run 'mldrill drill' to practise one.\n");
  });
});
