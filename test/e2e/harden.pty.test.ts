// The drill on a machine that fails it: checkpoints that cannot be written, a file-size limit,
// kill -9 mid-line. Nothing typed may be lost. Real pseudo-terminal (tmux), built bin.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession, until } from '../helpers/tmux.js';
import { BANK, checkpointHolding, finishDrill, history, liveFiles, newHome, writeNote } from './fixture-flow.js';

const sessions: TmuxSession[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.close());
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

function open(args: string[], home: string, options: { fileSizeLimit?: number } = {}) {
  const session = new TmuxSession([...args, '--bank', BANK, ...(args[0] === 'drill' ? ['--no-ready'] : [])], { env: { MLDRILL_HOME: home }, height: 40, width: 100, ...options });
  sessions.push(session);
  return session;
}
const isRoot = process.getuid?.() === 0;


/** The record printed on the terminal when the history could not be written. */
function printedRecord(screen: string): { stages: { notes: string }[] } {
  const joined = screen.split('\n').map((line) => line.trimEnd()).join('');
  const start = joined.indexOf('{"version"');
  return JSON.parse(joined.slice(start, joined.indexOf('mldrill: could not write', start)));
}

describe('a drill on a failing machine', { timeout: 90_000 }, () => {
  it('goes on when the sessions directory is replaced by a file mid-stage, says so, and saves the record at the end', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    await until(() => liveFiles(home).length > 0, 'the first checkpoint');
    fs.rmSync(path.join(home, 'sessions'), { recursive: true });
    fs.writeFileSync(path.join(home, 'sessions'), 'in the way');
    await tmux.waitFor(/⚠ checkpoints are failing: ENOTDIR in /);
    await writeNote(tmux, 'still here');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.screen(true)).toMatch(/Saved session \d{8}-\d{4}-\w{4} to /);
    expect(history(home)[0]).toMatchObject({ status: 'completed', stages: [{ notes: 'still here\n' }, {}] });
  });

  it.skipIf(!isRoot)('on a full disk (ENOSPC, a 64 KiB tmpfs), goes on and prints the whole record at the end (exit 2)', async () => {
    const home = newHome();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', home]);
    cleanups.push(() => execFileSync('umount', ['-l', home]));
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    // Fill the disk: write until it refuses.
    const fd = fs.openSync(path.join(home, 'filler'), 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    await tmux.waitFor(/⚠ checkpoints are failing: ENOSPC in /);
    await writeNote(tmux, 'nothing lost');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(2);
    const screen = tmux.screen(true);
    expect(screen.replace(/\n/g, '')).toMatch(/mldrill: could not write the history file .*history\.jsonl \(ENOSPC\)/);
    expect(printedRecord(screen).stages[0]!.notes).toBe('nothing lost\n');
    expect(screen).not.toMatch(/at .*\.js:\d+/);
  });
  if (!isRoot) it('on a full disk: skipped, mounting a tmpfs needs root (CI runs as root)', () => {});

  it('survives a file-size limit (ulimit -f 0, SIGXFSZ): the writes fail like any other and the record is printed', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home, { fileSizeLimit: 0 });
    await tmux.waitFor(/⚠ checkpoints are failing: EFBIG in /);
    await writeNote(tmux, 'past the limit');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(2);
    const screen = tmux.screen(true);
    expect(screen.replace(/\n/g, '')).toMatch(/could not write the history file .*history\.jsonl \(EFBIG\)/);
    expect(printedRecord(screen).stages[0]!.notes).toBe('past the limit\n');
  });

  it('after kill -9 mid-line, resume gives the line back as the draft it was, to finish and edit', async () => {
    const home = newHome();
    const first = open(['drill', 'e2e-feed'], home);
    await first.waitFor('Stage 1/2');
    first.type('done line');
    first.keys('Enter');
    first.type('half a thou');
    await first.waitFor('> half a thou');
    await checkpointHolding(home, '"draft":"half a thou"', 'a checkpoint with the draft');
    first.signal('KILL');
    expect(await first.exitCode()).toBe(137);

    const second = open(['resume', 'last'], home);
    await second.waitFor(/Notes\n\s+done line\n\s+> half a thou/);
    second.type('ght');
    second.keys('Enter');
    await second.waitFor(/Notes\n\s+done line\n\s+half a thought\n/);
    await finishDrill(second, 1);
    expect(await second.exitCode()).toBe(0);
    expect(history(home)[0].stages[0].notes).toBe('done line\nhalf a thought\n');
  });
});

