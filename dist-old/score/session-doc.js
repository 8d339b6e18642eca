import { FOLLOWUP_ITEM } from '../store/record.js';
import { budgetSecondsOf, usedSecondsOf } from '../store/sessions.js';
import { localDateTime, zoneName } from '../time.js';
import { notesAfter as notesAfterLines, pacingFlag, stageSignals } from './signals.js';
/** The session's follow-up, if one was thrown in, from the record alone. */
function followupOf(record) {
    const curveball = record.curveballs?.[0];
    if (!curveball)
        return null;
    const from = record.stages.findIndex((stage) => stage.id === curveball.stageId);
    // Its own stage's notes from the moment it came (the whole stage when that was not kept), then every later stage's.
    const firstStage = (notes) => notesAfterLines(notes, curveball)?.map((line) => `${line}\n`).join('') ?? notes;
    const notesAfter = from < 0 ? '' : record.stages.slice(from).map((stage, i) => (i === 0 ? firstStage(stage.notes) : stage.notes)).join('');
    const checked = new Set(from < 0 ? [] : record.stages[from].checked);
    const answer = (curveball.answer ?? []).map((text, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text, covered: checked.has(`${FOLLOWUP_ITEM}${i + 1}`) }));
    return { stageId: curveball.stageId, atSeconds: curveball.atSeconds, text: curveball.text, notesAfter, answer };
}
export function sessionDocument(record, bank, timeZone, rating, selfRating) {
    const question = bank.question(record.questionId);
    const signals = stageSignals(record.stages);
    const followup = followupOf(record);
    const item = (stageId, id) => {
        // A point of the follow-up's answer key: the record holds its text.
        const point = followup?.stageId === stageId ? followup.answer.find((entry) => entry.id === id) : undefined;
        if (point)
            return { id, text: point.text, guidance: null, core: false };
        const found = bank.item(record, stageId, id);
        return { id, text: found?.text ?? id, guidance: found?.guidance ?? null, core: Boolean(found?.core) };
    };
    return {
        id: record.id,
        questionId: record.questionId,
        question: question ? { title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.strongAnswer } : null,
        rubricId: record.rubricId,
        rubricTitle: bank.rubricTitle(record.rubricId) ?? null,
        mode: record.mode,
        status: record.status,
        startedAt: record.startedAt,
        endedAt: record.endedAt,
        localStart: localDateTime(Date.parse(record.startedAt), timeZone),
        timeZone: zoneName(timeZone),
        score: record.score,
        usedSeconds: usedSecondsOf(record),
        budgetSeconds: budgetSecondsOf(record),
        stages: record.stages.map((stage, i) => ({
            id: stage.id,
            title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
            budgetSeconds: stage.budgetSeconds,
            usedSeconds: stage.usedSeconds,
            hintsShown: stage.hintsShown,
            notes: stage.notes,
            score: stage.score,
            covered: stage.checked.map((id) => item(stage.id, id)),
            // Core items first: what the question exists to test.
            missed: stage.missed.map((id) => item(stage.id, id)).sort((a, b) => Number(b.core) - Number(a.core)),
            pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds),
            signals: signals[i],
            redFlags: [...(bank.redFlags?.(record.rubricId, stage.id) ?? [])],
        })),
        diagram: record.diagram ?? null,
        curveballs: curveballsOf(record).map((thrown) => {
            const stage = record.stages.find((candidate) => candidate.id === thrown.stageId);
            return {
                stageId: thrown.stageId,
                stageTitle: bank.stageTitle(record.rubricId, thrown.stageId) ?? thrown.stageId,
                atSeconds: thrown.atSeconds,
                text: thrown.text,
                notesAfter: stage ? notesAfterLines(stage.notes, thrown) : null,
            };
        }),
        aiRating: rating ? {
            model: rating.model ?? null,
            host: rating.host ?? null,
            ratedAt: rating.ratedAt,
            score: rating.score,
            stages: rating.stages.map((stage) => ({
                id: stage.id,
                title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
                score: stage.score,
                items: stage.items.map((rated) => ({ ...rated, text: item(stage.id, rated.id).text })),
            })),
        } : null,
        selfRating: selfRating ? {
            ratedAt: selfRating.ratedAt,
            score: selfRating.score,
            partnerScore: record.score,
            stages: selfRating.stages.map((stage) => {
                const partner = new Set(record.stages.find((recorded) => recorded.id === stage.id)?.checked ?? []);
                const own = new Set(stage.items.filter((rated) => rated.met === true).map((rated) => rated.id));
                return {
                    id: stage.id,
                    title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
                    score: stage.score,
                    partnerScore: stage.recordScore,
                    onlySelf: [...own].filter((id) => !partner.has(id)).map((id) => item(stage.id, id)),
                    onlyPartner: [...partner].filter((id) => !own.has(id)).map((id) => item(stage.id, id)),
                };
            }),
        } : null,
        exchanges: record.exchanges ?? [],
        followup,
    };
}
/** The record's curveballs that have the form a drill writes; a hand-edited history may hold anything. */
function curveballsOf(record) {
    if (!Array.isArray(record.curveballs))
        return [];
    return record.curveballs.filter((thrown) => typeof thrown === 'object' && thrown !== null && typeof thrown.stageId === 'string' && typeof thrown.text === 'string'
        && Number.isFinite(thrown.atSeconds) && thrown.atSeconds >= 0
        && (thrown.linesBefore === undefined || (Number.isInteger(thrown.linesBefore) && thrown.linesBefore >= 0)));
}
