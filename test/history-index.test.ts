// The history index (cache/history-index): a derived cache that must never change what any
// command shows. Each test compares reads through the index with a fresh read of the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { appendRecord } from '../src/store/append.js';
import { everySession, latestSessions } from '../src/store/history.js';
import { statsOf } from '../src/score/stats.js';
import { readHistoryTally } from '../src/app/stats-tally.js';
import { readIndexedHistory, readNewestSessions } from '../src/store/history-index.js';
import { makeRecord, type SessionRecord } from '../src/store/record.js';
import { fakeIo } from './helpers/fake-io.js';
import { computeStats, homeWith, latestRecords, NO_BANK, parseHistory, scanText, PROGRESS_BANK, tallyOf } from './helpers/history.js';

const NOW = Date.UTC(2026, 10, 17, 12);

const record = (id: string, day: number, score = 50) =>
  makeRecord({
    id, questionId: 'fx-feed', rubricId: 'fx-interview', mode: 'self', status: 'completed',
    startedAt: Date.UTC(2026, 10, day, 9), endedAt: Date.UTC(2026, 10, day, 9, 40),
    stages: [{ id: 'clarify', budgetSeconds: 300, usedSeconds: 290, hintsShown: 1, notes: `notes of ${id}` }],
    score: { total: score, stages: [{ checked: ['goal'], missed: [{ id: 'scale' }], score }] },
  });

const summary = ({ version: _version, curveballs: _curveballs, stages, ...rest }: SessionRecord) => ({
  ...rest, stages: stages.map(({ notes: _notes, hintsShown: _hints, ...stage }) => stage),
});

const STATS = { now: NOW, timeZone: 'UTC' };

/**
 * Every session and warning, and the stats, through the index at indexFile. Unless other
 * processes are appending meanwhile, stats' own path is read too, and must agree.
 */
function throughIndex(file: string, indexFile: string, settled = true) {
  const read = readIndexedHistory(file, indexFile);
  const all = everySession(read.lines, read.warnings, read.decode);
  const latest = latestSessions(read.lines, read.warnings, read.decode, 2);
  expect(read.skipped).toEqual(all.warnings);
  const stats = statsOf(tallyOf(all.records), NO_BANK, STATS);
  if (settled) {
    // Stats' own cache of the tally: counted (or read) once, then read alone while nothing is appended.
    for (let run = 0; run < 2; run++) {
      const tallied = readHistoryTally(file, indexFile, statsCache(indexFile));
      expect(tallied.skipped).toEqual(all.warnings);
      expect(statsOf(tallied.tally, NO_BANK, STATS)).toEqual(stats);
    }
    // And `history` its head and the bodies shown, when it can.
    for (const limit of [1, 2, 3]) {
      const newest = readNewestSessions(file, indexFile, limit);
      if (newest) expect(newest).toEqual(latestSessions(read.lines, read.warnings, read.decode, limit));
    }
  }
  return { records: all.records, warnings: all.warnings, latest: latest.records.map((r) => r.id), total: latest.total, stats };
}

/** The same from the file itself, as mldrill read it before the index. */
function fresh(file: string) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const read = parseHistory(text, file);
  const byStart = [...read.records].reverse().sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return {
    records: read.records.map(summary), warnings: read.warnings, latest: byStart.slice(0, 2).map((r) => r.id),
    // Sessions whose lines look like records, decoded or not: what `history` counts.
    total: latestRecords(scanText(text, file), file, 2).total,
    stats: computeStats(read.records, NO_BANK, STATS),
  };
}

/** A state directory with an empty history: its home, history file and index file. */
function emptyHome(home = homeWith({ text: '' })) {
  return { home, file: path.join(home, 'history.jsonl'), indexFile: path.join(home, 'cache', 'history-index') };
}

const statsCache = (indexFile: string) => path.join(path.dirname(indexFile), 'stats-tally');

const indexHeader = (indexFile: string) => JSON.parse(fs.readFileSync(indexFile, 'utf8').split('\n')[0]!) as unknown[];

async function run(args: string[], home: string) {
  const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: NOW });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const COMMANDS = [['history', '--limit', '0'], ['history', '--json'], ['stats', '--json', '--bank', PROGRESS_BANK], ['next', '--json', '--bank', PROGRESS_BANK], ['export', 'last', '--bank', PROGRESS_BANK]];

