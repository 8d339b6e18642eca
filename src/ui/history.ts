// The `history` listing: one row per session, newest first. Returns lines; never prints.
import type { SessionSummary } from '../store/record.js';
import type { LiveSession } from '../store/live.js';
import { type SessionState } from '../session/engine.js';
import { totalBudgetSeconds } from '../session/plan.js';
import { usedSecondsOf } from '../store/sessions.js';
import { cut, stripControl, visibleLength, widest } from '../text.js';
import { localDateTime } from '../time.js';
import { gradeStyle, type Style } from './colour.js';
import { table } from './table.js';

/** One session as `history --json` prints it. */
export interface HistoryEntry {
  id: string;
  /** The start in the reader's zone, YYYY-MM-DD HH:MM. */
  localStart: string;
  startedAt: string;
  /** Null for a session in progress: it has not ended. */
  endedAt: string | null;
  questionId: string;
  rubricId: string;
  mode: string;
  status: string;
  score: number | null;
  usedSeconds: number;
  budgetSeconds: number;
  /** An interrupted session that `mldrill resume` can continue. */
  resumable: boolean;
  /** The AI grader's score of the session (ratings.jsonl), null when it has none. */
  aiScore: number | null;
}

export function historyEntry(record: SessionSummary, timeZone?: string, resumable = false, aiScore: number | null = null): HistoryEntry {
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
    budgetSeconds: totalBudgetSeconds(record.stages),
    resumable,
    aiScore,
  };
}

/** The status of a session being drilled right now in another terminal. */
export const IN_PROGRESS = 'in progress';

/**
 * A session known only from its checkpoint: it stopped before writing a record (kill -9), or,
 * when `running`, another terminal is drilling it now.
 */
export function liveEntry(live: LiveSession<SessionState>, timeZone?: string, running = false): HistoryEntry {
  return {
    id: live.id,
    localStart: localDateTime(live.state.startedAt, timeZone),
    startedAt: new Date(live.state.startedAt).toISOString(),
    // An interrupted session ended at its last checkpoint; one in progress has not ended.
    endedAt: running ? null : live.savedAt,
    questionId: live.questionId,
    rubricId: live.rubricId,
    mode: live.mode,
    status: running ? IN_PROGRESS : 'interrupted',
    score: null,
    usedSeconds: Math.round(live.state.progress.reduce((sum, stage) => sum + stage.usedMs, 0) / 1000),
    budgetSeconds: totalBudgetSeconds(live.state.plan),
    resumable: !running,
    aiScore: null,
  };
}

/** After the score of a session the AI grader has rated too. */
export const AI_MARK = '*';

/**
 * The table, no wider than `width` (a terminal's; unlimited for a pipe): past it, the mode goes
 * unless some session was in interviewer mode, `abandoned, resumable` shortens to `resumable`,
 * the year leaves the date, the mode goes anyway, the question id is cut to what is left (an
 * ellipsis ending it), and on a very narrow screen the time and then the date columns go.
 * Session ids stay whole: they are what export and resume take.
 */
export function historyLines(entries: readonly HistoryEntry[], style: Style, width = Number.POSITIVE_INFINITY): string[] {
  const grade = gradeStyle(style);
  const build = (options: { mode: boolean; shortStatus: boolean; shortWhen?: boolean; noTime?: boolean; noWhen?: boolean; question: number }) => {
    const status = (entry: HistoryEntry) => (entry.resumable ? (options.shortStatus ? 'resumable' : `${entry.status}, resumable`) : entry.status);
    const rows = entries.map((entry) => [
      ...(options.noWhen ? [] : [options.shortWhen ? entry.localStart.slice(5) : entry.localStart]),
      stripControl(entry.id),
      cut(stripControl(entry.questionId), options.question),
      ...(options.mode ? [stripControl(entry.mode)] : []),
      stripControl(status(entry)),
      // The AI marker takes the place of a space: "100%*" is as wide as the header, so the table is no wider.
      `${entry.score === null ? '-' : `${entry.score}%`}${entry.aiScore === null ? ' ' : AI_MARK}`,
      ...(options.noTime ? [] : [`${Math.round(entry.usedSeconds / 60)} min`]),
    ]);
    return table(
      [
        ...(options.noWhen ? [] : [{ header: 'When' }]),
        { header: 'Session', paint: (text) => style.accent(text) },
        { header: 'Question' },
        ...(options.mode ? [{ header: 'Mode' }] : []),
        { header: 'Status', paint: (text, row) => (entries[row]!.status === 'completed' ? text : style.warn(text)) },
        { header: 'Score', align: 'right', paint: (text, row) => (entries[row]!.score === null ? style.dim(text) : grade(entries[row]!.score)(text)) },
        ...(options.noTime ? [] : [{ header: 'Time', align: 'right' as const }]),
      ],
      rows,
      style.dim,
    );
  };
  const longest = widest(entries.map((entry) => stripControl(entry.questionId)));
  let lines = build({ mode: true, shortStatus: false, question: longest });
  const interviewer = entries.some((entry) => entry.mode !== 'self');
  const steps = [
    { mode: interviewer, shortStatus: false },
    { mode: interviewer, shortStatus: true },
    { mode: interviewer, shortStatus: true, shortWhen: true },
    { mode: false, shortStatus: true, shortWhen: true },
  ];
  for (const options of steps) {
    if (widest(lines, visibleLength) <= width) return lines;
    lines = build({ ...options, question: longest });
  }
  // Still too wide: the question id is cut to what is left (8 columns at least); then the time
  // column goes, then the date (the session id starts with it).
  const last = steps.at(-1)!;
  for (const options of [last, { ...last, noTime: true }, { ...last, noTime: true, noWhen: true }]) {
    const whole = build({ ...options, question: longest });
    const over = widest(whole, visibleLength) - width;
    lines = over > 0 ? build({ ...options, question: Math.max(8, longest - over) }) : whole;
    if (widest(lines, visibleLength) <= width) return lines;
  }
  return lines;
}
