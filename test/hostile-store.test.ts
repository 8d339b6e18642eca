// The state and cache directories holding what they should not: FIFOs, devices, links, huge
// or hostile files. Never a hang, never a read of what is not a regular file, never a write
// through a rename over one, never a path made of an id.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { makeDirectory } from '../src/make-dir.js';
import { NotRegularError } from '../src/read-file.js';
import { appendRecord, lockFileFor } from '../src/store/append.js';
import { writeFileAtomic } from '../src/store/atomic.js';
import { readHistory } from '../src/store/history.js';
import { readIndexedHistory } from '../src/store/history-index.js';
import { listLive, pickLive, removeLive, saveLive, type LiveSession } from '../src/store/live.js';
import { makeRecord, type SessionRecord } from '../src/store/record.js';
import { isSessionState, startSession, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith, parseHistory, PROGRESS_BANK } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-hostile-'));

function mkfifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

/** A Unix socket at file, left behind by a process that listened on it (open() on one fails with ENXIO). */
function mksocket(file: string): void {
  const made = spawnSync(process.execPath, ['-e', 'require("net").createServer().listen(process.argv[1], () => process.exit(0))', file]);
  if (made.status !== 0) throw new Error(`socket failed: ${made.stderr.toString()}`);
}

/** The bin, killed if it runs past the timeout: a regression shows as a failure, not a hang. */
const run = (args: string[], home: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home, TZ: 'UTC' }, timeout: 20_000, killSignal: 'SIGKILL' });

function record(id: string, at: number, changes: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...makeRecord({
      id, questionId: 'fx-feed', rubricId: 'fx-interview', mode: 'self', status: 'completed', startedAt: at, endedAt: at + 600_000,
      stages: [{ id: 'scope', budgetSeconds: 300, usedSeconds: 280, hintsShown: 0, notes: 'x'.repeat(200) }],
      score: { total: 50, stages: [{ checked: ['goal'], missed: [{ id: 'scale' }], score: 50 }] },
    }),
    ...changes,
  };
}

const T = Date.UTC(2026, 10, 20, 9);

describe('a history that is not a regular file', { timeout: 60_000 }, () => {
  it.each([
    ['a FIFO', (file: string) => mkfifo(file)],
    ['a character device', (file: string) => fs.symlinkSync('/dev/zero', file)],
    ['a directory', (file: string) => fs.mkdirSync(file)],
    ['a socket', (file: string) => mksocket(file)],
  ])('is %s: one clear line, exit 2, at once', (kind, make) => {
    const home = tempDir();
    const file = path.join(home, 'history.jsonl');
    make(file);
    for (const args of [['history'], ['stats'], ['export', 'last']]) {
      const result = run(args, home);
      expect(result.signal, args.join(' ')).toBeNull();
      expect([result.status, result.stdout, result.stderr]).toEqual([2, '', `mldrill: the history file ${file} is ${kind}, not a regular file; move it aside, or set MLDRILL_HOME to another directory\n`]);
    }
  });
});

