// The keyword grader's matching: notes and keywords meet as sequences of word stems, so
// `labels`, `labelling` and `labeling` are one word, `guard-rail` and `guardrails` one phrase,
// and `optimise` reads as `optimize`. Pure (an index only fills in stems it was asked for); a
// keyword is normalised once and kept.
import { eachWord, genericReason, isNumberWord, startCode, stem, stemKeepsStart, WORD } from '../words.js';

interface Token {
  stem: string;
  raw: string;
  start: number;
  end: number;
  line: number;
  /** In a list of buzzwords: never the start of evidence. */
  listed: boolean;
}

/** A keyword made ready for matching. */
export interface Keyword {
  /** As the author wrote it. */
  phrase: string;
  stems: string[];
  /** The words run together and stemmed: `guard-rail` as `guardrail`; empty when that would drop a word. */
  joined: string;
}

/** Keywords compiled, by phrase: rubric items' phrases recur in every interview. Cleared when large (a bank of unique questions would grow it without end). */
const compiled = new Map<string, Keyword | null>();
const COMPILED_KEPT = 50_000;

/** The keyword ready for matching, or null when it is generic and so never counts. Memoised. */
export function compileKeyword(phrase: string): Keyword | null {
  let keyword = compiled.get(phrase);
  if (keyword === undefined) {
    const words = phrase.toLowerCase().match(WORD) ?? [];
    const joined = stem(words.join(''));
    // `lift at` run together is `liftat`, stemmed as a verb's -at to `lift`: a join that swallows its last word would let that word go unsaid.
    const swallowed = words.length > 1 && joined === stem(words.slice(0, -1).join(''));
    keyword = genericReason(phrase) ? null : { phrase, stems: words.map((word) => stem(word)), joined: swallowed ? '' : joined };
    if (compiled.size >= COMPILED_KEPT) compiled.clear();
    compiled.set(phrase, keyword);
  }
  return keyword;
}

/** Notes made ready for matching many keywords. */
export interface NotesIndex {
  text: string;
  tokens: Token[];
  /** Token positions by stem. */
  at: Map<string, number[]>;
  /**
   * Two adjacent words on one line run together (`guard rail` as `guardrail`), by the first
   * one's position. Most pairs are stemmed only when a keyword could be their stem, which is
   * most of the cost of indexing otherwise: those whose stem surely starts as they do wait in
   * `pairsByStart`, their stems filled in `pairStems` as asked; the rest are in `pairs`.
   */
  pairs: Map<string, number>;
  pairsByStart: Map<number, number[]>;
  pairStems: Array<string | undefined>;
  /** The lines that hold a number (`40k`, `p99`, `two million`): where a quantified item's keywords count. */
  numberLines: Set<number>;
}

// A run of this many bare terms in a row is a list of buzzwords, not an answer.
const BUZZWORD_RUN = 5;
const BARE_WORDS = 3;

/**
 * Where the notes only list terms: runs of at least BUZZWORD_RUN bare terms in a row (fragments
 * of at most BARE_WORDS words and no number, split at commas, semicolons and line ends, on
 * lines with no `Label:` lead). Naming a term is not explaining it, so their words count for no
 * item; `Features: user, item, context, ...` and any fragment with a number, a reason or a
 * question mark stay.
 * Returns [start, end) character ranges.
 */
