// The drill's assessment and report at real terminal sizes, in a real pseudo-terminal (tmux)
// against the built bin: nothing scrolls out of reach, nothing wraps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeWith, PROGRESS_BANK } from '../helpers/history.js';
import { TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));
const open = (args: string[], options: ConstructorParameters<typeof TmuxSession>[1] = {}) => {
  const session = new TmuxSession(args, options);
  sessions.push(session);
  return session;
};
const newHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));

describe('the drill at real sizes', { timeout: 90_000 }, () => {
  it('an assessment longer than the screen fits it, says what is below and how much of it is ticked, and scrolls to it', async () => {
    const tmux = open(['drill', 'youtube-video-recommendations', '--no-save', '--no-ready'], { width: 80, height: 16 });
    await tmux.waitFor('Stage 1/4');
    // "assume" suggests the clarify stage's last rubric item, far below a 16-row screen's first page.
    tmux.type('we assume the scope is long-form video');
    tmux.keys('Enter');
    await tmux.waitFor(/Notes\n\s+we assume/);
    for (const stage of [2, 3, 4]) {
      tmux.keys('Enter');
      await tmux.waitFor(`Stage ${stage}/4`);
    }
    tmux.keys('Enter');
    let screen = await tmux.waitFor(/Clarify[^\n]*: what did you cover\?/);
    // On a 16-row screen the intro that explains ✦ has scrolled away; the key line keeps its legend.
    expect(screen).toMatch(/✦ suggested by your notes/);
    expect(screen).toMatch(/Your notes:\n\s+we assume the scope is long-form video/);
    expect(screen).toMatch(/↓ \d+ more · 1 ticked/);
    expect(screen.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
    for (let i = 0; i < 7; i++) tmux.keys('Down');
    screen = await tmux.waitFor(/❯ ◉ Stated assumptions[^❯◯]*✦ “assume”/);
    expect(screen).toMatch(/↑ \d+ more/);
    tmux.keys('Enter');
    screen = await tmux.waitFor(/✔ Clarify[^\n]*: 1 of \d+ covered/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('on a 32-row terminal the report starts with the score and table and ends with the score, both on screen', async () => {
    const home = newHome();
    const tmux = open(['drill', 'youtube-video-recommendations', '--no-ready'], { width: 100, height: 32, env: { MLDRILL_HOME: home } });
    await tmux.waitFor('Stage 1/4');
    for (const stage of [2, 3, 4]) {
      tmux.keys('Enter');
      await tmux.waitFor(`Stage ${stage}/4`);
    }
    tmux.keys('Enter');
    for (const title of ['Clarify', 'Frame', 'Design', 'Go deep']) {
      await tmux.waitFor(new RegExp(`\\? ${title}[^\\n]*: what did you cover\\?`));
      tmux.keys('Enter');
    }
    expect(await tmux.exitCode()).toBe(0);
    const screen = tmux.screen();
    const lines = screen.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(32);
    const first = lines.findIndex((line) => line.startsWith('Report · '));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(lines[first + 1]).toMatch(/^Score 0%\s+Time \d\d:\d\d of 40:00$/);
    expect(lines[first + 3]).toMatch(/^Clarify the problem\s+00:0\d \/ 06:00\s+░{10}\s+0%\s+no hints\s+rushed: \d s of 6 min$/);
    expect(screen).toMatch(/Missed: \d+ (other )?items in 4 stages; mldrill export \d{8}-\d{4}-\w{4} gives\s+them\s+with\s+guidance/);
    expect(screen).toMatch(/Red flags: \d+ suggested in 4 stages \(rushed, no notes, low coverage\); mldrill export/);
    expect(lines.at(-3)).toMatch(/^Score 0% · clarify 0% · metrics 0% · architecture 0% · deep-dive 0%$/);
    expect(lines.at(-1)).toMatch(/^Saved session /);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it('on 80x32 a report with a drawing, a question to the interviewer and a follow-up still shows its title and score first', async () => {
    const home = newHome();
    const tmux = open(['drill', 'youtube-video-recommendations', '--no-ready', '--minutes', '0.5', '--seed', '5'], { width: 80, height: 32, env: { MLDRILL_HOME: home } });
    await tmux.waitFor('Stage 1/4');
    tmux.type('?how many users are there');
    tmux.keys('Enter');
    await tmux.waitFor(/Interviewer\n\s+You: how many users are there/);
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/4');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 3/4');
    tmux.keys('C-g');
    await tmux.waitFor('◇ diagram>');
    tmux.type('uploads -> content encoder -> ann index -> ranker');
    tmux.keys('Enter');
    tmux.keys('Escape');
    await tmux.waitFor(/Diagram: 1 line/);
    tmux.keys('Enter');
    await tmux.waitFor('Stage 4/4');
    await tmux.waitFor('The interviewer cuts in');
    tmux.type('bootstrap from multilingual content embeddings and popularity in the same language');
    tmux.keys('Enter');
    await tmux.waitFor(/Notes\n\s+bootstrap/);
    tmux.keys('Enter');
    for (const title of ['Clarify', 'Frame', 'Design', 'Go deep']) {
      await tmux.waitFor(new RegExp(`\\? ${title}[^\\n]*: what did you cover\\?`));
      tmux.keys('Enter');
    }
    await tmux.waitFor('The follow-up: what did your answer cover?');
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    const lines = tmux.screen().trimEnd().split('\n');
    // The report, the blank line and the saved line, and the shell's line for the exit status: the title is still in view.
    expect(lines.findIndex((line) => line.startsWith('Report · New video recommendations for YouTube'))).toBeGreaterThanOrEqual(0);
    expect(lines.join('\n')).toMatch(/Report · New video recommendations for YouTube\nScore \d+%\s+Time /);
    expect(lines.join('\n')).toMatch(/\nDiagram: \d of \d+ components/);
    expect(lines.join('\n')).toMatch(/\nAll of it, with guidance and answers: mldrill export \d{8}-\d{4}-\w{4}\n/);
    expect(lines.at(-3)).toMatch(/^Score \d+% · clarify \d+% · /);
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
  });

  it.each([['history'], ['stats']])('%s fits an 80-column terminal: no line over 80, no row wrapped', async (command) => {
    // The fixture's good records only: its broken lines' warnings are prose on stderr, which may wrap.
    const good = fs.readFileSync(path.join(PROGRESS_BANK, '..', 'history', 'progress.jsonl'), 'utf8').split('\n').filter((line) => {
      try {
        return JSON.parse(line).version === 1;
      } catch {
        return false;
      }
    });
    // And a session of a long question id in interviewer mode: 117 columns wide before history fitted its width.
    const long = { ...JSON.parse(good[0]!), id: '20261130-0900-zzzz', questionId: 'youtube-video-recommendations-for-new-users', mode: 'interviewer' };
    const home = homeWith({ text: `${[...good, JSON.stringify(long)].join('\n')}\n` });
    const tmux = open([command, '--bank', PROGRESS_BANK], { width: 80, height: 60, env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await tmux.exitCode()).toBe(0);
    const screen = tmux.screen(true);
    expect(screen).toMatch(command === 'history' ? /When\s+Session\s+Question/ : /Pacing \(average time used of the average budget\)/);
    const lines = screen.trimEnd().split('\n');
    if (command === 'history') {
      // Every line is a whole row: a wrapped row would leave a line that starts with neither the header nor a date.
      expect(lines.filter((line) => !/^(When |\d\d-\d\d \d\d:\d\d |\d{4}-\d\d-\d\d )/.test(line))).toEqual([]);
      expect(lines).toHaveLength(good.length + 2);
      expect(screen).toContain('20261130-0900-zzzz');
    } else {
      // A row wrapped by the terminal leaves a line filled to the last column: none may be.
      expect(lines.filter((line) => [...line].length >= 80)).toEqual([]);
    }
  });

  it('the picker lists questions by title, marks those drilled with the last score, filters as you type, and Ctrl-C clears it', async () => {
    const record = {
      version: 1, id: '20261120-0900-abcd', questionId: 'youtube-video-recommendations', rubricId: 'ml-system-design', mode: 'self',
      startedAt: '2026-11-20T09:00:00.000Z', endedAt: '2026-11-20T09:40:00.000Z', status: 'completed', score: 71,
      stages: [{ id: 'clarify', budgetSeconds: 420, usedSeconds: 400, hintsShown: 0, notes: '', checked: [], missed: [], score: 71 }],
    };
    const home = newHome();
    fs.writeFileSync(path.join(home, 'history.jsonl'), `${JSON.stringify(record)}\n`);
    const tmux = open(['drill', '--no-save'], { width: 100, height: 30, env: { MLDRILL_HOME: home } });
    // The header can be drawn before the list: wait for the list's first rows too.
    let screen = await tmux.waitFor(/Pick a question \(type to filter\)[\s\S]*\n❯ \S[^\n]*\n(  \S[^\n]*\n){3}/);
    const titles = screen.split('\n').filter((line) => /^[❯ ] \S/.test(line)).map((line) => line.slice(2).replace(/ \(.*$/, ''));
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    tmux.type('youtube');
    screen = await tmux.waitFor(/❯ New video recommendations for YouTube \(recommendation, hard\) · last 71%/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(tmux.screen()).not.toContain('Pick a question');
  });

  it('the picker on a 40x12 terminal: no title wrapped mid-word, the list no taller than the screen', async () => {
    const tmux = open(['drill', '--no-save'], { width: 40, height: 12, env: { MLDRILL_HOME: newHome() } });
    // The list, not the first frame: search draws its keys before its source has answered.
    let screen = await tmux.waitFor(/^\? Pick a question \(type to filter\)\n❯ \S[\s\S]*↑↓ navigate/);
    const rows = screen.split('\n');
    // A row the terminal wrapped fills the last column; the question line is still in view.
    expect(rows.filter((line) => [...line].length >= 40)).toEqual([]);
    expect(rows.filter((line) => /^[❯ ] \S/.test(line)).length).toBe(8);
    tmux.type('you');
    screen = await tmux.waitFor(/^  The "For You" feed of a short-video …$/m);
    expect(screen.split('\n').filter((line) => [...line].length >= 40)).toEqual([]);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it.each([24, 30, 40])('at %i columns: the picker, the stage screen, the checklist and the report leave no row wrapped', async (width) => {
    const tmux = open(['drill', '--no-save', '--no-ready'], { width, height: 40, env: { MLDRILL_HOME: newHome() } });
    // No row of any screen wider than the terminal, which would wrap it.
    const unwrapped = (screen: string) => expect(tmux.wrappedRows(), screen).toEqual([]);
    unwrapped(await tmux.waitFor(/^\? Pick a question[^\n]*\n❯ \S[\s\S]*↑↓ navigate/));
    tmux.type('wake');
    unwrapped(await tmux.waitFor(/^❯ "Hey Siri" style/m));
    tmux.keys('Enter');
    unwrapped(await tmux.waitFor(/Ctrl-C quits \(not saved\)/));
    // The widest key hint (36 columns) wraps its words under its key where it does not fit.
    expect(tmux.screen()).toMatch(width < 36 ? /^ Enter  on an empty[^\n]*\n  \S/m : /^ Enter  on an empty line: next stage/m);
    for (const stage of [2, 3, 4]) {
      tmux.keys('Enter');
      unwrapped(await tmux.waitFor(`Stage ${stage}/4`));
    }
    tmux.keys('Enter');
    // Each checklist waited for before its Enter: a key sent while the next one is still being
    // set up can be lost. Titles wrap at these widths, so any space between words matches.
    for (const title of ['Clarify the problem', 'Frame the ML task', 'Design the data', 'Go deep on the hard']) {
      unwrapped(await tmux.waitFor(new RegExp(`\\? ${title.replace(/ /g, '\\s+')}[\\s\\S]*Space\\s+tick`)));
      tmux.keys('Enter');
    }
    unwrapped(await tmux.waitFor(/^Score 0%/m));
    expect(await tmux.exitCode()).toBe(0);
  });
});
