import { budgetSecondsOf, usedSecondsOf } from '../store/sessions.js';
import { cut, stripControl, visibleLength } from '../text.js';
import { localDateTime } from '../time.js';
import { gradeStyle } from './colour.js';
import { table } from './table.js';
export function historyEntry(record, timeZone, resumable = false, aiScore = null) {
    return {
        id: record.id,
        localStart: localDateTime(Date.parse(record.startedAt), timeZone),
        startedAt: record.startedAt,
        endedAt: record.endedAt,
        questionId: record.questionId,
        rubricId: record.rubricId,
        mode: record.mode,
        status: record.status,
        score: record.score,
        usedSeconds: usedSecondsOf(record),
        budgetSeconds: budgetSecondsOf(record),
        resumable,
        aiScore,
    };
}
/** A session known only from its checkpoint: it stopped before writing a record (kill -9). */
export function liveEntry(live, timeZone) {
    return {
        id: live.id,
        localStart: localDateTime(live.state.startedAt, timeZone),
        startedAt: new Date(live.state.startedAt).toISOString(),
        endedAt: live.savedAt,
        questionId: live.questionId,
        rubricId: live.rubricId,
        mode: live.mode,
        status: 'interrupted',
        score: null,
        usedSeconds: Math.round(live.state.progress.reduce((sum, stage) => sum + stage.usedMs, 0) / 1000),
        // Summed here rather than with the session engine's helper: history's start-up stays free of it.
        budgetSeconds: live.state.plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0),
        resumable: true,
        aiScore: null,
    };
}
/** After the score of a session the AI grader has rated too. */
export const AI_MARK = '*';
/**
 * The table, no wider than `width` (a terminal's; unlimited for a pipe): past it, the mode goes
 * unless some session was in interviewer mode, `abandoned, resumable` shortens to `resumable`,
 * the year leaves the date, the mode goes anyway, and last the question id is cut to what is
 * left, an ellipsis ending it. Session ids stay whole: they are what export and resume take.
 */
export function historyLines(entries, style, width = Number.POSITIVE_INFINITY) {
    const grade = gradeStyle(style);
    const build = (options) => {
        const status = (entry) => (entry.resumable ? (options.shortStatus ? 'resumable' : `${entry.status}, resumable`) : entry.status);
        const rows = entries.map((entry) => [
            options.shortWhen ? entry.localStart.slice(5) : entry.localStart,
            stripControl(entry.id),
            cut(stripControl(entry.questionId), options.question),
            ...(options.mode ? [stripControl(entry.mode)] : []),
            stripControl(status(entry)),
            // The AI marker takes the place of a space: "100%*" is as wide as the header, so the table is no wider.
            `${entry.score === null ? '-' : `${entry.score}%`}${entry.aiScore === null ? ' ' : AI_MARK}`,
            `${Math.round(entry.usedSeconds / 60)} min`,
        ]);
        return table([
            { header: 'When' },
            { header: 'Session', paint: (text) => style.accent(text) },
            { header: 'Question' },
            ...(options.mode ? [{ header: 'Mode' }] : []),
            { header: 'Status', paint: (text, row) => (entries[row].status === 'completed' ? text : style.warn(text)) },
            { header: 'Score', align: 'right', paint: (text, row) => (entries[row].score === null ? style.dim(text) : grade(entries[row].score)(text)) },
            { header: 'Time', align: 'right' },
        ], rows, style.dim);
    };
    const widest = (lines) => Math.max(...lines.map(visibleLength));
    const longest = Math.max(...entries.map((entry) => [...stripControl(entry.questionId)].length));
    let lines = build({ mode: true, shortStatus: false, question: longest });
    const interviewer = entries.some((entry) => entry.mode !== 'self');
    const steps = [
        { mode: interviewer, shortStatus: false },
        { mode: interviewer, shortStatus: true },
        { mode: interviewer, shortStatus: true, shortWhen: true },
        { mode: false, shortStatus: true, shortWhen: true },
    ];
    for (const options of steps) {
        if (widest(lines) <= width)
            return lines;
        lines = build({ ...options, question: longest });
    }
    // Still too wide: the question id is cut to what is left.
    const over = widest(lines) - width;
    if (over > 0)
        lines = build({ ...steps.at(-1), question: Math.max(8, longest - over) });
    return lines;
}
