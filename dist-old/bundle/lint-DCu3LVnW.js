'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var fs = require('node:fs');
var path = require('node:path');
var checkFile = require('./check-file-CKAGQGLi.js');
var crossCheck = require('./cross-check-7OLHOSRh.js');
var checkFiles = require('./check-files-CRAs8aWh.js');
require('node:os');
require('node:url');
require('node:events');
require('node:process');
require('./fast-parse-DnjREA6l.js');
require('js-yaml');
require('./parse-C60j6b4E.js');
require('yaml');
require('./schema-BGvGW6m0.js');
require('zod');
require('./diagram-lQO3I6ij.js');
require('node:worker_threads');

// What `mldrill lint` checks: the given files and directories, or the whole bank, with the
// cross-file checks seeing the given files together with the rest of the bank.
async function lintFiles(request) {
    const unreadableBank = [];
    const bank = core.findYamlEntries(core.bankDirectories(request.cwd, request.env, request), { unreadable: unreadableBank });
    let unreadable = unreadableBank;
    let targets = bank;
    if (request.paths.length > 0) {
        const entries = request.paths.map((given) => {
            const absolute = path.resolve(request.cwd, given);
            if (!fs.existsSync(absolute))
                throw new start.UsageError(`${given}: no such file or directory`);
            return absolute;
        });
        unreadable = [];
        targets = core.findYamlEntries(entries, { unreadable });
        if (targets.size === 0 && unreadable.length === 0)
            throw new start.UsageError(`no .yaml or .yml files in ${request.paths.join(', ')}`);
    }
    // The rest of the bank comes first, so a given file that reuses an id is the one reported;
    // a given file that is also in the bank is read once, as given.
    const context = [...bank].filter(([identity]) => !targets.has(identity)).map(([, file]) => file);
    const files = [...context, ...targets.values()].map((file) => ({ file, shown: core.displayPath(request.cwd, file) }));
    // The rubrics first (they are few), so that each question's examples are graded on the core that checks it.
    const { gradingRubrics } = await Promise.resolve().then(function () { return require('./grade-examples-pawqzrNe.js'); });
    const results = await checkFiles.checkFiles(files, gradingRubrics(files, (file) => checkFile.kindOf(file) === 'rubric'));
    const linted = new Set(files.slice(context.length).map((file) => file.shown));
    // Only the directories of what was asked for: an unlistable directory elsewhere in the bank is not this run's finding.
    const findings = unreadable.map(({ dir, error }) => checkFile.unreadableFinding(core.displayPath(request.cwd, dir), error, 'directory'));
    const summaries = [];
    results.forEach((result, i) => {
        if (linted.has(files[i].shown))
            findings.push(...result.findings);
        if (result.summary)
            summaries.push(result.summary);
    });
    const cross = crossCheck.crossCheck(summaries);
    for (const finding of cross.findings)
        if (linted.has(finding.file))
            findings.push(finding);
    // A question the cross-file checks reject (a duplicate id, an unknown rubric) is not graded.
    results.forEach((result, i) => {
        if (result.graded && linted.has(files[i].shown) && !cross.rejected.has(files[i].shown))
            findings.push(...result.graded);
    });
    return { findings: findings.sort(core.compareFindings), files: linted.size };
}

// `mldrill lint`: checks question and rubric files and reports every finding in one run.
async function lint(options, io) {
    const result = await core.withSpinner(io, 'Checking question and rubric files', () => lintFiles({ paths: options.paths, bank: options.bank, configBank: core.configBankOf(io), cwd: io.cwd, env: io.env }), core.colourOf(io));
    const report = { ...result, maxWarnings: options.maxWarnings };
    const format = options.format ?? 'stylish';
    if (format === 'stylish') {
        io.stdout.write(core.formatStylish(report, await core.styleFor(io.stdout, io.env, core.colourOf(io)), io.stdout.columns));
    }
    else {
        io.stdout.write(format === 'json' ? core.formatJson(report) : core.formatGithub(report));
        // Machine formats keep stdout to the data; people reading the log still get the count.
        io.stderr.write(`mldrill lint: ${core.summaryText(report)}\n`);
    }
    const { errors, tooManyWarnings } = core.countFindings(report);
    return errors > 0 || tooManyWarnings ? start.EXIT.findings : start.EXIT.ok;
}

exports.lint = lint;
