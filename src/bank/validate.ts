// Checks one parsed file against its format and turns every problem into a located finding.
// Cross-file checks (unknown rubric, duplicate ids) live in cross-check.ts.
import path from 'node:path';
import * as z from 'zod';
import { closest, controlProblem, didYouMean, findControl, plural, quotedList, showControl, stripControl } from '../text.js';
import { collidingAsks } from './ask-words.js';
import type { Finding, Severity } from './findings.js';
import type { ParsedFile, PathSegment } from './parse.js';
import { EXAMPLE_KINDS, exampleRange, KEBAB, Question, Rubric, type QuestionData, type RubricData } from './schema.js';
import { scoringChecks } from './scoring-checks.js';
import { diagramIssues } from './diagram-check.js';
import { isRecord, yamlOneOneBoolean } from './records.js';
import { misplacedFields, strayItem } from './misplaced.js';
import { isRequired, knownKeys, schemaAt, valueAt } from './schema-paths.js';

export type FileKind = 'question' | 'rubric';

export interface Validated<T> {
  value: T | undefined;
  findings: Finding[];
  /** The file is not YAML and has none of the format's fields: its one finding says so. */
  foreign?: boolean;
}

/** A file directly inside a directory named `rubrics` is a rubric; any other YAML file is a question. */
export function kindOf(file: string): FileKind {
  // Only the file's own directory counts, so a bank kept under, say, ~/rubrics/ still has questions.
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 2] === 'rubrics' ? 'rubric' : 'question';
}

export function validateFile(parsed: ParsedFile, kind: FileKind): Validated<QuestionData | RubricData> {
  return kind === 'rubric' ? validateRubric(parsed) : validateQuestion(parsed);
}

function validateQuestion(parsed: ParsedFile): Validated<QuestionData> {
  return validate(parsed, Question, 'question');
}

function validateRubric(parsed: ParsedFile): Validated<RubricData> {
  return validate(parsed, Rubric, 'rubric');
}

function validate<T>(parsed: ParsedFile, schema: z.ZodType<T>, kind: FileKind): Validated<T> {
  if (parsed.data === undefined) return { value: undefined, findings: parsed.findings };
  if (parsed.damaged && !resembles(parsed.data, schema)) return { value: undefined, findings: [notThisFormat(parsed, kind)], foreign: true };
  // Even after a duplicate key or a syntax error: the parts that parsed are checked in the same run.
  const findings: Finding[] = [...parsed.findings];
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    // Fields missing from one mapping are one finding (one mistake, as often as not), reported after the rest.
    const missingFrom = new Map<string, { pathTo: PathSegment[]; fields: string[] }>();
    const misspelt = misspeltFields(parsed.data, schema, result.error.issues);
    for (const issue of result.error.issues) {
      const pathTo = issue.path as PathSegment[];
      if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && pathTo.length > 0 && valueAt(parsed.data, pathTo) === undefined) {
        if (misspelt.has(JSON.stringify(pathTo))) continue;
        const parent = pathTo.slice(0, -1);
        const group = missingFrom.get(JSON.stringify(parent)) ?? { pathTo: parent, fields: [] };
        missingFrom.set(JSON.stringify(parent), { ...group, fields: [...group.fields, String(pathTo[pathTo.length - 1])] });
      } else {
        findings.push(...describeIssue(parsed, schema, issue));
      }
    }
    for (const { pathTo, fields } of missingFrom.values()) {
      const finding = missing(parsed, schema, pathTo, fields);
      // A rubric stage without minutes has no positive budget: the stage-minutes rule's, like
      // minutes: 0. With other fields missing too, one finding names them all (one mistake, often).
      const noMinutes = finding.rule === 'required' && kind === 'rubric' && pathTo.length === 2 && pathTo[0] === 'stages' && fields.length === 1 && fields[0] === 'minutes';
      findings.push(noMinutes ? at(parsed, pathTo, 'stage-minutes', `${showPath(pathTo)} has no minutes; give it a positive number of minutes (its time budget)`) : finding);
    }
  }
  findings.push(...scanText(parsed), ...fileChecks(parsed, kind));
  const kept = findings.filter((finding) => !artefacts.has(finding));
  const hasError = kept.some((finding) => finding.severity === 'error');
  return { value: result.success && !hasError ? result.data : undefined, findings: kept };
}