describe('a drill in a terminal that misbehaves', { timeout: 90_000 }, () => {
  it('a terminal closed mid-line (SIGHUP) saves the session as abandoned, the line being typed included', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    await writeNote(tmux, 'said aloud');
    tmux.type('half a line');
    await tmux.waitFor('> half a line');
    // The window closes: the terminal hangs up under the drill (SIGHUP, then EIO on it).
    tmux.close();
    const [record] = await until(() => (fs.existsSync(path.join(home, 'history.jsonl')) ? history(home) : undefined), 'the record');
    expect(record).toMatchObject({ status: 'abandoned', stages: [{ notes: 'said aloud\nhalf a line\n' }, { notes: '' }] });
    // Resumable: the checkpoint stays.
    expect(liveFiles(home)).toEqual([`${record.id}.json`]);
  });

  it('a terminal that goes away with no hang-up signal (mldrill not its owner) still saves the session and ends, by SIGHUP, not hanging on for ever', () => {
    const home = newHome();
    const run = spawnSync('python3', [path.join(import.meta.dirname, '..', 'helpers', 'gone-terminal.py'), 'Stage 1/2', 'before the end',
      process.execPath, BIN, 'drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { encoding: 'utf8', timeout: 80_000, env: { ...process.env, MLDRILL_HOME: home, TERM: 'xterm-256color' } });
    expect(JSON.parse(run.stdout)).toEqual({ seen: true, drawn: true, exit: null, signal: 1 });
    const [record] = history(home);
    expect(record).toMatchObject({ status: 'abandoned', stages: [{ notes: 'before the end\n' }, { notes: '' }] });
    expect(liveFiles(home)).toEqual([`${record.id}.json`]);
  });

  it('kill -HUP saves the session as Ctrl-C does, then ends by the signal', async () => {
    const home = newHome();
    const tmux = open(['drill', 'e2e-feed'], home);
    await tmux.waitFor('Stage 1/2');
    tmux.type('typed just now');
    await tmux.waitFor('> typed just now');
    tmux.signal('HUP');
    expect(await tmux.exitCode()).toBe(129);
    expect(tmux.screen(true)).toMatch(/Interrupted: session \d{8}-\d{4}-\w{4} saved as abandoned/);
    expect(tmux.screen(true)).not.toMatch(/internal error|Assertion/);
    expect(history(home)[0]).toMatchObject({ status: 'abandoned', stages: [{ notes: 'typed just now\n' }, {}] });
  });

  /** A drill of e2e-feed (or `program`, which runs one) with `before` typed in its first stage. */
  async function typedBefore(home: string, options: { jobControl?: boolean; program?: string[] }) {
    const tmux = new TmuxSession(options.program ? [] : ['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home }, ...options });
    sessions.push(tmux);
    await tmux.waitFor('Stage 1/2');
    tmux.type('before');
    await tmux.waitFor('> before');
    return tmux;
  }

  /** Types ` after` and Ctrl-C: both notes are in the record. */
  async function typedAfterAndQuit(tmux: TmuxSession, home: string) {
    tmux.type(' after');
    await tmux.waitFor('> before after');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(history(home)[0].stages[0].notes).toBe('before after\n');
  }

  it('Ctrl-Z hands the terminal back; after fg the keys and Ctrl-C work again and nothing typed is lost', async () => {
    const home = newHome();
    const tmux = await typedBefore(home, { jobControl: true });
    tmux.keys('C-z');
    await until(() => tmux.isStopped(), 'mldrill to stop');
    expect(tmux.cursorVisible()).toBe(true);
    expect(tmux.stty()).toMatch(/(^|\s)icanon(\s|$)/);
    expect(tmux.stty()).toMatch(/(^|\s)echo(\s|$)/);
    tmux.continueInForeground();
    await until(() => !tmux.isStopped(), 'fg');
    await typedAfterAndQuit(tmux, home);
  });

  // Started on the command (tmux here, `docker run -it`, `xterm -e`): no shell with job control,
  // so the kernel discards the stop and no fg would ever come. The drill goes on instead.
  it('Ctrl-Z where nothing can suspend it: the drill goes on, its keys and clock working, nothing typed lost', async () => {
    const home = newHome();
    const tmux = await typedBefore(home, {});
    const tick = /⏱ (\d\d:\d\d) left/.exec(tmux.screen())![1]!;
    tmux.keys('C-z');
    await tmux.waitFor(new RegExp(`⏱ (?!${tick})\\d\\d:\\d\\d left`));
    expect(tmux.screen()).not.toContain('^Z');
    await typedAfterAndQuit(tmux, home);
  });

  it('run through npm start (a wrapper in the same job), Ctrl-Z stops the whole job, so the shell gets the terminal back', async () => {
    const home = newHome();
    // scripts/start.js, as `npm start -- drill ...` runs it: mldrill is its child, in its process group.
    const tmux = await typedBefore(home, { jobControl: true, program: ['node', 'scripts/start.js', 'drill', 'e2e-feed', '--bank', BANK, '--no-ready'] });
    tmux.keys('C-z');
    await until(() => tmux.isStopped(), 'the job to stop');
    tmux.continueInForeground();
    await until(() => !tmux.isStopped(), 'fg');
    await typedAfterAndQuit(tmux, home);
  });
});

describe('the picker after Ctrl-Z', { timeout: 90_000 }, () => {
  it('draws itself again on fg, before any key, with what was typed and the question under the cursor', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home }, jobControl: true });
    sessions.push(tmux);
    await tmux.waitFor('Pick a question (type to filter)');
    tmux.type('end-to-end');
    await tmux.waitFor(/❯ End-to-end feed question/);
    tmux.keys('C-z');
    await until(() => tmux.isStopped(), 'mldrill to stop');
    await tmux.waitFor('Stopped');
    tmux.continueInForeground();
    // The shell wrote over the list; the picker is whole again under what it wrote, no key pressed.
    await tmux.waitFor(/Stopped[\s\S]*\n\? Pick a question \(type to filter\) end-to-end\n❯ End-to-end feed question[\s\S]*↑↓ navigate/);
    tmux.keys('Enter');
    await tmux.waitFor('Stage 1/2 · Clarify the feed');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });
});

