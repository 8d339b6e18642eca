// Narrowing and picking questions. Pure: randomness comes in as a function.
import { idTextOf, type IdText } from '../bank/catalog.js';
import type { Category, Difficulty, LoadedQuestion } from '../bank/schema.js';
import type { Finding } from '../bank/findings.js';
import path from 'node:path';
import { NoMatchError, NotFoundError, UnknownIdError } from '../errors.js';
import { closest } from '../text.js';

export interface Filters {
  category?: Category;
  difficulty?: Difficulty;
  /** All must match. */
  tag?: string[];
}

/** What the filters and the id lookup read of a question: a summary is enough. */
export type Selectable = Pick<LoadedQuestion, 'id' | 'category' | 'difficulty' | 'tags'>;

function filterQuestions<T extends Selectable>(questions: readonly T[], filters: Filters): T[] {
  return questions.filter(
    (question) =>
      (!filters.category || question.category === filters.category) &&
      (!filters.difficulty || question.difficulty === filters.difficulty) &&
      (filters.tag ?? []).every((tag) => question.tags?.includes(tag)),
  );
}

export function hasFilters(filters: Filters): boolean {
  return Boolean(filters.category || filters.difficulty || filters.tag?.length);
}

function noMatch(bankSize: number, filters: Filters): NoMatchError {
  return new NoMatchError(filters, bankSize === 0);
}

/** The matching questions, or a NoMatchError with the filters. */
export function requireMatches<T extends Selectable>(questions: readonly T[], filters: Filters): T[] {
  const matches = filterQuestions(questions, filters);
  if (matches.length === 0) throw noMatch(questions.length, filters);
  return matches;
}

/**
 * The ids of the matching questions in code-unit order, so that seeded picks agree on every
 * machine whatever its locale. Without filters only the ids are read: `questions` may be a lazy
 * getter that costs a parse.
 */
export function requireMatchingIds(bank: { ids: readonly string[]; questions: readonly Selectable[] }, filters: Filters): string[] {
  if (hasFilters(filters)) return sortedIds(requireMatches(bank.questions, filters).map((question) => question.id));
  if (bank.ids.length === 0) throw noMatch(0, filters);
  return sortedIds(bank.ids);
}

/** requireMatchingIds as a pool. Without filters it is the bank's own, which a cached bank keeps ready. */
export function requireMatchingPool(bank: { idText: IdText; questions: readonly Selectable[] }, filters: Filters): IdText {
  if (hasFilters(filters)) return sortedPool(requireMatches(bank.questions, filters).map((question) => question.id));
  if (bank.idText.size === 0) throw noMatch(0, filters);
  return bank.idText;
}

/** ids in code-unit order; a pass over them when they are sorted already, as the bank's are. */
function sortedIds(ids: readonly string[]): string[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return [...ids].sort();
  return [...ids];
}

/** Ids in any order as the daily pick reads them. */
export function sortedPool(ids: readonly string[]): IdText {
  return idTextOf(sortedIds(ids));
}

export function pickRandom<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;
}

type BankIds = { ids: readonly string[]; findings: readonly Pick<Finding, 'file'>[]; withoutRubric?: ReadonlyMap<string, { rubric: string; file: string }> };

/**
 * Why question id is not in the bank when a question file named after it is among those the bank
 * left out for their errors (its findings), or the question was left out with its broken rubric;
 * undefined when neither: the file is there, and the errors are above.
 */
export function leftOutReason(bank: BankIds, id: string): string | undefined {
  const left = bank.withoutRubric?.get(id);
  if (left) return `question "${id}" was left out with its rubric "${left.rubric}": the rubric's file ${left.file} has the errors above`;
  const file = bank.findings.map((finding) => finding.file).find((name) => path.basename(path.dirname(name)) !== 'rubrics' && path.basename(name, path.extname(name)) === id);
  return file ? `question "${id}" was left out: its file ${file} has the errors above` : undefined;
}

/** The id itself when the bank has it, else why it was left out (leftOutReason), else an UnknownIdError with the closest ids. */
export function requireId(bank: BankIds, id: string): string {
  const { ids } = bank;
  if (ids.includes(id)) return id;
  const why = leftOutReason(bank, id);
  if (why) throw new NotFoundError(`${why}; fix them and run this again`);
  throw new UnknownIdError('question', id, closest(id, ids));
}
