// Word forms: turns free text into comparable tokens, so that "labelled", "labeling" and
// "labels" meet at one stem, and British and American spellings at one form. Deliberately
// small and rule-based (no dictionary): deterministic, fast, and good enough for short
// questions and phrases. Used wherever text typed by a person is compared with authored text.

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
};

/** Forms no rule reaches. */
const IRREGULAR: Record<string, string> = {
  daily: 'day', weekly: 'week', monthly: 'month', hourly: 'hour', yearly: 'year', annually: 'year', annual: 'year',
  people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', criteria: 'criterion',
  ran: 'run', running: 'run', spent: 'spend', spending: 'spend', bought: 'buy', sold: 'sell', paid: 'pay', seen: 'see', saw: 'see',
  shown: 'show', known: 'know', knew: 'know', built: 'build', taken: 'take', took: 'take', gave: 'give', given: 'give',
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', am: 'be',
  has: 'have', had: 'have', does: 'do', did: 'do', done: 'do', news: 'news', series: 'series', analysis: 'analysis', bus: 'bus',
  this: 'this', its: 'it', us: 'us', gas: 'gas', yes: 'yes', as: 'as', gpus: 'gpu', cpus: 'cpu', tpus: 'tpu', use: 'use', uses: 'use', used: 'use', using: 'use', embed: 'embed', embedded: 'embed', embedding: 'embed', embeddings: 'embed',
};

const VOWEL = /[aeiouy]/;

/** The stem of one lowercase word. */
export function stem(word: string): string {
  let w = SPELLING[word] ?? word;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || /\d/.test(w)) return w;
  // -ise and -ize, -isation and -ization, -yse and -yze all meet at one spelling.
  w = w.replace(/is(ation|ations|e|es|ed|ing)$/, 'iz$1').replace(/ys(e|es|ed|ing)$/, 'yz$1');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ization')) w = w.slice(0, -5);
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5);
  let stripped = false;
  if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3)) && w.length > 4) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && !w.endsWith('eed') && VOWEL.test(w.slice(0, -2)) && w.length > 3) {
    w = w.slice(0, -2);
    stripped = true;
  } else if (w.endsWith('ly') && w.length > 5) {
    w = w.slice(0, -2);
  }
  // labell(ed) -> label, stopp(ed) -> stop; but keep "ss", "ll" of a base word (pass, fill).
  if (stripped && /([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (stripped && /ll$/.test(w) && w.length > 5) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3 && stripped === false && !VOWEL.test(w[w.length - 2]!)) w = `${w.slice(0, -1)}i`;
  // A final e comes and goes with suffixes (use, used, using): drop it always.
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // annotate, annotated, annotation -> annot
  if (w.endsWith('at') && w.length > 5) w = w.slice(0, -2);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The default word forms: lowercase, accents folded, apostrophes dropped, each word stemmed. */
export const wordForms: WordForms = {
  stems(text: string): string[] {
    const out: string[] = [];
    const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    for (const match of folded.matchAll(WORD)) {
      const word = match[0].replace(/['’](s|t|re|ll|ve|d|m)$/, '').replace(/['’]/g, '');
      if (word) out.push(stem(word));
    }
    return out;
  },
};

/** Whether the stems of phrase occur in order, side by side, in stems. */
export function containsRun(stems: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= stems.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (stems[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
