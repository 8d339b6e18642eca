// The interviewer's side in the assessment: the questions put to the interviewer as evidence for
// the checklist, and the follow-up thrown in as a group of items graded with its answer key.
// Pure.
import type { FactTopic } from '../bank/categories.js';
import type { Followup } from '../bank/schema.js';
import { notesAfterCurveball, type SessionState } from '../session/engine.js';
import { followupOf } from '../session/followup.js';
import type { Interview } from '../session/interview.js';
import type { Exchange, FactLike } from '../session/interviewer.js';
import { FOLLOWUP_ITEM, type CurveballRecord } from '../store/record.js';
import type { ScoredItem } from '../session/interview.js';
import { lazy } from '../lazy.js';
import { genericReason, wordForms } from '../words.js';

/**
 * The follow-up's points together weigh half of what the stage's own items weigh, so the reply
 * to the follow-up is a third of the stage's score: enough to count, not enough to swamp it.
 */
const FOLLOWUP_WEIGHT_SHARE = 0.5;

export interface ThrownFollowup {
  /** The stage it came in. */
  stage: number;
  text: string;
  /** Its answer key as checklist items, ids followup-1...; empty when it has no key. */
  items: ScoredItem[];
  /** What was written after it came. */
  notesAfter: string;
}

/**
 * A point set apart by this many words or more is suggested by two of them; one with fewer, by
 * one (a short point, `Serve the titles from the onboard cache`, may have only two such words).
 */
const POINT_WORDS_FOR_TWO = 3;

/** Words too common to tell a point apart. */
const COMMON = new Set(['about', 'across', 'before', 'between', 'should', 'which', 'their', 'there', 'these', 'those', 'would', 'could', 'rather', 'without', 'within', 'because', 'instead', 'whether', 'against', 'during', 'through', 'every', 'other', 'where', 'while', 'still']);

/** Shorter words that say nothing of which point the notes make. */
const COMMON_SHORT = new Set(['after', 'again', 'alone', 'being', 'both', 'else', 'even', 'ever', 'first', 'here', 'less', 'like', 'made', 'make', 'many', 'might', 'never', 'often', 'once', 'same', 'since', 'than', 'then', 'until', 'well', 'whose']);

/** A point's words of at least `least` letters, lowercase, as written, that can tell it apart. */
const telling = (point: string, least: number, most = Infinity) => (point.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])
  .filter((word) => word.length >= least && word.length <= most && !COMMON.has(word) && !COMMON_SHORT.has(word) && !genericReason(word));

/**
 * A point's keywords for the suggestions: its longer words (6 letters or more) that no other
 * point of the key uses, so a word says which point the notes are about. A point with none
 * (`Small accounts churn more often... on a large contract`, whose long words the other points
 * share) takes its own words of 4 or 5 letters instead: else it could never be suggested.
 * Generic terms (`offline`, `pipeline`) are left out here, as the grader would leave them out:
 * counted among a point's words, they would ask a reply for two words where only one can ever
 * count.
 */
function pointKeywords(answer: readonly string[]): string[][] {
  const stemOf = (word: string) => wordForms.stems(word)[0] ?? word;
  // Every point's telling words, as stems: a short word is another point's too when its stem is (`rank`, `ranks`).
  const stems = answer.map((point) => new Set(telling(point, 4).map(stemOf)));
  const long = answer.map((point) => new Set(telling(point, 6)));
  return answer.map((point, i) => {
    const own = [...long[i]!].filter((word) => long.every((other, j) => j === i || !other.has(word)));
    if (own.length > 0) return own;
    return [...new Set(telling(point, 4, 5))].filter((word) => stems.every((other, j) => j === i || !other.has(stemOf(word))));
  });
}

/** The answer key as checklist items of the stage, weighted against the stage's own items. */
function followupItems(followup: Pick<Followup, 'answer'>, stageItems: readonly ScoredItem[]): ScoredItem[] {
  const answer = followup.answer ?? [];
  if (answer.length === 0) return [];
  const stageWeight = stageItems.reduce((sum, item) => sum + item.weight, 0);
  // A stage with no items of its own is the follow-up alone.
  const weight = stageWeight > 0 ? (stageWeight * FOLLOWUP_WEIGHT_SHARE) / answer.length : 1;
  const keywords = pointKeywords(answer);
  // One word a point shares with the reply is chance (`traffic`, `content`): two of them say the point was made.
  return answer.map((point, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text: point, weight, keywords: keywords[i]!, keywordsNeeded: keywords[i]!.length >= POINT_WORDS_FOR_TWO ? 2 : 1, source: 'question' as const }));
}

