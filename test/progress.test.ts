// history, and the store's guarantees seen through the commands: in-process, and spawned for
// real time zones and pipes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import { ESCAPES, homeWith, PROGRESS_BANK, progressWarnings } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';

const NOW = Date.UTC(2026, 10, 17, 12);

async function run(args: string[], options: { home?: string; env?: Record<string, string>; tty?: boolean } = {}) {
  const home = options.home ?? homeWith('progress.jsonl');
  const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC', ...options.env }, now: NOW, tty: options.tty });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err(), home };
}

describe('mldrill history', () => {
  it('lists sessions newest first with local time, id, question, mode, status, score and minutes', async () => {
    const { code, out, err, home } = await run(['history']);
    expect(code).toBe(0);
    expect(out).toBe([
      'When              Session             Question       Mode  Status     Score    Time',
      '2026-11-16 09:00  20261116-0900-ffff  gone-question  self  completed   25%   15 min',
      '2026-11-15 09:00  20261115-0900-eeee  fx-feed        self  completed   80%   16 min',
      '2026-11-13 09:00  20261113-0900-dddd  fx-spam        self  completed   75%   20 min',
      '2026-11-12 20:00  20261112-2000-cccc  fx-feed        self  abandoned     -    2 min',
      '2026-11-11 09:00  20261111-0900-bbbb  fx-ads         self  completed   50%   15 min',
      '2026-11-10 09:00  20261110-0900-aaaa  fx-feed        self  completed   40%   16 min',
      '',
    ].join('\n'));
    expect(err.trim().split('\n')).toEqual(progressWarnings(home));
  });

  it('shows the local date and time of the reader’s zone', async () => {
    const { out } = await run(['history', '--limit', '1'], { env: { TZ: 'America/Los_Angeles' } });
    expect(out.split('\n')[1]).toMatch(/^2026-11-16 01:00  20261116-0900-ffff/);
  });

  it('limits the list and says how many there are', async () => {
    const { out, err } = await run(['history', '--limit', '2']);
    expect(out.trim().split('\n')).toHaveLength(3);
    expect(err.trim().split('\n').at(-1)).toBe('2 of 6 sessions; --limit 0 shows all');
  });

  it('prints JSON for scripts', async () => {
    const { code, out } = await run(['history', '--json', '--limit', '2']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: '20261116-0900-ffff', localStart: '2026-11-16 09:00', startedAt: '2026-11-16T09:00:00.000Z', endedAt: '2026-11-16T09:15:00.000Z', questionId: 'gone-question', rubricId: 'fx-interview', mode: 'self', status: 'completed', score: 25, usedSeconds: 900, budgetSeconds: 900, resumable: false, aiScore: null },
      { id: '20261115-0900-eeee', localStart: '2026-11-15 09:00', startedAt: '2026-11-15T09:00:00.000Z', endedAt: '2026-11-15T09:20:00.000Z', questionId: 'fx-feed', rubricId: 'fx-interview', mode: 'self', status: 'completed', score: 80, usedSeconds: 960, budgetSeconds: 900, resumable: false, aiScore: null },
    ]);
  });

  it('colours only on a terminal', async () => {
    expect((await run(['history'], { tty: true, env: { TERM: 'xterm-256color' } })).out).toMatch(ESCAPES);
    expect((await run(['history'], { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(ESCAPES);
  });

  it('lists a history of 130,000 sessions whole under --limit 0, and exports a note of as many backtick runs', { timeout: 60_000 }, async () => {
    // Past what a spread into Math.max can take (some 120,000 values), which used to end both in
    // "internal error: Maximum call stack size exceeded".
    const [first] = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'history', 'progress.jsonl'), 'utf8').split('\n');
    const record = JSON.parse(first!);
    const count = 130_000;
    // Small records (one stage, no notes), so that the test spends its time in the table.
    const lean = { ...record, stages: [{ ...record.stages[0], notes: '', checked: [], missed: [] }] };
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000);
      const id = `${at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-${i.toString(36).padStart(4, '0')}`;
      lines.push(JSON.stringify({ ...lean, id, startedAt: at.toISOString(), endedAt: new Date(at.getTime() + 960_000).toISOString() }));
    }
    const home = homeWith({ text: `${lines.join('\n')}\n` });
    const { code, out, err } = await run(['history', '--limit', '0'], { home });
    expect([code, err]).toEqual([0, '']);
    const rows = out.trim().split('\n');
    expect(rows).toHaveLength(count + 1);
    expect(rows[1]).toMatch(/^2014-10-30 15:00  20141030-1500-2sb3  fx-feed /);
    expect(rows.at(-1)).toMatch(/^2000-01-01 00:00  20000101-0000-0000  fx-feed /);
    // A note of as many backtick runs, exported in a fence longer than each of them.
    const ticks = '`` '.repeat(count).trimEnd();
    const notes = { ...record, stages: [{ ...record.stages[0], notes: `${ticks}\n` }, record.stages[1]] };
    const exported = await run(['export', 'last', '--bank', PROGRESS_BANK], { home: homeWith({ text: `${JSON.stringify(notes)}\n` }) });
    expect([exported.code, exported.err]).toEqual([0, '']);
    expect(exported.out.includes(`\n\`\`\`text\n${ticks}\n\`\`\`\n`)).toBe(true);
  });

  it('says there is nothing yet without a history', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const { code, out, err } = await run(['history'], { home });
    expect([code, out, err]).toEqual([0, '', "No sessions yet; run 'mldrill drill' to practise one.\n"]);
    expect(JSON.parse((await run(['history', '--json'], { home })).out)).toEqual([]);
  });

  it('says so when the state directory is a file, or lies under one, rather than "no sessions yet" (exit 2)', async () => {
    const file = path.join(homeWith({ text: '' }), 'history.jsonl');
    for (const home of [file, path.join(file, 'x')]) {
      for (const args of [['history'], ['stats'], ['next'], ['export', 'last']]) {
        const { code, out, err } = await run(args, { home });
        expect([code, out, err], args.join(' ')).toEqual([2, '', `mldrill: the state directory ${home} is not a directory; set MLDRILL_HOME to a directory, or move the file aside\n`]);
      }
    }
  });

  it('rejects a bad --limit (exit 2)', async () => {
    const { code, err } = await run(['history', '--limit', 'many']);
    expect(code).toBe(2);
    expect(err).toMatch(/expected a whole number/);
  });
});

