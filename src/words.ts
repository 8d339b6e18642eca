// Word forms: one light, rule-based stemmer (no dictionary: deterministic and fast) that every
// comparison of typed text with authored text goes through, so that "labelled", "labeling" and
// "labels" meet at one stem, and British and American spellings at one form: the grader's
// keywords, the interviewer's fact matcher and the follow-ups' conditions. Also the words too
// generic to be a keyword alone. A leaf: the bank's lint uses it as well.
import { lazy } from './lazy.js';

/** Splits text into normalised word stems, in order. */
export interface WordForms {
  stems(text: string): string[];
}

/** British spellings that no suffix rule below brings to the American form. */
const SPELLING: Record<string, string> = {
  colour: 'color', colours: 'colors', favourite: 'favorite', favourites: 'favorites', behaviour: 'behavior', behaviours: 'behaviors',
  catalogue: 'catalog', catalogues: 'catalogs', centre: 'center', centres: 'centers', metre: 'meter', metres: 'meters',
  judgement: 'judgment', judgements: 'judgments', neighbour: 'neighbor', neighbours: 'neighbors', programme: 'program',
  licence: 'license', defence: 'defense', grey: 'gray', analyse: 'analyze', analysed: 'analyzed', analysing: 'analyzing',
  travelling: 'traveling', travelled: 'traveled', cancelled: 'canceled', cheque: 'check', dialogue: 'dialog',
  artefact: 'artifact', artefacts: 'artifacts', offence: 'offense', offences: 'offenses', ageing: 'aging', fibre: 'fiber', fibres: 'fibers',
  enrolment: 'enrollment', enrolments: 'enrollments', sceptical: 'skeptical', practise: 'practice', practised: 'practiced', practising: 'practicing',
};

/** Forms no rule reaches. */
const IRREGULAR: Record<string, string> = {
  daily: 'day', weekly: 'week', monthly: 'month', hourly: 'hour', yearly: 'year', annually: 'year', annual: 'year',
  people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', criteria: 'criterion',
  ran: 'run', running: 'run', spent: 'spend', spending: 'spend', bought: 'buy', sold: 'sell', paid: 'pay', seen: 'see', saw: 'see',
  shown: 'show', known: 'know', knew: 'know', built: 'build', taken: 'take', took: 'take', gave: 'give', given: 'give',
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', am: 'be',
  has: 'have', had: 'have', does: 'do', did: 'do', done: 'do', news: 'news', series: 'series', analysis: 'analysis', bus: 'bus',
  indices: 'index', matrices: 'matrix', vertices: 'vertex', hypotheses: 'hypothesis',
  // A final e dropped would make shape the acronym SHAP (a core keyword: "the shape of the distribution" is no explanation method).
  shape: 'shape', shapes: 'shape', shaped: 'shape', shaping: 'shape',
  // Not format less its -at: a data format is no form.
  format: 'format', formats: 'format', formatted: 'format', formatting: 'format',
  this: 'this', its: 'it', us: 'us', gas: 'gas', yes: 'yes', as: 'as', gpus: 'gpu', cpus: 'cpu', tpus: 'tpu', kpis: 'kpi', apis: 'api', daus: 'dau', maus: 'mau', use: 'use', uses: 'use', used: 'use', using: 'use', embed: 'embed', embedded: 'embed', embedding: 'embed', embeddings: 'embed',
};

/** English stop words: a keyword that is one of these alone says nothing. */
const STOP_WORDS = [
  'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before', 'but', 'by',
  'can', 'could', 'do', 'does', 'each', 'for', 'from', 'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
  'its', 'just', 'more', 'most', 'much', 'my', 'no', 'not', 'of', 'on', 'one', 'only', 'or', 'other', 'our', 'out',
  'over', 'per', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they',
  'this', 'those', 'to', 'too', 'under', 'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
  'while', 'who', 'why', 'will', 'with', 'would', 'you', 'your',
];