/**
 * The fields (as JSON paths) that an unknown key's "did you mean" names: a misspelt required
 * field (`promt:`) is one mistake, said by the unknown field, not also by a missing one.
 */
function misspeltFields(data: unknown, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Set<string> {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const pathTo = issue.path as PathSegment[];
    // Keys said to belong elsewhere (misplaced-field) are not typos.
    const moved = misplacedFields(schema, data, pathTo, issue.keys, showPath)?.keys ?? [];
    const known = knownKeys(schema, pathTo);
    for (const key of issue.keys) {
      const [field] = moved.includes(key) ? [] : closest(key, known, 1);
      if (field !== undefined) meant.add(JSON.stringify([...pathTo, field]));
    }
  }
  return meant;
}

/** A broken file that still has some field of the format: worth checking what parsed. */
function resembles(data: unknown, schema: z.ZodType): boolean {
  const known = knownKeys(schema, []);
  return isRecord(data) && Object.keys(data).some((key) => known.includes(key));
}

/** A Markdown file or a binary renamed to .yaml: one finding, at its first syntax error, not a page of them. */
function notThisFormat(parsed: ParsedFile, kind: FileKind): Finding {
  const syntax = parsed.findings.find((finding) => finding.rule === 'yaml-syntax') ?? parsed.findings[0]!;
  const what = syntax.message.replace(/^YAML syntax error: /, '');
  return { ...syntax, message: `this is not a ${kind} file: it is not YAML (line ${syntax.line}: ${what}) and has none of a ${kind}'s fields (${REQUIRED[kind]}); check that it is the right file` };
}

/**
 * Findings that a YAML syntax error explains (ParsedFile.damaged): left out, since fixing the
 * syntax makes them go away or changes them. A WeakSet, so that every rule can go on
 * building its findings with at() alone.
 */
const artefacts = new WeakSet<Finding>();

/** `scope`: the part of the file the finding depends on, when more than its own node (for `damaged`). */
function at(parsed: ParsedFile, pathTo: readonly PathSegment[], rule: string, message: string, options: { severity?: Severity; key?: boolean; scope?: readonly PathSegment[]; missing?: boolean; written?: string | RegExp } = {}): Finding {
  const { line, column } = parsed.locate(pathTo, options.key ? 'key' : 'value', options.written);
  // Messages quote the file's own text (keys, values), which must not reach a terminal raw.
  const finding: Finding = { file: parsed.file, line, column, severity: options.severity ?? 'error', rule, message: stripControl(message) };
  // A missing field is reported at the mapping that lacks it: the mapping as a whole is judged.
  if (parsed.damaged?.(options.scope ?? pathTo, options.missing ?? rule === 'required')) artefacts.add(finding);
  return finding;
}