describe('a drill on TERM=dumb', { timeout: 90_000 }, () => {
  it('asks a line at a time, with the countdown in the prompt, and writes no escape sequence at all', async () => {
    const home = newHome();
    const raw = path.join(home, 'raw.log');
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home, TERM: 'dumb' }, rawLog: raw });
    sessions.push(tmux);
    await tmux.waitFor(/Stage 1\/2 · Clarify the feed \(0[12]:\d\d left\)/);
    await tmux.waitFor(/\[0[12]:\d\d left\] >$/m);
    tmux.type('first note');
    tmux.keys('Enter');
    tmux.type('/h');
    tmux.keys('Enter');
    await tmux.waitFor('Hint 1: First hint about the feed audience.');
    tmux.type('/a what is the latency budget');
    tmux.keys('Enter');
    await tmux.waitFor('Interviewer: The whole feed must render within 300 ms p99, ranking included.');
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2 · Design the ranking');
    tmux.keys('Enter');
    const assessing = await tmux.waitFor('Clarify the feed: what did you cover?');
    // The keys of this terminal: numbers, not the Space and Enter of the full screen.
    expect(assessing).toMatch(/Self-assessment: tick what you really covered \(type the numbers to tick or\s+untick, an empty line confirms\)\./);
    tmux.type('1');
    tmux.keys('Enter');
    await tmux.waitFor('1. [x] Named the business goal');
    tmux.keys('Enter');
    await tmux.waitFor('Design the ranking: what did you cover?');
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.screen(true)).toMatch(/Score 30%/);
    expect(fs.readFileSync(raw, 'utf8')).not.toContain('\u001b');
    expect(history(home)[0]).toMatchObject({
      status: 'completed', stages: [{ notes: 'first note\n', hintsShown: 1, checked: ['goal'] }, { notes: '' }],
      exchanges: [{ stageId: 'clarify', asked: 'what is the latency budget', factId: 'latency' }],
    });
  });

  it('behind the ready gate says the stage is ready, its whole budget left, not paused', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-save'], { env: { MLDRILL_HOME: home, TERM: 'dumb' } });
    sessions.push(tmux);
    const screen = await tmux.waitFor('Press Enter to start the clock >');
    expect(screen).toContain('Stage 1/2 · Clarify the feed (ready, 02:00 left)');
    expect(screen).not.toContain('paused');
    tmux.keys('Enter');
    await tmux.waitFor(/\[0[12]:\d\d left\] >$/m);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
  });

  it('resumed from a checkpoint whose notes hold a bidi override, a C1 control and a colour sequence, prints the notes without them', async () => {
    const home = newHome();
    const first = open(['drill', 'e2e-feed'], home);
    await first.waitFor('Stage 1/2');
    await writeNote(first, 'old note');
    const name = await checkpointHolding(home, '"notes":"old note\\n"', 'a checkpoint with the note');
    first.signal('KILL');
    expect(await first.exitCode()).toBe(137);
    // A checkpoint is a file anyone may have edited.
    const file = path.join(home, 'sessions', name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"notes":"old note\\n"', '"notes":"old\\u202e\\u009b2J \\u001b[41mnote\\n"'));

    const raw = path.join(home, 'raw.log');
    const tmux = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home, TERM: 'dumb' }, rawLog: raw });
    sessions.push(tmux);
    await tmux.waitFor(/Notes so far:\n {2}old note\n/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(fs.readFileSync(raw, 'utf8')).not.toMatch(/[\u001b\u202e\u009b]/);
  });

  // Started on the command (no shell with job control): the drill goes on, its prompt said again once.
  it('Ctrl-Z where nothing can suspend it says the prompt again once, and the next line is a note', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home, TERM: 'dumb' } });
    sessions.push(tmux);
    await tmux.waitFor(/\[0[12]:\d\d left\] >$/m);
    tmux.keys('C-z');
    await tmux.waitFor(/\^Z\[0[12]:\d\d left\] >/);
    tmux.type('after');
    tmux.keys('Enter');
    const screen = await tmux.waitFor(/> after\n\[0[12]:\d\d left\] >$/m);
    expect(screen).toMatch(/\^Z\[0[12]:\d\d left\] > after\n/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(history(home)[0].stages[0].notes).toBe('after\n');
  });

  it('/help prints the commands again and is no note; a mistyped command is kept as a note, and says so', async () => {
    const home = newHome();
    const tmux = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready'], { env: { MLDRILL_HOME: home, TERM: 'dumb' } });
    sessions.push(tmux);
    await tmux.waitFor(/\[0[12]:\d\d left\] >$/m);
    tmux.type('/help');
    tmux.keys('Enter');
    await tmux.waitFor(/> \/help\nType notes, one line at a time\./);
    tmux.type('/hint');
    tmux.keys('Enter');
    await tmux.waitFor('(/hint is not a command: kept as a note. /help lists the commands.)');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(history(home)[0].stages[0].notes).toBe('/hint\n');
  });
});