/**
 * Words every design answer says whatever it covers: alone, as a keyword, they tick items for
 * anyone. Documented in the README (rule generic-keyword).
 */
export const GENERIC_WORDS = [
  'cost', 'data', 'design', 'explain', 'feature', 'flow', 'good', 'input', 'item', 'latency', 'map', 'metric', 'model',
  'need', 'offline', 'online', 'output', 'performance', 'pipeline', 'problem', 'quality', 'scale', 'service', 'store',
  'system', 'time', 'use', 'user',
];

/**
 * British spellings to American, whole-suffix rewrites on one word (both sides get them). Each
 * rewrite runs only on a word that holds its letters: the stemmer is lint's hottest code.
 */
function americanise(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  if (word.includes('ogue')) word = word.replace(/ogue(s|d)?$/, (_, end?: string) => `og${end === 'd' ? 'ed' : (end ?? '')}`);
  if (word.includes('our')) word = word.replace(/^(.{3,})our(s|ed|ing|ite|ites|al|able|ful|hood|hoods)?$/, '$1or$2');
  if (word.includes('tre')) word = word.replace(/^(.{2,})tre(s|d)?$/, (_, start: string, end?: string) => `${start}ter${end === 'd' ? 'ed' : (end ?? '')}`);
  if (word.includes('is')) word = word.replace(/^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2');
  if (word.includes('ys')) word = word.replace(/^(.{3,})ys(e|es|ed|ing)$/, '$1yz$2');
  return word;
}

const VOWEL = /[aeiouy]/;

/**
 * Stems already worked out, by word as written. A run stems the same few thousand words over and
 * over (lint grades three example answers per question file), and a stem depends on the word
 * alone, so the memo can never give a caller a different answer. Cleared when it grows large.
 */
const STEMS = new Map<string, string>();
const STEMS_KEPT = 50_000;

/** A light suffix stripper: plurals, -ing, -ed, -ation (and -ate), a final e and a doubled consonant. */
export function stem(raw: string, options?: { once?: boolean }): string {
  const known = STEMS.get(raw);
  if (known !== undefined) return known;
  const stemmed = stripSuffixes(raw);
  // A word met once (two words run together, say) is not worth keeping.
  if (options?.once) return stemmed;
  if (STEMS.size >= STEMS_KEPT) STEMS.clear();
  STEMS.set(raw, stemmed);
  return stemmed;
}

function stripSuffixes(raw: string): string {
  const lower = raw.toLowerCase();
  const spelled = Object.hasOwn(SPELLING, lower) ? SPELLING[lower]! : lower;
  if (Object.hasOwn(IRREGULAR, spelled)) return IRREGULAR[spelled]!;
  let word = americanise(spelled);
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('ied') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('es') && (/(ss|x|ch|sh|z)es$/.test(word) || (word.endsWith('ses') && word.length > 5))) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word) && !(word.endsWith('as') && word.length <= 5)) word = word.slice(0, -1);

  if (word.endsWith('ization')) word = word.slice(0, -5);
  else if (word.endsWith('ation') && word.length >= 8) word = word.slice(0, -3);
  // A suffix comes off only where a syllable stays (string keeps its ing, shed its ed).
  else if (word.endsWith('ing') && word.length >= 6 && VOWEL.test(word.slice(0, -3))) word = word.slice(0, -3);
  else if (word.endsWith('ed') && !word.endsWith('eed') && word.length >= 6 && VOWEL.test(word.slice(0, -2))) word = word.slice(0, -2);
  else if (word.endsWith('ly') && word.length >= 6) word = word.slice(0, -2);
  if (word.endsWith('e') && word.length >= 5) word = word.slice(0, -1);
  // -ation on a verb without -ate (recommendation, exploration, distillation): the -at goes from
  // every form, so recommend meets recommendation as calibrate meets calibration. Not after a vowel
  // (repeat, evaluate keep theirs whole) nor where too little would stay (create, rotate).
  if (word.endsWith('at') && word.length >= 6 && !VOWEL.test(word[word.length - 3]!)) word = word.slice(0, -2);
  // labell(ing) -> label, runn(ing) -> run; the bare word loses its double too (call -> cal).
  if (word.length >= 4 && isDoubledConsonant(word)) word = word.slice(0, -1);
  return word;
}

