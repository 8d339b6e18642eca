// The interviewer's side in a real pseudo-terminal (tmux), against the built bin: a question
// asked mid-stage and answered, kept through kill -9 and resume; the follow-up that reacts to
// the notes, graded with its answer key; the fact sheet on the partner's screen.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, until } from '../helpers/tmux.js';
import { BANK, checkpointHolding, confirmAssessments, finishDrill, history, liveFiles, newHome, writeNote } from './fixture-flow.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));

function open(args: string[], home: string) {
  const session = new TmuxSession([...args, '--bank', BANK, ...(args[0] === 'drill' ? ['--no-ready'] : [])], { env: { MLDRILL_HOME: home }, height: 40, width: 100 });
  sessions.push(session);
  return session;
}

describe('the interviewer, in a drill', { timeout: 90_000 }, () => {
  it('answers a question asked mid-stage; after kill -9, resume keeps the exchange, and the report says what was never asked', async () => {
    const home = newHome();
    const first = open(['drill', 'e2e-feed'], home);
    await first.waitFor('Stage 1/2');
    await first.waitFor(/\?\s+ask the interviewer/);
    await writeNote(first, 'a first note');
    first.type('?');
    await first.waitFor('? ask the interviewer>');
    first.type('how many people use it');
    first.keys('Enter');
    await first.waitFor(/Interviewer\n\s+You: how many people use it\n\s+› About 50 million daily users, each feed request ranks some 2,000 candidate posts\./);
    // The question is not a line of notes.
    expect(first.screen()).toMatch(/Notes\n\s+a first note\n\s+>\s*\n/);
    await checkpointHolding(home, '"factId":"scale"', 'a checkpoint with the exchange');
    first.signal('KILL');
    expect(await first.exitCode()).toBe(137);

    const second = open(['resume', 'last'], home);
    await second.waitFor(/You: how many people use it\n\s+› About 50 million daily users/);
    await finishDrill(second, 1);
    expect(await second.exitCode()).toBe(0);
    const screen = second.screen(true);
    expect(screen).toContain('You uncovered 1 of 6 facts, about scale.');
    expect(screen).toMatch(/✗ You never asked about latency: The whole feed must render within 300 ms p99/);
    expect(history(home).at(-1)).toMatchObject({
      status: 'completed',
      stages: [{ notes: 'a first note\n' }, {}],
      exchanges: [{ stageId: 'clarify', asked: 'how many people use it', factId: 'scale', answer: 'About 50 million daily users, each feed request ranks some 2,000 candidate posts.' }],
    });
  });

  it('with a seed, throws the follow-up whose `when` phrase is in the notes, and grades the reply with its answer key', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed', '--minutes', '0.5', '--seed', 's1'], home);
    await tmux.waitFor('Stage 1/2');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2');
    await writeNote(tmux, 'two-tower retrieval');
    await tmux.waitFor(/⚡ The interviewer cuts in:\n\s+Your two-tower model retrieves stale posts\. How do you sample negatives for it\?/, { timeout: 20_000 });
    await writeNote(tmux, 'in-batch negatives, popularity corrected');
    tmux.keys('Enter');
    await confirmAssessments(tmux);
    const screen = await tmux.waitFor('The follow-up: what did your answer cover?');
    // The stage's own checklist had only its own item; the points come on a screen of their own.
    expect(screen).toMatch(/✔ Design the ranking: \d+ of \d+ covered\n+The interviewer’s follow-up: Your two-tower model retrieves stale posts\. How do you sample negatives\s+for it\?\n/);
    expect(screen).toMatch(/◉ In-batch negatives, corrected for popularity[^\n]*✦[^\n]*\n\s*◯ Hard negatives mined/);
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    const report = tmux.screen(true);
    expect(report).toMatch(/Follow-up · Design the ranking/);
    expect(report).toMatch(/Answer key:\n\s+✔ In-batch negatives, corrected for popularity\n\s+✗ Hard negatives/);
    const [record] = history(home);
    expect(record.curveballs[0]).toMatchObject({ stageId: 'design', text: 'Your two-tower model retrieves stale posts. How do you sample negatives for it?', notesChars: 'two-tower retrieval\n'.length });
    expect(record.stages[1]).toMatchObject({ checked: ['followup-1'], missed: ['diagram', 'followup-2'] });
  });

  it('in interviewer mode, shows the partner the fact sheet; Ctrl-O hides it and shows it again', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed', '--interviewer'], home);
    await tmux.waitFor(/Fact sheet: answer only what is asked\n\s+goal: More meaningful interactions per daily user/);
    expect(tmux.screen()).toContain('Ctrl-O  fact sheet');
    expect(tmux.screen()).not.toContain('ask the interviewer');
    tmux.keys('C-o');
    await tmux.waitFor('Fact sheet: 6 facts (Ctrl-O shows it)');
    tmux.keys('C-o');
    await tmux.waitFor('Fact sheet: answer only what is asked');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('in interviewer mode, keeps the question on the partner\'s screen in every stage, at 80x24 too', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--interviewer', '--bank', BANK, '--no-ready', '--no-save'], { env: { MLDRILL_HOME: home }, width: 80, height: 24 });
    sessions.push(tmux);
    await tmux.waitFor(/Stage 1\/2 · Clarify the feed[^\n]*\n(.*\n)*Question\n  Design a feed that shows people the posts they care about most\./);
    tmux.keys('Enter');
    // The header with the prompt has scrolled away by now: the stage screen still holds it.
    const screen = await tmux.waitFor(/Stage 2\/2 · Design the ranking/);
    expect(screen).toMatch(/Question\n  Design a feed that shows people the posts they care about most\./);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('on TERM=dumb, interviewer mode prints the fact sheet once and /f prints it again', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--interviewer', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home, TERM: 'dumb' }, height: 40, width: 100 });
    sessions.push(tmux);
    await tmux.waitFor(/Fact sheet: answer only what is asked:\n\s+1\. goal: More meaningful interactions/);
    await tmux.waitFor('/f fact sheet');
    expect(tmux.screen()).not.toContain('/a QUESTION');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2 · Design the ranking');
    expect(tmux.screen(true).match(/Fact sheet: answer only/g)).toHaveLength(1);
    // The question under each stage's heading, as the stage screen keeps it in every stage.
    expect(tmux.screen(true).match(/^Question:\n  Design a feed that shows people the posts they care about most\.$/gm)).toHaveLength(2);
    tmux.type('/f');
    tmux.keys('Enter');
    await until(() => (tmux.screen(true).match(/Fact sheet: answer only/g) ?? []).length === 2, 'the fact sheet printed again');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('a terminal closed under the candidate\'s own ticks keeps the session the partner ticked, completed', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--interviewer', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home }, height: 40, width: 100 });
    sessions.push(tmux);
    await tmux.waitFor(/❯ ◯ Named the business goal/);
    tmux.keys('Space');
    await tmux.waitFor(/❯ ◉ Named the business goal/);
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2');
    tmux.keys('Enter');
    await tmux.waitFor('Candidate: tick your own checklist too?');
    // The window closes: every write to the terminal fails from here on (EIO).
    tmux.close();
    const [record] = await until(() => (fs.existsSync(path.join(home, 'history.jsonl')) ? history(home) : undefined), 'the record');
    expect(record).toMatchObject({ mode: 'interviewer', status: 'completed', stages: [{ checked: ['goal'] }, { checked: [] }] });
    expect(liveFiles(home)).toEqual([]);
  });

  it('on TERM=dumb, says which of the numbers typed to tick are no item, at /t and in the self-assessment', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--interviewer', '--bank', BANK, '--no-ready', '--no-save'], { env: { MLDRILL_HOME: home, TERM: 'dumb' }, height: 40, width: 100 });
    sessions.push(tmux);
    await tmux.waitFor('/t N ticks item N');
    tmux.enter('/t 1 99 x');
    // Item 1 is ticked; 99 and x are named, not passed over in silence or kept as a note.
    await tmux.waitFor(/Ticked: .+\n\(99, x: not item numbers; the items are 1 to \d+\)/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);

    const self = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready', '--no-save', '--no-curveballs'], { env: { MLDRILL_HOME: home, TERM: 'dumb' }, height: 40, width: 100 });
    sessions.push(self);
    // Through both stages to the self-assessment, where 0 is no item's number and 2 is ticked.
    for (const [shown, line] of [['an empty line: next stage', ''], ['Stage 2/2', ''], ['Numbers to tick or untick', '0 2']] as const) {
      await self.waitFor(shown);
      self.enter(line);
    }
    await self.waitFor(/\(0: not an item number; the items are 1 to \d+\)/);
    expect(self.screen()).toMatch(/2\. \[x\]/);
    self.keys('C-c');
    expect(await self.exitCode()).toBe(130);
  });
});