describe('the spinner of a slow first load', { timeout: 90_000 }, () => {
  /** A bank of 2,000 copies of the fixture question: reading it afresh keeps the spinner up for a second or more. */
  function slowBank(): string {
    const dir = fs.mkdtempSync(path.join(newHome(), 'bank-'));
    fs.mkdirSync(path.join(dir, 'questions'));
    fs.cpSync(path.join(BANK, 'rubrics'), path.join(dir, 'rubrics'), { recursive: true });
    const question = fs.readFileSync(path.join(BANK, 'questions', 'recommendation', 'e2e-feed.yaml'), 'utf8');
    for (let i = 1; i <= 2000; i++) fs.writeFileSync(path.join(dir, 'questions', `e2e-feed-${i}.yaml`), question.replace(/^id: e2e-feed$/m, `id: e2e-feed-${i}`));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  it('Ctrl-C ends the run at once (130), where it was held until the load was done and lost (the list printed, exit 0)', async () => {
    // Job control, as in a login shell: the signal is mldrill's alone, not the shell's that runs it.
    const tmux = new TmuxSession(['list', '--bank', slowBank()], { env: { MLDRILL_HOME: newHome() }, jobControl: true });
    sessions.push(tmux);
    await tmux.waitFor(/Reading \d+ question and rubric files/);
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(tmux.screen(true)).not.toContain('e2e-feed-1');
  });

  it('Ctrl-Z leaves the cursor shown to the shell, and fg goes on to the list', async () => {
    const tmux = new TmuxSession(['list', '--bank', slowBank()], { env: { MLDRILL_HOME: newHome() }, jobControl: true });
    sessions.push(tmux);
    await tmux.waitFor(/Reading \d+ question and rubric files/);
    tmux.keys('C-z');
    await until(() => tmux.isStopped(), 'mldrill to stop');
    expect(tmux.cursorVisible()).toBe(true);
    tmux.continueInForeground();
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.screen(true)).toContain('e2e-feed-2000');
  });
});
