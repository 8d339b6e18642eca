// The bank as commands use it, whether read from the cache (cache.ts) or loaded in full.
import { NotFoundError, UnknownIdError } from '../errors.js';
import { sortedPool, type SortedPool } from '../select/filter.js';
import { closest } from '../text.js';
import type { Finding } from './findings.js';
import type { Bank } from './load.js';
import type { LoadedQuestion, LoadedRubric } from './schema.js';

/** What lists, filters and pickers need of a question, without its prompt, hints or items. */
export type QuestionSummary = Pick<LoadedQuestion, 'id' | 'title' | 'category' | 'difficulty' | 'companies' | 'tags' | 'rubric' | 'file'>;

/** The bank as commands use it: ids, summaries, and whole questions on request. */
export interface Catalog {
  /** Every question id, in the order of `questions`. */
  readonly ids: readonly string[];
  /** The ids as the daily pick reads them. From the cache, they are never split into a list. */
  readonly pool: SortedPool;
  /** Sorted by id. From the cache, built on first use: prefer `ids` where they are enough. */
  readonly questions: readonly QuestionSummary[];
  rubrics: Map<string, LoadedRubric>;
  /** The files left out and why. Only errors: warnings are for `mldrill lint`, which reads every file itself. */
  findings: Finding[];
  /** How many YAML files make up the bank. */
  files: number;
  /** The rubric with this id; NotFoundError names the known ones. */
  rubric(id: string): LoadedRubric;
  /** The whole question with this id (one of `ids`). */
  question(id: string): LoadedQuestion;
  /** Every whole question, sorted by id. */
  all(): LoadedQuestion[];
  /** Releases the cache file; the catalog must not be used afterwards. */
  close(): void;
}

/**
 * A bank whose every file has a warning (say, a schema comment that points nowhere from where
 * the bank lives) would otherwise carry ten thousand of them through every cache hit.
 */
export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

export function rubricLookup(rubrics: Map<string, LoadedRubric>): (id: string) => LoadedRubric {
  return (id) => {
    const rubric = rubrics.get(id);
    if (!rubric) {
      throw new UnknownIdError('rubric', id, closest(id, rubrics.keys(), 1), [...rubrics.keys()].sort());
    }
    return rubric;
  };
}

/** A catalog over a bank loaded in full. */
export function catalogOf(bank: Bank): Catalog {
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
  const ids = bank.questions.map((question) => question.id);
  let pool: SortedPool | undefined;
  return {
    ids,
    get pool() {
      return (pool ??= sortedPool(ids));
    },
    questions: bank.questions,
    rubrics: bank.rubrics,
    rubric: rubricLookup(bank.rubrics),
    findings: errorsOf(bank.findings),
    files: bank.files,
    question: (id) => {
      const question = byId.get(id);
      if (!question) throw new NotFoundError(`no question with id "${id}"`);
      return question;
    },
    all: () => bank.questions,
    close: () => {},
  };
}
