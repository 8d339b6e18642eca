// Everything that one file can tell about itself: read, parse, validate, the editor modeline,
// and a small summary of the ids that the cross-file checks need. Results are plain data, so
// they can come back from a worker thread.
import { decodeSource } from './encoding.js';
import { danglingLinkTarget, NotRegularError, readRegular, TooLargeError } from '../read-file.js';
import { fastData } from './fast-parse.js';
import { MAX_FILE_BYTES, type Finding } from './findings.js';
import { parseYaml, tooLargeFinding, type ParsedFile, type PathSegment } from './parse.js';
import { checkSchemaComment } from './schema-comment.js';
import { DEFAULT_RUBRIC, type QuestionData, type RubricData } from './schema.js';
import { isRecord } from './records.js';
import { kindOf, validateFile, type FileKind, type Validated } from './validate.js';

export interface StageSummary {
  /** Question: the key under `stages`; rubric: the stage's `id`. */
  id: string;
  /** Checklist item ids by position in the checklist; null where an item has no text id. */
  items: Array<string | null>;
  /** Questions only: the stage's `not_applicable` ids, and each item's `replaces` (null where none). */
  dropped?: string[];
  replaces?: Array<string | null>;
}

/**
 * The ids of a file, salvaged even from a file with errors so that one run finds everything.
 * Kept small, with no positions: 10,000 of them cross threads and stay in memory.
 */
export interface FileSummary {
  /** As findings name it. */
  file: string;
  /** Absolute, to read it again for positions. */
  path: string;
  kind: FileKind;
  id?: string;
  /** Questions only: the rubric id (the default when absent); missing when it is not text. */
  rubric?: string;
  stages: StageSummary[];
  /** False when some stage could not be read; its stage list is then not the whole truth. */
  stagesComplete: boolean;
  /** No errors in the file itself. */
  valid: boolean;
  /** Questions only: the file has example answers for lint to grade. */
  examples?: boolean;
}

export interface FileResult {
  findings: Finding[];
  summary?: FileSummary;
  /** The validated data, when asked for and the file has no errors of its own. */
  value?: QuestionData | RubricData;
}

/**
 * Checks the file at `file` (absolute), naming it `shown` in findings. A run over many files
 * passes one `exists` (existsOnce in schema-comment.ts) for all of them.
 */
export function checkFile(file: string, shown: string, options: { keepValue?: boolean; exactOnly?: boolean; exists?: (file: string) => boolean } = {}): FileResult {
  let bytes: Buffer;
  try {
    bytes = readRegular(file, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof TooLargeError) return { findings: [tooLargeFinding(shown)] };
    return { findings: [unreadableFinding(shown, error, 'file', file)] };
  }
  const { source, findings: encoding } = decodeSource(bytes, shown);
  const kind = kindOf(file);
  const modeline = checkSchemaComment(source, file, shown, kind, options.exists);
  if (encoding.length) {
    // UTF-16 is no text the parser can be trusted with; a few stray bytes leave the rest worth checking.
    if (!source) return { findings: encoding };
    const rest = exactCheck(source, file, shown, kind, modeline, {});
    return { findings: [...encoding, ...rest.findings], ...(rest.summary ? { summary: { ...rest.summary, valid: false } } : {}) };
  }
  return (!options.exactOnly && quickCheck(source, file, shown, kind, modeline, options)) || exactCheck(source, file, shown, kind, modeline, options);
}

/**
 * A bank entry that cannot be read: what it is when it is not a regular file (a FIFO, a link to
 * a device), a link that leads nowhere (with where it points, given the entry's path), else the
 * error code (EACCES...). Only regular files are ever read.
 */
export function unreadableFinding(shown: string, error: unknown, what: 'file' | 'directory' = 'file', file?: string): Finding {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const target = code === 'ENOENT' && file !== undefined ? danglingLinkTarget(file) : undefined;
  const message = error instanceof NotRegularError
    ? `${error.kind}, not a regular file; only regular .yaml files belong in a bank, so remove it or replace it with the file`
    : target !== undefined
      ? `a link to ${target}, which does not exist; point it at the ${what}, or remove the link`
      : `cannot read the ${what} (${code}); check that it exists and is readable`;
  return { file: shown, line: 1, column: 1, severity: 'error', rule: 'unreadable', message };
}


/** A .yaml link in a linted directory to a file outside it, which lint leaves unread (see Walk.outside). */
export function outsideLinkFinding(shown: string): Finding {
  return {
    file: shown, line: 1, column: 1, severity: 'error', rule: 'unreadable',
    message: 'a link to a file outside the directory being linted; not read, as a link in a pull request could show lint any file on the machine: put the file itself here',
  };
}

/** Thrown by the quick check's locate: a finding needs a position, so the exact parser must run. */
const NEEDS_POSITIONS = Symbol('needs positions');

