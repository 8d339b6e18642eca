'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var history = require('./history-B9vlrtBJ.js');
var conduct = require('./conduct-BXg5mra5.js');
var readHistory = require('./read-history-CUjWS12d.js');
require('node:fs');
require('node:os');
require('node:path');
require('node:url');
require('node:events');
require('node:process');
require('./diagram-lQO3I6ij.js');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');
require('./ratings-B_hdssup.js');

async function drill(given, io) {
    // The config file's drill defaults, under whatever flags were given.
    const options = core.withDrillDefaults(io, given);
    const ways = [options.id && 'an id', options.random && '--random', options.next && '--next', options.daily && '--daily'].filter(Boolean);
    if (ways.length > 1)
        throw new start.UsageError(`pick the question one way, not with ${ways.join(' and ')}`);
    // Without a terminal, a wrong id is still the first thing to hear about.
    if (options.id && !io.terminal.input.isTTY)
        await core.withCatalog(io, options.bank, (bank) => core.requireId(bank.ids, options.id));
    core.requireTerminal(io, 'drill');
    const save = options.save !== false;
    const stateDir = core.stateDirOf(io);
    // Fail before the user's work, not after it.
    if (save)
        core.ensureWritable(stateDir);
    if (options.ai && !save)
        throw new start.UsageError('--ai rates the saved session: drop --no-save');
    if (options.ai)
        (await Promise.resolve().then(function () { return require('./ai-grade-ChFOae-D.js'); })).checkLlmSettings(io, core.llmOf(io));
    const random = options.seed === undefined ? io.random : core.seededRandom(options.seed);
    return core.withCatalog(io, options.bank, (bank) => drillWithBank(bank, options, io, random, save, stateDir));
}
/** The drill itself, once the bank is open and the state directory checked. */
async function drillWithBank(bank, options, io, random, save, stateDir) {
    const controller = new AbortController();
    const stopListening = io.onSignal(() => controller.abort());
    const prompter = await core.createPrompter(io, controller.signal, core.colourOf(io));
    const { style } = prompter;
    try {
        let question;
        try {
            question = bank.question(await chooseQuestion(bank, options, random, prompter, io));
        }
        catch (error) {
            if (error instanceof start.InterruptedError)
                return start.EXIT.interrupted;
            throw error;
        }
        const interview = core.buildInterview(question, bank.rubric(options.rubric ?? question.rubric), options.minutes);
        const mode = options.interviewer ? 'interviewer' : 'self';
        const plan = interview.stages.map((stage) => stage.plan);
        const header = core.questionHeader(question, plan, style, prompter.columns);
        prompter.say(`\n${header.join('\n')}\n${mode === 'interviewer' ? style.dim('\nInterviewer mode: read the prompt out, then tick the checklist as the candidate covers each item.\n') : ''}\n`);
        const now = io.now();
        const curveball = mode === 'self' && options.curveballs !== false ? core.drawCurveball(plan, conduct.followupStage(interview), question.followupDetails ?? [], random) : null;
        return await conduct.conduct({
            interview, mode, save, stateDir,
            id: history.sessionId(now, io.random),
            minutes: options.minutes ?? null,
            strict: Boolean(options.strict),
            gated: options.ready !== false,
            allRedFlags: Boolean(options.allRedFlags),
            state: options.ready === false ? core.startSession(plan, now, curveball) : core.pause(core.startSession(plan, now, curveball), now),
            ...(options.ai ? { afterSave: async (record) => (await Promise.resolve().then(function () { return require('./ai-grade-ChFOae-D.js'); })).secondOpinion(record, question, interview.rubric, io, { llm: core.llmOf(io) }) } : {}),
        }, io, prompter);
    }
    finally {
        stopListening();
    }
}
/** The id of the question to drill: given, today's, due, random, or picked from a list. */
async function chooseQuestion(bank, options, random, prompter, io) {
    if (options.id)
        return core.requireId(bank.ids, options.id);
    if (options.daily)
        return core.dailyPick(core.requireMatchingPool(bank, options), core.localDate(io.now(), io.timeZone));
    if (options.next)
        return nextQuestion(core.requireMatches(bank.questions, options), io);
    if (options.random)
        return core.pickRandom(core.requireMatchingIds(bank, options), random);
    return (await prompter.chooseQuestion(core.requireMatches(bank.questions, options), lastScores(io))).id;
}
/** Each drilled question's latest completed score, for the picker; none when the history cannot be read. */
function lastScores(io) {
    const scores = new Map();
    try {
        const completed = readHistory.readHistoryFor(io).records.filter((record) => record.status === 'completed' && record.score !== null);
        for (const record of completed.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)))
            scores.set(record.questionId, record.score);
    }
    catch {
        // The picker works without marks; history and stats say what is wrong with the file.
    }
    return scores;
}
/** The head of the spaced-repetition queue among the matching questions, said on stderr. */
async function nextQuestion(matches, io) {
    const { practiceQueue } = await Promise.resolve().then(function () { return require('./schedule-DmrqNcCv.js'); });
    const { reasonText } = await Promise.resolve().then(function () { return require('./history-B9vlrtBJ.js'); }).then(function (n) { return n.next; });
    const { records } = readHistory.readHistoryFor(io);
    const now = io.now();
    const [first] = practiceQueue(matches, records, now, readHistory.reviewScoresFor(io));
    io.stderr.write(`Next by spaced repetition: ${first.questionId} (${reasonText(first, now)})\n`);
    return first.questionId;
}

exports.drill = drill;
