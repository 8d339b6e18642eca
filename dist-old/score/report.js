// The data of the end-of-drill report. Rendering is ui/render.ts's job.
import { diagramWithPadLine, notesAfterCurveball, notesWithDraft, totalBudgetSeconds, usedSeconds } from '../session/engine.js';
import { isFollowupItem } from '../store/record.js';
import { diagramReport } from './diagram.js';
import { scoreSession, scoreStage } from './score.js';
import { notesAfter, pacingFlag, stageSignals } from './signals.js';
/** checked[i] holds the ids ticked for stage i. */
export function assess(interview, checked) {
    return scoreSession(interview.stages.map((stage, i) => scoreStage(stage.plan.id, stage.items, checked[i] ?? [])));
}
export function buildReport(interview, state, score, now) {
    const notes = state.progress.map((progress) => notesWithDraft(progress));
    const base = interview.stages.map((stage, i) => ({
        id: stage.plan.id,
        title: stage.plan.title,
        budgetSeconds: stage.plan.budgetSeconds,
        usedSeconds: Math.round(usedSeconds(state, i, now)),
        hintsShown: state.progress[i].hintsShown,
        score: score.stages[i],
        redFlags: stage.redFlags,
    }));
    const signals = stageSignals(base.map((stage, i) => ({ ...stage, notes: notes[i], score: stage.score.score })));
    const stages = base.map((stage, i) => ({ ...stage, pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds), signals: signals[i] }));
    const facts = interview.question.interviewer?.facts ?? [];
    const exchanges = state.exchanges ?? [];
    const thrown = state.curveball;
    const curveball = thrown?.shownAtSeconds != null ? thrown : null;
    const followupStage = curveball && interview.stages[curveball.stage];
    const drawn = diagramReport(interview.question.diagram, diagramWithPadLine(state));
    return {
        questionId: interview.question.id,
        questionTitle: interview.question.title,
        strongAnswer: interview.question.examples?.strong !== undefined,
        rubricTitle: interview.rubric.title,
        total: score.total,
        capped: score.capped,
        budgetSeconds: totalBudgetSeconds(stages),
        usedSeconds: stages.reduce((sum, stage) => sum + stage.usedSeconds, 0),
        stages,
        curveball: thrown && thrown.shownAtSeconds !== null && stages[thrown.stage]
            ? { stageTitle: stages[thrown.stage].title, atSeconds: thrown.shownAtSeconds, text: thrown.text, notesAfter: notesAfter(notes[thrown.stage], thrown) }
            : null,
        ...(drawn.length ? { diagram: drawn } : {}),
        ...(facts.length || exchanges.length ? { dialogue: { facts, exchanges } } : {}),
        ...(curveball && followupStage ? {
            followup: {
                stageTitle: followupStage.plan.title,
                text: curveball.text,
                notesAfter: notesAfterCurveball(state),
                points: followupStage.items.filter((item) => isFollowupItem(item.id)).map((item) => ({ text: item.text, covered: score.stages[curveball.stage].checked.includes(item.id) })),
            },
        } : {}),
    };
}
