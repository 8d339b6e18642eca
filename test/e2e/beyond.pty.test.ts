// Resume after kill -9, interviewer mode, curveballs and suggestions from notes, in a real
// pseudo-terminal (tmux) against the built bin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/select/random.js';
import { drawCurveball } from '../../src/session/engine.js';
import { planStages } from '../../src/session/plan.js';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { BANK, checkpointHolding, finishDrill, history, liveFiles, newHome, writeNote } from './fixture-flow.js';
const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));

function open(args: string[], home: string) {
  const session = new TmuxSession([...args, '--bank', BANK, ...(args[0] === 'drill' ? ['--no-ready'] : [])], { env: { MLDRILL_HOME: home }, height: 40 });
  sessions.push(session);
  return session;
}
/** A drill of e2e-feed with one line of notes, killed (-9) once its checkpoint holds them; the session id. */
async function crashMidStage(home: string, note: string): Promise<string> {
  const first = open(['drill', 'e2e-feed'], home);
  await first.waitFor('Stage 1/2');
  first.type(note);
  first.keys('Enter');
  await first.waitFor(new RegExp(`Notes\\n\\s+${note}`));
  // The checkpoint on disk holds the notes within a few seconds.
  const file = await checkpointHolding(home, note, 'a checkpoint with the notes');
  first.signal('KILL');
  expect(await first.exitCode()).toBe(137);
  return file.replace(/\.json$/, '');
}

const historyCommand = (home: string) =>
  spawnSync(process.execPath, [BIN, 'history'], { encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home } });