/** The follow-up the session threw in, if it was shown, with its answer key as items. */
export function thrownFollowup(interview: Interview, state: SessionState): ThrownFollowup | undefined {
  const curveball = state.curveball;
  if (!curveball || curveball.shownAtSeconds === null) return undefined;
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
export function withFollowupItems(interview: Interview, followup: ThrownFollowup | undefined): Interview {
  if (!followup?.items.length) return interview;
  return {
    ...interview,
    stages: interview.stages.map((stage, i) => (i === followup.stage ? { ...stage, items: [...stage.items, ...followup.items] } : stage)),
  };
}

/**
 * A recorded session's interview as it was scored: the follow-up's answer key, as the record
 * keeps it, among the items of the stage it came in (`followup-1`...), each saying what it
 * answers, for a rater that did not see the drill.
 */
export function withRecordedFollowup(interview: Interview, curveball: Pick<CurveballRecord, 'stageId' | 'text' | 'answer'> | undefined): Interview {
  const stage = curveball ? interview.stages.findIndex((candidate) => candidate.plan.id === curveball.stageId) : -1;
  if (!curveball?.answer?.length || stage < 0) return interview;
  const items = followupItems({ answer: curveball.answer }, interview.stages[stage]!.items)
    .map((item) => ({ ...item, guidance: `a point of the answer to the follow-up "${curveball.text}"` }));
  return withFollowupItems(interview, { stage, text: curveball.text, items, notesAfter: '' });
}

/**
 * What the questions put to the interviewer say, as text for the keyword suggestions: each
 * question and the topic of the fact it uncovered (asking about the response time is asking
 * about latency).
 */
export function exchangeEvidence(exchanges: readonly Pick<Exchange, 'asked' | 'factId'>[] | undefined, facts: readonly FactLike[]): string {
  const topic = (factId: string | null) => facts.find((fact) => fact.id === factId)?.topic ?? '';
  return (exchanges ?? []).map((exchange) => `\n${exchange.asked}\n${topic(exchange.factId)}`).join('');
}

/** The words by which a checklist item names each topic ("the latency budget" names latency). */
const TOPIC_WORDS: Record<FactTopic, string> = {
  goal: 'goal objective', users: 'user', scale: 'scale', latency: 'latency', surface: 'surface', data: 'data',
  labels: 'label', constraints: 'constraint', privacy: 'privacy', cost: 'cost', scope: 'scope',
};
const topicStems = lazy(() => new Map(Object.entries(TOPIC_WORDS).map(([topic, words]) => [topic, wordForms.stems(words)])));

/**
 * The clarify stage's suggestions with what the questions put to the interviewer uncovered:
 * asking about latency is asking about the latency budget. Each topic a question uncovered
 * suggests the first clarify item (not a core one: asking is not the insight) whose text or
 * keywords name the topic, with the question as the evidence. Without a `clarify` stage, the
 * first stage's items.
 */
export function withExchangeSuggestions(interview: Interview, suggestions: ReadonlyArray<ReadonlyMap<string, string>>, exchanges: readonly Pick<Exchange, 'asked' | 'factId'>[] | undefined, facts: readonly FactLike[]): Array<Map<string, string>> {
  const copies = suggestions.map((suggested) => new Map(suggested));
  // Notes alone (lint grades every example this way): the items' words are not needed.
  if (!exchanges?.length) return copies;
  const at = Math.max(0, interview.stages.findIndex((stage) => stage.plan.id === 'clarify'));
  const items = interview.stages[at]?.items.filter((item) => !item.core) ?? [];
  const named = items.map((item) => new Set(wordForms.stems([item.text, ...(item.keywords ?? [])].join('\n'))));
  const seen = new Set<FactTopic>();
  for (const exchange of exchanges) {
    const topic = facts.find((fact) => fact.id === exchange.factId)?.topic;
    if (!topic || seen.has(topic)) continue;
    seen.add(topic);
    const i = named.findIndex((stems) => (topicStems().get(topic) ?? []).some((word) => stems.has(word)));
    const item = items[i];
    if (item && !copies[at]!.has(item.id)) copies[at]!.set(item.id, exchange.asked);
  }
  return copies;
}
