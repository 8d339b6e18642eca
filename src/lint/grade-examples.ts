// Lint's grading-example rule: every example answer of a linted question is graded by the
// keyword grader against its rubric, and must land in its score range. It runs where the
// question was just checked (on every core), with the lint set's rubrics read first.
import { checkFile, parseAgain, type FileResult, type FileSummary } from '../bank/check-file.js';
import type { Finding } from '../bank/findings.js';
import type { PathSegment } from '../bank/parse.js';
import { DEFAULT_RUBRIC, EXAMPLE_KINDS, loadedQuestion, type LoadedRubric, type QuestionData, type RubricData } from '../bank/schema.js';
import { explainExampleGrade, gradeExample } from '../score/grade.js';
import { buildInterview } from '../session/interview.js';
import { closest, didYouMean, stripControl } from '../text.js';

/** Rubrics by id, as the graders see them: the valid rubric files of the lint set, the last of an id winning. */
export type GradingRubrics = ReadonlyMap<string, LoadedRubric>;

/** Reads the rubric files among `files` (only those; they are few) for the graders. */
export function gradingRubrics(files: ReadonlyArray<{ file: string; shown: string }>, isRubric: (file: string) => boolean): Map<string, LoadedRubric> {
  const rubrics = new Map<string, LoadedRubric>();
  for (const { file, shown } of files) {
    if (!isRubric(file)) continue;
    const value = checkFile(file, shown, { keepValue: true }).value as RubricData | undefined;
    if (value) rubrics.set(value.id, { ...value, file });
  }
  return rubrics;
}

/** Grades a checked question's examples (its `value` kept): their findings, or none. */
export type Grader = (result: FileResult) => Finding[];

/** The grader of the questions of a lint set, with its rubrics. */
export function graderOf(rubrics: GradingRubrics): Grader {
  return (result) => gradeChecked(result, rubrics);
}

function gradeChecked(result: FileResult, rubrics: GradingRubrics): Finding[] {
  const summary = result.summary;
  const question = result.value as QuestionData | undefined;
  if (summary?.kind !== 'question' || !summary.examples || !summary.valid || !question?.examples) return [];
  const rubric = rubrics.get(question.rubric ?? DEFAULT_RUBRIC);
  return rubric ? gradeQuestion(summary, question, rubric) : [];
}

function gradeQuestion(summary: FileSummary, question: QuestionData, rubric: LoadedRubric): Finding[] {
  const findings: Finding[] = [];
  const report = (pathTo: PathSegment[], rule: string, message: string, at: 'key' | 'value' = 'value') => {
    const { line, column } = parseAgain(summary).locate(pathTo, at);
    findings.push({ file: summary.file, line, column, severity: 'error', rule, message: stripControl(message) });
  };
  const interview = buildInterview(loadedQuestion(question, rubric.id, summary.path), rubric);
  const stageIds = rubric.stages.map((stage) => stage.id);
  for (const kind of EXAMPLE_KINDS) {
    const example = question.examples?.[kind];
    if (!example) continue;
    for (const stageId of Object.keys(example.notes)) {
      if (stageIds.includes(stageId)) continue;
      const fix = didYouMean(closest(stageId, stageIds, 1), { label: 'its stages are', names: stageIds });
      report(['examples', kind, 'notes', stageId], 'unknown-stage', `examples.${kind}.notes: rubric "${rubric.id}" has no stage "${stageId}"; ${fix}`, 'key');
    }
    const graded = gradeExample(interview, kind, example);
    if (!graded.inRange) report(['examples', kind], 'grading-example', explainExampleGrade(graded), 'key');
  }
  return findings;
}
