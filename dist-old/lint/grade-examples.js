// Lint's grading-example rule: every example answer of a linted question is graded by the
// keyword grader against its rubric, and must land in its score range. It runs where the
// question was just checked (on every core), with the lint set's rubrics read first.
import { checkFile, parseAgain } from '../bank/check-file.js';
import { DEFAULT_RUBRIC, EXAMPLE_KINDS, loadedQuestion } from '../bank/schema.js';
import { explainExampleGrade, gradeExample } from '../score/grade.js';
import { buildInterview } from '../session/interview.js';
import { closest, stripControl } from '../text.js';
/** Reads the rubric files among `files` (only those; they are few) for the graders. */
export function gradingRubrics(files, isRubric) {
    const rubrics = new Map();
    for (const { file, shown } of files) {
        if (!isRubric(file))
            continue;
        const value = checkFile(file, shown, { keepValue: true }).value;
        if (value)
            rubrics.set(value.id, { ...value, file });
    }
    return rubrics;
}
/** The grader of the questions of a lint set, with its rubrics. */
export function graderOf(rubrics) {
    return (result) => gradeChecked(result, rubrics);
}
function gradeChecked(result, rubrics) {
    const summary = result.summary;
    const question = result.value;
    if (summary?.kind !== 'question' || !summary.examples || !summary.valid || !question?.examples)
        return [];
    const rubric = rubrics.get(question.rubric ?? DEFAULT_RUBRIC);
    return rubric ? gradeQuestion(summary, question, rubric) : [];
}
function gradeQuestion(summary, question, rubric) {
    const findings = [];
    const report = (pathTo, rule, message, at = 'value') => {
        const { line, column } = parseAgain(summary).locate(pathTo, at);
        findings.push({ file: summary.file, line, column, severity: 'error', rule, message: stripControl(message) });
    };
    const interview = buildInterview(loadedQuestion(question, rubric.id, summary.path), rubric);
    const stageIds = rubric.stages.map((stage) => stage.id);
    for (const kind of EXAMPLE_KINDS) {
        const example = question.examples?.[kind];
        if (!example)
            continue;
        for (const stageId of Object.keys(example.notes)) {
            if (stageIds.includes(stageId))
                continue;
            const [suggestion] = closest(stageId, stageIds, 1);
            report(['examples', kind, 'notes', stageId], 'unknown-stage', `examples.${kind}.notes: rubric "${rubric.id}" has no stage "${stageId}"; ${suggestion ? `did you mean "${suggestion}"?` : `its stages are ${stageIds.join(', ')}`}`, 'key');
        }
        const graded = gradeExample(interview, kind, example);
        if (!graded.inRange)
            report(['examples', kind], 'grading-example', explainExampleGrade(graded), 'key');
    }
    return findings;
}
