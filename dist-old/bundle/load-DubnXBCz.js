'use strict';

var checkFile = require('./check-file-CKAGQGLi.js');
var core = require('./core-DiuhDYN8.js');
var crossCheck = require('./cross-check-7OLHOSRh.js');
var schema = require('./schema-BGvGW6m0.js');
require('./fast-parse-DnjREA6l.js');
require('js-yaml');
require('node:fs');
require('node:path');
require('./start-DA7aRZP1.js');
require('node:os');
require('node:url');
require('node:events');
require('node:process');
require('./parse-C60j6b4E.js');
require('yaml');
require('zod');
require('./diagram-lQO3I6ij.js');

// Finds, parses and validates every question and rubric file of the bank. Returns data and
// findings; never prints. A broken file is reported and left out; the rest still load.
/** Reads and checks the given files (absolute) as one bank; directories the walk could not list are findings. */
function loadFiles(files, cwd, unreadable = []) {
    const findings = unreadable.map(({ dir, error }) => checkFile.unreadableFinding(core.displayPath(cwd, dir), error, 'directory'));
    const summaries = [];
    const values = new Map();
    const exists = core.existsOnce();
    for (const file of files) {
        const shown = core.displayPath(cwd, file);
        const result = checkFile.checkFile(file, shown, { keepValue: true, exists });
        findings.push(...result.findings);
        if (result.summary)
            summaries.push(result.summary);
        if (result.value)
            values.set(shown, { file, value: result.value });
    }
    const cross = crossCheck.crossCheck(summaries);
    findings.push(...cross.findings);
    const accepted = (summary) => values.get(summary.file) && !cross.rejected.has(summary.file);
    const rubrics = new Map();
    for (const summary of summaries) {
        const entry = summary.kind === 'rubric' && accepted(summary) ? values.get(summary.file) : undefined;
        if (entry)
            rubrics.set(summary.id, { ...entry.value, file: entry.file });
    }
    const questions = [];
    for (const summary of summaries) {
        const entry = summary.kind === 'question' && accepted(summary) ? values.get(summary.file) : undefined;
        if (!entry)
            continue;
        const question = entry.value;
        const rubric = question.rubric ?? core.DEFAULT_RUBRIC;
        // A question whose rubric is broken is left out with it; the rubric's findings say why.
        if (!rubrics.has(rubric))
            continue;
        questions.push(schema.loadedQuestion(question, rubric, entry.file));
    }
    // Code-unit order, not the locale's: the same on every machine, as seeded picks need.
    questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { questions, rubrics, findings: findings.sort(core.compareFindings), files: files.length };
}

exports.findYamlFiles = core.findYamlFiles;
exports.loadFiles = loadFiles;