describe('derived files that are not regular files are ignored, and left as they are', { timeout: 60_000 }, () => {
  it('a history index that is a FIFO or a link to /dev/zero: history and stats run without it', () => {
    for (const make of [mkfifo, (file: string) => fs.symlinkSync('/dev/zero', file)]) {
      const home = homeWith('progress.jsonl');
      const expected = run(['history', '--json'], home);
      const index = path.join(home, 'cache', 'history-index');
      fs.rmSync(index, { force: true });
      make(index);
      const kind = fs.lstatSync(index).isFIFO() ? 'isFIFO' : 'isSymbolicLink';
      for (const args of [['history', '--json'], ['stats', '--json', '--bank', PROGRESS_BANK]]) {
        const result = run(args, home);
        expect(result.signal).toBeNull();
        expect(result.status).toBe(0);
        if (args[0] === 'history') expect(result.stdout).toBe(expected.stdout);
      }
      expect(fs.lstatSync(index)[kind]()).toBe(true);
    }
  });

  it("stats' cache of its tally that is a FIFO or a link to /dev/zero: stats count afresh, every time, and leave it in place", () => {
    for (const make of [mkfifo, (file: string) => fs.symlinkSync('/dev/zero', file)]) {
      const home = homeWith('progress.jsonl');
      const args = ['stats', '--json', '--bank', PROGRESS_BANK];
      const expected = run(args, home);
      const cache = path.join(home, 'cache', 'stats-tally');
      expect(fs.existsSync(cache)).toBe(true);
      fs.rmSync(cache);
      make(cache);
      const kind = fs.lstatSync(cache).isFIFO() ? 'isFIFO' : 'isSymbolicLink';
      for (let i = 0; i < 2; i++) {
        const result = run(args, home);
        expect(result.signal).toBeNull();
        expect([result.status, result.stdout]).toEqual([0, expected.stdout]);
      }
      expect(fs.lstatSync(cache)[kind]()).toBe(true);
    }
  });

  it('a bank cache that is a FIFO or a link to /dev/zero: the bank is loaded from its files', () => {
    const home = tempDir();
    const expected = run(['daily', '--json', '--date', '2026-11-22'], home);
    expect(expected.status).toBe(0);
    const cacheDir = path.join(home, 'cache');
    const [name] = fs.readdirSync(cacheDir).filter((entry) => entry.startsWith('bank-'));
    const cache = path.join(cacheDir, name!);
    for (const make of [mkfifo, (file: string) => fs.symlinkSync('/dev/zero', file)]) {
      fs.rmSync(cache, { force: true });
      make(cache);
      const result = run(['daily', '--json', '--date', '2026-11-22'], home);
      expect(result.signal).toBeNull();
      expect([result.status, result.stdout, result.stderr]).toEqual([0, expected.stdout, '']);
      expect(fs.lstatSync(cache).isFile()).toBe(false);
    }
  });

  it('a ratings file and a checkpoint that are sockets (which cannot even be opened) are ignored like a FIFO', () => {
    const home = homeWith('progress.jsonl');
    const ratings = path.join(home, 'ratings.jsonl');
    const checkpoint = path.join(home, 'sessions', '20261122-0930-abcd.json');
    fs.mkdirSync(path.dirname(checkpoint));
    mksocket(ratings);
    mksocket(checkpoint);
    const result = run(['history', '--bank', PROGRESS_BANK], home);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/20261111-0900-bbbb/);
    expect(result.stderr).toContain(`mldrill: warning: ${ratings}: not a regular file; ratings ignored`);
    expect(result.stderr).toContain(`${checkpoint}: a socket, not a regular file; left in place`);
    expect([fs.lstatSync(ratings).isSocket(), fs.lstatSync(checkpoint).isSocket()]).toEqual([true, true]);
  });

  it('a checkpoint that is a FIFO is named and left in place', () => {
    const home = homeWith('progress.jsonl');
    const fifo = path.join(home, 'sessions', '20261122-0930-abcd.json');
    mkfifo(fifo);
    const result = run(['history', '--limit', '1'], home);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`${fifo}: a FIFO, not a regular file; left in place`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('a history larger than a string can hold', () => {
  // Small limits stand in for the real ones (16 MiB chunks, 64 MiB lines, a ~512 MiB string).
  const limits = { chunkBytes: 700, maxLineBytes: 4000 };

  it('is read line by line, a chunk at a time, as it is read whole; an overlong line is skipped', () => {
    const file = path.join(tempDir(), 'history.jsonl');
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(record(`20261120-09${String(i).padStart(2, '0')}-abcd`, T + i * 60_000)));
    // A line longer than any record, then a torn last line.
    lines.splice(7, 0, `{"junk":"${'y'.repeat(9000)}"}`);
    fs.writeFileSync(file, `${lines.join('\n')}\n{"version":1,"id":"torn`);
    const whole = parseHistory(fs.readFileSync(file, 'utf8'), file);
    const chunked = readHistory(file, limits);
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.records).toHaveLength(40);
    expect(chunked.warnings).toEqual([
      `${file}:8: longer than 4000 bytes, too long for a session record; skipped and left in place`,
      `${file}:42: the last line is incomplete (an interrupted write?); ignored and left in place`,
    ]);
    const indexed = readIndexedHistory(file, path.join(path.dirname(file), 'index'), limits);
    expect(indexed.lines.map((line) => line.id)).toEqual(whole.records.map((one) => one.id));
    expect(indexed.skipped).toEqual(chunked.warnings);
    // And again from the index it wrote, appending one more.
    fs.appendFileSync(file, `\n${JSON.stringify(record('20261121-0900-abcd', T + 86_400_000))}\n`);
    expect(readIndexedHistory(file, path.join(path.dirname(file), 'index'), limits).lines).toHaveLength(41);
  });

  it('a sparse history of no lines is one skipped line, read a chunk at a time, not a failure', () => {
    const file = path.join(tempDir(), 'history.jsonl');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 8 * 1024 * 1024);
    expect(readHistory(file, { chunkBytes: 1024 * 1024, maxLineBytes: 64 * 1024 })).toEqual({
      records: [], warnings: [`${file}:1: longer than 65536 bytes, too long for a session record; skipped and left in place`],
    });
  });
});

