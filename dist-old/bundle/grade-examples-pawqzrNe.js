'use strict';

var checkFile = require('./check-file-CKAGQGLi.js');
var schema = require('./schema-BGvGW6m0.js');
var history = require('./history-B9vlrtBJ.js');
var core = require('./core-DiuhDYN8.js');
var start = require('./start-DA7aRZP1.js');
require('./fast-parse-DnjREA6l.js');
require('js-yaml');
require('./parse-C60j6b4E.js');
require('yaml');
require('node:path');
require('zod');
require('./diagram-lQO3I6ij.js');
require('node:fs');
require('node:events');
require('node:process');
require('node:os');
require('node:url');

// Lint's grading-example rule: every example answer of a linted question is graded by the
// keyword grader against its rubric, and must land in its score range. It runs where the
// question was just checked (on every core), with the lint set's rubrics read first.
/** Reads the rubric files among `files` (only those; they are few) for the graders. */
function gradingRubrics(files, isRubric) {
    const rubrics = new Map();
    for (const { file, shown } of files) {
        if (!isRubric(file))
            continue;
        const value = checkFile.checkFile(file, shown, { keepValue: true }).value;
        if (value)
            rubrics.set(value.id, { ...value, file });
    }
    return rubrics;
}
/** The grader of the questions of a lint set, with its rubrics. */
function graderOf(rubrics) {
    return (result) => gradeChecked(result, rubrics);
}
function gradeChecked(result, rubrics) {
    const summary = result.summary;
    const question = result.value;
    if (summary?.kind !== 'question' || !summary.examples || !summary.valid || !question?.examples)
        return [];
    const rubric = rubrics.get(question.rubric ?? core.DEFAULT_RUBRIC);
    return rubric ? gradeQuestion(summary, question, rubric) : [];
}
function gradeQuestion(summary, question, rubric) {
    const findings = [];
    const report = (pathTo, rule, message, at = 'value') => {
        const { line, column } = checkFile.parseAgain(summary).locate(pathTo, at);
        findings.push({ file: summary.file, line, column, severity: 'error', rule, message: start.stripControl(message) });
    };
    const interview = core.buildInterview(schema.loadedQuestion(question, rubric.id, summary.path), rubric);
    const stageIds = rubric.stages.map((stage) => stage.id);
    for (const kind of schema.EXAMPLE_KINDS) {
        const example = question.examples?.[kind];
        if (!example)
            continue;
        for (const stageId of Object.keys(example.notes)) {
            if (stageIds.includes(stageId))
                continue;
            const [suggestion] = start.closest(stageId, stageIds, 1);
            report(['examples', kind, 'notes', stageId], 'unknown-stage', `examples.${kind}.notes: rubric "${rubric.id}" has no stage "${stageId}"; ${suggestion ? `did you mean "${suggestion}"?` : `its stages are ${stageIds.join(', ')}`}`, 'key');
        }
        const graded = history.gradeExample(interview, kind, example);
        if (!graded.inRange)
            report(['examples', kind], 'grading-example', history.explainExampleGrade(graded), 'key');
    }
    return findings;
}

exports.graderOf = graderOf;
exports.gradingRubrics = gradingRubrics;