/** Whether the word ends in the same ASCII consonant twice (y counts; the vowels a e i o u do not). */
function isDoubledConsonant(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === word.charCodeAt(word.length - 2) && last >= 97 && last <= 122 && !'aeiou'.includes(word[word.length - 1]!);
}

/** The first three characters of `first + second` as one number (the two strings are not joined). */
export function startCode(first: string, second = ''): number {
  const at = (i: number) => (i < first.length ? first.charCodeAt(i) : second.charCodeAt(i - first.length));
  return at(0) * 2 ** 32 + at(1) * 2 ** 16 + at(2);
}

/**
 * Words of the tables whose stem starts otherwise than they do (people -> person): the rules
 * themselves only rewrite a word's ending, and leave the first three characters of a word of
 * six or more as they are.
 */
const restarted = lazy(() => {
  const words = new Set([...Object.keys(SPELLING), ...Object.keys(IRREGULAR)].filter((word) => word.length >= 6 && !stripSuffixes(word).startsWith(word.slice(0, 3))));
  return { words, codes: new Set([...words].map((word) => startCode(word))) };
});

/**
 * Whether the stem of the lowercase word `first + second` surely starts with its first three
 * characters (so that one looking for a stem need stem only the words that start like it).
 * The two are not joined unless they might be a word of the tables.
 */
export function stemKeepsStart(first: string, second = ''): boolean {
  if (first.length + second.length < 6) return false;
  const { words, codes } = restarted();
  return !codes.has(startCode(first, second)) || !words.has(first + second);
}

/** Words as they are written: runs of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Calls `each` with the [start, end) of every word of `text` as WORD finds them, without a
 * match object per word: the grader reads every word of every example answer lint grades.
 */
export function eachWord(text: string, each: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    if (code < 128) inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      inWord = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) each(start, text.length);
}

// Stemmed on first use: at import they would cost every command that loads this module.
const STOP = lazy(() => new Set(STOP_WORDS.map((word) => stem(word))));
const GENERIC = lazy(() => new Set(GENERIC_WORDS.map((word) => stem(word))));

/** Why a keyword is too generic to count, or undefined when it is fine. */
export function genericReason(phrase: string): 'stop word' | 'generic term' | 'too short' | 'no words' | undefined {
  const words = phrase.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return 'no words';
  if (words.length > 1) return undefined;
  const stemmed = stem(words[0]!);
  if (STOP().has(stemmed)) return 'stop word';
  if (GENERIC().has(stemmed)) return 'generic term';
  if (words[0]!.length <= 2 && !/\d/.test(words[0]!)) return 'too short';
  return undefined;
}

/** A word as a person writes it, with an apostrophe inside (don't, user's). */
const TYPED_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The default word forms: lowercase, accents folded, apostrophes dropped, each word stemmed. */
export const wordForms: WordForms = {
  stems(text: string): string[] {
    const out: string[] = [];
    const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    for (const match of folded.matchAll(TYPED_WORD)) {
      const word = match[0].replace(/['’](s|t|re|ll|ve|d|m)$/, '').replace(/['’]/g, '');
      if (word) out.push(stem(word));
    }
    return out;
  },
};

/** Numbers written as words: `two million users` quantifies as `2M users` does. */
const NUMBER_WORDS = lazy(() => new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen percent'
    .split(' ')
    .map((word) => stem(word)),
));

/** Whether a word (lowercase, as written, and its stem) is a number: digits in it (`40k`, `p99`, `1.5`) or a number word. */
export function isNumberWord(raw: string, stemmed: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return NUMBER_WORDS().has(stemmed);
}

/** Whether the stems of phrase occur in order, side by side, in stems. */
export function containsRun(stems: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= stems.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (stems[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
