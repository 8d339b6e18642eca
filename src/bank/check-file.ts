// Everything that one file can tell about itself: read, parse, validate, the editor modeline,
// and a small summary of the ids that the cross-file checks need. Results are plain data, so
// they can come back from a worker thread.
import fs from 'node:fs';
import type { Finding } from './findings.js';
import { parseYaml, type ParsedFile, type PathSegment } from './parse.js';
import { checkSchemaComment } from './schema-comment.js';
import { DEFAULT_RUBRIC, type QuestionData, type RubricData } from './schema.js';
import { kindOf, validateQuestion, validateRubric, type FileKind } from './validate.js';

/** A value from the file and where it is. */
export interface Located<T> {
  value: T;
  line: number;
  column: number;
}

export interface StageSummary {
  /** Question: the key under `stages`; rubric: the stage's `id`. */
  id: Located<string>;
  /** Checklist item ids of the stage. */
  items: Located<string>[];
}

/** The ids of a file, salvaged even from a file with errors so that one run finds everything. */
export interface FileSummary {
  file: string;
  kind: FileKind;
  id?: Located<string>;
  /** Questions only: the rubric id (the default when absent); missing when it is not text. */
  rubric?: Located<string>;
  stages: StageSummary[];
  /** False when some stage could not be read; its stage list is then not the whole truth. */
  stagesComplete: boolean;
  /** No errors in the file itself. */
  valid: boolean;
}

export interface FileResult {
  findings: Finding[];
  summary?: FileSummary;
  /** The validated data, when asked for and the file has no errors of its own. */
  value?: QuestionData | RubricData;
}

/** Checks the file at `file` (absolute), naming it `shown` in findings. */
export function checkFile(file: string, shown: string, options: { keepValue?: boolean } = {}): FileResult {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { findings: [{ file: shown, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read the file (${code}); check that it exists and is readable` }] };
  }
  const kind = kindOf(file);
  const parsed = parseYaml(shown, source);
  const result = kind === 'rubric' ? validateRubric(parsed) : validateQuestion(parsed);
  const findings = [...result.findings, ...checkSchemaComment(source, file, shown, kind)];
  const valid = !findings.some((finding) => finding.severity === 'error');
  return {
    findings,
    summary: summarize(parsed, kind, valid),
    ...(options.keepValue && valid && result.value ? { value: result.value } : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function summarize(parsed: ParsedFile, kind: FileKind, valid: boolean): FileSummary | undefined {
  const data = parsed.data;
  if (!isRecord(data)) return undefined;
  const locate = (pathTo: PathSegment[], value: string, at: 'key' | 'value' = 'value'): Located<string> => ({ value, ...parsed.locate(pathTo, at) });
  const items = (checklist: unknown, pathTo: PathSegment[]): Located<string>[] =>
    Array.isArray(checklist)
      ? checklist.flatMap((item, i) => (isRecord(item) && typeof item.id === 'string' ? [locate([...pathTo, i, 'id'], item.id)] : []))
      : [];
  const summary: FileSummary = { file: parsed.file, kind, stages: [], stagesComplete: true, valid };
  if (typeof data.id === 'string') summary.id = locate(['id'], data.id);
  if (kind === 'rubric') {
    if (!Array.isArray(data.stages)) summary.stagesComplete = false;
    else data.stages.forEach((stage, i) => {
      if (isRecord(stage) && typeof stage.id === 'string') summary.stages.push({ id: locate(['stages', i, 'id'], stage.id), items: items(stage.checklist, ['stages', i, 'checklist']) });
      else summary.stagesComplete = false;
    });
  } else {
    if (typeof data.rubric === 'string') summary.rubric = locate(['rubric'], data.rubric);
    else if (data.rubric === undefined) summary.rubric = locate(['rubric'], DEFAULT_RUBRIC);
    if (isRecord(data.stages)) {
      for (const [id, stage] of Object.entries(data.stages)) {
        summary.stages.push({ id: locate(['stages', id], id, 'key'), items: isRecord(stage) ? items(stage.checklist, ['stages', id, 'checklist']) : [] });
      }
    }
  }
  return summary;
}
