// Finds, parses and validates every question and rubric file of the bank. Returns data and
// findings; never prints. A broken file is reported and left out; the rest still load.
import { checkFile, unreadableFinding, type FileSummary } from './check-file.js';
import { existsOnce } from './schema-comment.js';
import { crossCheck } from './cross-check.js';
import { displayPath, type UnreadableDir } from './files.js';
import { compareFindings, type Finding } from './findings.js';
import { DEFAULT_RUBRIC, loadedQuestion, type LoadedQuestion, type LoadedRubric, type QuestionData, type RubricData } from './schema.js';
import { compareText } from '../text.js';

/** A rubric left out for its errors, and the file (as findings name it) that has them. */
export interface RubricLeftOut {
  rubric: string;
  file: string;
}

export interface Bank {
  /** Sorted by id. */
  questions: LoadedQuestion[];
  rubrics: Map<string, LoadedRubric>;
  findings: Finding[];
  /** How many YAML files were read. */
  files: number;
  /**
   * Every question id a file claims, valid or not, with the (absolute) file that claims it
   * first: `new` must not add a second file with an id that a broken one already has.
   */
  claimedIds: Map<string, string>;
  /** Questions sound in themselves but left out with their rubric, whose file has errors: by question id. */
  withoutRubric: Map<string, RubricLeftOut>;
}

/** Reads and checks the given files (absolute) as one bank; directories the walk could not list are findings. */
export function loadFiles(files: string[], cwd: string, unreadable: readonly UnreadableDir[] = []): Bank {
  const findings: Finding[] = unreadable.map(({ dir, error }) => unreadableFinding(displayPath(cwd, dir), error, 'directory'));
  const summaries: FileSummary[] = [];
  const values = new Map<string, { file: string; value: QuestionData | RubricData }>();
  const exists = existsOnce();
  for (const file of files) {
    const shown = displayPath(cwd, file);
    const result = checkFile(file, shown, { keepValue: true, exists });
    findings.push(...result.findings);
    if (result.summary) summaries.push(result.summary);
    if (result.value) values.set(shown, { file, value: result.value });
  }
  const cross = crossCheck(summaries);
  findings.push(...cross.findings);

  const accepted = (summary: FileSummary) => values.get(summary.file) && !cross.rejected.has(summary.file);
  const rubrics = new Map<string, LoadedRubric>();
  for (const summary of summaries) {
    const entry = summary.kind === 'rubric' && accepted(summary) ? values.get(summary.file)! : undefined;
    if (entry) rubrics.set(summary.id!, { ...(entry.value as RubricData), file: entry.file });
  }
  const questions: LoadedQuestion[] = [];
  const withoutRubric = new Map<string, RubricLeftOut>();
  const rubricFiles = firstOfEachId(summaries, 'rubric', (summary) => summary.file);
  for (const summary of summaries) {
    const entry = summary.kind === 'question' && accepted(summary) ? values.get(summary.file)! : undefined;
    if (!entry) continue;
    const question = entry.value as QuestionData;
    const rubric = question.rubric ?? DEFAULT_RUBRIC;
    // A question whose rubric is broken is left out with it; the rubric's findings say why.
    if (!rubrics.has(rubric)) {
      withoutRubric.set(question.id, { rubric, file: rubricFiles.get(rubric) ?? '' });
      continue;
    }
    questions.push(loadedQuestion(question, rubric, entry.file));
  }
  // Code-unit order, not the locale's: the same on every machine, as seeded picks need.
  questions.sort((a, b) => compareText(a.id, b.id));
  const claimedIds = firstOfEachId(summaries, 'question', (summary) => summary.path);
  return { questions, rubrics, findings: findings.sort(compareFindings), files: files.length, claimedIds, withoutRubric };
}

/** For each id of the kind, what `take` gives of the first file that has it, whatever its errors. */
function firstOfEachId(summaries: readonly FileSummary[], kind: FileSummary['kind'], take: (summary: FileSummary) => string): Map<string, string> {
  const first = new Map<string, string>();
  for (const summary of summaries) if (summary.kind === kind && summary.id !== undefined && !first.has(summary.id)) first.set(summary.id, take(summary));
  return first;
}
