// How the progress commands read the history: with every skipped line (torn, corrupt, or
// written by a newer mldrill) mentioned on stderr, one line each.
import { NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { parseHistory, readHistoryText, scanHistory, type HistoryScan } from '../store/history.js';
import { historyFile, stateDirectory } from '../store/paths.js';
import type { SessionRecord } from '../store/record.js';
import { stripControl } from '../text.js';

const SHOWN = 10;

function historyText(io: Io): { text: string; file: string } {
  const file = historyFile(stateDirectory(io.env, io.homedir));
  try {
    return { text: readHistoryText(file), file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // A state directory that is really a file has no history yet, like a missing one.
    if (code === 'ENOTDIR') return { text: '', file };
    throw new UsageError(`cannot read the history file ${file} (${code}); fix its permissions or set MLDRILL_HOME`);
  }
}

/** Every record, with the skipped lines reported. */
export function readHistoryFor(io: Io): { records: SessionRecord[]; file: string } {
  const { text, file } = historyText(io);
  const read = parseHistory(text, file);
  reportSkipped(read.warnings, file, io);
  return { records: read.records, file };
}

/** The history checked line by line but not decoded; the caller reports what it skips. */
export function scanHistoryFor(io: Io): { scan: HistoryScan; file: string } {
  const { text, file } = historyText(io);
  return { scan: scanHistory(text, file), file };
}

export function reportSkipped(warnings: readonly string[], file: string, io: Io): void {
  for (const warning of warnings.slice(0, SHOWN)) io.stderr.write(`mldrill: warning: ${stripControl(warning)}\n`);
  if (warnings.length > SHOWN) io.stderr.write(`mldrill: warning: … and ${warnings.length - SHOWN} more skipped lines in ${file}\n`);
}

/** Said on stderr when there is nothing to show yet. */
export function noSessionsYet(io: Io): void {
  io.stderr.write("No sessions yet; run 'mldrill drill' to practise one.\n");
}

/** For --unseen: the ids never completed, or a NotFoundError when every one has been. */
export async function requireUnseen(ids: readonly string[], io: Io): Promise<string[]> {
  const { unseenQuestions } = await import('../select/unseen.js');
  const unseen = unseenQuestions(ids.map((id) => ({ id })), readHistoryFor(io).records).map(({ id }) => id);
  if (unseen.length === 0) throw new NotFoundError(`every matching question has been completed (${ids.length}); drop --unseen or widen the filters`);
  return unseen;
}