/** `stages.clarify.checklist[2].id` */
export function showPath(pathTo: readonly PathSegment[]): string {
  // A key's hidden characters spelt out: stripped at output, "clar<U+FEFF>ify" reads as the stage it is not.
  return pathTo.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${showControl(segment)}` : showControl(segment)), '');
}

/** What a value is, in the words of the formats (text, a list, a mapping), with its article. */
function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return `a number (${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'})`;
  if (Array.isArray(value)) return 'a list';
  // !!binary: YAML's base64 bytes, which no field of a question holds.
  if (value instanceof Uint8Array) return 'a binary value (!!binary)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : `a ${typeof value}`} (${JSON.stringify(value).slice(0, 30)})`;
}

const REQUIRED: Record<FileKind, string> = { question: 'id, title, category, difficulty, prompt and stages', rubric: 'id, title and stages' };

const expectedName: Record<string, string> = { string: 'text', array: 'list', object: 'mapping', number: 'number', record: 'mapping' };

function describeIssue(parsed: ParsedFile, schema: z.ZodType, issue: z.core.$ZodIssue): Finding[] {
  const pathTo = issue.path as PathSegment[];
  const name = showPath(pathTo) || 'the file';
  // A diagram flow with too few or too many places: what a flow is, said once for either.
  const tupleLength = () => [at(parsed, pathTo, 'type', `${name} has ${entries(list(valueAt(parsed.data, pathTo)).length)}; ${TUPLE_SHAPE}`)];
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(parsed.data, pathTo);
      const expected = expectedName[issue.expected] ?? issue.expected;
      if (actual === undefined) return [missing(parsed, schema, pathTo.slice(0, -1), [String(pathTo[pathTo.length - 1])])];
      if (actual === null) {
        if (pathTo.length === 0) return [at(parsed, [], 'empty', `the file is empty; a ${kindOf(parsed.file)} needs at least ${REQUIRED[kindOf(parsed.file)]}`)];
        // `stages:` followed by what belongs under it, indented one level too little.
        const stray = issue.expected === 'record' || issue.expected === 'object' ? strayChild(parsed, schema, pathTo, issue.expected === 'record') : undefined;
        const key = String(pathTo[pathTo.length - 1]);
        if (stray !== undefined) return [at(parsed, pathTo, 'empty', `${name} is empty, but "${stray}" after it looks like part of it; indent "${stray}" (and the lines under it) one level deeper than "${key}"`)];
        // `title:` with nothing after it: the field is there but empty. A required one cannot go.
        const fill = expected === 'text' ? 'write it' : `give it a ${expected}`;
        if (isRequired(schema, pathTo)) return [at(parsed, pathTo, 'empty', `${name} is empty; ${fill} (it is required)`)];
        return [at(parsed, pathTo, 'empty', `${name} is empty; ${fill} or remove the line`)];
      }
      if (pathTo.length === 0) return [at(parsed, [], 'type', `a ${kindOf(parsed.file)} file must be a mapping of fields, not ${typeName(actual)}`)];
      // A field of the question written under `stages` (whose keys are free) reads as a stage of the wrong type.
      const moved = schemaAt(schema, pathTo.slice(0, -1)) instanceof z.ZodRecord ? misplacedFields(schema, parsed.data, pathTo.slice(0, -1), [String(pathTo[pathTo.length - 1])], showPath) : undefined;
      if (moved) return [at(parsed, pathTo, 'misplaced-field', moved.message, { key: true })];
      // .nan and .inf are numbers to YAML, but no budget or weight.
      if (typeof actual === 'number' && !Number.isFinite(actual) && expected === 'number') return [at(parsed, pathTo, 'type', `${name} is not a finite number (.nan or .inf); give it a number`)];
      const meant = expected === 'boolean' ? yamlOneOneBoolean(actual) : undefined;
      if (meant) return [at(parsed, pathTo, 'type', `${name} must be true or false, not text ("${actual as string}"); YAML reads ${actual as string} as text, so write ${meant}`)];
      if (issue.expected === 'tuple') return [at(parsed, pathTo, 'type', `${name} is ${typeName(actual)}; ${TUPLE_SHAPE}`)];
      return [at(parsed, pathTo, 'type', `${name} must be ${expected === 'text' ? 'text' : expected === 'boolean' ? 'true or false' : `a ${expected}`}, not ${typeName(actual)}`)];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, pathTo);
      // Fields of another mapping nearby (written a level too deep or too shallow) are said to be
      // that, in one finding; the rest (misspelt, most likely) are unknown, each on its own.
      const moved = misplacedFields(schema, parsed.data, pathTo, issue.keys, showPath);
      const movedFinding = moved ? [at(parsed, [...pathTo, moved.keys[0]!], 'misplaced-field', moved.message, { key: true })] : [];
      return [...movedFinding, ...issue.keys.filter((key) => !moved?.keys.includes(key)).map((key) => {
        const fix = didYouMean(closest(key, known, 1), { label: 'allowed fields:', names: known });
        return at(parsed, [...pathTo, key], 'unknown-field', `unknown field "${showControl(key)}"${pathTo.length ? ` in ${name}` : ''}; ${fix}`, { key: true });
      })];
    }
    case 'too_small': {
      // A blank required field cannot go: removing it would only trade this finding for a missing one.
      if (issue.origin === 'string') return [at(parsed, pathTo, 'empty', `${name} is empty; ${isRequired(schema, pathTo) ? 'write it (it is required)' : 'write it or remove the field'}`)];
      if (isTuple(schema, pathTo)) return tupleLength();
      if (issue.origin === 'array') return [at(parsed, pathTo, 'empty', `${name} needs at least ${entries(Number(issue.minimum))}`)];
      const rule = pathTo[pathTo.length - 1] === 'minutes' ? 'stage-minutes' : 'range';
      // `min(0)` allows the bound itself; `positive()` does not.
      if (issue.inclusive) return [at(parsed, pathTo, rule, `${name} must be at least ${issue.minimum}; raise it`)];
      return [at(parsed, pathTo, rule, `${name} must be greater than ${issue.minimum}; give it a positive number`)];
    }
    case 'too_big':
      if (isTuple(schema, pathTo)) return tupleLength();
      return [at(parsed, pathTo, 'range', `${name} must be at most ${issue.maximum}; lower it`)];
    case 'invalid_value': {
      // zod reports a missing enum field as a bad value, not as a missing one.
      if (valueAt(parsed.data, pathTo) === undefined) return [missing(parsed, schema, pathTo.slice(0, -1), [String(pathTo[pathTo.length - 1])])];
      const value = valueAt(parsed.data, pathTo);
      const allowed = issue.values.map(String);
      // `difficulty:` with nothing after it (or only spaces in quotes): empty, like `title:`.
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        return [at(parsed, pathTo, 'empty', `${name} is empty; use one of ${allowed.join(', ')}${isRequired(schema, pathTo) ? ' (it is required)' : ''}`)];
      }
      if (typeof value === 'object') return [at(parsed, pathTo, 'type', `${name} is ${typeName(value)}, expected text: one of ${allowed.join(', ')}`)];
      // Not an object or null, so text, a number or a boolean: what YAML scalars are.
      const actual = typeof value === 'number' || typeof value === 'boolean' ? String(value) : (value as string);
      return [at(parsed, pathTo, 'enum', `${name} is "${showControl(actual)}"; ${didYouMean(closest(actual, allowed, 1), { label: 'use one of', names: allowed, always: true })}`)];
    }
    case 'invalid_format': {
      if (issue.format === 'regex') return [at(parsed, pathTo, 'id-format', `${name} "${showControl(String(valueAt(parsed.data, pathTo)))}": ${issue.message}`)];
      const example = issue.format === 'url' ? ', such as https://example.com/article' : '';
      return [at(parsed, pathTo, 'type', `${name} is not a valid ${issue.format}; write the whole ${issue.format}${example}`)];
    }
    case 'invalid_union': {
      // Text or a mapping (a follow-up): judge a mapping by the mapping's own rules.
      const actual = valueAt(parsed.data, pathTo);
      const branch = isRecord(actual) ? issue.errors.find((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0)) : undefined;
      if (branch) return branch.flatMap((inner) => describeIssue(parsed, schema, { ...inner, path: [...pathTo, ...inner.path] }));
      return [at(parsed, pathTo, 'type', `${name} must be text or a mapping, not ${typeName(actual)}`)];
    }
    case 'invalid_key': {
      const key = String(pathTo[pathTo.length - 1]);
      return [at(parsed, pathTo, 'id-format', `stage id "${showControl(key)}" must be kebab-case (lowercase letters, digits and single hyphens)`, { key: true })];
    }
    default:
      return [at(parsed, pathTo, 'type', `${name}: ${issue.message}`)];
  }
}

