// Progress over time, computed from the history: totals, streaks, coverage per stage and per
// category, the score trend, pacing and the items missed most often. Pure: the clock and the
// time zone come in as options, and the bank only through a BankView. The figures come from a
// tally (tally.ts), kept per rubric: stages and items are shown per rubric when the sessions
// used more than one, each titled from its own rubric.
import { isFollowupItem } from '../store/record.js';
import { dateOfDay, localDayNumber } from '../time.js';
import { compareText } from '../text.js';
import { UNKNOWN_CATEGORY } from './bank-view.js';
import { mostCounted } from './tally.js';
const ratio = (sum, count, unit) => (count ? sum / count / unit : 0);
export function statsOf(tally, bank, options) {
    const { done } = tally;
    const missedLength = options.missedLength ?? 5;
    // The most used rubric first: its titles win over a less used rubric's for a shared stage id.
    const rubrics = [...tally.rubrics].sort(([a, x], [b, y]) => y.sessions - x.sessions || compareText(a, b));
    // Completed sessions oldest first; those that started together in the order they appeared.
    const earlier = (a, b) => done.startedAt[a] - done.startedAt[b] || done.order[a] - done.order[b];
    const byStart = done.ids.map((_, i) => i);
    // Sessions are tallied as they end, so usually in start order already: a pass, not a sort.
    if (byStart.some((i) => i > 0 && earlier(i - 1, i) > 0))
        byStart.sort(earlier);
    return {
        sessions: tally.sessions,
        completed: tally.completed,
        abandoned: tally.abandoned,
        practiceSeconds: Math.round(tally.practiceMs / 1000),
        averageScore: done.scores.length ? Math.round(done.scores.reduce((sum, score) => sum + score, 0) / done.scores.length) : null,
        streaks: streaksOfDays(done.startedAt.map((ms) => localDayNumber(ms, options.timeZone)), localDayNumber(options.now, options.timeZone)),
        stages: allStages(rubrics, bank),
        categories: categoryStats(tally, bank),
        trend: trend(tally, byStart.slice(-(options.trendLength ?? 20))),
        missed: missedItems(rubrics, bank, missedLength),
        rubrics: rubrics.map(([id, rubric]) => ({
            id,
            title: bank.rubricTitle(id) ?? id,
            sessions: rubric.sessions,
            stages: stageStats([...rubric.stages].map(([stageId, entry]) => ({ id: stageId, rubricId: id, entry })), bank),
            missed: missedItems([[id, rubric]], bank, missedLength),
        })),
    };
}
/** Streaks over local dates as day numbers (time.ts dayNumber; any order, repeats allowed). */
export function streaksOfDays(dayNumbers, today) {
    const days = Float64Array.from(dayNumbers);
    // The tally keeps sessions in the order they were recorded, nearly always their start order.
    if (days.some((day, i) => i > 0 && day < days[i - 1]))
        days.sort();
    let longest = 0;
    let run = 0;
    let distinct = 0;
    for (let i = 0; i < days.length; i++) {
        if (i > 0 && days[i] === days[i - 1])
            continue;
        distinct++;
        run = i > 0 && days[i] - days[i - 1] === 1 ? run + 1 : 1;
        longest = Math.max(longest, run);
    }
    const lastDay = days.length ? days[days.length - 1] : undefined;
    // A streak stays alive through today until the day is over without practice.
    const current = lastDay !== undefined && today - lastDay <= 1 ? run : 0;
    return { current, longest, days: distinct, lastDay: lastDay === undefined ? null : dateOfDay(lastDay), today: dateOfDay(today) };
}
/** Each stage id over every rubric (most used first), titled from the rubric whose sessions had it most often. */
function allStages(rubrics, bank) {
    const byId = new Map();
    for (const [rubricId, rubric] of rubrics) {
        for (const [id, entry] of rubric.stages) {
            const seen = byId.get(id);
            if (!seen) {
                byId.set(id, { rubricId, most: entry.sessions, entry: { ...entry } });
                continue;
            }
            if (entry.sessions > seen.most)
                Object.assign(seen, { rubricId, most: entry.sessions });
            const sum = seen.entry;
            sum.position = Math.min(sum.position, entry.position);
            for (const key of ['sessions', 'scored', 'scoreMilli', 'usedMs', 'budgetMs', 'timed', 'ratioMicro'])
                sum[key] += entry[key];
        }
    }
    return stageStats([...byId].map(([id, { rubricId, entry }]) => ({ id, rubricId, entry })), bank);
}
function stageStats(stages, bank) {
    return stages
        .sort((a, b) => a.entry.position - b.entry.position || compareText(a.id, b.id))
        .map(({ id, rubricId, entry }) => ({
        id,
        title: bank.stageTitle(rubricId, id) ?? id,
        sessions: entry.sessions,
        averageScore: Math.round(ratio(entry.scoreMilli, entry.scored, 1000)),
        averageUsedSeconds: Math.round(ratio(entry.usedMs, entry.sessions, 1000)),
        averageBudgetSeconds: Math.round(ratio(entry.budgetMs, entry.sessions, 1000)),
        // From the same sums as the two averages, so the bar, the percentage and the times agree.
        overPercent: entry.budgetMs > 0 ? Math.round((entry.usedMs / entry.budgetMs - 1) * 100) : 0,
    }));
}
function categoryStats(tally, bank) {
    const categories = new Map(bank.questions.map((question) => [question.id, question.category]));
    const byCategory = new Map();
    for (const [questionId, { sessions, scoreMilli }] of tally.questions) {
        const category = categories.get(questionId) ?? UNKNOWN_CATEGORY;
        const entry = byCategory.get(category);
        if (entry) {
            entry.sessions += sessions;
            entry.scoreMilli += scoreMilli;
        }
        else {
            byCategory.set(category, { sessions, scoreMilli });
        }
    }
    return [...byCategory]
        .map(([category, { sessions, scoreMilli }]) => ({ category, sessions, averageScore: Math.round(ratio(scoreMilli, sessions, 1000)) }))
        .sort((a, b) => a.averageScore - b.averageScore || compareText(a.category, b.category));
}
function trend(tally, recent) {
    const scores = recent.map((i) => tally.done.scores[i]);
    const half = Math.floor(scores.length / 2);
    const average = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
        scores,
        sessionIds: recent.map((i) => tally.done.ids[i]),
        change: scores.length >= 4 ? Math.round(average(scores.slice(-half)) - average(scores.slice(0, half))) : null,
    };
}
function missedItems(rubrics, bank, length) {
    const items = rubrics.flatMap(([rubricId, rubric]) => [...rubric.items].flatMap(([stageId, tallies]) => [...tallies].map(([itemId, item]) => ({ rubricId, stageId, itemId, ...item }))));
    return items
        // A follow-up's answer-key points (followup-1...) are another follow-up's in every session: not one item to count.
        .filter((entry) => entry.missed > 0 && !isFollowupItem(entry.itemId))
        .sort((a, b) => b.missed - a.missed || b.missed / b.assessed - a.missed / a.assessed
        || compareText(a.stageId, b.stageId) || compareText(a.itemId, b.itemId) || compareText(a.rubricId, b.rubricId))
        .slice(0, length)
        .map((entry) => {
        // The item's text as the sessions that missed it most often saw it, in its own rubric.
        const item = bank.item({ rubricId: entry.rubricId, questionId: mostCounted(entry.questions) }, entry.stageId, entry.itemId);
        return {
            rubricId: entry.rubricId,
            stageId: entry.stageId,
            stageTitle: bank.stageTitle(entry.rubricId, entry.stageId) ?? entry.stageId,
            itemId: entry.itemId,
            text: item?.text ?? entry.itemId,
            guidance: item?.guidance ?? null,
            missed: entry.missed,
            assessed: entry.assessed,
        };
    });
}
