'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var history = require('./history-B9vlrtBJ.js');
var conduct = require('./conduct-BXg5mra5.js');
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

// `mldrill resume [session-id|last]`: picks an interrupted session up at the stage it was in,
// with the time that was left and the notes so far, and completes it as the same session.
/** The interrupted session wanted: `last` (the latest saved), an id, or a prefix of exactly one id. */
function pickLive(sessions, wanted = 'last') {
    if (sessions.length === 0)
        throw new start.NotFoundError('there is no interrupted session to resume');
    if (wanted === 'last')
        return sessions[0];
    const live = history.byIdOrPrefix(sessions, wanted);
    if (live)
        return live;
    const ids = sessions.map((session) => session.id);
    throw new start.UnknownIdError('resumable session', wanted, start.closest(wanted, ids), ids.slice(0, 5));
}
async function resume(options, io) {
    const stateDir = core.stateDirOf(io);
    const { sessions, warnings } = history.listLive(stateDir);
    for (const warning of warnings)
        io.stderr.write(`mldrill: ${warning}\n`);
    // A wrong id is reported as such, with or without a terminal; only then is one required.
    const live = pickLive(sessions, options.session);
    core.requireTerminal(io, 'resume');
    core.ensureWritable(stateDir);
    const interview = await core.withCatalog(io, options.bank, (bank) => core.buildInterview(bank.question(core.requireId(bank.ids, live.questionId)), bank.rubric(live.rubricId), live.minutes ?? undefined));
    const { question } = interview;
    if (interview.stages.length !== live.state.plan.length) {
        throw new start.NotFoundError(`rubric "${live.rubricId}" has changed since session ${live.id} began (${live.state.plan.length} stages then, ${interview.stages.length} now); it cannot be resumed`);
    }
    const controller = new AbortController();
    const prompter = await core.createPrompter(io, controller.signal, core.colourOf(io));
    const state = core.resumeAt(live.state, io.now(), live.paused);
    prompter.say(`\n${core.questionHeader(question, state.plan, prompter.style, prompter.columns).join('\n')}\n\n`);
    const where = core.isFinished(state)
        ? `at the self-assessment, stage ${Math.min((live.assessed?.length ?? 0) + 1, state.plan.length)}/${state.plan.length}`
        : `at stage ${state.current + 1}/${state.plan.length}, ${state.plan[state.current].title}, with ${start.clock(Math.max(0, core.remainingSeconds(state, io.now())))} left`;
    io.stderr.write(`Resuming session ${live.id} ${where}.\n\n`);
    const stopListening = io.onSignal(() => controller.abort());
    try {
        return await conduct.conduct({ interview, id: live.id, mode: live.mode, minutes: live.minutes, strict: live.strict, save: true, stateDir, state, assessed: live.assessed, allRedFlags: Boolean(options.allRedFlags) }, io, prompter);
    }
    finally {
        stopListening();
    }
}

exports.pickLive = pickLive;
exports.resume = resume;