/** The one list of fixed places in the formats: a diagram flow. */
const TUPLE_SHAPE = 'a flow is [from, to] or [from, to, wording]: two component ids, then how the report words the flow if you like';

const entries = (count: number) => plural(count, 'entry', 'entries');

function isTuple(schema: z.ZodType, pathTo: readonly PathSegment[]): boolean {
  return schemaAt(schema, pathTo) instanceof z.ZodTuple;
}

/**
 * The key after the empty mapping at pathTo, when it reads as one of that mapping's own: a field
 * of it, or (for a mapping of free keys, such as `stages`) a key its parent does not have.
 */
function strayChild(parsed: ParsedFile, schema: z.ZodType, pathTo: readonly PathSegment[], freeKeys: boolean): string | undefined {
  const parent = valueAt(parsed.data, pathTo.slice(0, -1));
  if (!isRecord(parent)) return undefined;
  const keys = Object.keys(parent);
  const next = keys[keys.indexOf(String(pathTo[pathTo.length - 1])) + 1];
  if (next === undefined) return undefined;
  if (knownKeys(schema, pathTo).includes(next)) return next;
  const siblings = knownKeys(schema, pathTo.slice(0, -1));
  return freeKeys && siblings.length > 0 && !siblings.includes(next) ? next : undefined;
}

