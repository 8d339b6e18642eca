// Progress over time, computed from the history: totals, streaks, coverage per stage and per
// category, the score trend, pacing and the items missed most often. Pure: the clock and the
// time zone come in as options, and the bank only through a BankView. The figures come from a
// tally (tally.ts), kept per rubric: stages and items are shown per rubric when the sessions
// used more than one, each titled from its own rubric.
import { isFollowupItem } from '../store/record.js';
import { dateOfDay, localDayNumber, localDayOfMinute } from '../time.js';
import { compareText } from '../text.js';
import { UNKNOWN_CATEGORY, type BankView } from './bank-view.js';
import { mostCounted, type RecentSession, type RubricTally, type StageTally, type StatsTally } from './tally.js';

export interface StatsOptions {
  now: number;
  /** IANA zone for local dates; undefined means the system's. */
  timeZone?: string;
  /** How many missed items to list. */
  missedLength?: number;
}

export interface Streaks {
  /** Consecutive days with a completed session, ending today (or yesterday, if today has none yet). */
  current: number;
  longest: number;
  /** Days with at least one completed session. */
  days: number;
  /** The local date of the last such day, YYYY-MM-DD. */
  lastDay: string | null;
  today: string;
}

export interface StageStats {
  id: string;
  title: string;
  /** Completed sessions that had this stage. */
  sessions: number;
  /** Average coverage of the stage, percent. */
  averageScore: number;
  averageUsedSeconds: number;
  averageBudgetSeconds: number;
  /** Time used against budget, averaged over sessions: +40 runs 40% over, -10 runs 10% under. */
  overPercent: number;
}

export interface CategoryStats {
  category: string;
  sessions: number;
  averageScore: number;
}

export interface Trend {
  /** Scores of the latest completed sessions, oldest first. */
  scores: number[];
  sessionIds: string[];
  /** Average of the later half minus the earlier half, in points; null with fewer than 4 scores. */
  change: number | null;
}

export interface MissedItem {
  rubricId: string;
  stageId: string;
  stageTitle: string;
  itemId: string;
  /** The item's text from the bank, or its id when the bank no longer has it. */
  text: string;
  guidance: string | null;
  /** Completed sessions in which it was missed, and in which it was assessed at all. */
  missed: number;
  assessed: number;
}

/** One rubric's stages and missed items, over the completed sessions that used it. */
export interface RubricStats {
  id: string;
  /** The rubric's title from the bank, or its id when the bank no longer has it. */
  title: string;
  sessions: number;
  stages: StageStats[];
  missed: MissedItem[];
}

export interface Stats {
  sessions: number;
  completed: number;
  abandoned: number;
  /** Active time over every session, abandoned ones included. */
  practiceSeconds: number;
  /** Over completed sessions; null when there are none. */
  averageScore: number | null;
  streaks: Streaks;
  /** Every rubric's stages together, by stage id (each titled from the rubric most sessions used). */
  stages: StageStats[];
  /** Weakest first. */
  categories: CategoryStats[];
  trend: Trend;
  /** Over every rubric. */
  missed: MissedItem[];
  /** Per rubric, the most used first. */
  rubrics: RubricStats[];
}

const ratio = (sum: number, count: number, unit: number) => (count ? sum / count / unit : 0);

