'use strict';

var fs = require('node:fs');
var path = require('node:path');
var core = require('./core-DiuhDYN8.js');
var load = require('./load-DubnXBCz.js');
var yaml = require('yaml');
var schema = require('./schema-BGvGW6m0.js');
var start = require('./start-DA7aRZP1.js');
require('node:events');
require('node:process');
require('node:os');
require('node:url');
require('./check-file-CKAGQGLi.js');
require('./fast-parse-DnjREA6l.js');
require('js-yaml');
require('./parse-C60j6b4E.js');
require('zod');
require('./diagram-lQO3I6ij.js');
require('./cross-check-7OLHOSRh.js');

// The text of a new question file: the rubric's stages with TODO placeholders, which lint
// reports as warnings until the author replaces them. Pure: returns text, writes nothing.
/** The facts a new question starts with, and phrases a candidate might ask them with. */
const SCAFFOLD_FACTS = [
    ['goal', ['what is the goal', 'what does success look like']],
    ['users', ['who are the users']],
    ['scale', ['how many users', 'how much traffic']],
    ['latency', ['what is the latency budget', 'how fast must it respond']],
    ['data', ['what data do we have', 'what is logged']],
    ['labels', ['do we have labels', 'is there ground truth']],
];
/** A scalar as YAML writes it: plain when it can be, quoted when it must. */
const scalar = (text) => yaml.stringify(text, { lineWidth: 0 }).trimEnd();
function scaffoldQuestion(scaffold) {
    const lines = [
        scaffold.modeline,
        `id: ${scaffold.id}`,
        `title: ${scalar(scaffold.title)}`,
        `category: ${scaffold.category}`,
        `difficulty: ${scaffold.difficulty}`,
        `rubric: ${scaffold.rubric.id}`,
        '# companies: [only where a public source attributes the question; cite it under references]',
        '# tags: [kebab-case, tags]',
        'prompt: "TODO: the question as an interviewer would ask it, short and vague"',
        'stages:',
    ];
    for (const stage of scaffold.rubric.stages) {
        lines.push(`  # ${stage.title} (${stage.minutes} min): ${stage.goal.replace(/\s+/g, ' ')}`, `  ${stage.id}:`, '    hints:', `      - "TODO: a nudge for ${stage.id} specific to this question, revealed on request"`, "    # checklist:  # items that join the rubric's for this stage", '    #   - id: kebab-case-id', '    #     text: What the candidate should cover', '    #     guidance: What good looks like');
    }
    lines.push('followups:', '  - "TODO: a curveball the interviewer may throw"', '  - text: "TODO: a follow-up thrown when the notes mention a phrase below"', '    answer: ["TODO: 2-4 points a strong reply covers"]', '    when: { mentioned: ["TODO: a phrase from the notes"] }', `# The interviewer's fact sheet: what they reveal when asked (mldrill ask ${scaffold.id} "..."). At least`, `# 6 facts, covering goal, scale, latency and data or labels; topics: ${core.FACT_TOPICS.join(', ')}.`, 'interviewer:', '  facts:');
    for (const [topic, ask] of SCAFFOLD_FACTS) {
        lines.push(`    - id: ${topic}`, `      topic: ${topic}`, `      ask: [${ask.join(', ')}]`, `      answer: "TODO: the ${topic} fact as the interviewer says it, with numbers"`);
    }
    return `${lines.join('\n')}\n`;
}
/** A kebab-case id suggested by a title: "Ad click prediction!" -> ad-click-prediction. */
function idFromTitle(title) {
    return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}
/** What is wrong with a new question id, if anything. */
function idProblem(id) {
    if (!id)
        return 'the id is empty';
    if (!schema.KEBAB.test(id))
        return `"${id}" is not kebab-case (lowercase letters, digits and single hyphens, e.g. ${idFromTitle(id) || 'ad-click-prediction'})`;
    return undefined;
}