/**
 * Required fields that are not there, reported at the mapping that should hold them; or, when
 * the mapping is a list item made of a field of the item above, that.
 */
function missing(parsed: ParsedFile, schema: z.ZodType, pathTo: readonly PathSegment[], fields: readonly string[]): Finding {
  const stray = strayItem(schema, parsed.data, pathTo, fields, showPath);
  if (stray) return at(parsed, [...pathTo, stray.key], 'misplaced-field', stray.message, { key: true });
  const what = fields.length > 1 ? `missing required fields ${quotedList(fields)}` : `missing required field "${fields[0]}"`;
  return at(parsed, pathTo, 'required', `${what}${pathTo.length > 0 ? ` in ${showPath(pathTo)}` : ''}; add ${fields.length > 1 ? 'them' : 'it'}`);
}

const TODO = /\bTODO\b/;

/**
 * One walk over every key and string of the file: control characters anywhere (an error) and
 * leftover TODOs in values (a warning). The path is built only for what is reported.
 */
function scanText(parsed: ParsedFile): Finding[] {
  const findings: Finding[] = [];
  // Strings hold only the characters of the text they were parsed from, except through a
  // double-quoted escape: text with no backslash, no TODO and nothing findControl refuses holds
  // no string to report. Most files, checked in one pass instead of a walk over every string.
  if (parsed.source !== undefined && !parsed.source.includes('\\') && !TODO.test(parsed.source) && !findControl(parsed.source, { invisible: true })) return findings;
  const trail: PathSegment[] = [];
  const control = (text: string, where: 'key' | 'value') => {
    // Ids and keys must also look like what they are: no zero-width character may hide in one.
    const options = { invisible: where === 'key' || trail[trail.length - 1] === 'id' };
    const problem = controlProblem(text, options);
    if (!problem) return;
    const what = where === 'key' ? `the key "${showControl(text)}" in ${showPath(trail.slice(0, -1)) || 'the file'}` : showPath(trail);
    // In a long text, the line and column of the character itself.
    findings.push(at(parsed, [...trail], 'control-chars', `${what} ${problem}`, { key: where === 'key', written: findControl(text, options)!.char }));
  };
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      control(value, 'value');
      if (TODO.test(value)) findings.push(at(parsed, [...trail], 'todo', `${showPath(trail)} still says TODO; finish it`, { severity: 'warning', written: TODO }));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        visit(value[i]);
        trail.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        trail.push(key);
        control(key, 'key');
        visit((value as Record<string, unknown>)[key]);
        trail.pop();
      }
    }
  };
  visit(parsed.data);
  return findings;
}

const SHORT_PROMPT = 25;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idOf = (value: unknown): string | undefined => (isRecord(value) && typeof value.id === 'string' ? value.id : undefined);

/**
 * Checks beyond the format: ids against the file name, duplicates, warnings. They read the data
 * as it is, so a file with format errors still gets them in the same run.
 */