export function statsOf(tally: StatsTally, bank: BankView, options: StatsOptions): Stats {
  const missedLength = options.missedLength ?? 5;
  // The most used rubric first: its titles win over a less used rubric's for a shared stage id.
  const rubrics = [...tally.rubrics].sort(([a, x], [b, y]) => y.sessions - x.sessions || compareText(a, b));
  return {
    sessions: tally.sessions,
    completed: tally.completed,
    abandoned: tally.abandoned,
    practiceSeconds: Math.round(tally.practiceMs / 1000),
    averageScore: tally.completed ? Math.round(tally.scoreTotal / tally.completed) : null,
    streaks: streaksOfDays(localDays(tally.startMinutes, options.timeZone), localDayNumber(options.now, options.timeZone)),
    stages: allStages(rubrics, bank),
    categories: categoryStats(tally, bank),
    trend: trend(tally.recent),
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

// The loops over every completed session below are plain loops, not callbacks: stats runs once
// per process, and 10,000 calls of a callback each cost it about a millisecond.

/** Each start (in whole minutes) as its local day number (time.ts dayNumber). */
function localDays(startMinutes: readonly number[], timeZone: string | undefined): Int32Array {
  const days = new Int32Array(startMinutes.length);
  for (let i = 0; i < startMinutes.length; i++) days[i] = localDayOfMinute(startMinutes[i]!, timeZone);
  return days;
}

/** Streaks over local dates as day numbers (time.ts dayNumber; any order, repeats allowed). */
export function streaksOfDays(dayNumbers: ArrayLike<number>, today: number): Streaks {
  // Whole numbers in an Int32Array: read from a Float64Array, every day was a number object
  // allocated, most of what stats allocated over ten thousand sessions.
  const days = new Int32Array(dayNumbers.length);
  days.set(dayNumbers);
  // The tally keeps sessions in the order they were recorded, nearly always their start order.
  let sorted = true;
  for (let i = 1; i < days.length && sorted; i++) sorted = days[i]! >= days[i - 1]!;
  if (!sorted) days.sort();
  let longest = 0;
  let run = 0;
  let distinct = 0;
  for (let i = 0; i < days.length; i++) {
    if (i > 0 && days[i] === days[i - 1]) continue;
    distinct++;
    run = i > 0 && days[i]! - days[i - 1]! === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const lastDay = days.length ? days[days.length - 1]! : undefined;
  // A streak stays alive through today until the day is over without practice.
  const current = lastDay !== undefined && today - lastDay <= 1 ? run : 0;
  return { current, longest, days: distinct, lastDay: lastDay === undefined ? null : dateOfDay(lastDay), today: dateOfDay(today) };
}

/** Each stage id over every rubric (most used first), titled from the rubric whose sessions had it most often. */
function allStages(rubrics: ReadonlyArray<[string, RubricTally]>, bank: BankView): StageStats[] {
  const byId = new Map<string, { rubricId: string; most: number; entry: StageTally }>();
  for (const [rubricId, rubric] of rubrics) {
    for (const [id, entry] of rubric.stages) {
      const seen = byId.get(id);
      if (!seen) {
        byId.set(id, { rubricId, most: entry.sessions, entry: { ...entry } });
        continue;
      }
      if (entry.sessions > seen.most) Object.assign(seen, { rubricId, most: entry.sessions });
      const sum = seen.entry;
      sum.position = Math.min(sum.position, entry.position);
      for (const key of ['sessions', 'scored', 'scoreMilli', 'usedMs', 'budgetMs', 'timed', 'ratioMicro'] as const) sum[key] += entry[key];
    }
  }
  return stageStats([...byId].map(([id, { rubricId, entry }]) => ({ id, rubricId, entry })), bank);
}

function stageStats(stages: Array<{ id: string; rubricId: string; entry: StageTally }>, bank: BankView): StageStats[] {
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

function categoryStats(tally: StatsTally, bank: BankView): CategoryStats[] {
  const categories = new Map(bank.questions.map((question) => [question.id, question.category]));
  const byCategory = new Map<string, { sessions: number; scoreMilli: number }>();
  for (const [questionId, { sessions, scoreMilli }] of tally.questions) {
    const category = categories.get(questionId) ?? UNKNOWN_CATEGORY;
    const entry = byCategory.get(category);
    if (entry) {
      entry.sessions += sessions;
      entry.scoreMilli += scoreMilli;
    } else {
      byCategory.set(category, { sessions, scoreMilli });
    }
  }
  return [...byCategory]
    .map(([category, { sessions, scoreMilli }]) => ({ category, sessions, averageScore: Math.round(ratio(scoreMilli, sessions, 1000)) }))
    .sort((a, b) => a.averageScore - b.averageScore || compareText(a.category, b.category));
}

function trend(recent: readonly RecentSession[]): Trend {
  const scores = recent.map((session) => session.score);
  const half = Math.floor(scores.length / 2);
  const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    scores,
    sessionIds: recent.map((session) => session.id),
    change: scores.length >= 4 ? Math.round(average(scores.slice(-half)) - average(scores.slice(0, half))) : null,
  };
}

function missedItems(rubrics: ReadonlyArray<[string, RubricTally]>, bank: BankView, length: number): MissedItem[] {
  const items = rubrics.flatMap(([rubricId, rubric]) =>
    [...rubric.items].flatMap(([stageId, tallies]) => [...tallies].map(([itemId, item]) => ({ rubricId, stageId, itemId, ...item }))));
  return items
    // A follow-up's answer-key points (followup-1...) are another follow-up's in every session: not one item to count.
    .filter((entry) => entry.missed > 0 && !isFollowupItem(entry.itemId))
    .sort((a, b) => b.missed - a.missed || b.missed / b.assessed - a.missed / a.assessed
      || compareText(a.stageId, b.stageId) || compareText(a.itemId, b.itemId) || compareText(a.rubricId, b.rubricId))
    .slice(0, length)
    .map((entry) => {
      // The item's text as the sessions that missed it most often saw it, in its own rubric.
      const item = bank.item({ rubricId: entry.rubricId, questionId: mostCounted(entry.questions)! }, entry.stageId, entry.itemId);
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