describe('history records out of range', () => {
  const bad: Array<[string, Partial<SessionRecord>]> = [
    ['a score over 100', { score: 2e306 }],
    ['a negative score', { score: -1 }],
    ['an unknown mode', { mode: 'robot' as SessionRecord['mode'] }],
    ['a start in 1970', { startedAt: '1970-01-01T00:00:00.000Z' }],
    ['an end after 2200', { endedAt: '2300-01-01T00:00:00.000Z' }],
    ['an id that is not a session id', { id: '../../victim' }],
    ['an id with a path in it', { id: '20261120-0901-badd/../x' }],
    ['an empty question id', { questionId: '' }],
    ['an empty rubric id', { rubricId: '' }],
    // The sanitiser keeps line breaks and tabs: such an id would print a forged row of history.
    ['a question id with a line break', { questionId: 'fx-feed\n2026-11-20 09:00  20261120-0900-fake  fx-ads  completed  100%' }],
    ['a rubric id with a tab', { rubricId: 'fx-\tinterview' }],
  ];
  const badStage: Array<[string, Record<string, unknown>]> = [
    ['negative seconds', { usedSeconds: -5 }],
    ['absurd seconds', { budgetSeconds: 1e300 }],
    ['a stage score over 100', { score: 101 }],
    ['absurd hints (export showed "1e+300 hints")', { hintsShown: 1e300 }],
    ['a fraction of a hint', { hintsShown: 1.5 }],
    ['a stage id with a line break (a forged row of stats)', { id: 'scope\n  Forged stage  100%' }],
    ['an item id with a carriage return and line feed', { checked: ['goal\r\n  forged item'] }],
  ];

  it.each([...bad, ...badStage.map(([what, stage]) => [what, { stages: [{ ...record('x', T).stages[0]!, ...stage }] }] as [string, Partial<SessionRecord>])])('skips %s with the usual warning', (_, changes) => {
    const good = record('20261120-0900-good', T);
    const text = `${JSON.stringify(record('20261120-0901-badd', T, changes))}\n${JSON.stringify(good)}\n`;
    expect(parseHistory(text, 'h')).toEqual({ records: [good], warnings: ['h:1: not a session record; skipped and left in place'] });
  });

  it('leaves a line whose id is not a session id out of history and export, with the usual warning', async () => {
    const lines = [record('20261120-0900-aaaa', T), record('../../victim', T + 60_000, { score: 90 })];
    const home = homeWith({ text: lines.map((one) => `${JSON.stringify(one)}\n`).join('') });
    const warning = `mldrill: warning: ${path.join(home, 'history.jsonl')}:2: not a session record; skipped and left in place\n`;
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['history', '--bank', PROGRESS_BANK], io)).toBe(0);
    expect(io.out()).toContain('20261120-0900-aaaa');
    expect(io.out()).not.toContain('victim');
    expect(io.err()).toBe(warning);
    const exported = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['export', '../../victim', '--bank', PROGRESS_BANK], exported)).toBe(1);
    expect(exported.err()).toContain('no session with id "../../victim"');
  });

  it('leaves them out of stats, which average only what is sane', async () => {
    const lines = [record('20261120-0900-aaaa', T), record('20261120-0901-bbbb', T + 60_000, { score: 2e306 }), record('20261120-0902-cccc', T + 120_000, { score: 70 })];
    const home = homeWith({ text: lines.map((one) => `${JSON.stringify(one)}\n`).join('') });
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['stats', '--json', '--bank', PROGRESS_BANK], io)).toBe(0);
    expect(io.out()).not.toMatch(/e\+306/);
    expect(JSON.parse(io.out())).toMatchObject({ sessions: 2, completed: 2, averageScore: 60 });
    expect(io.err()).toBe(`mldrill: warning: ${path.join(home, 'history.jsonl')}:2: not a session record; skipped and left in place\n`);
  });
});

