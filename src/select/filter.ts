// Narrowing and picking questions. Pure: randomness comes in as a function.
import type { Category, Difficulty, LoadedQuestion } from '../bank/schema.js';
import { NotFoundError } from '../errors.js';
import { closest } from '../text.js';

export interface Filters {
  category?: Category;
  difficulty?: Difficulty;
  /** All must match. */
  tag?: string[];
}

/** What the filters and the id lookup read of a question: a summary is enough. */
export type Selectable = Pick<LoadedQuestion, 'id' | 'category' | 'difficulty' | 'tags'>;

export function filterQuestions<T extends Selectable>(questions: readonly T[], filters: Filters): T[] {
  return questions.filter(
    (question) =>
      (!filters.category || question.category === filters.category) &&
      (!filters.difficulty || question.difficulty === filters.difficulty) &&
      (filters.tag ?? []).every((tag) => question.tags?.includes(tag)),
  );
}

export function describeFilters(filters: Filters): string {
  const parts = [
    filters.category && `--category ${filters.category}`,
    filters.difficulty && `--difficulty ${filters.difficulty}`,
    ...(filters.tag ?? []).map((tag) => `--tag ${tag}`),
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : 'no filters';
}

/** The matching questions, or a NotFoundError that names the filters. */
export function requireMatches<T extends Selectable>(questions: readonly T[], filters: Filters): T[] {
  const matches = filterQuestions(questions, filters);
  if (matches.length === 0) {
    throw new NotFoundError(questions.length === 0 ? 'the bank has no questions' : `no question matches ${describeFilters(filters)}; run 'mldrill list' to see what there is`);
  }
  return matches;
}

export function pickRandom<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;
}

export function findQuestion<T extends Selectable>(questions: readonly T[], id: string): T {
  const question = questions.find((candidate) => candidate.id === id);
  if (question) return question;
  const suggestions = closest(id, questions.map((candidate) => candidate.id));
  const hint = suggestions.length ? `did you mean ${suggestions.join(', ')}?` : "run 'mldrill list' to see the ids";
  throw new NotFoundError(`no question with id "${id}"; ${hint}`);
}