// `mldrill new`: scaffolds a question file with its rubric's stages and TODO placeholders.
// Asks for what the flags leave out when there is a terminal; never overwrites a file.
async function newQuestion(options, io) {
    const dir = path.resolve(io.cwd, options.dir ?? '.');
    // The target's own questions and rubrics count too, when it is a bank of its own.
    const bank = load.loadFiles(core.findYamlFiles([...core.bankDirectories(io.cwd, io.env, { ...options, configBank: core.configBankOf(io) }), path.join(dir, 'rubrics'), path.join(dir, 'questions')]), io.cwd);
    const takenBy = (id) => bank.questions.find((question) => question.id === id)?.file;
    // Check what was given before asking for the rest, so a typo fails at once.
    if (options.id !== undefined)
        checkId(options.id, takenBy, io.cwd);
    if (options.category !== undefined)
        checkCategory(options.category);
    if (options.rubric !== undefined)
        checkRubric(options.rubric, bank);
    if (options.title !== undefined)
        checkTitle(options.title);
    const missing = ['id', 'category', 'title'].filter((flag) => options[flag] === undefined);
    const interactive = Boolean(io.terminal.input.isTTY && io.terminal.output.isTTY);
    if (missing.length > 0 && !interactive) {
        throw new start.UsageError(`missing ${missing.map((flag) => `--${flag}`).join(', ')}; pass them, or run mldrill new in a terminal to be asked`);
    }
    let answers;
    if (interactive && (missing.length > 0 || options.rubric === undefined)) {
        const controller = new AbortController();
        const stopListening = io.onSignal(() => controller.abort());
        try {
            answers = await ask(options, bank, takenBy, await core.createPrompter(io, controller.signal, core.colourOf(io)), io.cwd);
        }
        catch (error) {
            if (error instanceof start.InterruptedError)
                return start.EXIT.interrupted;
            throw error;
        }
        finally {
            stopListening();
        }
    }
    else {
        answers = { id: options.id, category: options.category, title: options.title, rubric: options.rubric ?? core.DEFAULT_RUBRIC };
        checkRubric(answers.rubric, bank);
    }
    const file = path.join(dir, 'questions', answers.category, `${answers.id}.yaml`);
    const shown = core.displayPath(io.cwd, file);
    if (fs.existsSync(file))
        throw new start.ConflictError(`${shown} already exists; mldrill new never overwrites a file (pick another --id, or edit that file)`);
    const text = scaffoldQuestion({
        id: answers.id,
        title: answers.title.trim(),
        category: answers.category,
        difficulty: options.difficulty ?? 'medium',
        rubric: bank.rubrics.get(answers.rubric),
        modeline: core.schemaModeline(file, 'question'),
    });
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // 'wx' refuses an existing file even if one appeared since the check above.
        fs.writeFileSync(file, text, { flag: 'wx' });
    }
    catch (error) {
        const code = error.code ?? 'error';
        if (code === 'EEXIST')
            throw new start.ConflictError(`${shown} already exists; mldrill new never overwrites a file`);
        throw new start.UsageError(`cannot write ${shown} (${code}); pick a writable --dir`);
    }
    io.stdout.write(`${shown}\n`);
    io.stderr.write(`Created ${shown}: replace the TODOs, then run mldrill lint ${shown}\n`);
    return start.EXIT.ok;
}
async function ask(options, bank, takenBy, prompter, cwd) {
    const title = options.title ?? await prompter.input({ message: 'Title (a short name for the question)', validate: (value) => problem(() => checkTitle(value)) });
    const id = options.id ?? await prompter.input({ message: 'Id (kebab-case; also the file name)', default: idFromTitle(title) || undefined, validate: (value) => problem(() => checkId(value, takenBy, cwd)) });
    const category = options.category ?? await prompter.select({
        message: 'Category',
        choices: core.CATEGORIES.map((value) => ({ value, name: `${value} (${core.CATEGORY_TITLES[value]})` })),
    });
    const rubrics = [...bank.rubrics.values()].sort((a, b) => Number(b.id === core.DEFAULT_RUBRIC) - Number(a.id === core.DEFAULT_RUBRIC) || start.compareText(a.id, b.id));
    const rubric = options.rubric ?? await prompter.select({
        message: 'Rubric',
        choices: rubrics.map((candidate) => ({ value: candidate.id, name: `${candidate.id}: ${start.stripControl(candidate.title)}` })),
        default: core.DEFAULT_RUBRIC,
    });
    return { title, id, category, rubric };
}
/** A check's message for a prompt to show, or true. */
function problem(check) {
    try {
        check();
        return true;
    }
    catch (error) {
        if (error instanceof start.UsageError || error instanceof start.ConflictError)
            return error.message;
        throw error;
    }
}
function checkId(id, takenBy, cwd) {
    const wrong = idProblem(id);
    if (wrong)
        throw new start.UsageError(`${wrong}`);
    const file = takenBy(id);
    if (file)
        throw new start.ConflictError(`question id "${id}" is already used by ${core.displayPath(cwd, file)}; pick another`);
}
function checkCategory(category) {
    if (core.CATEGORIES.includes(category))
        return;
    throw new start.UsageError(`unknown category "${category}"; ${start.didYouMean(start.closest(category, core.CATEGORIES, 1), { label: 'use one of', names: core.CATEGORIES, always: true })}`);
}
function checkRubric(rubric, bank) {
    if (bank.rubrics.has(rubric))
        return;
    throw new start.UsageError(`unknown rubric "${rubric}"; ${start.didYouMean(start.closest(rubric, bank.rubrics.keys(), 1), { label: 'known rubrics:', names: [...bank.rubrics.keys()], always: true })}`);
}
function checkTitle(title) {
    if (!title.trim())
        throw new start.UsageError('the title is empty');
    if (start.stripControl(title) !== title || title.includes('\n'))
        throw new start.UsageError('the title must be one line of plain text, without control characters');
}

exports.newQuestion = newQuestion;