describe('the store, through the commands', () => {
  it('every command that reads the history names each skipped line once on stderr, and leaves the file alone', async () => {
    const home = homeWith('progress.jsonl');
    const before = fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8');
    for (const args of [['history'], ['history', '--json'], ['stats', '--bank', PROGRESS_BANK], ['next', '--bank', PROGRESS_BANK], ['export', 'last', '--bank', PROGRESS_BANK]]) {
      const { code, err } = await run(args, { home });
      expect(code, args.join(' ')).toBe(0);
      expect(err.trim().split('\n').slice(0, 3), args.join(' ')).toEqual(progressWarnings(home));
    }
    expect(fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8')).toBe(before);
  });

  it('refuses to start a drill when the state directory cannot be written (exit 2), naming it and the ways out', async () => {
    // Under a regular file, so that it fails even for root, where permissions do not.
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-')), 'a-file');
    fs.writeFileSync(blocker, '');
    const stateDir = path.join(blocker, 'state');
    const io = fakeIo({ env: { MLDRILL_HOME: stateDir }, tty: true });
    expect(await main(['drill', '--random'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(`mldrill: the state directory ${stateDir} is not a directory; set MLDRILL_HOME to a directory, move the file aside, or pass --no-save\n`);
  });

  it('refuses to start a saved drill when the clock is outside the years a record may be dated in (exit 2), rather than saving a record every reader skips', async () => {
    for (const now of [Date.UTC(1999, 5, 1, 10), Date.UTC(2201, 0, 1)]) {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-'));
      const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true, now });
      expect(await main(['drill', '--random'], io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toBe(`mldrill: the clock reads ${new Date(now).toISOString()}, outside the years 2000-2200 that a saved session may be dated in; set the system's clock to the date, or drill with --no-save\n`);
      expect(fs.existsSync(path.join(home, 'history.jsonl'))).toBe(false);
    }
    const pinned = fakeIo({ env: { MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-')), MLDRILL_NOW: '1999-06-01T10:00:00Z' }, tty: true, now: Date.UTC(1999, 5, 1, 10) });
    expect(await main(['drill', '--random'], pinned)).toBe(2);
    expect(pinned.err()).toContain('; set MLDRILL_NOW to the date, or drill with --no-save\n');
  });

  it('refuses to start a drill when the history is not a regular file (exit 2), rather than refusing the record at the end', async () => {
    for (const [kind, make] of [['a directory', (file: string) => fs.mkdirSync(file)], ['a FIFO', (file: string) => spawnSync('mkfifo', [file])]] as const) {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-'));
      const file = path.join(home, 'history.jsonl');
      make(file);
      const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
      expect(await main(['drill', '--random'], io), kind).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toBe(`mldrill: the history file ${file} is ${kind}, not a regular file; move it aside, or set MLDRILL_HOME to another directory\n`);
    }
  });

  it('refuses to start a drill when the history file cannot be written (exit 2), rather than refusing the record at the end', async () => {
    const home = homeWith('progress.jsonl');
    const file = path.join(home, 'history.jsonl');
    // access(W_OK) fails as it does for a non-root user on a chmod 444 file (root may write anyway).
    const access = fs.accessSync;
    const spy = vi.spyOn(fs, 'accessSync').mockImplementation((target, mode) => {
      if (path.resolve(String(target)) === file && mode === fs.constants.W_OK) throw Object.assign(new Error(`EACCES: permission denied, access '${file}'`), { code: 'EACCES' });
      return access(target, mode);
    });
    try {
      const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
      expect(await main(['drill', '--random'], io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toBe(`mldrill: cannot write to the history file ${file} (EACCES); fix its permissions, set MLDRILL_HOME to another directory, or pass --no-save\n`);
    } finally {
      spy.mockRestore();
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a drill over a real chmod 444 history too (skipped as root, who may write it)', async () => {
    const home = homeWith('progress.jsonl');
    const file = path.join(home, 'history.jsonl');
    fs.chmodSync(file, 0o444);
    const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
    expect(await main(['drill', '--random'], io)).toBe(2);
    expect(io.err()).toBe(`mldrill: cannot write to the history file ${file} (EACCES); fix its permissions, set MLDRILL_HOME to another directory, or pass --no-save\n`);
  });

  it('offers --no-save only to the command that has it', async () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-')), 'a-file');
    fs.writeFileSync(blocker, '');
    const io = fakeIo({ env: { MLDRILL_HOME: blocker }, tty: true });
    expect(await main(['resume'], io)).toBe(2);
    expect(io.err()).toBe(`mldrill: the state directory ${blocker} is not a directory; set MLDRILL_HOME to a directory, or move the file aside\n`);
    const drill = fakeIo({ env: { MLDRILL_HOME: blocker }, tty: true });
    // A global option first: the command is still known.
    expect(await main(['--bank', fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-bank-')), 'drill', '--random'], drill)).toBe(2);
    expect(drill.err()).toBe(`mldrill: the state directory ${blocker} is not a directory; set MLDRILL_HOME to a directory, move the file aside, or pass --no-save\n`);
  });

  it('says so when a folder on the way to the state directory is a file, as the reading commands do', async () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-')), 'a-file');
    fs.writeFileSync(blocker, '');
    const home = path.join(blocker, 'state');
    for (const argv of [['history'], ['drill', '--random']]) {
      const io = fakeIo({ env: { MLDRILL_HOME: home }, tty: true });
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^mldrill: the state directory ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a directory; set MLDRILL_HOME to a directory, (or )?move the file aside`));
    }
  });
});

describe('spawned, with a real TZ and a pipe', () => {
  const spawnRun = (args: string[], home: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home, TERM: 'xterm-256color', ...env }, timeout: 20_000 });

  it('counts streaks in the local days of TZ', () => {
    const home = homeWith('midnight.jsonl');
    const streaks = (TZ: string) => {
      const result = spawnRun(['stats', '--json', '--bank', PROGRESS_BANK], home, { TZ });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      const { longest, days } = JSON.parse(result.stdout).streaks;
      return { longest, days };
    };
    expect(streaks('America/Los_Angeles')).toEqual({ longest: 4, days: 4 });
    expect(streaks('Asia/Tokyo')).toEqual({ longest: 2, days: 3 });
  });

  it('shows history in local time, with no escape codes in a pipe, and warnings on stderr', () => {
    const home = homeWith('progress.jsonl');
    const result = spawnRun(['history', '--limit', '1'], home, { TZ: 'Asia/Tokyo' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toMatch(/^2026-11-16 18:00  20261116-0900-ffff  gone-question/);
    expect(result.stdout).not.toMatch(ESCAPES);
    expect(result.stderr).toContain('written by a newer mldrill (record version 2, this one reads up to 1)');
  });

  it('charts nothing and colours nothing when stats goes to a pipe', () => {
    const result = spawnRun(['stats', '--bank', PROGRESS_BANK], homeWith('progress.jsonl'), { TZ: 'UTC' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Coverage by stage');
    expect(result.stdout).not.toMatch(ESCAPES);
    expect(result.stdout).not.toMatch(/[█░▁▂▃▄▅▆▇]/);
  });
});
