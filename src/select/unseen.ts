// For `random --unseen` and `daily --unseen`: which questions the history already covers. Pure.
import type { SessionSummary } from '../store/record.js';

/** Ids of the questions with at least one completed session; abandoned ones do not count. */
export function completedQuestionIds(records: readonly SessionSummary[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) if (record.status === 'completed') ids.add(record.questionId);
  return ids;
}

/** The questions never completed, in their given order. */
export function unseenQuestions<T extends { id: string }>(questions: readonly T[], records: readonly SessionSummary[]): T[] {
  const done = completedQuestionIds(records);
  return questions.filter((question) => !done.has(question.id));
}