function fileChecks(parsed: ParsedFile, kind: FileKind): Finding[] {
  const findings: Finding[] = [];
  const data = parsed.data;
  if (!isRecord(data)) return findings;
  const base = path.basename(parsed.file).replace(/\.ya?ml$/, '');
  if (typeof data.id === 'string' && data.id !== base) {
    // An id that is no id (id-format says so) is no name for the file either: then only the id can change.
    const fix = KEBAB.test(data.id) ? `rename the file to ${data.id}${path.extname(parsed.file)} or change the id` : KEBAB.test(base) ? `change the id to "${base}"` : 'change the id and rename the file to match';
    findings.push(at(parsed, ['id'], 'id-filename', `id "${showControl(data.id)}" does not match the file name "${showControl(path.basename(parsed.file))}"; ${fix}`));
  }
  const stages: Array<[PathSegment, unknown]> = kind === 'rubric' ? list(data.stages).map((stage, i) => [i, stage]) : Object.entries(isRecord(data.stages) ? data.stages : {});
  for (const [key, stage] of stages) {
    const seen = new Set<string>();
    list(isRecord(stage) ? stage.checklist : undefined).forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined) return;
      if (seen.has(id)) findings.push(at(parsed, ['stages', key, 'checklist', i, 'id'], 'duplicate-item', `checklist item id "${id}" is used twice in ${showPath(['stages', key])}; give each item its own id`));
      seen.add(id);
    });
  }
  scoringChecks(data, kind, (pathTo, rule, message, missing) =>
    findings.push(at(parsed, pathTo, rule, message, { severity: 'warning', key: typeof pathTo[pathTo.length - 1] === 'string', ...(missing ? { scope: missing.from, missing: true } : {}) })),
  );
  if (kind === 'rubric') {
    const seen = new Set<string>();
    for (const [i, stage] of stages) {
      const id = idOf(stage);
      if (id !== undefined && seen.has(id)) findings.push(at(parsed, ['stages', i, 'id'], 'duplicate-stage', `stage id "${id}" is used twice; stage ids must be unique`));
      if (id !== undefined) seen.add(id);
    }
  } else {
    const prompt = typeof data.prompt === 'string' ? data.prompt.trim() : undefined;
    // An empty prompt is an error of its own (empty); a short one is worth a warning.
    if (prompt && prompt.length < SHORT_PROMPT) {
      findings.push(at(parsed, ['prompt'], 'short-prompt', `the prompt is very short (${prompt.length} characters); say the problem the way an interviewer would`, { severity: 'warning' }));
    }
    // A flow naming a component that a syntax error lost is judged by the whole diagram.
    for (const issue of diagramIssues(data.diagram)) findings.push(at(parsed, issue.path, issue.rule, issue.message, { scope: ['diagram'] }));
    for (const [id, stage] of stages) {
      // Hints of the wrong type (one text, not a list), left blank or misspelt (`hint:`) have an error of their own.
      const fields = knownKeys(Question, ['stages', id]);
      const misspelt = isRecord(stage) && Object.keys(stage).some((key) => !fields.includes(key) && closest(key, fields, 1)[0] === 'hints');
      if (isRecord(stage) && !misspelt && (stage.hints === undefined || (Array.isArray(stage.hints) && stage.hints.length === 0))) findings.push(at(parsed, ['stages', id], 'no-hints', `stage "${id}" has no hints; add a few specific to this question`, { severity: 'warning', key: true }));
    }
    findings.push(...interviewerChecks(parsed, data), ...exampleRangeChecks(parsed, data));
  }
  return findings;
}

