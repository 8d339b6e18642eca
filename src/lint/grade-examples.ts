// Lint's grading-example rule: every example answer of a linted question is graded by the
// keyword grader against its rubric, and must land in its score range. Only questions with
// examples are read again (with their rubric, once per rubric).
import type { FileSummary } from '../bank/check-file.js';
import { checkFile, parseAgain } from '../bank/check-file.js';
import type { Finding } from '../bank/findings.js';
import type { PathSegment } from '../bank/parse.js';
import { DEFAULT_RUBRIC, EXAMPLE_KINDS, loadedQuestion, type LoadedRubric, type QuestionData, type RubricData } from '../bank/schema.js';
import { explainExampleGrade, gradeExample } from '../score/grade.js';
import { buildInterview } from '../session/interview.js';
import { closest, stripControl } from '../text.js';

export function gradeExamples(summaries: readonly FileSummary[], linted: ReadonlySet<string>, rejected: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const rubricSummaries = new Map(summaries.filter((summary) => summary.kind === 'rubric' && summary.id).map((summary) => [summary.id!, summary]));
  const rubrics = new Map<string, LoadedRubric | undefined>();
  const rubricFor = (id: string) => {
    if (!rubrics.has(id)) {
      const summary = rubricSummaries.get(id);
      const value = summary?.valid ? (checkFile(summary.path, summary.file, { keepValue: true }).value as RubricData | undefined) : undefined;
      rubrics.set(id, value && { ...value, file: summary!.path });
    }
    return rubrics.get(id);
  };
  for (const summary of summaries) {
    if (summary.kind !== 'question' || !summary.examples || !summary.valid || !linted.has(summary.file) || rejected.has(summary.file)) continue;
    const question = checkFile(summary.path, summary.file, { keepValue: true }).value as QuestionData | undefined;
    const rubric = question && rubricFor(question.rubric ?? DEFAULT_RUBRIC);
    if (!question?.examples || !rubric) continue;
    const report = (pathTo: PathSegment[], rule: string, message: string, at: 'key' | 'value' = 'value') => {
      const { line, column } = parseAgain(summary).locate(pathTo, at);
      findings.push({ file: summary.file, line, column, severity: 'error', rule, message: stripControl(message) });
    };
    const interview = buildInterview(loadedQuestion(question, rubric.id, summary.path), rubric);
    const stageIds = rubric.stages.map((stage) => stage.id);
    for (const kind of EXAMPLE_KINDS) {
      const example = question.examples[kind];
      if (!example) continue;
      for (const stageId of Object.keys(example.notes)) {
        if (stageIds.includes(stageId)) continue;
        const [suggestion] = closest(stageId, stageIds, 1);
        report(['examples', kind, 'notes', stageId], 'unknown-stage', `examples.${kind}.notes: rubric "${rubric.id}" has no stage "${stageId}"; ${suggestion ? `did you mean "${suggestion}"?` : `its stages are ${stageIds.join(', ')}`}`, 'key');
      }
      const graded = gradeExample(interview, kind, example);
      if (!graded.inRange) report(['examples', kind], 'grading-example', explainExampleGrade(graded), 'key');
    }
  }
  return findings;
}
