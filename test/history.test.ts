import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRecord, readHistory } from '../src/store/history.js';
import { makeRecord, sessionId } from '../src/store/record.js';

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
    appendRecord(file, record('a'));
    appendRecord(file, record('b'));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 1, id: 'a', status: 'completed', score: 50, stages: [{ usedSeconds: 290, checked: ['goal'], missed: ['scale'] }] });
    expect(readHistory(file)).toEqual({ records: [record('a'), record('b')], warnings: [] });
  });

  it('survives a torn last line: earlier and later records stay readable, the torn line stays on disk', () => {
    const file = tempFile();
    appendRecord(file, record('a'));
    fs.appendFileSync(file, '{"version":1,"id":"torn","ques');
    expect(readHistory(file).warnings).toEqual([`${file}:2: the last line is incomplete (an interrupted write?); ignored and left in place`]);
    appendRecord(file, record('b'));
    const read = readHistory(file);
    expect(read.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(read.warnings).toEqual([`${file}:2: not valid JSON; skipped and left in place`]);
    expect(fs.readFileSync(file, 'utf8')).toContain('"id":"torn","ques\n');
  });

  it('refuses records from a newer format version instead of misreading them', () => {
    const file = tempFile();
    appendRecord(file, record('a'));
    fs.appendFileSync(file, `${JSON.stringify({ ...record('future'), version: 99 })}\n`);
    const read = readHistory(file);
    expect(read.records.map((r) => r.id)).toEqual(['a']);
    expect(read.warnings[0]).toMatch(/:2: written by a newer mldrill \(record version 99\)/);
  });

  it('reads a missing file as empty', () => {
    expect(readHistory(tempFile())).toEqual({ records: [], warnings: [] });
  });

  it('makes short sortable session ids from the start time', () => {
    expect(sessionId(Date.UTC(2026, 10, 22, 9, 5), () => 0)).toBe('20261122-0905-aaaa');
  });
});

describe('resumed sessions', () => {
  it('count once: the last record of an id supersedes earlier ones, in the place of the first', () => {
    const file = tempFile();
    appendRecord(file, { ...record('a'), status: 'abandoned', score: null });
    appendRecord(file, record('b'));
    appendRecord(file, record('a'));
    const read = readHistory(file);
    expect(read.records.map((r) => [r.id, r.status])).toEqual([['a', 'completed'], ['b', 'completed']]);
  });
});
