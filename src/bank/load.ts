// Finds, parses and validates every question and rubric file of the bank. Returns data and
// findings; never prints. A broken file is reported and left out; the rest still load.
import fs from 'node:fs';
import { closest } from '../text.js';
import { bankDirectories, displayPath, findYamlFiles, type BankOptions } from './files.js';
import { compareFindings, type Finding } from './findings.js';
import { parseYaml, type ParsedFile } from './parse.js';
import { DEFAULT_RUBRIC, type LoadedQuestion, type LoadedRubric } from './schema.js';
import { kindOf, showPath, validateQuestion, validateRubric } from './validate.js';

export interface Bank {
  /** Sorted by id. */
  questions: LoadedQuestion[];
  rubrics: Map<string, LoadedRubric>;
  findings: Finding[];
  /** How many YAML files were read. */
  files: number;
}

interface Entry<T> {
  parsed: ParsedFile;
  value: T;
}

/** Reads and checks the given files as one bank. */
export function loadFiles(files: string[], cwd: string): Bank {
  const findings: Finding[] = [];
  const questions: Entry<LoadedQuestion>[] = [];
  const rubrics = new Map<string, Entry<LoadedRubric>>();

  for (const file of files) {
    const shown = displayPath(cwd, file);
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch (error) {
      findings.push({ file: shown, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    const parsed = parseYaml(shown, source);
    if (kindOf(file) === 'rubric') {
      const result = validateRubric(parsed);
      findings.push(...result.findings);
      if (!result.value) continue;
      const twin = rubrics.get(result.value.id);
      if (twin) {
        const { line, column } = parsed.locate(['id']);
        findings.push({ file: shown, line, column, severity: 'error', rule: 'duplicate-id', message: `rubric id "${result.value.id}" is already used by ${twin.parsed.file}; rubric ids must be unique` });
        continue;
      }
      rubrics.set(result.value.id, { parsed, value: { ...result.value, file } });
    } else {
      const result = validateQuestion(parsed);
      findings.push(...result.findings);
      if (result.value) questions.push({ parsed, value: { ...result.value, rubric: result.value.rubric ?? DEFAULT_RUBRIC, file } });
    }
  }

  const accepted: LoadedQuestion[] = [];
  const byId = new Map<string, Entry<LoadedQuestion>>();
  for (const entry of questions) {
    const problems = crossCheck(entry, rubrics, byId);
    findings.push(...problems);
    if (problems.length === 0) {
      byId.set(entry.value.id, entry);
      accepted.push(entry.value);
    }
  }
  // Code-unit order, not the locale's: the same on every machine, as seeded picks need.
  accepted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    questions: accepted,
    rubrics: new Map([...rubrics].map(([id, entry]) => [id, entry.value])),
    findings: findings.sort(compareFindings),
    files: files.length,
  };
}

/** Checks a question against the rubrics and the questions accepted before it. */
function crossCheck(entry: Entry<LoadedQuestion>, rubrics: Map<string, Entry<LoadedRubric>>, byId: Map<string, Entry<LoadedQuestion>>): Finding[] {
  const { parsed, value: question } = entry;
  const finding = (pathTo: (string | number)[], rule: string, message: string, at: 'key' | 'value' = 'value'): Finding => ({
    file: parsed.file, ...parsed.locate(pathTo, at), severity: 'error', rule, message,
  });
  const twin = byId.get(question.id);
  if (twin) return [finding(['id'], 'duplicate-id', `question id "${question.id}" is already used by ${twin.parsed.file}; question ids must be unique`)];
  const rubric = rubrics.get(question.rubric);
  if (!rubric) {
    const [suggestion] = closest(question.rubric, rubrics.keys(), 1);
    const fix = suggestion ? `did you mean "${suggestion}"?` : `known rubrics: ${[...rubrics.keys()].join(', ') || 'none'}`;
    return [finding(['rubric'], 'unknown-rubric', `rubric "${question.rubric}" does not exist; ${fix}`)];
  }
  const stageIds = rubric.value.stages.map((stage) => stage.id);
  const problems: Finding[] = [];
  for (const [id, stage] of Object.entries(question.stages)) {
    const rubricStage = rubric.value.stages.find((candidate) => candidate.id === id);
    if (!rubricStage) {
      const [suggestion] = closest(id, stageIds, 1);
      problems.push(finding(['stages', id], 'unknown-stage', `${showPath(['stages', id])}: rubric "${rubric.value.id}" has no stage "${id}"; ${suggestion ? `did you mean "${suggestion}"?` : `its stages are ${stageIds.join(', ')}`}`, 'key'));
      continue;
    }
    // Items are ticked by id, so a question item may not shadow one of its rubric's.
    const rubricItems = new Set(rubricStage.checklist.map((item) => item.id));
    (stage.checklist ?? []).forEach((item, i) => {
      if (rubricItems.has(item.id)) {
        problems.push(finding(['stages', id, 'checklist', i, 'id'], 'duplicate-item', `checklist item id "${item.id}" is already an item of rubric "${rubric.value.id}" in stage "${id}"; pick another id`));
      }
    });
  }
  return problems;
}

/** Loads the whole bank: built-in, --bank and MLDRILL_BANK. */
export function loadBank(cwd: string, env: Record<string, string | undefined>, options: BankOptions = {}): Bank {
  return loadFiles(findYamlFiles(bankDirectories(cwd, env, options)), cwd);
}
