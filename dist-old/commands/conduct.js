// Runs an interview from wherever its state is (new or resumed) to the end: the stages, the
// assessment, the report and the history. Checkpoints the session to disk as it goes, so that
// Ctrl-C, a crash or kill -9 never loses what was typed.
import { EXIT, InterruptedError, UsageError } from '../errors.js';
import { assess, buildReport } from '../score/report.js';
import { suggestFromNotes } from '../score/suggest.js';
import { isFinished, isPaused, settle, stop, usedSeconds } from '../session/engine.js';
import { appendRecord } from '../store/append.js';
import { removeLive, saveLive, LIVE_VERSION } from '../store/live.js';
import { historyFile } from '../store/paths.js';
import { makeRecord } from '../store/record.js';
import { styleFor } from '../ui/colour.js';
import { reportLines } from '../ui/render.js';
/** How often the running session is checkpointed, at the least (also at every stage change). */
const CHECKPOINT_MS = 2000;
/** The stage where the interviewer's follow-ups belong: the deep-dive, else the last. */
export function followupStage(interview) {
    const index = interview.stages.findIndex((stage) => stage.plan.id === 'deep-dive');
    return index >= 0 ? index : interview.stages.length - 1;
}
export async function conduct(options, io, prompter) {
    const { interview, id, mode, stateDir } = options;
    let latest = options.state;
    const checkpoint = (paused = isPaused(latest)) => {
        if (!options.save)
            return;
        const now = io.now();
        saveLive(stateDir, {
            version: LIVE_VERSION, id, questionId: interview.question.id, rubricId: interview.rubric.id, mode,
            minutes: options.minutes, strict: options.strict, paused,
            state: settle(latest, now), savedAt: new Date(now).toISOString(),
        });
    };
    checkpoint();
    const timer = setInterval(() => checkpoint(), CHECKPOINT_MS);
    let score;
    let pausedWhenStopped = false;
    try {
        const followupsAt = followupStage(interview);
        // When --strict moves on mid-note, the next stage opens ready for the rest of the typing.
        let typingNotes = false;
        while (!isFinished(latest)) {
            const stage = interview.stages[latest.current];
            const interviewer = mode === 'interviewer';
            latest = await prompter.runStage({
                state: latest,
                hints: stage.hints,
                strict: options.strict,
                checklist: interviewer ? stage.items : undefined,
                followups: interviewer && latest.current === followupsAt ? interview.question.followups ?? [] : undefined,
                onChange: (state) => {
                    latest = state;
                },
                startInNotes: typingNotes,
                onEnd: (typing) => {
                    typingNotes = typing;
                },
            });
            checkpoint();
        }
        let checked;
        if (mode === 'interviewer') {
            checked = latest.progress.map((progress) => progress.ticked);
        }
        else {
            prompter.say(`\nSelf-assessment: tick what you really covered (Space ticks, Enter confirms).\n`);
            checked = [];
            for (const [i, stage] of interview.stages.entries()) {
                const suggested = suggestFromNotes(stage.items, latest.progress[i].notes);
                checked.push(await prompter.assess(`${stage.plan.title}: what did you cover?`, stage.items, suggested));
            }
        }
        score = assess(interview, checked);
    }
    catch (error) {
        if (!(error instanceof InterruptedError))
            throw error;
        pausedWhenStopped = isPaused(latest);
        latest = stop(latest, io.now());
    }
    finally {
        clearInterval(timer);
    }
    const now = io.now();
    // The report is the command's data: stdout, styled only if stdout itself is a terminal.
    if (score)
        io.stdout.write(`\n${reportLines(buildReport(interview, latest, score, now), await styleFor(io.stdout, io.env), Math.min(io.stdout.columns, 100)).join('\n')}\n`);
    if (!options.save) {
        if (!score)
            io.stderr.write('\nInterrupted: nothing saved (--no-save)\n');
        return score ? EXIT.ok : EXIT.interrupted;
    }
    const file = historyFile(stateDir);
    const curveball = latest.curveball;
    const record = makeRecord({
        id,
        questionId: interview.question.id,
        rubricId: interview.rubric.id,
        mode,
        status: score ? 'completed' : 'abandoned',
        startedAt: latest.startedAt,
        endedAt: latest.endedAt ?? now,
        stages: interview.stages.map((stage, i) => ({
            id: stage.plan.id,
            budgetSeconds: latest.plan[i].budgetSeconds,
            usedSeconds: usedSeconds(latest, i, now),
            hintsShown: latest.progress[i].hintsShown,
            notes: latest.progress[i].notes,
        })),
        score,
        curveballs: curveball?.shownAtSeconds != null ? [{ stageId: latest.plan[curveball.stage].id, atSeconds: curveball.shownAtSeconds, text: curveball.text }] : [],
    });
    try {
        appendRecord(file, record);
    }
    catch (error) {
        // The work must not be lost with the history: print the record, and keep the checkpoint.
        checkpoint(pausedWhenStopped);
        io.stdout.write(`${JSON.stringify(record)}\n`);
        const code = error.code ?? error.message;
        throw new UsageError(`could not write the history file ${file} (${code}); the session record is printed above and kept for 'mldrill resume ${id}'`);
    }
    if (score) {
        removeLive(stateDir, id);
        io.stderr.write(`\nSaved session ${id} to ${file}\n`);
        return EXIT.ok;
    }
    checkpoint(pausedWhenStopped);
    io.stderr.write(`\nInterrupted: session ${id} saved as abandoned, notes included, to ${file}\nPick it up where you left it with: mldrill resume ${id}\n`);
    return EXIT.interrupted;
}
