// `mldrill diagram [FILE|-]`: draws an edge list from a file or stdin, as box-drawing text,
// Mermaid or JSON, for people who sketch their design in an editor.
import path from 'node:path';
import { decodeSource } from '../bank/encoding.js';
import { displayPath } from '../bank/files.js';
import { formatFinding } from '../bank/findings.js';
import { CONTROLS_LEFT_OUT, MAX_DIAGRAM_BYTES, parseDiagram, type Diagram } from '../diagram/parse.js';
import type { DiagramComparison, ReferenceDiagram } from '../diagram/compare.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import type { DiagramFormat } from '../formats.js';
import type { Io } from '../io.js';
import { readSmallFile, readStreamBytes } from '../read-file.js';
import { fileShown, jsonText, stripControl } from '../text.js';


export interface DiagramOptions {
  /** A file, `-` for stdin; absent reads stdin when it is not a terminal. */
  file?: string;
  format?: DiagramFormat;
  width?: number;
  /** A question id: compare the drawing with its reference diagram. */
  question?: string;
  bank?: string[];
}

/** The reference diagram of the question named, from the bank. */
async function referenceOf(id: string, io: Io, bank: string[] | undefined): Promise<ReferenceDiagram> {
  const [{ withCatalog }, { requireId }] = await Promise.all([import('../app/with-catalog.js'), import('../select/filter.js')]);
  return withCatalog(io, bank, (catalog) => {
    const question = catalog.question(requireId(catalog, id));
    if (!question.diagram) throw new NotFoundError(`question "${question.id}" has no reference diagram to compare with`);
    return question.diagram;
  });
}

/** The edge list and the name to give it in messages. */
async function readSource(options: DiagramOptions, io: Io): Promise<{ text: string; name: string }> {
  if (options.file === undefined || options.file === '-') {
    if (options.file === undefined && io.terminal.input.isTTY) {
      throw new UsageError('give a file of edges, or pipe them in: mldrill diagram design.txt, or echo "events -> model" | mldrill diagram');
    }
    const read = await readStreamBytes(io.terminal.input, MAX_DIAGRAM_BYTES);
    if (read === undefined) throw new UsageError(`the input is larger than ${MAX_DIAGRAM_BYTES / 1024} KiB; a diagram that large is not one to draw`);
    return { text: decoded(read, '<stdin>'), name: '<stdin>' };
  }
  const file = path.resolve(io.cwd, options.file);
  // Spelt out, not stripped: a name with ESC c in it would read as another file, one that exists.
  const name = fileShown(displayPath(io.cwd, file));
  const read = readSmallFile(file, MAX_DIAGRAM_BYTES);
  if (read.kind === 'bytes') return { text: decoded(read.bytes, name), name };
  if (read.kind === 'not-a-file') throw new UsageError(`${name} is not a regular file; give a text file of edges`);
  if (read.kind === 'too-large') throw new UsageError(`${name} is larger than ${MAX_DIAGRAM_BYTES / 1024} KiB; a diagram that large is not one to draw`);
  throw new UsageError(`cannot read ${name} (${read.kind === 'missing' ? 'ENOENT' : read.code}); check that it exists and is readable`);
}

/** UTF-8 text, or a usage error naming each line that is not (a Latin-1 byte would draw as U+FFFD, UTF-16 as nothing). */
function decoded(bytes: Buffer, name: string): string {
  const { source, findings } = decodeSource(bytes, name, 'a text file of edges');
  if (findings.length === 0) return source;
  throw new UsageError(`${name} is not UTF-8 text; nothing was drawn`, findings.map(formatFinding));
}

/** The diagram for scripts: components and edges by name, with where each was written. */
function diagramJson(diagram: Diagram): unknown {
  const names = new Map(diagram.nodes.map((node) => [node.key, node.name]));
  return {
    components: diagram.nodes.map((node) => ({ name: node.name, line: node.line, column: node.column })),
    edges: diagram.edges.map((edge) => ({ from: names.get(edge.from), to: names.get(edge.to), label: edge.label ?? null, line: edge.line, column: edge.column })),
  };
}

export async function diagram(options: DiagramOptions, io: Io): Promise<number> {
  const source = await readSource(options, io);
  const parsed = parseDiagram(source.text);
  // Names are drawn without escape sequences and control characters; say so where they were.
  for (const { line, column } of parsed.controls) io.stderr.write(stripControl(`mldrill: warning: ${source.name}:${line}:${column}: ${CONTROLS_LEFT_OUT}\n`));
  if (parsed.problems.length > 0) {
    for (const problem of parsed.problems) io.stderr.write(stripControl(`${source.name}:${problem.line}:${problem.column}: ${problem.message}; ${problem.hint}\n`));
    return EXIT.usage;
  }
  if (parsed.nodes.length === 0) {
    throw new UsageError(`${source.name} has no edges or components to draw; write one chain per line, e.g. events -> feature store -> model`);
  }
  const format = options.format ?? 'text';
  let comparison: DiagramComparison | undefined;
  const compare = await (options.question === undefined ? undefined : import('../diagram/compare.js'));
  if (compare && options.question !== undefined) comparison = compare.compareDiagram(await referenceOf(options.question, io, options.bank), parsed);
  if (format === 'json') {
    const json = { ...(diagramJson(parsed) as object), ...(comparison && compare ? { comparison: compare.comparisonJson(comparison) } : {}) };
    io.stdout.write(jsonText(json));
    return EXIT.ok;
  }
  const summary = comparison && compare ? [compare.comparisonSummary(comparison), ...(comparison.components.unexpected.length ? [`Not in the reference (not counted): ${comparison.components.unexpected.join(', ')}`] : [])] : [];
  if (format === 'mermaid') {
    const { toMermaid } = await import('../diagram/mermaid.js');
    // The comparison as Mermaid comments, so that the output stays a diagram.
    io.stdout.write(stripControl(toMermaid(parsed) + summary.map((line) => `%% ${line}\n`).join('')));
    return EXIT.ok;
  }
  const { loadDraw, tooLargeNote } = await import('../diagram/draw.js');
  const width = options.width ?? (io.stdout.isTTY ? io.stdout.columns : 80);
  const drawing = (await loadDraw())(parsed, { width });
  if (drawing.lines.length) io.stdout.write(stripControl(`${drawing.lines.join('\n')}\n`));
  const note = drawing.past ? tooLargeNote(drawing.past, '--format mermaid or --format json gives it whole') : drawing.note;
  if (note) io.stderr.write(`mldrill: ${note}\n`);
  if (summary.length) io.stdout.write(stripControl(`${drawing.lines.length ? '\n' : ''}${summary.join('\n')}\n`));
  return EXIT.ok;
}
