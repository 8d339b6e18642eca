'use strict';

var path = require('node:path');
var core = require('./core-DiuhDYN8.js');
var readHistory = require('./read-history-CUjWS12d.js');
var diagram = require('./diagram-lQO3I6ij.js');
var start = require('./start-DA7aRZP1.js');
var history = require('./history-B9vlrtBJ.js');
require('node:fs');
require('node:events');
require('node:process');
require('node:os');
require('node:url');
require('./ratings-B_hdssup.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// `mldrill grade`: the keyword grader on its own. Grades a notes file against a question, or a
// recorded session's notes again (after a rubric change) without touching the record.
async function grade(options, io) {
    // Read the notes first: a missing file is the user's to fix before the bank is even opened.
    const text = options.notes === undefined ? undefined : options.notes === '-' ? await core.readNotesStream(io.terminal.input) : core.readNotesFile(path.resolve(io.cwd, options.notes), options.notes);
    return core.withCatalog(io, options.bank, async (catalog) => {
        let questionId;
        let rubricId = options.rubric;
        let notes;
        let sessionRecord;
        /** The drawing's edge lines: the notes' `## diagram` section, or the record's saved diagram. */
        let diagram$1;
        if (text !== undefined) {
            questionId = core.requireId(catalog.ids, options.target);
            notes = text;
        }
        else {
            if (catalog.ids.includes(options.target))
                throw new start.UsageError(`"${options.target}" is a question: give its notes with --notes FILE (or --notes - for stdin)`);
            const record = readHistory.readSessionFor(io, options.target);
            questionId = core.requireId(catalog.ids, record.questionId);
            rubricId ??= record.rubricId;
            notes = record.stages.map((stage) => `## ${stage.id}\n${stage.notes}`).join('\n');
            sessionRecord = record;
            diagram$1 = record.diagram;
        }
        const question = catalog.question(questionId);
        const interview = core.buildInterview(question, catalog.rubric(rubricId ?? question.rubric));
        const split = history.splitNotes(notes, interview.stages.map((stage) => stage.plan));
        if (text !== undefined) {
            diagram$1 = split.diagram ?? undefined;
            const shown = start.stripControl(options.notes === '-' ? 'stdin' : options.notes);
            const stageIds = interview.stages.map((stage) => stage.plan.id).join(', ');
            for (const { line, heading } of split.unknownHeadings) {
                io.stderr.write(`mldrill: warning: ${shown}:${line}: heading "## ${start.stripControl(heading)}" names no stage (${stageIds}); its text counts for every stage\n`);
            }
            // The diagram section's lines sit at their lines of the file, so a line that is not an edge is named where it is.
            for (const problem of split.diagram === null ? [] : diagram.parseDiagram(split.diagram).problems) {
                io.stderr.write(`mldrill: warning: ${shown}:${problem.line}:${problem.column}: ${start.stripControl(problem.message)}; ${start.stripControl(problem.hint)}; the line is left out of the comparison\n`);
            }
            if (split.diagram !== null && !question.diagram)
                io.stderr.write(`mldrill: warning: ${start.stripControl(question.id)} has no reference diagram; the ## diagram section is not compared\n`);
        }
        if (options.ai) {
            // A session's rating is kept beside it (ratings.jsonl); notes from a file are graded and shown only.
            const notesByStage = { '': split.unstaged, ...Object.fromEntries(split.stages) };
            const { runAiGrade } = await Promise.resolve().then(function () { return require('./ai-grade-ChFOae-D.js'); });
            return runAiGrade({ question, rubric: interview.rubric, notesByStage, ...(sessionRecord ? { record: sessionRecord } : {}) }, io, { json: options.json, llm: core.llmOf(io), ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}) });
        }
        const graded = history.gradeNotes(interview, history.allNotes(split), diagram$1);
        if (options.json)
            io.stdout.write(history.gradeJson(graded));
        else
            io.stdout.write(`${history.gradeLines(graded, question.title, interview.rubric.title, await core.styleFor(io.stdout, io.env), io.stdout.isTTY ? Math.min(io.stdout.columns, 100) : undefined).join('\n')}\n`);
        return start.EXIT.ok;
    });
}

exports.grade = grade;