/** Clears a file that js-yaml reads and every check passes; undefined means "look closer". */
function quickCheck(source: string, file: string, shown: string, kind: FileKind, modeline: Finding[], options: { keepValue?: boolean }): FileResult | undefined {
  const data = fastData(source);
  if (data === undefined) return undefined;
  // A bare symbol, not an Error: no stack to capture on a path taken for every file with a finding.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  const parsed: ParsedFile = { file: shown, data, findings: [], locate: () => { throw NEEDS_POSITIONS; }, source };
  try {
    // The modeline findings are only ever warnings, so a file cleared here is valid.
    return outcome(validateFile(parsed, kind), modeline, parsed, file, kind, options);
  } catch (error) {
    if (error === NEEDS_POSITIONS) return undefined;
    throw error;
  }
}

function exactCheck(source: string, file: string, shown: string, kind: FileKind, modeline: Finding[], options: { keepValue?: boolean }): FileResult {
  const parsed = parseYaml(shown, source);
  return outcome(validateFile(parsed, kind), modeline, parsed, file, kind, options);
}

function outcome(result: Validated<QuestionData | RubricData>, modeline: Finding[], parsed: ParsedFile, file: string, kind: FileKind, options: { keepValue?: boolean }): FileResult {
  // A file that is not this format at all gets its one finding, not also a modeline warning.
  const findings = result.foreign ? result.findings : [...result.findings, ...modeline];
  const valid = !findings.some((finding) => finding.severity === 'error');
  return {
    findings,
    summary: result.foreign ? undefined : summarize(parsed, file, kind, valid),
    ...(options.keepValue && valid && result.value ? { value: result.value } : {}),
  };
}

/** A file read again with positions: only for the rare cross-file finding. */
export function parseAgain(summary: Pick<FileSummary, 'file' | 'path'>): ParsedFile {
  let source = '';
  try {
    source = readRegular(summary.path, MAX_FILE_BYTES).toString('utf8');
  } catch {
    // Gone since it was checked: the finding still names the file, at 1:1.
  }
  return parseYaml(summary.file, source);
}

/**
 * A copy of text that does not hold on to the file it was cut from: V8 keeps the whole source
 * of a substring alive, which for 10,000 summaries would be every file read.
 */
const detach = (text: string): string => (text.length < 13 ? text : JSON.parse(JSON.stringify(text)) as string);


function summarize(parsed: ParsedFile, absolute: string, kind: FileKind, valid: boolean): FileSummary | undefined {
  const { data, file } = parsed;
  if (!isRecord(data)) return undefined;
  // After a syntax error, only what parsed as written counts: a broken stage is no unknown stage.
  const sound = (path: PathSegment[]) => !parsed.damaged?.(path, false);
  const items = (checklist: unknown) => (Array.isArray(checklist) ? checklist.map((item) => (isRecord(item) && typeof item.id === 'string' ? detach(item.id) : null)) : []);
  const summary: FileSummary = { file, path: absolute, kind, stages: [], stagesComplete: true, valid };
  if (typeof data.id === 'string' && sound(['id'])) summary.id = detach(data.id);
  if (kind === 'rubric') {
    if (!Array.isArray(data.stages) || parsed.damaged?.(['stages'], true)) summary.stagesComplete = false;
    if (Array.isArray(data.stages)) data.stages.forEach((stage, i) => {
      if (isRecord(stage) && typeof stage.id === 'string' && sound(['stages', i, 'id'])) summary.stages.push({ id: detach(stage.id), items: items(stage.checklist) });
      else summary.stagesComplete = false;
      // A stage that a break runs through may have lost items: no question is judged by it.
      if (parsed.damaged?.(['stages', i], true)) summary.stagesComplete = false;
    });
  } else {
    if (typeof data.rubric === 'string' && sound(['rubric'])) summary.rubric = detach(data.rubric);
    else if (data.rubric === undefined && !parsed.damaged?.([], true)) summary.rubric = DEFAULT_RUBRIC;
    if (isRecord(data.stages)) {
      for (const [id, stage] of Object.entries(data.stages)) {
        // A list or text under `stages` has its own finding (its type, or that it is a field of
        // the question indented too far); it is not also an unknown stage.
        if (!sound(['stages', id]) || (stage !== null && !isRecord(stage))) continue;
        const entry: StageSummary = { id: detach(id), items: isRecord(stage) ? items(stage.checklist) : [] };
        if (isRecord(stage) && Array.isArray(stage.not_applicable)) entry.dropped = stage.not_applicable.filter((item): item is string => typeof item === 'string').map(detach);
        if (isRecord(stage) && Array.isArray(stage.checklist) && stage.checklist.some((item) => isRecord(item) && item.replaces !== undefined)) {
          entry.replaces = stage.checklist.map((item) => (isRecord(item) && typeof item.replaces === 'string' ? detach(item.replaces) : null));
        }
        summary.stages.push(entry);
      }
    }
    if (isRecord(data.examples)) summary.examples = true;
  }
  return summary;
}
