// `mldrill export`: one session as a Markdown or JSON document, to stdout or a file.
import path from 'node:path';
import { EXIT, systemErrorText, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { bankView } from '../score/bank-view.js';
import { sessionDocument } from '../score/session-doc.js';
import { writeOutputFile } from '../store/atomic.js';
import { sessionMarkdown } from '../ui/export.js';
import { withCatalog } from '../app/with-catalog.js';
import { readRatingsFor, readSessionFor } from '../app/read-history.js';
import { jsonText } from '../text.js';
import { isDirectory } from '../make-dir.js';

export type ExportFormat = 'markdown' | 'json';

export interface ExportOptions {
  session: string;
  format?: ExportFormat;
  /** Shorthand for format json, as history, stats and next take it. */
  json?: boolean;
  /** A file to write (replaced if it is one; a device or FIFO is written into); `-` or absent means stdout. */
  output?: string;
  bank?: string[];
}

export async function exportSession(options: ExportOptions, io: Io): Promise<number> {
  // -o '' would resolve to the working directory: said as what it is, before any reading.
  if (options.output === '') throw new UsageError("-o needs a file name (or - for standard output)");
  if (options.json && options.format === 'markdown') throw new UsageError('choose one format, not markdown and json: --format markdown|json, or --json');
  const record = readSessionFor(io, options.session);
  const ratings = readRatingsFor(io);
  const rating = ratings.find((found) => found.rater === 'ai' && found.sessionId === record.id);
  const selfRating = record.mode === 'interviewer' ? ratings.find((found) => found.rater === 'self' && found.sessionId === record.id) : undefined;
  const doc = await withCatalog(io, options.bank, (catalog) => sessionDocument(record, bankView(catalog), io.timeZone, rating, selfRating));
  const toFile = options.output !== undefined && options.output !== '-';
  // Without --format, a file named *.json gets JSON.
  const format = options.json ? 'json' : options.format ?? (toFile && /\.json$/i.test(options.output!) ? 'json' : 'markdown');
  // The drawing loads the renderer: only for a Markdown document of a session that has a diagram.
  const diagram = format === 'markdown' && doc.diagram ? await import('../diagram/pad.js').then(({ diagramForDocument }) => diagramForDocument(doc.diagram!)) : undefined;
  const text = format === 'json' ? jsonText(doc) : sessionMarkdown(doc, diagram);
  if (!toFile) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const file = path.resolve(io.cwd, options.output!);
  const example = path.join(file, `${record.id}.${format === 'json' ? 'json' : 'md'}`);
  // path.resolve drops a trailing separator, which would write (or replace) a file of that name
  // where `>` refuses: the name says a directory.
  const endsInSeparator = options.output!.endsWith('/') || options.output!.endsWith(path.sep);
  if (endsInSeparator && !isDirectory(file)) throw new UsageError(`cannot write ${file}${path.sep}: a name ending in ${path.sep} is a directory's; name a file in it, e.g. -o ${example}`);
  try {
    writeOutputFile(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UsageError(`cannot write ${file}: it is a directory; name a file in it, e.g. -o ${example}`);
    // A missing directory or a permission is the path's fault; a full disk or the file-size
    // limit is not, and is named as what it is.
    if ((error as NodeJS.ErrnoException).syscall === 'access') throw new UsageError(`cannot write ${file} (${code}): it is read-only to you (chmod u+w it) or another user's; nothing was written`);
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`cannot write ${file} (${code}); check that its directory exists and is writable`);
    throw new UsageError(`cannot write ${file}: ${systemErrorText(error)}`);
  }
  io.stderr.write(`Wrote session ${record.id} to ${file}\n`);
  return EXIT.ok;
}