function buzzwordRuns(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let run: Array<[number, number]> = [];
  const close = () => {
    if (run.length >= BUZZWORD_RUN) runs.push([run[0]![0], run.at(-1)![1]]);
    run = [];
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const body = /^\s*(?:[-*+]\s+)?/.exec(line)![0].length;
    if (/^\s*#/.test(line) || /^[^,;:]{1,40}:(?:\s|$)/.test(line.slice(body)) || line.trim() === '') close();
    else {
      let at = offset;
      for (const fragment of line.split(/[,;]/)) {
        const words = fragment.match(WORD) ?? [];
        // A question asked is not a term dropped: `latency?` in a list of questions to the interviewer.
        if (words.length > BARE_WORDS || /\d/.test(fragment) || fragment.trimEnd().endsWith('?')) close();
        else if (words.length > 0) run.push([at, at + fragment.length]);
        at += fragment.length + 1;
      }
    }
    offset += line.length + 1;
  }
  close();
  return runs;
}

/** A numbered list's `1.`, `2)` or `(3)` at the start of a line: it counts lines, it quantifies nothing. */
const LIST_NUMBER = /^[ \t]*\(?\d{1,3}$/;
function isListNumber(text: string, lineStart: number, end: number): boolean {
  return LIST_NUMBER.test(text.slice(lineStart, end)) && /^[.)](?:\s|$)/.test(text.slice(end, end + 2));
}

export function indexNotes(text: string): NotesIndex {
  const listed = buzzwordRuns(text);
  // Runs and words both come in text order: one pointer walks the runs as the words go by.
  let run = 0;
  const inRun = (start: number) => {
    while (run < listed.length && listed[run]![1] <= start) run++;
    return run < listed.length && start >= listed[run]![0];
  };
  const tokens: Token[] = [];
  const numberLines = new Set<number>();
  const lower = text.toLowerCase();
  let line = 0;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  eachWord(lower, (start, end) => {
    while (nextBreak !== -1 && nextBreak < start) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    const raw = lower.slice(start, end);
    const stemmed = stem(raw);
    // Only a line's first word may be its list number: a long line of numbers is looked at once.
    const first = tokens.length === 0 || tokens[tokens.length - 1]!.line !== line;
    tokens.push({ stem: stemmed, raw, start, end, line, listed: inRun(start) });
    if (isNumberWord(raw, stemmed) && !(first && isListNumber(lower, lineStart, end))) numberLines.add(line);
  });
  const at = new Map<string, number[]>();
  const pairs = new Map<string, number>();
  const pairsByStart = new Map<number, number[]>();
  tokens.forEach((token, i) => {
    if (token.listed) return;
    const list = at.get(token.stem);
    if (list) list.push(i);
    else at.set(token.stem, [i]);
    const next = tokens[i + 1];
    if (!next || next.line !== token.line) return;
    if (stemKeepsStart(token.raw, next.raw)) {
      const code = startCode(token.raw, next.raw);
      const waiting = pairsByStart.get(code);
      if (waiting) waiting.push(i);
      else pairsByStart.set(code, [i]);
      return;
    }
    // Short pairs (`of the`) are few and recur: the memo keeps them.
    const joined = stem(token.raw + next.raw);
    if (!pairs.has(joined)) pairs.set(joined, i);
  });
  return { text, tokens, at, pairs, pairsByStart, pairStems: [], numberLines };
}

/** The first position of a pair of words whose stem run together is `joined`, or undefined. */
function pairOf(notes: NotesIndex, joined: string): number | undefined {
  const first = notes.pairs.get(joined);
  if (joined.length < 3) return first;
  for (const i of notes.pairsByStart.get(startCode(joined)) ?? []) {
    if (first !== undefined && i > first) break;
    const stemmed = (notes.pairStems[i] ??= stem(notes.tokens[i]!.raw + notes.tokens[i + 1]!.raw, { once: true }));
    if (stemmed === joined) return i;
  }
  return first;
}

/** A keyword's `k` or `n` after the first word stands for any number: `recall@k` matches `recall@10`. */
const sameWord = (token: Token | undefined, stem: string) => token !== undefined && (token.stem === stem || ((stem === 'k' || stem === 'n') && /^\d+$/.test(token.raw)));

/** Where in the notes a keyword occurs: its first and last token. */
interface Found {
  from: number;
  to: number;
}

/** Token positions already taken as another item's evidence: one mention evidences one item. */
export type Used = Set<number>;

const free = (used: Used | undefined, from: number, to: number) => {
  if (!used) return true;
  for (let i = from; i <= to; i++) if (used.has(i)) return false;
  return true;
};

/** Where a keyword may count: anywhere, or only on the given lines (a quantified item's: those with a number). */
type Lines = ReadonlySet<number> | undefined;

function locate(notes: NotesIndex, keyword: Keyword, used?: Used, lines?: Lines): Found | null {
  const { stems, joined } = keyword;
  const counts = (from: number, to: number) => free(used, from, to) && (!lines || lines.has(notes.tokens[from]!.line));
  for (const i of notes.at.get(stems[0]!) ?? []) {
    let j = 1;
    while (j < stems.length && sameWord(notes.tokens[i + j], stems[j]!) && notes.tokens[i + j]!.line === notes.tokens[i]!.line) j++;
    if (j === stems.length && counts(i, i + j - 1)) return { from: i, to: i + j - 1 };
  }
  if (stems.length > 1) {
    const i = (notes.at.get(joined) ?? []).find((at) => counts(at, at));
    if (i !== undefined) return { from: i, to: i };
  }
  const pair = pairOf(notes, joined);
  return pair === undefined || !counts(pair, pair + 1) ? null : { from: pair, to: pair + 1 };
}

const spanOf = (notes: NotesIndex, { from, to }: Found) => notes.text.slice(notes.tokens[from]!.start, notes.tokens[to]!.end);

/** A list of keywords made ready for matching (evidenceAmong): the generic ones left out, the longest phrases first. */
export function compileKeywords(phrases: readonly string[] | undefined): Keyword[] {
  const keywords = (phrases ?? []).map(compileKeyword).filter((keyword) => keyword !== null);
  // Stable: among phrases of one length, the author's order stays.
  return keywords.sort((a, b) => b.stems.length - a.stems.length);
}

/**
 * The evidence for an item from its keywords (compileKeywords): the longest phrase found (a
 * phrase says more than a word; the first found is the longest), or null when none is. With
 * `used`, words another item's evidence took do not count again, and the words taken are added
 * to it. With `lines`, a keyword counts only where it starts on one of them. With `needed`,
 * that many keywords must be found at different places; the evidence is the first.
 */
export function evidenceAmong(notes: NotesIndex, keywords: readonly Keyword[], used?: Used, lines?: Lines, needed = 1): string | null {
  // While more are looked for, the words found so far count as taken: one word is never two of `needed`.
  const taken = needed > 1 ? new Set(used) : used;
  const found: Found[] = [];
  for (const keyword of keywords) {
    const at = locate(notes, keyword, taken, lines);
    if (at === null) continue;
    found.push(at);
    if (found.length >= needed) break;
    for (let i = at.from; i <= at.to; i++) taken?.add(i);
  }
  if (found.length < needed) return null;
  for (const { from, to } of found) for (let i = from; i <= to; i++) used?.add(i);
  return spanOf(notes, found[0]!);
}
