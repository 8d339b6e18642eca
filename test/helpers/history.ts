// State directories holding a fixture history, for the progress commands.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BankView } from '../../src/score/bank-view.js';
import { statsOf, streaksOfDays, type Stats, type StatsOptions } from '../../src/score/stats.js';
import { addSession, emptyTally, type StatsTally } from '../../src/score/tally.js';
import { decodeLine, everySession, latestSessions, scanHistory, type HistoryRead, type HistoryScan } from '../../src/store/history.js';
import type { SessionSummary } from '../../src/store/record.js';
import { dayNumber } from '../../src/time.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
/** A small bank of its own (ids fx-*), loaded with --bank beside the built-in one. */
export const PROGRESS_BANK = path.join(FIXTURES, 'progress-bank');

/** A fresh MLDRILL_HOME whose history.jsonl is the named fixture (or the given text). */
export function homeWith(fixture: string | { text: string }): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  const text = typeof fixture === 'string' ? fs.readFileSync(path.join(FIXTURES, 'history', fixture), 'utf8') : fixture.text;
  fs.writeFileSync(path.join(home, 'history.jsonl'), text);
  return home;
}

/** The three lines of progress.jsonl that every reader must skip, as warned on stderr. */
export function progressWarnings(home: string): string[] {
  const file = path.join(home, 'history.jsonl');
  return [
    `mldrill: warning: ${file}:3: not valid JSON; skipped and left in place`,
    `mldrill: warning: ${file}:6: written by a newer mldrill (record version 2, this one reads up to 1); skipped, upgrade mldrill to read it`,
    `mldrill: warning: ${file}:9: the last line is incomplete (an interrupted write?); ignored and left in place`,
  ];
}

export const ESCAPES = /\u001b/;

/** A bank that knows nothing: stats fall back to ids, which is all the tests using it compare. */
export const NO_BANK: BankView = { questions: [], question: () => undefined, rubricTitle: () => undefined, stageTitle: () => undefined, item: () => undefined };

/** The tally of these sessions (each session's latest record), each counted in the order given. */
export function tallyOf(records: readonly SessionSummary[]): StatsTally {
  const tally = emptyTally();
  records.forEach((record, order) => addSession(tally, record, order));
  return tally;
}

/** Stats over records, tallied afresh (the commands read the tally from the history index). */
export function computeStats(records: readonly SessionSummary[], bank: BankView, options: StatsOptions): Stats {
  return statsOf(tallyOf(records), bank, options);
}

/** Streaks over local dates (YYYY-MM-DD, any order, repeats allowed). */
export function streaks(dates: readonly string[], today: string) {
  return streaksOfDays(dates.map(dayNumber), dayNumber(today));
}

/** The newest `limit` sessions of a scanned history file, as latestSessions reads them. */
export function latestRecords(scan: HistoryScan, file: string, limit: number) {
  return latestSessions(scan.lines, scan.warnings, (line) => decodeLine(line, file), limit);
}

/**
 * Every session of a history held as text, in the order they first appear, each with its latest
 * record, and a warning for each line skipped, in line order: readHistory without the file.
 */
export function parseHistory(text: string, file: string): HistoryRead {
  const scan = scanText(text, file);
  return everySession(scan.lines, scan.warnings, (line) => decodeLine(line, file));
}

/** scanHistory of a history held as text: written to a file of its own and scanned as mldrill scans the real one. */
export function scanText(text: string, file: string): HistoryScan {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-scan-'));
  const written = path.join(dir, 'history.jsonl');
  fs.writeFileSync(written, text);
  const fd = fs.openSync(written, 'r');
  try {
    return scanHistory(fd, fs.fstatSync(fd).size, file);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
