// What to practise next, by spaced repetition. Each question is a card; each completed session
// a review, rated from its score. Replaying the history in time order through FSRS gives every
// card's state, so the history file stays the one source of truth. Pure: the clock comes in.
// Loads ts-fsrs, so import this module lazily (only `next` and `drill --next` need it).
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { compareText } from '../text.js';
/** Score bands, lowest first: a score at or above `from` (and below the next band) gets `rating`. */
const RATING_BANDS = [
    { from: 0, rating: 'again' },
    { from: 50, rating: 'hard' },
    { from: 70, rating: 'good' },
    { from: 85, rating: 'easy' },
];
const GRADES = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
export function ratingFor(score) {
    let rating = 'again';
    for (const band of RATING_BANDS)
        if (score >= band.from)
            rating = band.rating;
    return rating;
}
/**
 * No fuzz, so the schedule is a function of the history alone; no short-term steps, because
 * redoing a 45-minute interview ten minutes later teaches nothing: an Again comes back
 * tomorrow. A question aced every time still comes back within two months, since interview
 * preparation lasts weeks, not years.
 */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false, maximum_interval: 60 });
const DAY_MS = 86_400_000;
/** The card of a question after replaying its completed sessions, oldest first, each rated from `scoreOf`. */
export function replayCard(sessions, scoreOf = (session) => session.score ?? 0) {
    let card;
    for (const session of sessions) {
        const at = new Date(session.endedAt);
        card = scheduler.next(card ?? createEmptyCard(at), at, GRADES[ratingFor(scoreOf(session))]).card;
    }
    return card;
}
/**
 * Every question of the bank, in the order to practise them: due ones first, most overdue
 * first; then unseen ones, weakest category first (a category never practised counts as the
 * weakest), categories equally weak taking turns; then the rest, soonest due first. Sessions of questions not in `questions` are
 * ignored.
 */
export function practiceQueue(questions, records, now, reviewScores) {
    const scoreOf = (session) => reviewScores?.get(session.id) ?? session.score ?? 0;
    const known = new Map(questions.map((question) => [question.id, question]));
    const byQuestion = new Map();
    const categoryScores = new Map();
    const completed = records
        .filter((record) => record.status === 'completed' && record.score !== null && known.has(record.questionId))
        .sort((a, b) => Date.parse(a.endedAt) - Date.parse(b.endedAt));
    const push = (map, key, value) => {
        const list = map.get(key);
        if (list)
            list.push(value);
        else
            map.set(key, [value]);
    };
    for (const record of completed) {
        push(byQuestion, record.questionId, record);
        push(categoryScores, known.get(record.questionId).category, scoreOf(record));
    }
    const categoryAverage = (category) => {
        const scores = categoryScores.get(category);
        return scores ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null;
    };
    const entries = questions.map((question) => {
        const sessions = byQuestion.get(question.id) ?? [];
        const card = replayCard(sessions, scoreOf);
        const last = sessions[sessions.length - 1];
        const dueMs = card ? card.due.getTime() : Number.NaN;
        const isDue = card !== undefined && dueMs <= now;
        return {
            questionId: question.id,
            title: question.title,
            category: question.category,
            reason: !card ? 'unseen' : isDue ? 'due' : 'scheduled',
            due: card ? card.due.toISOString() : null,
            overdueDays: isDue ? Math.floor((now - dueMs) / DAY_MS) : null,
            reviews: sessions.length,
            lastScore: last ? scoreOf(last) : null,
            lastScoreBy: last ? (reviewScores?.has(last.id) ? 'ai' : 'self') : null,
            lastRating: last ? ratingFor(scoreOf(last)) : null,
            categoryAverage: categoryAverage(question.category),
            dueMs,
        };
    });
    const rank = { due: 0, unseen: 1, scheduled: 2 };
    // Never-practised categories sort before any average.
    const weakness = (entry) => entry.categoryAverage ?? -1;
    const sorted = entries
        .sort((a, b) => {
        if (a.reason !== b.reason)
            return rank[a.reason] - rank[b.reason];
        if (a.reason === 'unseen')
            return weakness(a) - weakness(b) || compareText(a.category, b.category) || compareText(a.questionId, b.questionId);
        return a.dueMs - b.dueMs || compareText(a.questionId, b.questionId);
    })
        .map(({ dueMs: _dueMs, ...entry }) => entry);
    // Categories as weak as each other (all of them, for a new user) take turns.
    const unseen = sorted.filter((entry) => entry.reason === 'unseen');
    const at = sorted.findIndex((entry) => entry.reason === 'unseen');
    const levels = new Map();
    for (const entry of unseen)
        levels.set(weakness(entry), [...(levels.get(weakness(entry)) ?? []), entry]);
    if (at >= 0)
        sorted.splice(at, unseen.length, ...[...levels.values()].flatMap(interleave));
    return sorted;
}
/**
 * Questions a category at a time, round by round: each round takes the next question of every
 * category, so a new user gets ads, then marketplaces, then perception, not five ads questions
 * in a row. `entries` come sorted by category.
 */
function interleave(entries) {
    const groups = new Map();
    for (const entry of entries) {
        const group = groups.get(entry.category);
        if (group)
            group.push(entry);
        else
            groups.set(entry.category, [entry]);
    }
    const rounds = Math.max(0, ...[...groups.values()].map((group) => group.length));
    return Array.from({ length: rounds }, (_, round) => [...groups.values()].flatMap((group) => (group[round] ? [group[round]] : []))).flat();
}