describe('export -o writes where the user asked, and never replaces what is not a regular file', () => {
  const exportTo = async (output: string, home = homeWith('progress.jsonl')) => {
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, cwd: home });
    const code = await main(['export', '20261110-0900-aaaa', '--bank', PROGRESS_BANK, '-o', output], io);
    return { code, err: io.err() };
  };

  it('writes into a FIFO in place, for the reader at the other end', { timeout: 30_000 }, async () => {
    const fifo = path.join(tempDir(), 'out.md');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const killer = setTimeout(() => reader.kill('SIGKILL'), 20_000);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    expect((await exportTo(fifo)).code).toBe(0);
    await closed;
    clearTimeout(killer);
    expect(received).toMatch(/^# A feed of posts\n/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes through a symlink: the link stays, its target gets the document', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'real.md');
    fs.writeFileSync(target, 'old');
    const link = path.join(dir, 'link.md');
    fs.symlinkSync(target, link);
    expect((await exportTo(link)).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^# A feed of posts\n/);
    // A link to a file not there yet: the file is made through it.
    const dangling = path.join(dir, 'dangling.md');
    fs.symlinkSync(path.join(dir, 'new.md'), dangling);
    expect((await exportTo(dangling)).code).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'new.md'), 'utf8')).toMatch(/^# A feed of posts\n/);
  });

  it('past the file-size limit (ulimit -f), says so in one line, exit 2, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.md');
    const shell = `ulimit -f 1 && exec "$0" "$@"`;
    const result = spawnSync('sh', ['-c', shell, process.execPath, BIN, 'export', '20261110-0900-aaaa', '--bank', PROGRESS_BANK, '-o', file], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: homeWith('progress.jsonl'), TZ: 'UTC' }, timeout: 20_000, killSignal: 'SIGKILL' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n').filter((line) => !line.includes('warning:'))).toEqual([`mldrill: cannot write ${file}: the file would exceed the file-size limit (see ulimit -f) (EFBIG)`]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // Root may write anything: the run drops to nobody for the refusal to be the file's own, where
  // nobody can run mldrill at all (a checkout under /root cannot be read by it).
  const nobody = { uid: 65534, gid: 65534 };
  const asUser = process.getuid?.() === 0 ? nobody : {};
  const canRunAs = asUser !== nobody || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { ...nobody, timeout: 20_000 }).status === 0;
  it.skipIf(!canRunAs)('refuses a file that is read-only to the user, as > does, rather than renaming over it (exit 2, the file as it was)', () => {
    const dir = tempDir();
    const home = homeWith('progress.jsonl');
    for (const open of [dir, home]) fs.chmodSync(open, 0o777);
    const file = path.join(dir, 'kept.md');
    fs.writeFileSync(file, 'kept');
    fs.chmodSync(file, 0o444);
    if (asUser === nobody) fs.chownSync(file, nobody.uid, nobody.gid);
    const result = spawnSync(process.execPath, [BIN, 'export', '20261110-0900-aaaa', '--bank', PROGRESS_BANK, '-o', file], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home, HOME: dir, TZ: 'UTC' }, timeout: 20_000, killSignal: 'SIGKILL', ...asUser });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n').filter((line) => !line.includes('warning:'))).toEqual([`mldrill: cannot write ${file} (EACCES): it is read-only to you (chmod u+w it) or another user's; nothing was written`]);
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir)).toEqual(['kept.md']);
  });

  it('keeps the mode of a file it replaces', async () => {
    const file = path.join(tempDir(), 'private.md');
    fs.writeFileSync(file, 'old', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    expect((await exportTo(file)).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# A feed of posts\n/);
  });

  it('the atomic writer refuses to rename over a FIFO or a directory, leaving it and no temporary file', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'fifo');
    mkfifo(fifo);
    fs.mkdirSync(path.join(dir, 'sub'));
    expect(() => writeFileAtomic(fifo, 'x')).toThrow(NotRegularError);
    expect(() => writeFileAtomic(path.join(dir, 'sub'), 'x')).toThrow('is a directory, not a regular file');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['fifo', 'sub']);
  });
});

describe('session ids are never trusted as paths', () => {
  const live = (id: string, state: unknown = startSession(planStages([{ id: 'clarify', title: 'Clarify', goal: 'Scope it.', minutes: 5 }]), Date.UTC(2026, 10, 22, 9, 30))): LiveSession<SessionState> => ({
    version: 1, id, questionId: 'fx-feed', rubricId: 'fx-interview', mode: 'self', minutes: null, strict: false, paused: false,
    state: state as SessionState, savedAt: '2026-11-22T09:30:00.000Z',
  });

  it("a checkpoint whose id is ../../victim is skipped: resume touches nothing outside the state directory", async () => {
    const root = tempDir();
    const home = path.join(root, 'a', 'home');
    const victim = path.join(root, 'a', 'victim.json');
    fs.mkdirSync(path.join(home, 'sessions'), { recursive: true });
    fs.writeFileSync(victim, 'precious');
    const checkpoint = path.join(home, 'sessions', '20261122-0930-abcd.json');
    fs.writeFileSync(checkpoint, JSON.stringify(live('../../victim')));
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err()).toBe(`mldrill: ${checkpoint}: holds a session whose id is not 20261122-0930-abcd; left in place\nmldrill: there is no interrupted session to resume\n`);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.existsSync(checkpoint)).toBe(true);
  });

  // A checkpoint is a file anyone may have edited: a field of the wrong kind crashed the resumed
  // drill with an internal error (exit 2), and the notes in it could never be resumed.
  it.each([
    ['a diagram that is a number', { diagram: 123 }],
    ['a pad line that is a mapping', { padLine: { a: 1 } }],
    ['exchanges that are text', { exchanges: 'x' }],
    ['an exchange with no answer', { exchanges: [{ stageId: 'clarify', asked: 5, answer: null, factId: null }] }],
    ['notes that are a list', { progress: [{ usedMs: 0, hintsShown: 0, notes: ['a'], ticked: [] }] }],
    ['a stage index past the plan', { current: 7 }],
    // Out of a record's range: resumed, they showed a clock of 1e296 hours, or ended as a record
    // every reader skips (a start in 1970 or in year -271821).
    ['a budget of 1e300 seconds', { plan: [{ id: 'clarify', title: 'Clarify', goal: 'Scope it.', budgetSeconds: 1e300 }] }],
    ['negative time used', { progress: [{ usedMs: -1e18, hintsShown: 0, notes: 'kept', ticked: [] }] }],
    ['a fraction of a hint', { progress: [{ usedMs: 0, hintsShown: 1.5, notes: 'kept', ticked: [] }] }],
    // Saved as the record's hintsShown, which every reader skips past 1000 (export showed "1e+300 hints").
    ['1e300 hints', { progress: [{ usedMs: 0, hintsShown: 1e300, notes: 'kept', ticked: [] }] }],
    ['a start in 1970', { startedAt: 0 }],
    ['a start before any calendar', { startedAt: -8.64e15 }],
    ['a clock running since year 2300', { runningSince: Date.UTC(2300, 0, 1) }],
    // The record's curveball is thrown at shownAtSeconds: past a year, every reader skipped it.
    ['a curveball shown 1e300 seconds in', { curveball: { stage: 0, atSeconds: 30, text: 'What if traffic doubles?', shownAtSeconds: 1e300 } }],
    ['a curveball due 1e300 seconds in', { curveball: { stage: 0, atSeconds: 1e300, text: 'What if traffic doubles?', shownAtSeconds: null } }],
  ])('a checkpoint with %s is left in place with a warning, never resumed into a crash', async (_name, change) => {
    const home = tempDir();
    const good = live('20261122-0930-abcd');
    saveLive(home, live('20261122-0931-bad0', { ...good.state, ...change }));
    const checkpoint = path.join(home, 'sessions', '20261122-0931-bad0.json');
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err()).toBe(`mldrill: ${checkpoint}: not a saved session (a field is missing, of the wrong kind or out of range); left in place\nmldrill: there is no interrupted session to resume\n`);
    expect(fs.existsSync(checkpoint)).toBe(true);
    saveLive(home, good);
    expect(listLive(home, isSessionState).sessions.map((session) => session.id)).toEqual(['20261122-0930-abcd']);
  });

  it.each([
    ['a question id with a line break', { questionId: 'fx-feed\n2026-11-22 09:00  20261122-0900-fake  fx-ads  self  completed  100%' }],
    ['a rubric id with a tab', { rubricId: 'fx-\tinterview' }],
    ['ticks given with a line break', { assessed: [['goal\n  forged']] }],
  ])('a checkpoint with %s (history would list it as a forged row) is left in place with a warning, as a record would be', async (_name, change) => {
    const home = tempDir();
    saveLive(home, { ...live('20261122-0931-bad0'), ...change });
    const checkpoint = path.join(home, 'sessions', '20261122-0931-bad0.json');
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['history', '--bank', PROGRESS_BANK], io)).toBe(0);
    expect(io.err()).toMatch(new RegExp(`^mldrill: warning: ${checkpoint}: not a saved session \\(a field is missing, of the wrong kind or out of range\\); left in place\nNo sessions yet`));
    expect(io.out()).not.toMatch(/fake|forged|20261122-0931-bad0/);
    expect(fs.existsSync(checkpoint)).toBe(true);
  });

  it.each([
    ['question', { questionId: 'no-such-question' }, 'question "no-such-question"'],
    ['rubric', { questionId: 'also-bought', rubricId: 'no-such-rubric' }, 'rubric "no-such-rubric"'],
  ])('a session whose %s has left the bank is said to be so, and its checkpoint kept (exit 1)', async (_what, change, named) => {
    const home = tempDir();
    saveLive(home, { ...live('20261122-0930-gone'), ...change });
    const checkpoint = path.join(home, 'sessions', '20261122-0930-gone.json');
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err()).toBe(`mldrill: session 20261122-0930-gone was drilled with the ${named}, which is not in the bank now; if it came from --bank DIR or MLDRILL_BANK, resume with the same (mldrill resume 20261122-0930-gone --bank DIR), else once its file is back; its checkpoint ${checkpoint} is left in place\n`);
    expect(fs.existsSync(checkpoint)).toBe(true);
  });

  it('names no checkpoint file after anything but a session id', () => {
    const home = tempDir();
    for (const id of ['../../victim', '20261122-0930-abcd/../../x', '', '.']) {
      expect(() => saveLive(home, live(id))).toThrow('is not a session id');
      expect(() => removeLive(home, id)).toThrow('is not a session id');
    }
    saveLive(home, live('20261122-0930-abcd'));
    fs.writeFileSync(path.join(home, 'sessions', 'notes.json'), '{}');
    expect(listLive(home, isSessionState)).toEqual({
      sessions: [live('20261122-0930-abcd')],
      warnings: [`${path.join(home, 'sessions', 'notes.json')}: not named after a session id; left in place`],
    });
  });

  it('without a terminal, resume reports a wrong id as a wrong id (exit 1), and a right one as needing a terminal (exit 2)', async () => {
    const home = tempDir();
    saveLive(home, live('20261122-0930-abcd'));
    const wrong = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main(['resume', 'zzz'], wrong)).toBe(1);
    expect(wrong.err()).toMatch(/^mldrill: no resumable session with id "zzz"/);
    const right = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main(['resume', '20261122'], right)).toBe(2);
    expect(right.err()).toMatch(/resume is interactive and needs a terminal/);
    const none = fakeIo({ env: { MLDRILL_HOME: tempDir() } });
    expect(await main(['resume'], none)).toBe(1);
    expect(none.err()).toBe('mldrill: there is no interrupted session to resume\n');
  });

  it('resume of a session that was completed, or abandoned with no checkpoint left, says so, not "no resumable session" (exit 1)', async () => {
    const home = tempDir();
    appendRecord(path.join(home, 'history.jsonl'), record('20261122-0930-done', Date.UTC(2026, 10, 22, 9, 30)));
    appendRecord(path.join(home, 'history.jsonl'), record('20261123-0930-gone', Date.UTC(2026, 10, 23, 9, 30), { status: 'abandoned', score: null }));
    for (const tty of [true, false]) {
      const done = fakeIo({ env: { MLDRILL_HOME: home }, tty });
      expect(await main(['resume', '20261122-0930-done'], done)).toBe(1);
      expect(done.err()).toBe('mldrill: session 20261122-0930-done was completed (50%), so there is nothing to resume; mldrill export 20261122-0930-done shows it, and mldrill drill fx-feed drills the question again\n');
    }
    const gone = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume', '20261123'], gone)).toBe(1);
    expect(gone.err()).toBe('mldrill: session 20261123-0930-gone was abandoned and its checkpoint is gone, so there is nothing to resume; mldrill export 20261123-0930-gone shows it, and mldrill drill fx-feed drills the question again\n');
    const unknown = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume', '2027'], unknown)).toBe(1);
    expect(unknown.err()).toBe('mldrill: no resumable session with id "2027"; there is no interrupted session to resume\n');
    // A start of both recorded ids, neither resumable: not "give more of the id", which no more of it would help.
    const both = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume', '2026112'], both)).toBe(1);
    expect(both.err()).toBe('mldrill: no resumable session with id "2026112"; there is no interrupted session to resume\n');
    saveLive(home, live('20261201-0930-open'));
    const other = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume', '2026112'], other)).toBe(1);
    expect(other.err()).toMatch(/^mldrill: no resumable session with id "2026112"; .*20261201-0930-open/);
  });

  it("resuming a session of a question from a bank not loaded now says so and how to load it, not 'run mldrill list'", async () => {
    const home = tempDir();
    saveLive(home, live('20261122-0930-abcd'));
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err()).toBe(`mldrill: session 20261122-0930-abcd was drilled with the question "fx-feed", which is not in the bank now; if it came from --bank DIR or MLDRILL_BANK, resume with the same (mldrill resume 20261122-0930-abcd --bank DIR), else once its file is back; its checkpoint ${path.join(home, 'sessions', '20261122-0930-abcd.json')} is left in place\n`);
    expect(fs.existsSync(path.join(home, 'sessions', '20261122-0930-abcd.json'))).toBe(true);
  });

  it.each([
    ['question file has errors', 'questions/recommendation/fx-feed.yaml', 'question "fx-feed" was left out: its file'],
    ["question's rubric file has errors", 'rubrics/fx-interview.yaml', `question "fx-feed" was left out with its rubric "fx-interview": the rubric's file`],
  ])('resuming a session whose %s says the file was left out for them (as drill says it), not that the question left the bank', async (_what, broken, said) => {
    const home = tempDir();
    const bank = path.join(tempDir(), 'bank');
    fs.cpSync(PROGRESS_BANK, bank, { recursive: true });
    fs.appendFileSync(path.join(bank, broken), 'title: [never closed\n');
    saveLive(home, { ...live('20261122-0930-abcd'), bank: [bank] });
    const checkpoint = path.join(home, 'sessions', '20261122-0930-abcd.json');
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err().split('\n').at(-2)).toBe(`mldrill: session 20261122-0930-abcd cannot be resumed: ${said} ${path.join(bank, broken)} has the errors above; fix them and run mldrill resume 20261122-0930-abcd again (its checkpoint ${checkpoint} is left in place)`);
    expect(fs.existsSync(checkpoint)).toBe(true);
  });

  it('a checkpoint that outlived its completed session (its removal failed) is neither marked resumable nor resumed', async () => {
    const home = tempDir();
    appendRecord(path.join(home, 'history.jsonl'), record('20261122-0930-abcd', Date.UTC(2026, 10, 22, 9, 30)));
    saveLive(home, live('20261122-0930-abcd'));
    const listed = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['history', '--json'], listed)).toBe(0);
    expect(JSON.parse(listed.out())).toMatchObject([{ id: '20261122-0930-abcd', status: 'completed', resumable: false }]);
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['resume'], io)).toBe(1);
    expect(io.err()).toBe('mldrill: there is no interrupted session to resume\n');
    // An interrupted session beside it is still the one resumed.
    saveLive(home, live('20261122-0931-efgh'));
    expect(await main(['resume', '20261122-0930-abcd'], fakeIo({ env: { MLDRILL_HOME: home } }))).toBe(1);
    expect(await main(['resume', 'last'], fakeIo({ env: { MLDRILL_HOME: home } }))).toBe(2); // found; needs a terminal
  });

  it('a session drilled right now in another terminal is in progress: history does not call it resumable, and resume refuses to run it twice', async () => {
    const home = tempDir();
    const id = '20261122-0930-abcd';
    // The checkpoint as another mldrill on this machine writes it: its own process id (a live child here).
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    saveLive(home, { ...live(id), pid: other.pid!, host: os.hostname() });
    try {
      const listed = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
      expect(await main(['history', '--json'], listed)).toBe(0);
      expect(JSON.parse(listed.out())).toMatchObject([{ id, status: 'in progress', resumable: false, endedAt: null }]);
      for (const args of [['resume'], ['resume', id]]) {
        const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
        expect(await main(args, io)).toBe(1);
        expect(io.err()).toBe(`mldrill: session ${id} is being drilled right now in another terminal (process ${other.pid}); carry on there, or end it (Ctrl-C saves it) and resume it then\n`);
      }
      // The same process id on another machine (a shared home directory) says nothing of this one's processes.
      saveLive(home, { ...live(id), pid: other.pid!, host: `not-${os.hostname()}` });
      const elsewhere = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
      expect(await main(['history', '--json'], elsewhere)).toBe(0);
      expect(JSON.parse(elsewhere.out())).toMatchObject([{ id, status: 'interrupted', resumable: true, endedAt: expect.stringMatching(/^2026-.*Z$/) as string }]);
      saveLive(home, { ...live(id), pid: other.pid!, host: os.hostname() });
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    // A checkpoint dated far ahead (a clock set back since) says nothing of a process that lives now.
    const other2 = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      saveLive(home, { ...live(id), pid: other2.pid!, host: os.hostname() });
      const ahead = new Date(Date.now() + 3_600_000);
      fs.utimesSync(path.join(home, 'sessions', `${id}.json`), ahead, ahead);
      const future = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
      expect(await main(['history', '--json'], future)).toBe(0);
      expect(JSON.parse(future.out())).toMatchObject([{ id, status: 'interrupted', resumable: true }]);
    } finally {
      other2.kill();
      await new Promise((resolve) => other2.once('exit', resolve));
    }
    // Its process gone (a crash, kill -9), the session is interrupted and resumable again.
    const after = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['history', '--json'], after)).toBe(0);
    expect(JSON.parse(after.out())).toMatchObject([{ id, status: 'interrupted', resumable: true }]);
    // This process's own checkpoint never counts as another terminal's.
    saveLive(home, { ...live(id), pid: process.pid, host: os.hostname() });
    const own = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['history', '--json'], own)).toBe(0);
    expect(JSON.parse(own.out())).toMatchObject([{ id, status: 'interrupted', resumable: true }]);
  });

  it('a start of an id that names a running session and an interrupted one is ambiguous, not the running one', async () => {
    const home = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    saveLive(home, { ...live('20261122-0930-abcd'), pid: other.pid!, host: os.hostname() });
    saveLive(home, live('20261122-0945-efgh'));
    try {
      const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
      expect(await main(['resume', '20261122'], io)).toBe(1);
      expect(io.err()).toBe('mldrill: "20261122" starts 2 session ids (20261122-0930-abcd, 20261122-0945-efgh); give more of the id\n');
      // The interrupted one, named, is found: only a terminal is missing.
      const named = fakeIo({ env: { MLDRILL_HOME: home } });
      expect(await main(['resume', '20261122-0945'], named)).toBe(2);
      expect(named.err()).not.toContain('another terminal');
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('resume takes a unique start of an id, as export does, and says when a start is ambiguous', () => {
    const sessions = [live('20261122-0930-abcd'), live('20261122-0945-efgh'), live('20261121-0800-ijkl')];
    expect(pickLive(sessions, '20261121').id).toBe('20261121-0800-ijkl');
    expect(pickLive(sessions, '20261122-0945').id).toBe('20261122-0945-efgh');
    expect(() => pickLive(sessions, '20261122')).toThrow('"20261122" starts 2 session ids (20261122-0930-abcd, 20261122-0945-efgh); give more of the id');
    expect(() => pickLive(sessions, '../')).toThrow('no resumable session with id "../"');
  });
});

describe('appending to a history that is not a regular file', () => {
  it('is refused before a byte is written, and does not wait for a reader of a FIFO', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'history.jsonl');
    mkfifo(fifo);
    expect(() => appendRecord(fifo, record('20261120-0900-abcd', T))).toThrow(`${fifo} is a FIFO, not a regular file`);
    expect(fs.readdirSync(dir)).toEqual(['history.jsonl']);
  });
});

