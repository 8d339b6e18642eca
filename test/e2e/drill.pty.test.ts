// The interactive drill, typed through in a real pseudo-terminal (tmux), against the built bin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, sleep, TmuxSession, until } from '../helpers/tmux.js';
import { BANK, confirmAssessments, finishDrill } from './fixture-flow.js';
let session: TmuxSession | undefined;
afterEach(() => session?.close());

function start(extra: string[] = []) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready', ...extra], { env: { MLDRILL_HOME: home } });
  return { tmux: session, history: path.join(home, 'history.jsonl') };
}

const readHistory = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const timer = (screen: string) => /⏱ (\d\d:\d\d) left/.exec(screen)?.[1];

describe('drill in a terminal', { timeout: 60_000 }, () => {
  it('without an id, offers a searchable list of the questions', async () => {
    session = new TmuxSession(['drill', '--bank', BANK, '--no-save', '--no-ready']);
    const tmux = session;
    await tmux.waitFor('Pick a question (type to filter)');
    tmux.type('end-to-end');
    await tmux.waitFor(/❯ End-to-end feed question/);
    tmux.keys('Enter');
    await tmux.waitFor('Stage 1/2 · Clarify the feed');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('runs a whole drill: a hint, notes, ticks, the report and the saved session', async () => {
    const { tmux, history } = start();
    let screen = await tmux.waitFor('Stage 1/2 · Clarify the feed');
    expect(screen).toContain('Design a feed that shows people the posts they care about most.');
    expect(screen).toMatch(/1\. Clarify the feed\s+2 min/);
    expect(screen).toMatch(/⏱ 0[12]:\d\d left/);
    expect(screen).toMatch(/Enter\s+on an empty line: next stage\s+Tab\s+hint\s+Ctrl-P\s+pause/);

    // The countdown is live while nothing is typed.
    const before = timer(screen);
    await sleep(2100);
    expect(timer(tmux.screen())).not.toBe(before);

    tmux.keys('Tab');
    await tmux.waitFor('1. First hint about the feed audience.');
    expect(tmux.screen()).not.toContain('Second hint');
    tmux.type('users: 2B monthly');
    tmux.keys('Enter');
    tmux.type('p99 under 200 ms');
    tmux.keys('Enter');
    screen = await tmux.waitFor(/Notes\n\s+users: 2B monthly\n\s+p99 under 200 ms\n/);

    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2 · Design the ranking');
    tmux.keys('Enter');

    await tmux.waitFor('Clarify the feed: what did you cover?');
    tmux.keys('Space'); // ticks the first item: the business goal, weight 2 (of 2 + 1 and the question's item scaled to 2.67)
    tmux.keys('Enter');
    await tmux.waitFor('Design the ranking: what did you cover?');
    tmux.keys('Enter'); // nothing ticked is allowed

    expect(await tmux.exitCode()).toBe(0);
    screen = tmux.screen(true);
    expect(screen).toMatch(/Score 30%/);
    expect(screen).toMatch(/Clarify the feed\s+00:0\d \/ 02:00\s+████░░░░░░\s+35%/);
    expect(screen).toMatch(/Design the ranking\s+00:0\d \/ 03:00\s+░░░░░░░░░░\s+0%/);
    expect(screen).toContain('✗ Quantified scale');
    expect(screen).toContain('Users, posts and requests per second.');
    expect(screen).toContain('! Designs before scoping.');
    expect(screen).toMatch(/Saved session \d{8}-\d{4}-\w{4} to /);

    const [record] = readHistory(history);
    expect(record).toMatchObject({
      version: 1, questionId: 'e2e-feed', rubricId: 'e2e-rubric', mode: 'self', status: 'completed', score: 30,
      stages: [
        { id: 'clarify', budgetSeconds: 120, hintsShown: 1, notes: 'users: 2B monthly\np99 under 200 ms\n', checked: ['goal'], missed: ['scale', 'surface'], score: 35 },
        { id: 'design', budgetSeconds: 180, hintsShown: 0, notes: '', checked: [], missed: ['diagram'], score: 0 },
      ],
    });
    expect(record.stages[0].usedSeconds).toBeGreaterThanOrEqual(2);
  });

  it('Ctrl-C mid-stage saves the session as abandoned with the notes typed so far, exit 130', async () => {
    const { tmux, history } = start(['--minutes', '10']);
    await tmux.waitFor('Stage 1/2');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2');
    tmux.type('two towers');
    tmux.keys('Enter');
    tmux.type('then a ranker'); // not finished with Enter: must still be kept
    await tmux.waitFor('> then a ranker');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    // The terminal is handed back as it was: line editing and echo on, cursor shown.
    const stty = fs.readFileSync(tmux.sttyFile, 'utf8');
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/);
    expect(tmux.cursorVisible()).toBe(true);
    expect(tmux.screen(true)).toMatch(/Interrupted: session \d{8}-\d{4}-\w{4} saved as abandoned, notes included, to\s/);
    // The history's path whole on a line of its own, not broken by the terminal at column 80.
    expect(tmux.screen(true)).toContain(`\n${history}\n`);
    expect(tmux.screen(true)).not.toMatch(/at .*\.js:\d+/);
    const [record] = readHistory(history);
    expect(record).toMatchObject({
      status: 'abandoned', score: null,
      stages: [{ id: 'clarify', budgetSeconds: 240, checked: [], score: null }, { id: 'design', budgetSeconds: 360, notes: 'two towers\nthen a ranker\n' }],
    });
  });

  it('SIGTERM is handled like Ctrl-C', async () => {
    const { tmux, history } = start();
    await tmux.waitFor('Stage 1/2');
    tmux.type('scale first');
    await tmux.waitFor('> scale first');
    tmux.signal('TERM');
    expect(await tmux.exitCode()).toBe(130);
    expect(readHistory(history)[0]).toMatchObject({ status: 'abandoned', stages: [{ notes: 'scale first\n' }, { notes: '' }] });
  });

  it('a terminal closed mid-stage (its window, an ssh link) saves the session as abandoned with the line being typed, resumable', async () => {
    const { tmux, history } = start();
    await tmux.waitFor('Stage 1/2');
    tmux.type('scale first');
    tmux.keys('Enter');
    tmux.type('then latency'); // typed a moment before the window closes: no checkpoint holds it yet
    await tmux.waitFor('> then latency');
    tmux.close();
    const text = await until(() => (fs.existsSync(history) ? fs.readFileSync(history, 'utf8') : undefined), 'the history after the hangup');
    const [record] = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(record).toMatchObject({ status: 'abandoned', stages: [{ notes: 'scale first\nthen latency\n' }, { notes: '' }] });
    expect(fs.existsSync(path.join(path.dirname(history), 'sessions', `${record.id}.json`))).toBe(true);
  });

  it('--strict moves on by itself when the time is up, keeping the notes and the notes pad open', async () => {
    const { tmux, history } = start(['--minutes', '0.1', '--strict']);
    await tmux.waitFor('Stage 1/2');
    tmux.type('quick');
    await tmux.waitFor('Stage 2/2');
    // Keys are text, not commands: typing goes on into the next stage's notes.
    tmux.type('hop');
    await tmux.waitFor('> hop');
    await confirmAssessments(tmux);
    expect(await tmux.exitCode()).toBe(0);
    expect(readHistory(history)[0]).toMatchObject({ status: 'completed', stages: [{ notes: 'quick\n', hintsShown: 0 }, { notes: 'hop\n', hintsShown: 0 }] });
  });

  it('with stdout redirected, keeps the interview on the terminal and writes only the plain report to the file', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const report = path.join(home, 'report.txt');
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home }, stdoutTo: report });
    const tmux = session;
    await tmux.waitFor('Stage 1/2 · Clarify the feed');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(0);
    const text = fs.readFileSync(report, 'utf8');
    expect(text).toMatch(/^\nReport · End-to-end feed question\nScore 0%/);
    expect(text).toContain('✗ Named the business goal');
    expect(text).not.toContain('Stage 1/2');
    expect(text).not.toMatch(/\u001b/);
    expect(tmux.screen(true)).not.toContain('Report ·');
  });

  it('shows overtime in the countdown instead of cutting the stage off', async () => {
    const { tmux } = start(['--minutes', '0.02', '--no-save']);
    await tmux.waitFor(/⏱ \+00:0\d over time/);
    expect(tmux.screen()).toContain('Stage 1/2');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(tmux.screen(true)).toContain('nothing saved (--no-save)');
  });

  it("--daily drills today's question of the day, the one `daily` prints", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const env = { MLDRILL_HOME: home, TZ: 'Asia/Tokyo', MLDRILL_NOW: '2026-11-21T15:00:00Z' };
    const today = spawnSync(process.execPath, [BIN, 'daily', '--json', '--category', 'ads'], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    const { title, date } = JSON.parse(today.stdout) as { title: string; date: string };
    expect(date).toBe('2026-11-22');
    session = new TmuxSession(['drill', '--daily', '--category', 'ads', '--no-save'], { env, width: 200 });
    await session.waitFor('Stage 1/');
    expect(session.screen(true)).toContain(title);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  // Each burst below reaches mldrill in one write, as a paste or a fast typist's keys do: keys
  // that come with the Enter ending a prompt belong to the next one.
  it('keeps keys typed with the Enter that ends a prompt for the next one: a paste over a blank line, the checklists, the report', async () => {
    const { tmux, history } = start();
    await tmux.waitFor('Stage 1/2 · Clarify the feed');
    tmux.type('who reads the feed\r\rrank by predicted engagement\r');
    await tmux.waitFor(/Stage 2\/2 · Design the ranking[\s\S]*Notes\n\s+rank by predicted engagement\n/);
    // The last stage's Enter, then both checklists (a tick in the second) in one burst.
    tmux.type('\r\r \r');
    await tmux.waitFor(/Score \d+%/);
    expect(await tmux.exitCode()).toBe(0);
    const [record] = readHistory(history);
    expect(record.stages.map((stage: { notes: string; checked: string[] }) => [stage.notes, stage.checked])).toEqual([
      ['who reads the feed\n', []],
      ['rank by predicted engagement\n', ['diagram']],
    ]);
  });

  // The keys wait in the terminal while a shell holds mldrill back: they are typed before mldrill
  // reads anything, as a user who goes on typing while it starts up types them. Node 22 handed
  // them to Inquirer before its first screen, which drops them; Node 20 sometimes typed them twice.
  it('keeps keys typed while it starts up for its first screen, once each, at the ready gate', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const go = path.join(home, 'go');
    spawnSync('mkfifo', [go]);
    session = new TmuxSession([], { env: { MLDRILL_HOME: home }, program: ['sh', '-c', `read go < '${go}'; exec node '${BIN}' drill e2e-feed --bank '${BANK}'`] });
    const tmux = session;
    tmux.type('who reads the feed');
    tmux.keys('Enter');
    tmux.type('and how often');
    fs.writeFileSync(go, 'go\n');
    // Once each: the notes hold one line, the line being typed the rest (the shell's echo of the keys is above the screen).
    const screen = await tmux.waitFor(/Notes\n\s+who reads the feed\n\s+> and how often/);
    expect(screen).toContain('Stage 1/2 · Clarify the feed');
    expect(screen).toMatch(/⏱ \d\d:\d\d left/);
    tmux.keys('Enter');
    await tmux.waitFor(/Notes\n\s+who reads the feed\n\s+and how often\n/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    const [record] = readHistory(path.join(home, 'history.jsonl'));
    expect(record.stages[0].notes).toBe('who reads the feed\nand how often\n');
  });

  it('a paste stays in the stage it was pasted into: blank lines and a ? in it are text, and the keys after it act again', async () => {
    const { tmux, history } = start();
    await tmux.waitFor('Stage 1/2 · Clarify the feed');
    tmux.paste('who reads the feed\n\n? how fresh must it be\nposts per day\n');
    await tmux.waitFor(/Notes\n\s+who reads the feed\n\s+\? how fresh must it be\n\s+posts per day\n/);
    expect(tmux.screen()).toContain('Stage 1/2');
    tmux.type('\r\r\r\r');
    await tmux.waitFor(/Score \d+%/);
    expect(await tmux.exitCode()).toBe(0);
    expect(readHistory(history)[0].stages[0].notes).toBe('who reads the feed\n? how fresh must it be\nposts per day\n');
  });
});

