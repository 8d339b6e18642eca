// The bank as commands use it, whether read from the cache (cache.ts) or loaded in full.
import { NotFoundError, UnknownIdError } from '../errors.js';
import { closest } from '../text.js';
import type { Finding } from './findings.js';
import type { Bank, RubricLeftOut } from './load.js';
import type { LoadedQuestion, LoadedRubric } from './schema.js';

/** What lists, filters and pickers need of a question, without its prompt, hints or items. */
export type QuestionSummary = Pick<LoadedQuestion, 'id' | 'title' | 'category' | 'difficulty' | 'companies' | 'tags' | 'rubric' | 'file'>;

/** Ids in code-unit order, as one text and by position: the form the cache keeps them in. */
export interface IdText {
  readonly size: number;
  /** The ids joined by newlines (ids are kebab-case). */
  readonly joined: string;
  /** The id at a position, 0 <= position < size. */
  id(position: number): string;
}

/** The IdText of ids already in code-unit order. */
export function idTextOf(sorted: readonly string[]): IdText {
  return { size: sorted.length, joined: sorted.join('\n'), id: (position) => sorted[position]! };
}

/** The bank as commands use it: ids, summaries, and whole questions on request. */
export interface Catalog {
  /** Every question id, in the order of `questions`. */
  readonly ids: readonly string[];
  /** The same ids as one text. From the cache, they are never split into a list. */
  readonly idText: IdText;
  /** Sorted by id. From the cache, built on first use: prefer `ids` where they are enough. */
  readonly questions: readonly QuestionSummary[];
  rubrics: Map<string, LoadedRubric>;
  /** The files left out and why. Only errors: warnings are for `mldrill lint`, which reads every file itself. */
  findings: Finding[];
  /** Questions left out only because their rubric has errors, by question id. */
  withoutRubric: ReadonlyMap<string, RubricLeftOut>;
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
  let idText: IdText | undefined;
  return {
    ids,
    // The loader sorts the questions by id in code-unit order.
    get idText() {
      return (idText ??= idTextOf(ids));
    },
    questions: bank.questions,
    rubrics: bank.rubrics,
    rubric: rubricLookup(bank.rubrics),
    findings: errorsOf(bank.findings),
    withoutRubric: bank.withoutRubric,
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
