'use strict';

var start = require('./start-DA7aRZP1.js');
var history = require('./history-B9vlrtBJ.js');
var core = require('./core-DiuhDYN8.js');
var ratings = require('./ratings-B_hdssup.js');
require('node:fs');
require('node:os');
require('node:path');
require('node:url');
require('./diagram-lQO3I6ij.js');
require('node:events');
require('node:process');
require('./append-oyJREyVF.js');
require('node:crypto');
require('node:perf_hooks');

// The candidate's own ticks of an interviewer-mode session. The record holds the partner's
// ticks; once the partner is done, the candidate may tick the same checklists themselves. Their
// ticks are kept as a `self` rating beside the history (ratings.jsonl), never in the record and
// never changing its score, so that `stats` can show how far their own judgement is from their
// partner's (score/calibration.ts). Skippable: a choice before the first screen, or Ctrl-C.
/** Asks the candidate for their own ticks and keeps them as a `self` rating; says on screen what became of them. */
async function rateSelf(prompter, input) {
    const { interview, partner } = input;
    const { style } = prompter;
    let ticks = [];
    try {
        const choice = await prompter.select({
            message: 'Candidate: tick your own checklist too?',
            choices: [
                { value: 'rate', name: 'Tick my own checklist', description: 'Never changes the score; mldrill stats compares it with your partner’s.' },
                { value: 'skip', name: 'Skip', description: 'Save the session with your partner’s ticks alone.' },
            ],
            default: 'rate',
        });
        if (choice === 'skip')
            return;
        prompter.say(`\n${style.heading('Candidate: your own ticks,')} without looking at your partner’s.\n`);
        for (const [i, stage] of interview.stages.entries()) {
            const title = `Your own ticks: ${stage.plan.title}`;
            ticks.push(await prompter.assess(`Candidate, ${title.charAt(0).toLowerCase()}${title.slice(1)}`, stage.items, new Set(), { title, notes: input.notes[i] ?? '', evidence: new Map() }));
        }
    }
    catch (error) {
        if (!(error instanceof start.InterruptedError))
            throw error;
        ticks = [];
    }
    if (ticks.length < interview.stages.length) {
        prompter.say(`${style.dim('Your own ticks: skipped; the session is saved with your partner’s.')}\n`);
        return;
    }
    const own = history.assess(interview, ticks);
    const rating = {
        version: ratings.RATING_VERSION,
        sessionId: input.sessionId,
        rater: 'self',
        ratedAt: new Date(input.now()).toISOString(),
        questionId: interview.question.id,
        rubricId: interview.rubric.id,
        mode: 'interviewer',
        score: own.total,
        recordScore: partner.total,
        stages: interview.stages.map((stage, i) => {
            const ticked = new Set(ticks[i]);
            return {
                id: stage.plan.id,
                score: own.stages[i].score,
                recordScore: partner.stages[i].score,
                items: stage.items.map((item) => ({ id: item.id, met: ticked.has(item.id), evidence: null, reason: '', counted: ticked.has(item.id) })),
            };
        }),
    };
    const file = core.ratingsFile(input.stateDir);
    try {
        ratings.appendRating(file, rating);
        prompter.say(`\nYour own ticks: ${own.total}% · your partner’s: ${partner.total}% (kept for mldrill stats)\n`);
    }
    catch (error) {
        const code = error.code ?? error.message;
        prompter.say(`${style.warn(`Your own ticks (${own.total}%) could not be kept in ${file} (${code}); the session is saved with your partner’s.`)}\n`);
    }
}

exports.rateSelf = rateSelf;