describe('beyond a timer', { timeout: 90_000 }, () => {
  it('after kill -9 mid-stage, `resume last` continues at that stage with the notes and completes as one session', async () => {
    const home = newHome();
    const id = await crashMidStage(home, 'before the crash');
    expect(fs.existsSync(path.join(home, 'history.jsonl'))).toBe(false);
    const listed = historyCommand(home);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+e2e-feed\\s+self\\s+interrupted, resumable`));
    expect(listed.stderr).toContain('mldrill resume <session>');

    const second = open(['resume', 'last'], home);
    const screen = await second.waitFor(`Resuming session ${id} at stage 1/2, Clarify the feed, with`);
    expect(screen).toMatch(/with 0[01]:\d\d\s+l/);
    await second.waitFor(/Notes\n\s+before the crash/);
    second.type('after the crash');
    second.keys('Enter');
    await second.waitFor(/before the crash\n\s+after the crash/);
    await finishDrill(second, 1);
    expect(await second.exitCode()).toBe(0);

    const records = history(home);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id, status: 'completed', stages: [{ notes: 'before the crash\nafter the crash\n' }, {}] });
    expect(liveFiles(home)).toEqual([]);
    expect(historyCommand(home).stdout).toMatch(new RegExp(`${id}\\s+e2e-feed\\s+self\\s+completed\\s`));
  });

  it('a session drilled from --bank DIR resumes with `resume last` alone: the checkpoint keeps the bank', async () => {
    const home = newHome();
    const id = await crashMidStage(home, 'from a bank of my own');
    // No --bank this time, as the line printed at Ctrl-C says: mldrill resume ID.
    const second = new TmuxSession(['resume', 'last'], { env: { MLDRILL_HOME: home }, height: 40 });
    sessions.push(second);
    await second.waitFor(`Resuming session ${id} at stage 1/2, Clarify the feed, with`);
    await second.waitFor(/Notes\n\s+from a bank of my own/);
    await finishDrill(second, 1);
    expect(await second.exitCode()).toBe(0);
    expect(history(home)).toMatchObject([{ id, questionId: 'e2e-feed', status: 'completed' }]);
    expect(liveFiles(home)).toEqual([]);
  });

  it('resumes a stage killed past its budget saying how far over it is, as its clock does, not "00:00 left"', async () => {
    const home = newHome();
    // 0.05 minutes: the first stage has 1.2 s, gone before the note is typed.
    const first = open(['drill', 'e2e-feed', '--minutes', '0.05'], home);
    await first.waitFor(/⏱ \+00:0\d over time/);
    first.type('late note');
    first.keys('Enter');
    await checkpointHolding(home, 'late note', 'a checkpoint with the note');
    first.signal('KILL');
    expect(await first.exitCode()).toBe(137);
    const second = open(['resume', 'last'], home);
    const screen = await second.waitFor(/Notes\n\s+late note/);
    expect(screen).toMatch(/Clarify the feed, with\s+\+00:\d\d\s+over time\./);
    expect(screen).not.toContain('00:00 left');
    second.keys('C-c');
    expect(await second.exitCode()).toBe(130);
  });

  it('on a narrow terminal, the resume line wraps at word breaks, the clock whole', async () => {
    const home = newHome();
    const id = await crashMidStage(home, 'a note');
    const second = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home }, width: 60, height: 40 });
    sessions.push(second);
    const screen = await second.waitFor(/Notes\n\s+a note/, { scrollback: true });
    // Any line break falls between words.
    const words = `Resuming session ${id} at stage 1/2, Clarify the feed, with`.split(' ');
    expect(screen).toMatch(new RegExp(`${words.map((word) => word.replace(/[/.]/g, '\\$&')).join('[ \\n]')}[ \\n]\\d\\d:\\d\\d left\\.`));
    second.keys('C-c');
    await second.exitCode();
  });

  it('when the history cannot be written at the end, prints the record and keeps the session resumable (exit 2)', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    // A directory, once the drill has checked the history at its start: every append fails.
    fs.mkdirSync(path.join(home, 'history.jsonl'));
    tmux.type('keep me');
    tmux.keys('Enter');
    await tmux.waitFor(/Notes\n\s+keep me/);
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(2);
    const screen = tmux.screen(true).replace(/\n/g, '');
    expect(screen).toContain('"notes":"keep me\\n"');
    expect(screen).toMatch(/mldrill: could not write the history file .*history\.jsonl \(EISDIR\); the session record is printed above and kept for 'mldrill resume \d{8}-\d{4}-\w{4}'/);
    expect(liveFiles(home)).toHaveLength(1);
  });

  it('Ctrl-C then resume: the resumed session supersedes the abandoned one', async () => {
    const home = newHome();
    const first = open(['drill', 'e2e-feed'], home);
    await first.waitFor('Stage 1/2');
    first.keys('Enter');
    await first.waitFor('Stage 2/2');
    first.keys('C-c');
    expect(await first.exitCode()).toBe(130);
    const [abandoned] = history(home);
    expect(abandoned.status).toBe('abandoned');
    expect(first.screen(true)).toContain(`mldrill resume ${abandoned.id}`);
    expect(historyCommand(home).stdout).toContain('abandoned, resumable');

    const second = open(['resume', abandoned.id], home);
    await second.waitFor('Stage 2/2 · Design the ranking');
    await finishDrill(second, 2);
    expect(await second.exitCode()).toBe(0);
    const lines = history(home);
    expect(lines.map((record) => [record.id, record.status])).toEqual([[abandoned.id, 'abandoned'], [abandoned.id, 'completed']]);
    expect(liveFiles(home)).toEqual([]);
  });

  it('interviewer mode: the partner ticks the checklist live, sees the follow-ups, and the report comes from the ticks', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed', '--interviewer'], home);
    let screen = await tmux.waitFor('Checklist (0 of 3 covered)');
    expect(screen).toMatch(/❯ ◯ Named the business goal\n\s+◯ Quantified scale\n\s+◯ Asked where the feed appears/);
    tmux.keys('Space');
    tmux.keys('Down');
    tmux.keys('Down');
    tmux.keys('Space');
    screen = await tmux.waitFor('Checklist (2 of 3 covered)');
    expect(screen).toMatch(/◉ Named the business goal\n\s+◯ Quantified scale\n❯ ◉ Asked where the feed appears/);
    tmux.keys('Enter');
    screen = await tmux.waitFor('Stage 2/2');
    expect(screen).toMatch(/Follow-ups to ask\n\s+1\. Traffic grew tenfold\./);
    tmux.keys('Space');
    tmux.keys('Enter');
    // Then the candidate's own ticks, on the assessment screen titled as theirs, nothing pre-ticked.
    await tmux.waitFor(/Candidate: tick your own checklist too\?\n❯ Tick my own checklist\n {2}Skip\n[\s\S]*Never changes the score/);
    tmux.keys('Enter');
    screen = await tmux.waitFor(/\? Candidate, your own ticks: Clarify the feed \(0 of 3 ticked\)/);
    expect(screen).toMatch(/❯ ◯ Named the business goal[\s\S]*◯ Quantified scale[\s\S]*◯ Asked where the feed appears/);
    tmux.keys('Space');
    tmux.keys('Down');
    tmux.keys('Space');
    await tmux.waitFor('(2 of 3 ticked)');
    tmux.keys('Enter');
    await tmux.waitFor(/\? Candidate, your own ticks: Design the ranking \(0 of 1 ticked\)/);
    tmux.keys('Space');
    await tmux.waitFor('(1 of 1 ticked)');
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    // Goal and scale, not the surface (the question's own item, weighted up); the partner ticked goal and surface.
    expect(tmux.screen(true)).toContain('Your own ticks: 60% · your partner’s: 85% (kept for mldrill stats)');
    expect(tmux.screen(true)).toMatch(/Score 85%/);
    expect(tmux.screen(true)).not.toContain('what did you cover?');
    expect(history(home)[0]).toMatchObject({ mode: 'interviewer', score: 85, stages: [{ checked: ['goal', 'surface'], missed: ['scale'] }, { checked: ['diagram'] }] });
    const [rating] = fs.readFileSync(path.join(home, 'ratings.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { rater: string; sessionId: string; score: number; recordScore: number; stages: Array<{ score: number; recordScore: number }> });
    expect(rating).toMatchObject({ rater: 'self', sessionId: history(home)[0].id, score: 60, recordScore: 85, stages: [{ score: 53, recordScore: 82 }, { score: 100, recordScore: 100 }] });
  });

  it('folds the interviewer screen to fit a small terminal, keeping the cursor item, title and keys in view', async () => {
    const session = new TmuxSession(['drill', 'youtube-video-recommendations', '--interviewer', '--no-save', '--no-ready'], { width: 80, height: 24 });
    sessions.push(session);
    await session.waitFor('Stage 1/4');
    for (const stage of [2, 3, 4]) {
      session.keys('Enter');
      await session.waitFor(`Stage ${stage}/4`);
    }
    session.keys('Up'); // the cursor wraps to the last item
    const screen = await session.waitFor(/↑ \d+ more/);
    const visible = screen.trimEnd().split('\n');
    expect(visible.length).toBeLessThanOrEqual(24);
    expect(screen).toMatch(/Stage 4\/4 · Go deep on the hard parts\s+⏱ \d\d:\d\d left/);
    expect(screen).toMatch(/❯ ◯ Filtered policy-violating/);
    expect(screen).toMatch(/Enter\s+on an empty line: finish/);
    expect(screen).toContain('Follow-ups to ask: 5 (Ctrl-F shows them)');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('throws a curveball in at the seeded moment and records it', async () => {
    const home = newHome();
    const plan = planStages([{ id: 'clarify', title: '', goal: '', minutes: 2 }, { id: 'design', title: '', goal: '', minutes: 3 }], 0.5);
    const expected = drawCurveball(plan, 1, ['Traffic grew tenfold.'], seededRandom('s1'))!;
    const tmux = open(['drill', 'e2e-feed', '--minutes', '0.5', '--seed', 's1'], home);
    await tmux.waitFor('Stage 1/2');
    tmux.keys('Enter');
    const entered = Date.now();
    await tmux.waitFor('Stage 2/2');
    expect(tmux.screen()).not.toContain('The interviewer cuts in');
    const screen = await tmux.waitFor(/⚡ The interviewer cuts in:\n\s+Traffic grew tenfold\./, { timeout: 20_000 });
    expect(Date.now() - entered).toBeGreaterThanOrEqual((expected.atSeconds - 1) * 1000);
    expect(screen).toContain('Stage 2/2');
    tmux.type('shard the ranker');
    tmux.keys('Enter');
    await tmux.waitFor(/Notes\n\s+shard the ranker/);
    await finishDrill(tmux, 2);
    expect(await tmux.exitCode()).toBe(0);
    // The report says what happened: the curveball, and the notes written after it.
    expect(tmux.screen(true)).toMatch(/⚡ Curveball in Design the ranking at \d\d:\d\d\n\s+Traffic grew tenfold\.\n\s+Notes after it \(1 line\):\n\s+shard the ranker/);
    const [record] = history(home);
    expect(record.curveballs).toHaveLength(1);
    expect(record.curveballs[0].notesChars).toBe(0);
    expect(record.curveballs[0]).not.toHaveProperty('linesBefore');
    expect(record.curveballs[0]).toMatchObject({ stageId: 'design', text: 'Traffic grew tenfold.' });
    expect(record.curveballs[0].atSeconds).toBeGreaterThanOrEqual(expected.atSeconds);
    expect(record.curveballs[0].atSeconds).toBeLessThanOrEqual(expected.atSeconds + 1);
  });

  it('--no-curveballs keeps the interviewer quiet', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed', '--minutes', '0.05', '--no-curveballs', '--strict'], home);
    await tmux.waitFor('Clarify the feed: what did you cover?', { timeout: 15_000 });
    expect(tmux.screen(true)).not.toContain('The interviewer cuts in');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('pre-ticks the items whose keywords appear in the notes of any stage, marked as suggestions the user can untick', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    await writeNote(tmux, 'revenue per session');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2');
    await writeNote(tmux, 'peak 20k QPS');
    tmux.keys('Enter');
    const screen = await tmux.waitFor('Clarify the feed: what did you cover?');
    // Words from another stage's notes say where they are: the notes shown above are this stage's.
    expect(screen).toMatch(/◉ Named the business goal ✦ “revenue”\n\s*◉ Quantified scale ✦ “QPS” \(stage 2 notes\)\n[\s\S]*◯ Asked where the feed appears/);
    expect(screen).toContain('✦ marks an item your notes mention');
    tmux.keys('Down');
    tmux.keys('Space');
    tmux.keys('Enter');
    await tmux.waitFor('Design the ranking: what did you cover?');
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    expect(history(home)[0].stages[0]).toMatchObject({ checked: ['goal'], missed: ['scale', 'surface'] });
  });
});
