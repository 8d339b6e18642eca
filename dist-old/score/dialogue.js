import { notesAfterCurveball } from '../session/engine.js';
import { followupOf } from '../session/followup.js';
import { FOLLOWUP_ITEM } from '../store/record.js';
/**
 * The follow-up's points together weigh half of what the stage's own items weigh, so the reply
 * to the follow-up is a third of the stage's score: enough to count, not enough to swamp it.
 */
const FOLLOWUP_WEIGHT_SHARE = 0.5;
/** Words too common to tell a point apart. */
const COMMON = new Set(['about', 'across', 'before', 'between', 'should', 'which', 'their', 'there', 'these', 'those', 'would', 'could', 'rather', 'without', 'within', 'because', 'instead', 'whether', 'against', 'during', 'through', 'every', 'other', 'where', 'while', 'still']);
/**
 * A point's keywords for the suggestions: its longer words (6 letters or more) that no other
 * point of the key uses, so a word says which point the notes are about.
 */
function pointKeywords(answer) {
    const words = answer.map((point) => new Set((point.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((word) => word.length >= 6 && !COMMON.has(word))));
    return words.map((own, i) => [...own].filter((word) => words.every((other, j) => j === i || !other.has(word))));
}
/** The answer key as checklist items of the stage, weighted against the stage's own items. */
function followupItems(followup, stageItems) {
    const answer = followup.answer ?? [];
    if (answer.length === 0)
        return [];
    const stageWeight = stageItems.reduce((sum, item) => sum + item.weight, 0);
    // A stage with no items of its own is the follow-up alone.
    const weight = stageWeight > 0 ? (stageWeight * FOLLOWUP_WEIGHT_SHARE) / answer.length : 1;
    const keywords = pointKeywords(answer);
    return answer.map((point, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text: point, weight, keywords: keywords[i], source: 'question' }));
}
/** The follow-up the session threw in, if it was shown, with its answer key as items. */
export function thrownFollowup(interview, state) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds === null)
        return undefined;
    const details = followupOf(interview.question.followupDetails ?? [], curveball.text) ?? { text: curveball.text };
    const stage = interview.stages[curveball.stage];
    return {
        stage: curveball.stage,
        text: curveball.text,
        items: stage ? followupItems(details, stage.items) : [],
        notesAfter: notesAfterCurveball(state),
    };
}
/** The interview with the follow-up's points added to its stage's items: what is assessed and scored. */
export function withFollowupItems(interview, followup) {
    if (!followup?.items.length)
        return interview;
    return {
        ...interview,
        stages: interview.stages.map((stage, i) => (i === followup.stage ? { ...stage, items: [...stage.items, ...followup.items] } : stage)),
    };
}
/**
 * What the questions put to the interviewer say, as text for the keyword suggestions: each
 * question and the topic of the fact it uncovered (asking about the response time is asking
 * about latency).
 */
export function exchangeEvidence(exchanges, facts) {
    const topic = (factId) => facts.find((fact) => fact.id === factId)?.topic ?? '';
    return (exchanges ?? []).map((exchange) => `\n${exchange.asked}\n${topic(exchange.factId)}`).join('');
}
