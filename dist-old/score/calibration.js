/** How many of the latest paired sessions the trend looks at. */
const CALIBRATION_WINDOW = 10;
export function calibrationOf(ratings, starts, bank) {
    const paired = ratings.filter((rating) => starts.has(rating.sessionId)).sort((a, b) => starts.get(a.sessionId) - starts.get(b.sessionId));
    // The self score is the record's in a self-assessed session, the rating's in an interviewer one.
    const gaps = (rater, mode, selfIsRecord) => stageGaps(paired.filter((rating) => rating.rater === rater && rating.mode === mode), selfIsRecord, bank);
    return { ai: gaps('ai', 'self', true), partner: gaps('self', 'interviewer', false) };
}
function stageGaps(ratings, selfIsRecord, bank) {
    const byStage = new Map();
    for (const rating of ratings) {
        for (const stage of rating.stages) {
            if (stage.recordScore === null)
                continue;
            const gap = selfIsRecord ? stage.recordScore - stage.score : stage.score - stage.recordScore;
            const entry = byStage.get(stage.id) ?? { rubricId: rating.rubricId, gaps: [] };
            entry.gaps.push(gap);
            byStage.set(stage.id, entry);
        }
    }
    return [...byStage].map(([id, { rubricId, gaps }]) => ({
        id,
        title: bank.stageTitle(rubricId, id) ?? id,
        sessions: gaps.length,
        averageGap: Math.round(average(gaps)),
        trend: gapTrend(gaps.slice(-CALIBRATION_WINDOW)),
    }));
}
const average = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Whether the gap (by its size, either side) closed over these sessions, oldest first; null under 4. */
export function gapTrend(gaps) {
    if (gaps.length < 4)
        return null;
    const half = Math.floor(gaps.length / 2);
    const earlierGap = Math.round(average(gaps.slice(0, half)));
    const laterGap = Math.round(average(gaps.slice(-half)));
    const before = Math.abs(earlierGap);
    const after = Math.abs(laterGap);
    // Within 3 points is noise on a weighted checklist of a few items.
    const direction = before >= 4 && after <= before / 2 ? 'halved' : after < before - 3 ? 'narrowed' : after > before + 3 ? 'widened' : 'steady';
    return { sessions: gaps.length, earlierGap, laterGap, direction };
}
/**
 * One stage's calibration as a sentence: "Deep dive: you rate yourself 24 points above the AI grader; the gap has
 * halved over your last 10 sessions (30 → 12)". The title leads as written: stage titles are imperatives
 * ("Frame the ML task") that neither read after "your" nor survive lower-casing (ML).
 */
export function calibrationSentence(stage, other) {
    const size = Math.abs(stage.averageGap);
    const level = size <= 3 ? `within ${size} ${size === 1 ? 'point' : 'points'} of ${other}` : `${size} points ${stage.averageGap > 0 ? 'above' : 'below'} ${other}`;
    const sentence = `${stage.title}: you rate yourself ${level} (${stage.sessions} ${stage.sessions === 1 ? 'session' : 'sessions'})`;
    const { trend } = stage;
    if (!trend)
        return sentence;
    const over = `over your last ${trend.sessions} sessions (${trend.earlierGap} → ${trend.laterGap})`;
    const said = { halved: `the gap has halved ${over}`, narrowed: `the gap has narrowed ${over}`, widened: `the gap has widened ${over}`, steady: `the gap has held steady ${over}` }[trend.direction];
    return `${sentence}; ${said}`;
}