/** What every progress command prints, with the index as it is, and again without one. */
async function outputs(home: string) {
  const results = [];
  for (const args of COMMANDS) results.push(await run(args, home));
  return results;
}

async function withoutIndex(home: string) {
  const copy = fs.mkdtempSync(path.join(path.dirname(home), 'mldrill-copy-'));
  fs.copyFileSync(path.join(home, 'history.jsonl'), path.join(copy, 'history.jsonl'));
  const results = await outputs(copy);
  // Messages name the history file: name this one's instead.
  return JSON.parse(JSON.stringify(results).replaceAll(copy, home)) as typeof results;
}

describe('the history index', () => {
  it('is written under cache/, and every command shows exactly what a fresh read shows, warnings included, on every run', async () => {
    const home = homeWith('progress.jsonl');
    const expected = await withoutIndex(home);
    expect(await outputs(home)).toEqual(expected);
    expect(fs.readdirSync(path.join(home, 'cache'))).toContain('history-index');
    // Now served from the index: the same again, warnings repeated.
    expect(await outputs(home)).toEqual(expected);
    expect(expected[0]!.err).toContain(':3: not valid JSON');
  });

  it('is reused while the file is unchanged, and extended with only the appended lines', () => {
    const { file, indexFile } = emptyHome();
    appendRecord(file, record('20261122-0900-000a', 1));
    appendRecord(file, record('20261122-0900-000b', 2));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // Reused as it is: not written again (a rewrite renames a new file into place).
    const written = fs.statSync(indexFile).ino;
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(fs.statSync(indexFile).ino).toBe(written);

    appendRecord(file, record('20261122-0900-000c', 3, 80));
    appendRecord(file, { ...record('20261122-0900-000a', 1, 90) });
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // The index now covers the whole file: offset and line count.
    expect(indexHeader(indexFile).slice(8, 10)).toEqual([fs.statSync(file).size, 4]);
    expect(fs.statSync(indexFile).ino).not.toBe(written);
  });

  it('knows nothing of stats, whose tally is cached apart, keyed by the history as it is', () => {
    const { file, indexFile } = emptyHome();
    appendRecord(file, record('20261122-0900-000a', 1, 40));
    appendRecord(file, record('20261122-0900-000b', 2, 60));
    throughIndex(file, indexFile);
    expect(fs.readFileSync(indexFile, 'utf8')).not.toContain('Milli');
    const cacheFile = statsCache(indexFile);
    const cached = fs.statSync(cacheFile).ino;
    // While the history is unchanged, stats read their cache alone: a spoilt index goes unnoticed and unwritten.
    fs.writeFileSync(indexFile, 'spoilt');
    expect(statsOf(readHistoryTally(file, indexFile, cacheFile).tally, NO_BANK, STATS).trend.scores).toEqual([40, 60]);
    expect(fs.readFileSync(indexFile, 'utf8')).toBe('spoilt');
    expect(fs.statSync(cacheFile).ino).toBe(cached);
    // An append makes the cache stale: counted again (through a rebuilt index), and cached anew.
    appendRecord(file, record('20261122-0900-000c', 3, 80));
    expect(statsOf(readHistoryTally(file, indexFile, cacheFile).tally, NO_BANK, STATS).trend.scores).toEqual([40, 60, 80]);
    expect(fs.statSync(cacheFile).ino).not.toBe(cached);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // A resumed session replaces its earlier record in the count.
    appendRecord(file, record('20261122-0900-000a', 1, 90));
    expect(statsOf(readHistoryTally(file, indexFile, cacheFile).tally, NO_BANK, STATS).trend.scores).toEqual([90, 60, 80]);
  });

  it("counts only what a drill appends into stats' cache, and everything again after a resume or a rewrite", () => {
    const { file, indexFile } = emptyHome();
    const cacheFile = statsCache(indexFile);
    const sessions = () => readHistoryTally(file, indexFile, cacheFile).tally.sessions;
    appendRecord(file, record('20261122-0900-000a', 1, 40));
    expect(sessions()).toBe(1);
    // Mark the cached count: what is counted into it keeps the mark; a fresh count drops it.
    const [head, tally, ...rest] = fs.readFileSync(cacheFile, 'utf8').split('\n');
    fs.writeFileSync(cacheFile, [head, tally!.replace(/^\[1,/, '[101,'), ...rest].join('\n'));
    appendRecord(file, record('20261122-0900-000b', 2, 60));
    appendRecord(file, record('20261122-0900-000c', 3, 80));
    expect(sessions()).toBe(103);
    // b resumed: its earlier record must go, so everything is counted again.
    appendRecord(file, record('20261122-0900-000b', 2, 70));
    expect(sessions()).toBe(3);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // A whole record missing its newline is counted in, as every read counts it; once an append
    // completes it, everything is counted again (the cache then ended mid-line).
    fs.writeFileSync(cacheFile, `${fs.readFileSync(cacheFile, 'utf8').replace(/\n\[3,/, '\n[103,')}`);
    fs.appendFileSync(file, JSON.stringify(record('20261122-0900-000d', 4, 10)));
    expect(sessions()).toBe(104);
    fs.appendFileSync(file, '\n');
    appendRecord(file, record('20261122-0900-000e', 5, 20));
    expect(sessions()).toBe(5);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // Rewritten in place: counted afresh.
    fs.writeFileSync(file, `${JSON.stringify(record('20261122-0900-000z', 6, 50))}\n`);
    expect(sessions()).toBe(1);
  });

  it("keeps the completed sessions' starts, which only ratings need, on a line of their own: read only when asked, counted again when spoilt", () => {
    const { file, indexFile } = emptyHome();
    const cacheFile = statsCache(indexFile);
    const started = (...ids: string[]) => new Map(ids.map((id) => [id, Date.parse(record(id, Number(id.slice(-1)), 0).startedAt)]));
    appendRecord(file, record('20261122-0900-0001', 1, 40));
    appendRecord(file, { ...record('20261122-0900-0002', 2), status: 'abandoned', score: null });
    expect(readHistoryTally(file, indexFile, cacheFile).starts()).toEqual(started('20261122-0900-0001'));
    // Read back from the cache; and counted into it with a drill's append.
    expect(readHistoryTally(file, indexFile, cacheFile).starts()).toEqual(started('20261122-0900-0001'));
    appendRecord(file, record('20261122-0900-0003', 3, 80));
    expect(readHistoryTally(file, indexFile, cacheFile).starts()).toEqual(started('20261122-0900-0001', '20261122-0900-0003'));
    const lines = fs.readFileSync(cacheFile, 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    // A spoilt start line leaves the tally served from the cache: only the starts are counted again.
    fs.writeFileSync(cacheFile, [lines[0], lines[1]!.replace(/^\[3,/, '[103,'), '[["forged"],[0]]', ''].join('\n'));
    const spoilt = readHistoryTally(file, indexFile, cacheFile);
    expect(spoilt.tally.sessions).toBe(103);
    expect(spoilt.starts()).toEqual(started('20261122-0900-0001', '20261122-0900-0003'));
    // An append then counts everything afresh, rather than onto starts it cannot trust.
    appendRecord(file, record('20261122-0900-0004', 4, 60));
    expect(readHistoryTally(file, indexFile, cacheFile).starts()).toEqual(started('20261122-0900-0001', '20261122-0900-0003', '20261122-0900-0004'));
    expect(fs.readFileSync(cacheFile, 'utf8')).not.toContain('forged');
    // A cache cut short of its start line is no cache: counted afresh, and written whole.
    fs.writeFileSync(cacheFile, fs.readFileSync(cacheFile, 'utf8').split('\n').slice(0, 2).join('\n'));
    expect(readHistoryTally(file, indexFile, cacheFile).tally.completed).toBe(3);
    expect(fs.readFileSync(cacheFile, 'utf8').split('\n')).toHaveLength(4);
  });

  it("serves history's newest sessions from its head and their bodies while nothing is appended", async () => {
    const { home, file, indexFile } = emptyHome();
    // Out of start order, and '20261122-0900-000a' resumed: its last line, with its start, is what counts.
    for (const [id, day] of [['20261122-0900-000a', 1], ['20261122-0900-000d', 4], ['20261122-0900-000b', 2], ['20261122-0900-000c', 3], ['20261122-0900-000a', 1]] as const) appendRecord(file, record(id, day, day * 10));
    fs.appendFileSync(file, 'not json\n');
    throughIndex(file, indexFile);
    const expected = await run(['history', '--limit', '3', '--json'], home);
    const newest = readNewestSessions(file, indexFile, 3)!;
    expect(newest.records.map((r) => r.id)).toEqual(['20261122-0900-000d', '20261122-0900-000c', '20261122-0900-000b']);
    expect(newest.total).toBe(4);
    expect(newest.warnings).toEqual([`${file}:6: not valid JSON; skipped and left in place`]);
    // Spoil the table that only a whole read uses: the head and the bodies shown are enough.
    const lines = fs.readFileSync(indexFile, 'utf8').split('\n');
    fs.writeFileSync(indexFile, [...lines.slice(0, 2), ' '.repeat(lines[2]!.length), lines[3]].join('\n'));
    expect(readNewestSessions(file, indexFile, 3)).toEqual(newest);
    expect(await run(['history', '--limit', '3', '--json'], home)).toEqual(expected);
    // An append, more than the index keeps, or every session: read the whole way.
    expect(readNewestSessions(file, indexFile, 0)).toBeUndefined();
    expect(readNewestSessions(file, indexFile, 5000)).toBeUndefined();
    appendRecord(file, record('20261122-0900-000e', 5, 50));
    expect(readNewestSessions(file, indexFile, 3)).toBeUndefined();
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(readNewestSessions(file, indexFile, 3)!.records.map((r) => r.id)).toEqual(['20261122-0900-000e', '20261122-0900-000d', '20261122-0900-000c']);
  });

  it('leaves history to a whole read when a line fails to decode: its session shows an earlier line', () => {
    const { file, indexFile } = emptyHome();
    appendRecord(file, record('20261122-0900-000a', 1, 40));
    appendRecord(file, record('20261122-0900-000b', 2, 60));
    // b again, framed like a record but with a score that is not a number.
    fs.appendFileSync(file, `${JSON.stringify({ ...record('20261122-0900-000b', 2), score: 'high' })}\n`);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(readNewestSessions(file, indexFile, 2)).toBeUndefined();
    const read = readIndexedHistory(file, indexFile);
    expect(latestSessions(read.lines, read.warnings, read.decode, 2).records.map((r) => [r.id, r.score])).toEqual([['20261122-0900-000b', 60], ['20261122-0900-000a', 40]]);
  });

  it('finds every body by its bytes when paths and warnings are not ASCII', () => {
    const { file, indexFile } = emptyHome(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-höme-ü-')));
    appendRecord(file, record('20261122-0900-000a', 1, 40));
    // Framed like a record but not one: its warning, naming the file, is kept as its body.
    fs.appendFileSync(file, '{"version":1,"id":"odd","startedAt":"2026-11-02T09:00:00.000Z","note":"çà"}\n');
    appendRecord(file, record('20261122-0900-000b', 3, 60));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    appendRecord(file, record('20261122-0900-000c', 4, 80));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile).warnings).toEqual([`${file}:2: not a session record; skipped and left in place`]);
  });

  it('is rebuilt when the file is truncated, rewritten, or replaced by another', () => {
    const { home, file, indexFile } = emptyHome();
    for (const id of ['20261122-0900-000a', '20261122-0900-000b', '20261122-0900-000c']) appendRecord(file, record(id, id.charCodeAt(id.length - 1) - 96));
    throughIndex(file, indexFile);
    const whole = fs.readFileSync(file, 'utf8');
    const lines = whole.split('\n');

    fs.truncateSync(file, whole.indexOf('\n') + 1);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // Rewritten to a longer file whose start differs: the last indexed bytes are not the same.
    fs.writeFileSync(file, `${JSON.stringify(record('20261122-0900-000z', 9))}\n${lines.slice(1).join('\n')}`);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // The same size, another content and mtime.
    const sameSize = fs.readFileSync(file, 'utf8').replace('"score":50', '"score":49');
    fs.writeFileSync(file, sameSize);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // The same size, another content, and the mtime put back (`touch -r`, some editors): the ctime tells.
    const before = fs.statSync(file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"score":49', '"score":48'));
    fs.utimesSync(file, before.atime, before.mtime);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    // Another file moved into place.
    const other = path.join(home, 'other.jsonl');
    appendRecord(other, record('20261122-0900-000x', 5));
    fs.renameSync(other, file);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
  });

  it('reads a first line with a byte order mark as a fresh read does: a record, no warning', () => {
    const { file, indexFile } = emptyHome();
    appendRecord(file, record('20261122-0900-000a', 1));
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
    appendRecord(file, record('20261122-0900-000b', 2));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile)).toMatchObject({ warnings: [] });
    expect(throughIndex(file, indexFile).records.map((r) => r.id)).toEqual(['20261122-0900-000a', '20261122-0900-000b']);
  });

  it('handles a torn last line, then its completion by an append, exactly as a fresh read does', () => {
    const { file, indexFile } = emptyHome();
    appendRecord(file, record('20261122-0900-000a', 1));
    fs.appendFileSync(file, '{"version":1,"id":"torn","ques');
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile).warnings).toEqual([`${file}:2: the last line is incomplete (an interrupted write?); ignored and left in place`]);
    appendRecord(file, record('20261122-0900-000b', 2));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile).warnings).toEqual([`${file}:2: not valid JSON; skipped and left in place`]);
    // A whole record missing only its newline counts, as it always did.
    fs.appendFileSync(file, JSON.stringify(record('20261122-0900-000c', 3)));
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile).records.map((r) => r.id)).toEqual(['20261122-0900-000a', '20261122-0900-000b', '20261122-0900-000c']);
  });

  it('is ignored and rebuilt when corrupt: garbage, cut short, a damaged body, or removed', async () => {
    const home = homeWith('progress.jsonl');
    const expected = await withoutIndex(home);
    await outputs(home);
    const indexFile = path.join(home, 'cache', 'history-index');
    const good = fs.readFileSync(indexFile, 'utf8');
    const damaged = [
      'garbage',
      good.slice(0, good.length / 2),
      good.slice(0, good.indexOf('\n') + 1),
      good.replace(/\[("2026-11-1\d)/, '[17,$1'),
      good.split('\n').map((line, i) => (i === 1 ? '[6,5,1' : line)).join('\n'),
    ];
    for (const text of damaged) {
      fs.writeFileSync(indexFile, text);
      expect(await outputs(home)).toEqual(expected);
    }
    // Stats' own cache of the tally: counted again from the sessions.
    const cacheFile = statsCache(indexFile);
    const [key] = fs.readFileSync(cacheFile, 'utf8').split('\n');
    for (const text of ['garbage', `${key}\n[6,5,1`, `${key}\n[6,5,1,0,[[],[],[],[]],[],[["r",1,[["s","x"]],[]]]]\n`, `${key}\n`]) {
      fs.writeFileSync(cacheFile, text);
      expect(await outputs(home)).toEqual(expected);
    }
    fs.rmSync(path.join(home, 'cache'), { recursive: true });
    expect(await outputs(home)).toEqual(expected);
  });

  it('is optional: without a writable cache directory every command still works', async () => {
    const home = homeWith('progress.jsonl');
    const expected = await withoutIndex(home);
    fs.writeFileSync(path.join(home, 'cache'), 'a file where the cache directory would be');
    expect(await outputs(home)).toEqual(expected);
  });

  it('stays correct while other processes append', { timeout: 60_000 }, async () => {
    const { file, indexFile } = emptyHome();
    const appender = path.join(import.meta.dirname, 'helpers', 'append-many.mjs');
    const writers = [0, 1, 2].map((writer) => new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [appender, file, String(writer), '60'], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? -1));
    }));
    let done = false;
    void Promise.all(writers).then(() => (done = true));
    while (!done) {
      // Mid-append, the last line may be torn; the complete lines must all be sound.
      const read = throughIndex(file, indexFile, false);
      expect(read.warnings.filter((warning) => !warning.includes('the last line is incomplete'))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await Promise.all(writers)).toEqual([0, 0, 0]);
    expect(throughIndex(file, indexFile)).toEqual(fresh(file));
    expect(throughIndex(file, indexFile).records).toHaveLength(180);
  });
});
