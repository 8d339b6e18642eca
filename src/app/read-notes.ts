// Reads a notes file for `mldrill grade` the way hostile input is read: a regular file only
// (checked on the open descriptor), at most NOTES_LIMIT bytes, UTF-8 text, not empty.
import { decodeSource, wideEncoding } from '../bank/encoding.js';
import { formatFinding } from '../bank/findings.js';
import { UsageError } from '../errors.js';
import { NotRegularError, readRegular, readStreamBytes, TooLargeError } from '../read-file.js';
import { withoutBom } from '../text.js';

const NOTES_LIMIT = 1024 * 1024;

/** The notes as text; a UsageError naming the file and the fix otherwise. */
export function readNotesFile(file: string, shown: string): string {
  try {
    return notesText(readRegular(file, NOTES_LIMIT), shown);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof NotRegularError) throw new UsageError(`${shown}: ${error.kind}, not a regular file; give a notes file, or - for stdin`);
    if (error instanceof TooLargeError) throw new UsageError(`${shown}: the notes file is larger than ${NOTES_LIMIT / 1024} KiB; notes are a page or two of text`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${shown}: no such file; give the path of a notes file, or - for stdin` : `${shown}: cannot open the notes file (${code ?? 'error'})`);
  }
}

/** Reads stdin whole, up to NOTES_LIMIT bytes. */
export async function readNotesStream(input: NodeJS.ReadableStream): Promise<string> {
  const bytes = await readStreamBytes(input, NOTES_LIMIT);
  if (!bytes) throw new UsageError(`stdin: the notes are larger than ${NOTES_LIMIT / 1024} KiB; notes are a page or two of text`);
  return notesText(bytes, 'stdin');
}

/**
 * Bytes as notes text: refuses binary data and blank notes, and text that is not UTF-8 as lint,
 * the config file and diagram say it: UTF-16 or UTF-32 by name (their NULs make no binary file), a stray
 * Latin-1 byte at its line and column.
 */
function notesText(bytes: Buffer, shown: string): string {
  if (bytes.includes(0) && !wideEncoding(bytes)) throw new UsageError(`${shown}: a binary file, not notes; give a Markdown or text file`);
  const { source, findings } = decodeSource(bytes, shown, 'notes');
  if (findings.length > 0) throw new UsageError(`${shown} is not UTF-8 text; nothing was graded`, findings.map(formatFinding));
  if (!source.trim()) throw new UsageError(`${shown}: the notes are empty; write what you covered, one point a line, under ## headings named after the stages`);
  return withoutBom(source);
}
