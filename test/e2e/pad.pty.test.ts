// The diagram pad in a real terminal: drawn live mid-stage, kept through kill -9 and resume,
// saved in the record, compared in the report and exported as Mermaid. Built bin, tmux.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { BANK, checkpointHolding, finishDrill, history, newHome } from './fixture-flow.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.close());
});

function open(args: string[], home: string) {
  const session = new TmuxSession([...args, '--bank', BANK, ...(args[0] === 'drill' ? ['--no-ready'] : [])], { env: { MLDRILL_HOME: home }, height: 40, width: 100 });
  sessions.push(session);
  return session;
}

/** Types a line and Enter, and waits for what it shows. */
async function enter(tmux: TmuxSession, line: string, shown: RegExp | string): Promise<void> {
  tmux.type(line);
  tmux.keys('Enter');
  await tmux.waitFor(shown);
}

describe('the diagram pad in a drill', { timeout: 90_000 }, () => {
  it('draws four edges mid-stage, keeps them through kill -9 and resume, and saves, compares and exports them', async () => {
    const home = newHome();
    const first = open(['drill', 'e2e-feed'], home);
    await first.waitFor('Stage 1/2');
    await first.waitFor('Ctrl-G  diagram');
    first.type('a note first');
    first.keys('Enter');
    first.keys('C-g');
    await first.waitFor('◇ diagram>');
    await enter(first, 'events -> features', /│ events ├/);
    // Fan-in: posts and events both into features.
    await enter(first, 'posts -> features', /│ posts ├/);
    await enter(first, 'features -> ranker', /│ ranker │/);
    await enter(first, 'ranker -> feed', /│ feed │/);
    const screen = await first.waitFor('Diagram (4 lines)');
    for (const name of ['events', 'posts', 'features', 'ranker', 'feed']) expect(screen).toMatch(new RegExp(`│ ${name} [│├]`));
    expect(screen).toMatch(/Enter  add the line/);
    first.type('feed -> ev');
    await checkpointHolding(home, '"padLine":"feed -> ev"', 'a checkpoint with the pad line');
    first.signal('KILL');
    expect(await first.exitCode()).toBe(137);

    const second = open(['resume', 'last'], home);
    // Open again as it was: the four edges drawn, the line half typed.
    await second.waitFor('◇ diagram> feed -> ev');
    // Drawn again once the renderer has loaded.
    const resumed = await second.waitFor(/│ posts ├/);
    expect(resumed).toContain('Diagram (4 lines)');
    second.type('ents');
    second.keys('Enter');
    await second.waitFor('Diagram (5 lines)');
    second.keys('Escape');
    await second.waitFor('Diagram: 5 lines (Ctrl-G opens the pad)');
    await finishDrill(second, 1);
    expect(await second.exitCode()).toBe(0);
    // The report compares the drawing with the question's reference.
    const report = second.screen(true);
    expect(report).toContain('Diagram: 4 of 4 components, 4 of 4 key flows');
    expect(report).toContain('Also drawn (not in the reference, not counted): posts');

    const [record] = history(home);
    expect(record.diagram).toBe('events -> features\nposts -> features\nfeatures -> ranker\nranker -> feed\nfeed -> events\n');
    expect(record.stages[0].notes).toBe('a note first\n');
    const exported = execFileSync(process.execPath, [BIN, 'export', 'last'], { encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home } });
    expect(exported).toContain('## Diagram\n\n```mermaid\nflowchart');
    expect(exported).toMatch(/posts --> features/);
    expect(exported).toMatch(/│ posts /);
  });
});

describe('a paste into the diagram pad', { timeout: 90_000 }, () => {
  it('adds every pasted line and draws the whole once the paste has ended', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Ctrl-G  diagram');
    tmux.keys('C-g');
    await tmux.waitFor('◇ diagram>');
    await enter(tmux, 'events -> features', /│ events ├/);
    // Drawn while the paste arrives is only the picture before it: the last line's boxes show
    // that it was drawn after the paste, as a whole.
    tmux.paste('features -> ranker\nposts -> features\nranker -> feed\n');
    const screen = await tmux.waitFor(/│ feed │/);
    expect(screen).toContain('Diagram (4 lines)');
    for (const name of ['events', 'posts', 'features', 'ranker']) expect(screen).toMatch(new RegExp(`│ ${name} [│├]`));
    expect(screen).toContain('◇ diagram>');
  });
});

describe('the diagram on TERM=dumb', { timeout: 90_000 }, () => {
  it('/d adds a line to the diagram, says when it is not an edge, and /d alone lists it', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home, TERM: 'dumb' } });
    sessions.push(tmux);
    // The line of commands is broken at word breaks, not by the terminal mid-word (`/d ED` `GE adds`).
    const start = await tmux.waitFor(/\[0[12]:\d\d left\] >$/m);
    expect(start).toContain('/h hint, /d\nEDGE adds to the diagram, /p pause, an empty line: next stage, /help this line.\nCtrl-C quits (saved).\n');
    await enter(tmux, '/d events -> features -> ranker', 'Added to the diagram (1 line).');
    await enter(tmux, '/d the ranker is a GBDT.', 'Kept in the diagram, but not an edge: this reads as a sentence, not a component;\nwrite edges as `a -> b`, or a lone component by its name; keep prose in your\nnotes\n');
    await enter(tmux, '/d', /Diagram:\n {2}events -> features -> ranker\n {2}the ranker is a GBDT\.\n/);
    await enter(tmux, '', 'Stage 2/2 · Design the ranking');
    tmux.keys('Enter');
    for (const stage of ['Clarify the feed', 'Design the ranking']) {
      await tmux.waitFor(`${stage}: what did you cover?`);
      tmux.keys('Enter');
    }
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.screen(true)).toContain('Diagram: 3 of 4 components, 2 of 4 key flows');
    expect(history(home)[0]).toMatchObject({ diagram: 'events -> features -> ranker\nthe ranker is a GBDT.\n', stages: [{ notes: '' }, { notes: '' }] });
  });
});
