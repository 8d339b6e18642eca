// The stage screen in a real terminal: what only a terminal shows (key timing, resize).
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { BANK, history, newHome } from './fixture-flow.js';

let session: TmuxSession | undefined;
afterEach(() => session?.close());

describe('the stage screen in a terminal', { timeout: 60_000 }, () => {
  it('the ready gate: typing straight away starts the clock and goes to the notes', async () => {
    const home = newHome();
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK], { env: { MLDRILL_HOME: home } });
    await session.waitFor('⏸ ready');
    session.type('how many users per day');
    await session.waitFor(/⏱ 0[12]:\d\d left[\s\S]*> how many users per day/);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(history(home)[0].stages[0]).toMatchObject({ notes: 'how many users per day\n', hintsShown: 0 });
  });

  it('Ctrl-C at the ready gate leaves the clock unstarted, and resume opens behind the gate again', async () => {
    const home = newHome();
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK], { env: { MLDRILL_HOME: home } });
    await session.waitFor('⏸ ready');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(history(home)[0]).toMatchObject({ status: 'abandoned', stages: [{ usedSeconds: 0 }, { usedSeconds: 0 }] });
    session.close();
    session = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home } });
    await session.waitFor(/⏸ ready · 0[12]:\d\d left[\s\S]*The clock starts when you press Enter/);
    session.type('scale first');
    await session.waitFor(/⏱ 0[12]:\d\d left[\s\S]*> scale first/);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(history(home).at(-1).stages[0]).toMatchObject({ notes: 'scale first\n' });
  });

  it('Esc then Enter in quick succession commits one line, once', async () => {
    const home = newHome();
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home } });
    await session.waitFor('Stage 1/2');
    session.type('alpha');
    session.keys('Escape', 'Enter');
    session.type('beta');
    session.keys('Enter');
    await session.waitFor(/Notes\n\s+alpha\n\s+beta\n/);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(history(home)[0].stages[0].notes).toBe('alpha\nbeta\n');
  });

  it('Esc then a letter types the letter: nothing typed is dropped', async () => {
    const home = newHome();
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home } });
    await session.waitFor('Stage 1/2');
    session.type('al');
    session.keys('Escape');
    session.type('pha');
    session.keys('Enter');
    await session.waitFor(/Notes\n\s+alpha\n/);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(history(home)[0].stages[0].notes).toBe('alpha\n');
  });

  it('redraws at the new size on a resize to 60x15 and back, one header in view, no line too long', async () => {
    session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-save', '--no-ready'], { width: 100, height: 30 });
    await session.waitFor('Stage 1/2');
    session.type('a note long enough to need wrapping when the terminal gets narrow, word by word');
    session.keys('Enter');
    await session.waitFor('Notes');
    session.resize(60, 15);
    // The title line drawn at 60 columns: the timer 20 spaces after the title, not 60.
    let screen = await session.waitFor(/Stage 1\/2 · Clarify the feed {20}⏱/);
    expect(screen.split('\n').filter((line) => line.includes('Stage 1/2')).length).toBe(1);
    expect(Math.max(...screen.split('\n').map((line) => line.trimEnd().length))).toBeLessThanOrEqual(60);
    expect(screen).not.toMatch(/\bwor\n|\bwrappi\n/);
    session.resize(100, 30);
    screen = await session.waitFor(/Stage 1\/2 · Clarify the feed {60}⏱/);
    expect(screen.split('\n').filter((line) => line.includes('Stage 1/2')).length).toBe(1);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('a whole drill at 40 columns: finished stages, assessed stages and the report cut titles instead of wrapping them mid-word', async () => {
    session = new TmuxSession(['drill', 'youtube-video-recommendations', '--no-save', '--no-ready', '--no-curveballs'], { width: 40, height: 30 });
    for (const stage of [1, 2, 3, 4]) {
      await session.waitFor(new RegExp(`^Stage ${stage}/4 · `, 'm'));
      session.keys('Enter');
    }
    for (const stage of ['Clarify the problem', 'Frame the ML task and', 'Design the data, model', 'Go deep on the hard']) {
      await session.waitFor(`? ${stage}`);
      session.keys('Enter');
    }
    expect(await session.exitCode()).toBe(0);
    const all = session.screen(true);
    expect(all).toMatch(/^✔ Design the data, mod… · 00:0\d of 13:00$/m);
    expect(all).toMatch(/^✔ Design the data, mod…: 0 of 11 covered$/m);
    expect(all).toContain('Report · New video recommendations for\n  YouTube\n');
    expect(all).toMatch(/^Design the…  00:0\d \/ 13:00    0%  rushed$/m);
  });

  it('notes in Chinese (two columns a character) wrap to the screen, and redraws leave no header in the scrollback', async () => {
    session = new TmuxSession(['drill', 'youtube-video-recommendations', '--no-save', '--no-ready'], { width: 40, height: 20 });
    await session.waitFor('Stage 1/4');
    for (const n of [1, 2, 3, 4, 5, 6]) {
      session.type(`第${n}行笔记内容比较长一些需要换行显示在屏幕上面的内容`);
      session.keys('Enter');
      await session.waitFor(new RegExp(`第${n}行笔记内容比较长一些需要换行显示\\S*\n  \\S*屏幕上面的内容\n\n  >`));
    }
    // The clock ticks and redraws the screen, which filled the terminal.
    const tick = /⏱ (\d\d:\d\d) left/.exec(session.screen())![1]!;
    await session.waitFor(new RegExp(`⏱ (?!${tick})\\d\\d:\\d\\d left`));
    expect(session.screen().split('\n')[0]).toMatch(/^Stage 1\/4/);
    expect(session.screen(true).split('\n').filter((line) => line.startsWith('Stage 1/4')).length).toBe(1);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('on a resize to 40x12 the clock stays in view and typing redraws in place: no header piles up in the scrollback', async () => {
    // The shipped question: a stage goal of four lines at 40 columns, and seven key hints.
    session = new TmuxSession(['drill', 'youtube-video-recommendations', '--no-save', '--no-ready'], { width: 80, height: 24 });
    await session.waitFor('Stage 1/4');
    session.resize(40, 12);
    await session.waitFor(/^Stage 1\/4 · Clarify the p…  ⏱ \d\d:\d\d left$/m);
    for (const note of ['first note', 'second note', 'third note']) {
      session.type(note);
      session.keys('Enter');
      await session.waitFor(new RegExp(`  ${note}\n\n  >`));
    }
    const screen = session.screen();
    expect(screen.split('\n')[0]).toMatch(/⏱ \d\d:\d\d left$/);
    expect(Math.max(...screen.split('\n').map((line) => line.trimEnd().length))).toBeLessThanOrEqual(40);
    // The 80-column screen from before the resize, then the one drawn at 40 columns.
    expect(session.screen(true).split('\n').filter((line) => line.startsWith('Stage 1/4')).length).toBe(2);
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });
});
