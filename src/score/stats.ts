// Progress over time, computed from the history: totals, streaks, coverage per stage and per
// category, the score trend, pacing and the items missed most often. Pure: the clock and the
// time zone come in as options, and the bank only through a BankView.
import type { SessionSummary } from '../store/record.js';
import { oldestFirst, usedSecondsOf } from '../store/sessions.js';
import { daysBetween, localDate } from '../time.js';
import { UNKNOWN_CATEGORY, type BankView } from './bank-view.js';

export interface StatsOptions {
  now: number;
  /** IANA zone for local dates; undefined means the system's. */
  timeZone?: string;
  /** How many recent completed sessions the trend shows. */
  trendLength?: number;
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

export interface Stats {
  sessions: number;
  completed: number;
  abandoned: number;
  /** Active time over every session, abandoned ones included. */
  practiceSeconds: number;
  /** Over completed sessions; null when there are none. */
  averageScore: number | null;
  streaks: Streaks;
  stages: StageStats[];
  /** Weakest first. */
  categories: CategoryStats[];
  trend: Trend;
  missed: MissedItem[];
}

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function computeStats(records: readonly SessionSummary[], bank: BankView, options: StatsOptions): Stats {
  const sessions = oldestFirst(records);
  const completed = sessions.filter((record) => record.status === 'completed' && record.score !== null);
  return {
    sessions: sessions.length,
    completed: completed.length,
    abandoned: sessions.filter((record) => record.status === 'abandoned').length,
    practiceSeconds: Math.round(sessions.reduce((sum, record) => sum + usedSecondsOf(record), 0)),
    averageScore: completed.length ? Math.round(average(completed.map((record) => record.score!))) : null,
    streaks: streaks(completed.map((record) => localDate(Date.parse(record.startedAt), options.timeZone)), localDate(options.now, options.timeZone)),
    stages: stageStats(completed, bank),
    categories: categoryStats(completed, bank),
    trend: trend(completed, options.trendLength ?? 20),
    missed: missedItems(completed, bank, options.missedLength ?? 5),
  };
}

/** Streaks over local dates (YYYY-MM-DD, any order, repeats allowed). */
export function streaks(dates: readonly string[], today: string): Streaks {
  const days = [...new Set(dates)].sort();
  let longest = 0;
  let run = 0;
  days.forEach((day, i) => {
    run = i > 0 && daysBetween(days[i - 1]!, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  const lastDay = days[days.length - 1] ?? null;
  // A streak stays alive through today until the day is over without practice.
  const current = lastDay !== null && daysBetween(lastDay, today) <= 1 ? run : 0;
  return { current, longest, days: days.length, lastDay, today };
}

function stageStats(completed: readonly SessionSummary[], bank: BankView): StageStats[] {
  const byStage = new Map<string, { rubricId: string; scores: number[]; used: number[]; budget: number[]; ratios: number[] }>();
  for (const record of completed) {
    for (const stage of record.stages) {
      let entry = byStage.get(stage.id);
      if (!entry) byStage.set(stage.id, (entry = { rubricId: record.rubricId, scores: [], used: [], budget: [], ratios: [] }));
      entry.rubricId = record.rubricId;
      if (stage.score !== null) entry.scores.push(stage.score);
      entry.used.push(stage.usedSeconds);
      entry.budget.push(stage.budgetSeconds);
      if (stage.budgetSeconds > 0) entry.ratios.push(stage.usedSeconds / stage.budgetSeconds);
    }
  }
  return [...byStage].map(([id, entry]) => ({
    id,
    title: bank.stageTitle(entry.rubricId, id) ?? id,
    sessions: entry.used.length,
    averageScore: entry.scores.length ? Math.round(average(entry.scores)) : 0,
    averageUsedSeconds: Math.round(average(entry.used)),
    averageBudgetSeconds: Math.round(average(entry.budget)),
    overPercent: entry.ratios.length ? Math.round((average(entry.ratios) - 1) * 100) : 0,
  }));
}

function categoryStats(completed: readonly SessionSummary[], bank: BankView): CategoryStats[] {
  const scores = new Map<string, number[]>();
  const categories = new Map(bank.questions.map((question) => [question.id, question.category]));
  for (const record of completed) {
    const category = categories.get(record.questionId) ?? UNKNOWN_CATEGORY;
    const values = scores.get(category);
    if (values) values.push(record.score!);
    else scores.set(category, [record.score!]);
  }
  return [...scores]
    .map(([category, values]) => ({ category, sessions: values.length, averageScore: Math.round(average(values)) }))
    .sort((a, b) => a.averageScore - b.averageScore || a.category.localeCompare(b.category));
}

function trend(completed: readonly SessionSummary[], length: number): Trend {
  const recent = completed.slice(-length);
  const scores = recent.map((record) => record.score!);
  const half = Math.floor(scores.length / 2);
  return {
    scores,
    sessionIds: recent.map((record) => record.id),
    change: scores.length >= 4 ? Math.round(average(scores.slice(-half)) - average(scores.slice(0, half))) : null,
  };
}

function missedItems(completed: readonly SessionSummary[], bank: BankView, length: number): MissedItem[] {
  type Tally = { stageId: string; itemId: string; missed: number; assessed: number; last?: SessionSummary };
  // Per stage, then per item: no joined keys to build for every tick of every session.
  const byStage = new Map<string, Map<string, Tally>>();
  for (const record of completed) {
    for (const stage of record.stages) {
      let items = byStage.get(stage.id);
      if (!items) byStage.set(stage.id, (items = new Map()));
      for (const [ids, missed] of [[stage.checked, false], [stage.missed, true]] as const) {
        for (const itemId of ids) {
          let tally = items.get(itemId);
          if (!tally) items.set(itemId, (tally = { stageId: stage.id, itemId, missed: 0, assessed: 0 }));
          tally.assessed++;
          if (missed) {
            tally.missed++;
            tally.last = record;
          }
        }
      }
    }
  }
  const items = [...byStage.values()].flatMap((tallies) => [...tallies.values()]);
  return items
    .filter((entry) => entry.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.assessed - a.missed / a.assessed || a.stageId.localeCompare(b.stageId) || a.itemId.localeCompare(b.itemId))
    .slice(0, length)
    .map((entry) => {
      const item = bank.item(entry.last!, entry.stageId, entry.itemId);
      return {
        stageId: entry.stageId,
        stageTitle: bank.stageTitle(entry.last!.rubricId, entry.stageId) ?? entry.stageId,
        itemId: entry.itemId,
        text: item?.text ?? entry.itemId,
        guidance: item?.guidance ?? null,
        missed: entry.missed,
        assessed: entry.assessed,
      };
    });
}