/** An example's score range that no grade can fall in: min above max, given or by default. */
function exampleRangeChecks(parsed: ParsedFile, data: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  for (const kind of EXAMPLE_KINDS) {
    const example = isRecord(data.examples) ? data.examples[kind] : undefined;
    const score = isRecord(example) && isRecord(example.score) ? example.score : undefined;
    if (!score) continue;
    // A bound that is not a number is the type rule's; this one judges the numbers.
    const given = { min: typeof score.min === 'number' ? score.min : undefined, max: typeof score.max === 'number' ? score.max : undefined };
    const { min, max } = exampleRange(kind, given);
    if (min <= max) continue;
    const name = `examples.${kind}.score`;
    const [bound, message] =
      given.min !== undefined && given.max !== undefined
        ? (['min', `${name}: min ${min} is above max ${max}, so no grade falls in the range; swap them or correct one`] as const)
        : given.min !== undefined
          ? (['min', `${name}.min is ${min}, above the ${kind} default max of ${max}, so no grade falls in the range; lower min, or give max too`] as const)
          : (['max', `${name}.max is ${max}, below the ${kind} default min of ${min}, so no grade falls in the range; raise max, or give min too`] as const);
    findings.push(at(parsed, ['examples', kind, 'score', bound], 'range', message));
  }
  return findings;
}

/** Facts an interviewer needs in any question: the rest depend on the problem. */
const ESSENTIAL_TOPICS = ['goal', 'scale', 'latency'] as const;
const MIN_FACTS = 6;
/** An answer key's size: what a strong reply to one curveball covers. */
const ANSWER_POINTS = { min: 2, max: 4 };

/** The fact sheet and the follow-ups' conditions. */
function interviewerChecks(parsed: ParsedFile, data: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  list(data.followups).forEach((followup, i) => {
    const answer = isRecord(followup) ? followup.answer : undefined;
    // Empty is the format's error; one point is a sentence, not a key, and five or more a checklist.
    if (Array.isArray(answer) && answer.length > 0 && (answer.length < ANSWER_POINTS.min || answer.length > ANSWER_POINTS.max)) {
      findings.push(at(parsed, ['followups', i, 'answer'], 'answer-key-size', `followups[${i}].answer has ${plural(answer.length, 'point')}; give it ${ANSWER_POINTS.min}-${ANSWER_POINTS.max} points a strong reply covers`, { severity: 'warning', key: true }));
    }
    const when = isRecord(followup) ? followup.when : undefined;
    if (isRecord(when) && when.mentioned === undefined && when.missing === undefined) {
      findings.push(at(parsed, ['followups', i, 'when'], 'empty-when', `followups[${i}].when has no phrases; add mentioned: [...] or missing: [...], or remove it`));
    }
  });
  if (!isRecord(data.interviewer)) return findings;
  const facts = list(data.interviewer.facts);
  const seen = new Set<string>();
  facts.forEach((fact, i) => {
    const id = idOf(fact);
    if (id !== undefined && seen.has(id)) findings.push(at(parsed, ['interviewer', 'facts', i, 'id'], 'duplicate-fact', `fact id "${id}" is used twice; give each fact its own id`));
    if (id !== undefined) seen.add(id);
  });
  const asks = facts.map((fact) => ({ ask: list(isRecord(fact) ? fact.ask : undefined) }));
  for (const { first, second } of collidingAsks(asks)) {
    const phrase = (where: [number, number]) => `interviewer.facts[${where[0]}].ask[${where[1]}] "${String(asks[where[0]]!.ask[where[1]])}"`;
    findings.push(at(parsed, ['interviewer', 'facts', second[0], 'ask', second[1]], 'ask-collision', `${phrase(second)} reads the same as ${phrase(first)}, so a question cannot tell the two facts apart; reword one or merge the facts`));
  }
  const topics = new Set(facts.map((fact) => (isRecord(fact) ? fact.topic : undefined)));
  const absent = ESSENTIAL_TOPICS.filter((topic) => !topics.has(topic));
  if (facts.length > 0 && (facts.length < MIN_FACTS || absent.length > 0)) {
    const problems = [
      ...(facts.length < MIN_FACTS ? [`has ${plural(facts.length, 'fact')}`] : []),
      ...(absent.length ? [`says nothing about ${absent.join(', ')}`] : []),
    ];
    findings.push(at(parsed, ['interviewer', 'facts'], 'thin-fact-sheet', `the fact sheet ${problems.join(' and ')}; give the interviewer at least ${MIN_FACTS} facts, covering ${ESSENTIAL_TOPICS.join(', ')}`, { severity: 'warning', key: true }));
  }
  return findings;
}