describe('a lock that is a directory', () => {
  it('is named in the error, at once, and nothing is moved aside or left behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'history.jsonl');
    const lock = lockFileFor(file);
    fs.mkdirSync(lock);
    // Old enough to look stale, so the breaking path is taken too.
    fs.utimesSync(lock, new Date(T), new Date(T));
    expect(() => appendRecord(file, record('20261120-0900-abcd', T))).toThrow(`the lock ${lock} is a directory, not a lock file; if no mldrill is running, remove it`);
    expect(fs.readdirSync(dir)).toEqual(['history.jsonl.lock']);
    expect(fs.statSync(lock).isDirectory()).toBe(true);
  });
});

describe('a state directory that cannot be made', () => {
  // Under /proc an existing directory refuses children with ENOENT, and Node's recursive
  // mkdirSync goes on trying to make it forever.
  const procfs = fs.existsSync('/proc/1');

  it.skipIf(!procfs)('under /proc: the scripting commands still answer, and drill says it cannot write there, without a hang', () => {
    const env = { PATH: process.env.PATH!, MLDRILL_HOME: '/proc/1/mldrill-state', NO_COLOR: '1' };
    const daily = spawnSync(process.execPath, [BIN, 'daily', '--plain', '--date', '2026-12-07'], { encoding: 'utf8', env, timeout: 20_000 });
    expect([daily.status, daily.signal, daily.stderr]).toEqual([0, null, '']);
    expect(daily.stdout).not.toBe('');
    const history = spawnSync(process.execPath, [BIN, 'history'], { encoding: 'utf8', env, timeout: 20_000 });
    expect([history.status, history.signal]).toEqual([0, null]);
    const drill = spawnSync(process.execPath, [BIN, 'drill', 'newsfeed-ranking'], { encoding: 'utf8', env, timeout: 20_000 });
    expect(drill.signal).toBe(null);
    expect(drill.stderr).toMatch(/^mldrill: (cannot write to the state directory \/proc\/1\/mldrill-state \(ENOENT\)|.*needs a terminal)/);
  });

  it('makes every missing parent, is quiet when the directory is there, and names what is in the way', () => {
    const root = tempDir();
    makeDirectory(path.join(root, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDirectory(path.join(root, 'a', 'b', 'c'));
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() => makeDirectory(path.join(root, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDirectory(path.join(root, 'file', 'under'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    if (procfs) expect(() => makeDirectory('/proc/1/mldrill-state/cache')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
