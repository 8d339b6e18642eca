import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendRecord } from '../src/store/append.js';
import { readHistory } from '../src/store/history.js';
import { homeWith, latestRecords, parseHistory, scanText } from './helpers/history.js';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import { isSessionRecord, makeRecord, sessionId } from '../src/store/record.js';
import { visibleLength } from '../src/text.js';
import { PLAIN } from '../src/ui/colour.js';
import { historyLines, type HistoryEntry } from '../src/ui/history.js';

const record = (id: string) =>
  makeRecord({
    id, questionId: 'feed', rubricId: 'mini', mode: 'self', status: 'completed',
    startedAt: Date.UTC(2026, 10, 22, 9), endedAt: Date.UTC(2026, 10, 22, 9, 40),
    stages: [{ id: 'clarify', budgetSeconds: 300, usedSeconds: 290.4, hintsShown: 1, notes: 'n' }],
    score: { total: 50, stages: [{ checked: ['goal'], missed: [{ id: 'scale' }], score: 50 }] },
  });

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-history-')), 'nested', 'history.jsonl');

describe('history file', () => {
  it('appends one JSON line per session, creating the directory', () => {
    const file = tempFile();
    appendRecord(file, record('20261122-0900-000a'));
    appendRecord(file, record('20261122-0900-000b'));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 1, id: '20261122-0900-000a', status: 'completed', score: 50, stages: [{ usedSeconds: 290, checked: ['goal'], missed: ['scale'] }] });
    expect(readHistory(file)).toEqual({ records: [record('20261122-0900-000a'), record('20261122-0900-000b')], warnings: [] });
  });

  it('survives a torn last line: earlier and later records stay readable, the torn line stays on disk', () => {
    const file = tempFile();
    appendRecord(file, record('20261122-0900-000a'));
    fs.appendFileSync(file, '{"version":1,"id":"torn","ques');
    expect(readHistory(file).warnings).toEqual([`${file}:2: the last line is incomplete (an interrupted write?); ignored and left in place`]);
    appendRecord(file, record('20261122-0900-000b'));
    const read = readHistory(file);
    expect(read.records.map((r) => r.id)).toEqual(['20261122-0900-000a', '20261122-0900-000b']);
    expect(read.warnings).toEqual([`${file}:2: not valid JSON; skipped and left in place`]);
    expect(fs.readFileSync(file, 'utf8')).toContain('"id":"torn","ques\n');
  });

  it('refuses records from a newer format version instead of misreading them', () => {
    const file = tempFile();
    appendRecord(file, record('20261122-0900-000a'));
    fs.appendFileSync(file, `${JSON.stringify({ ...record('20261122-0900-futr'), version: 99 })}\n`);
    const read = readHistory(file);
    expect(read.records.map((r) => r.id)).toEqual(['20261122-0900-000a']);
    expect(read.warnings).toEqual([`${file}:2: written by a newer mldrill (record version 99, this one reads up to 1); skipped, upgrade mldrill to read it`]);
  });

  it('reads a history whose first line an editor saved with a byte order mark', () => {
    const file = tempFile();
    appendRecord(file, record('20261122-0900-000a'));
    appendRecord(file, record('20261122-0900-000b'));
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
    expect(readHistory(file)).toEqual({ records: [record('20261122-0900-000a'), record('20261122-0900-000b')], warnings: [] });
  });

  it('reads a missing file as empty', () => {
    expect(readHistory(tempFile())).toEqual({ records: [], warnings: [] });
  });

  it('reads back the questions to the interviewer and the follow-up with its answer key; a record without them still reads', () => {
    const file = tempFile();
    const asked = makeRecord({
      id: '20261122-0900-000a', questionId: 'feed', rubricId: 'mini', mode: 'self', status: 'completed', startedAt: Date.UTC(2026, 10, 22, 9), endedAt: Date.UTC(2026, 10, 22, 9, 40), stages: [{ id: 'clarify', budgetSeconds: 300, usedSeconds: 290, hintsShown: 0, notes: 'n' }],
      exchanges: [{ stageId: 'clarify', asked: 'how many users?', factId: 'scale', answer: 'About 50 million.' }, { stageId: 'clarify', asked: 'favourite colour?', factId: null, answer: 'Assume one.' }],
      curveballs: [{ stageId: 'clarify', atSeconds: 30, text: 'Traffic grew.', answer: ['Shard it', 'Cache it'], notesChars: 1 }],
    });
    appendRecord(file, asked);
    appendRecord(file, record('20261122-0900-000b'));
    const { records, warnings } = readHistory(file);
    expect(warnings).toEqual([]);
    expect(records[0]).toEqual(asked);
    expect(records[0]!.exchanges).toHaveLength(2);
    expect(records[1]).not.toHaveProperty('exchanges');
  });

  it('makes short sortable session ids from the start time', () => {
    expect(sessionId(Date.UTC(2026, 10, 22, 9, 5), () => 0)).toBe('20261122-0905-aaaa');
  });

  it('keeps the diagram drawn in a session, and leaves a blank one out; records without one still read', () => {
    const input = { id: '20261122-0900-000d', questionId: 'feed', rubricId: 'mini', mode: 'self' as const, status: 'completed' as const, startedAt: Date.UTC(2026, 10, 22, 9), endedAt: Date.UTC(2026, 10, 22, 9, 40), stages: [] };
    const drawn = makeRecord({ ...input, diagram: 'events -> model\n' });
    expect(drawn.diagram).toBe('events -> model\n');
    expect(isSessionRecord(drawn)).toBe(true);
    expect('diagram' in makeRecord({ ...input, diagram: '  \n' })).toBe(false);
    const file = tempFile();
    appendRecord(file, record('20261101-0900-oldd'));
    appendRecord(file, drawn);
    expect(readHistory(file).records.map((read) => read.diagram)).toEqual([undefined, 'events -> model\n']);
  });

  it('refuses a newer record even when its shape is nothing like this version', () => {
    const text = `${JSON.stringify({ version: 2, session: { id: '20261122-0900-000x' } })}\n`;
    expect(parseHistory(text, 'h').warnings).toEqual(['h:1: written by a newer mldrill (record version 2, this one reads up to 1); skipped, upgrade mldrill to read it']);
  });

  it('skips a line of valid JSON with missing or mistyped fields instead of misreading it', () => {
    const good = record('20261122-0900-000a');
    const bad = [
      { ...good, stages: undefined },
      { ...good, score: '50' },
      { ...good, startedAt: 'yesterday' },
      { ...good, status: 'paused' },
      { ...good, stages: [{ ...good.stages[0], checked: 'goal' }] },
      { ...good, version: 0 },
      { ...good, exchanges: [{ stageId: 'clarify', asked: 'how many users?', factId: 7, answer: 'Many.' }] },
      { ...good, exchanges: 'asked nothing' },
      { ...good, curveballs: [{ stageId: 'design', atSeconds: 30, text: 'Traffic grew.', answer: 'all of it' }] },
      { ...good, diagram: ['a -> b'] },
      [1, 2],
      'text',
    ];
    for (const value of bad) expect(isSessionRecord(value)).toBe(false);
    expect(isSessionRecord(good)).toBe(true);
    const read = parseHistory(`${bad.map((value) => JSON.stringify(value)).join('\n')}\n${JSON.stringify(good)}\n`, 'h');
    expect(read.records).toEqual([good]);
    expect(read.warnings).toEqual(bad.map((_, i) => `h:${i + 1}: not a session record; skipped and left in place`));
  });

  it('reads the fixture with a corrupt line, a newer record and a torn last line: one warning each, in line order', () => {
    const file = path.join(import.meta.dirname, 'fixtures', 'history', 'progress.jsonl');
    const before = fs.readFileSync(file, 'utf8');
    const read = readHistory(file);
    expect(read.records.map((r) => r.id)).toEqual(['20261110-0900-aaaa', '20261111-0900-bbbb', '20261112-2000-cccc', '20261113-0900-dddd', '20261115-0900-eeee', '20261116-0900-ffff']);
    expect(read.warnings).toEqual([
      `${file}:3: not valid JSON; skipped and left in place`,
      `${file}:6: written by a newer mldrill (record version 2, this one reads up to 1); skipped, upgrade mldrill to read it`,
      `${file}:9: the last line is incomplete (an interrupted write?); ignored and left in place`,
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('resumed sessions', () => {
  it('count once: the last record of an id supersedes earlier ones, in the place of the first', () => {
    const file = tempFile();
    appendRecord(file, { ...record('20261122-0900-000a'), status: 'abandoned', score: null });
    appendRecord(file, record('20261122-0900-000b'));
    appendRecord(file, record('20261122-0900-000a'));
    const read = readHistory(file);
    expect(read.records.map((r) => [r.id, r.status])).toEqual([['20261122-0900-000a', 'completed'], ['20261122-0900-000b', 'completed']]);
    const latest = latestRecords(scanText(fs.readFileSync(file, 'utf8'), file), file, 0);
    expect(latest.records.map((r) => [r.id, r.status])).toEqual([['20261122-0900-000a', 'completed'], ['20261122-0900-000b', 'completed']]);
    expect(latest.total).toBe(2);
  });

  it('fall back to the earlier record when the later line of an id is broken', () => {
    const file = tempFile();
    appendRecord(file, { ...record('20261122-0900-000a'), status: 'abandoned', score: null });
    fs.appendFileSync(file, `${JSON.stringify(record('20261122-0900-000a')).slice(0, -1)}oops}\n`);
    const latest = latestRecords(scanText(fs.readFileSync(file, 'utf8'), file), file, 0);
    expect(latest.records.map((r) => [r.id, r.status])).toEqual([['20261122-0900-000a', 'abandoned']]);
    expect(latest.warnings).toEqual([`${file}:2: not valid JSON; skipped and left in place`]);
    expect(readHistory(file).records.map((r) => r.status)).toEqual(['abandoned']);
  });
});

describe('reading only the latest sessions', () => {
  const at = (id: string, iso: string) => ({ ...record(id), startedAt: iso });

  it('orders by start time, newest first, and decodes no more lines than it shows', () => {
    const lines = [at('20261101-0900-oldd', '2026-11-01T09:00:00.000Z'), at('20261103-0900-neww', '2026-11-03T09:00:00.000Z'), at('20261102-0900-midd', '2026-11-02T09:00:00.000Z')].map((r) => JSON.stringify(r));
    // Framed like a record, so the scan accepts it; broken inside, so only decoding finds out.
    lines.splice(1, 0, lines[0]!.replace('"questionId"', '"questionId" oops'));
    const scan = scanText(`${lines.join('\n')}\n`, 'h');
    expect(scan.lines).toHaveLength(4);
    const two = latestRecords(scan, 'h', 2);
    expect(two.records.map((r) => r.id)).toEqual(['20261103-0900-neww', '20261102-0900-midd']);
    expect(two.warnings).toEqual([]);
    // The broken line repeats the id of the first, so it counts as the same session.
    expect(two.total).toBe(3);
    const all = latestRecords(scanText(`${lines.join('\n')}\n`, 'h'), 'h', 0);
    expect(all.records.map((r) => r.id)).toEqual(['20261103-0900-neww', '20261102-0900-midd', '20261101-0900-oldd']);
    expect(all.warnings).toEqual(['h:2: not valid JSON; skipped and left in place']);
  });

  it('keeps file order for sessions that started at the same moment, the later line first', () => {
    const text = ['20261122-0900-000x', '20261122-0900-000y', '20261122-0900-000z'].map((id) => JSON.stringify(record(id))).join('\n');
    expect(latestRecords(scanText(`${text}\n`, 'h'), 'h', 0).records.map((r) => r.id)).toEqual(['20261122-0900-000z', '20261122-0900-000y', '20261122-0900-000x']);
  });

  it('accepts a record written by another tool with its fields in another order', () => {
    const { version, ...rest } = record('20261122-0900-othr');
    const read = parseHistory(`${JSON.stringify({ ...rest, version })}\n`, 'h');
    expect(read).toEqual({ records: [{ ...rest, version }], warnings: [] });
  });
});

describe('two processes appending at once', () => {
  const APPENDER = path.join(import.meta.dirname, 'helpers', 'append-many.mjs');
  const runAppender = (file: string, writer: number, count: number) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [APPENDER, file, String(writer), String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? -1));
    });

  it('never interleaves or loses a line: 8 processes x 200 records of several KiB', { timeout: 120_000 }, async () => {
    const file = tempFile();
    const codes = await Promise.all(Array.from({ length: 8 }, (_, writer) => runAppender(file, writer, 200)));
    expect(codes).toEqual(Array(8).fill(0));
    const read = readHistory(file);
    expect(read.warnings).toEqual([]);
    expect(read.records).toHaveLength(1600);
    for (let writer = 0; writer < 8; writer++) {
      const mine = read.records.filter((r) => r.id.endsWith(`-w${writer}aa`));
      // Each writer's records, whole and in the order it wrote them.
      expect(mine.map((r) => r.id)).toEqual(Array.from({ length: 200 }, (_, i) => `20261122-${String(i).padStart(4, '0')}-w${writer}aa`));
      expect(mine.every((r) => r.stages[0]!.notes === `writer ${writer} `.repeat(400))).toBe(true);
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual(['history.jsonl']);
  });

  it('breaks a lock left behind by a process that died mid-append', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    appendRecord(file, record('20261122-0900-crsh'));
    expect(readHistory(file).records.map((r) => r.id)).toEqual(['20261122-0900-crsh']);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});


describe('the history table at a terminal width', () => {
  const entry = (id: string, questionId: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
    id, localStart: '2026-11-22 09:32', startedAt: '2026-11-22T09:32:00.000Z', endedAt: '2026-11-22T10:15:00.000Z', questionId, rubricId: 'ml-system-design',
    mode: 'self', status: 'completed', score: 71, usedSeconds: 2580, budgetSeconds: 2700, resumable: false, aiScore: null, ...extra,
  });
  const entries = [
    entry('20261122-0932-k3f9', 'youtube-video-recommendations-for-new-users'),
    entry('20261121-0900-abcd', 'ad-click-prediction', { mode: 'interviewer' }),
    entry('20261120-0900-efgh', 'feature-store', { status: 'abandoned', score: null, resumable: true }),
  ];

  it('fits 80 columns, never wrapping a row, and keeps every session id whole', () => {
    const lines = historyLines(entries, PLAIN, 80);
    expect(lines.filter((line) => visibleLength(line) > 80)).toEqual([]);
    for (const { id } of entries) expect(lines.join('\n')).toContain(id);
    expect(lines.join('\n')).toMatch(/11-22 09:32  20261122-0932-k3f9  youtube-video-rec[a-z-]*…/);
    expect(lines.join('\n')).toMatch(/feature-store\s+resumable/);
  });

  it('fits 60 and 50 columns too: past the cut question id the time column goes, then the date', () => {
    const at60 = historyLines(entries, PLAIN, 60);
    expect(at60.filter((line) => visibleLength(line) > 60)).toEqual([]);
    expect(at60[0]).toMatch(/^When\s+Session\s+Question\s+Status\s+Score$/);
    expect(at60[1]).toMatch(/^11-22 09:32  20261122-0932-k3f9  youtube-…\s+completed\s+71%\s*$/);
    const at50 = historyLines(entries, PLAIN, 50);
    expect(at50.filter((line) => visibleLength(line) > 50)).toEqual([]);
    expect(at50[0]).toMatch(/^Session\s+Question\s+Status\s+Score$/);
    for (const { id } of entries) expect(at50.join('\n')).toContain(id);
    expect(at50.join('\n')).toMatch(/20261120-0900-efgh {2}feature-sto… {2}resumable/);
  });

  it('prints the table and its notes within a 50-column terminal', async () => {
    const io = fakeIo({ env: { MLDRILL_HOME: homeWith('progress.jsonl'), TZ: 'UTC' } });
    Object.assign(io, { stdout: { ...io.stdout, isTTY: true, columns: 50 }, stderr: { ...io.stderr, isTTY: true, columns: 30 } });
    expect(await main(['history', '--limit', '1'], io)).toBe(0);
    expect(io.out().trimEnd().split('\n').filter((line) => visibleLength(line) > 50)).toEqual([]);
    // The note wraps between words at stderr's width, not mid-word at the terminal's edge.
    expect(io.err()).toMatch(/\n?1 of \d sessions; --limit 0\nshows all\n$/);
  });

  it('gives every column whole when there is room (a pipe)', () => {
    const lines = historyLines(entries, PLAIN);
    expect(lines[0]).toMatch(/^When\s+Session\s+Question\s+Mode\s+Status\s+Score\s+Time$/);
    expect(lines.join('\n')).toContain('youtube-video-recommendations-for-new-users');
    expect(lines.join('\n')).toContain('abandoned, resumable');
  });
});
