// The words of an ask phrase or a candidate's question as the matcher compares them: stems
// (src/words.ts), synonyms folded to one word, stop words left out. Here, below the matcher,
// so that lint can tell when two facts' phrases read the same to it.
import { lazy } from '../lazy.js';
import { wordForms, type WordForms } from '../words.js';

// The tables are made on first use: stemming them at import would cost every command that
// loads this module (the scripting commands' shared code does) a few milliseconds of start-up.

/** Words that carry no meaning for matching. */
const STOP = lazy(() => new Set(wordForms.stems(`a an the of to in on at for by with from and or but if then so than as is are was were be been do does did
  done have has had will would can could should shall may might must i we you they it its this that these those there here what which who whom
  whose when where why how any some all each every our your their my me us them he she his her about into over under up down out just also
  too very much many more most few lot lots kind sort please tell know want wonder question let okay ok well right yes no not get go
  going like thing things one ones way need think say said sure roughly approximately around use`)));

/** Words meaning the same for matching: each group folds to its first word. */
const SYNONYMS: readonly string[][] = [
  ['user', 'customer', 'person', 'member', 'viewer', 'shopper', 'buyer', 'consumer', 'subscriber', 'visitor', 'audience', 'player', 'reader', 'listener', 'human'],
  ['latency', 'lag', 'delay', 'slowness', 'responsiveness'],
  ['label', 'annotation', 'annotate', 'annotator', 'rater', 'judgment', 'tag'],
  ['data', 'dataset', 'log', 'history', 'historical'],
  ['cost', 'budget', 'spend', 'money', 'expense', 'bill', 'dollar', 'afford'],
  ['goal', 'objective', 'aim', 'purpose', 'kpi'],
  ['privacy', 'private', 'pii', 'personal', 'confidential'],
  ['traffic', 'qps', 'rps', 'throughput', 'volume'],
  ['scope', 'mvp', 'v1'],
  ['policy', 'rule', 'guideline'],
  ['constraint', 'limit', 'limitation', 'restriction'],
  ['item', 'product', 'listing', 'post', 'video', 'document', 'ad', 'content'],
  ['fast', 'quick', 'speed', 'snappy', 'instant', 'rapid'],
  ['big', 'large', 'huge', 'size'],
  ['day', 'daily'],
];

const canonical = lazy(() => {
  const heads = new Map<string, string>();
  for (const group of SYNONYMS) {
    const [head] = wordForms.stems(group[0]!);
    for (const word of group) for (const stem of wordForms.stems(word)) heads.set(stem, head!);
  }
  return heads;
});

/** The word a stem folds to (itself when it has no synonym group). */
export const canonicalWord = (stem: string): string => canonical().get(stem) ?? stem;

/** The stems of text with synonyms folded, in order, stop words kept (for phrases). */
function folded(text: string, forms: WordForms = wordForms): string[] {
  return forms.stems(text).map(canonicalWord);
}

/** The distinct content words of text: folded stems without stop words. */
export function askWords(text: string, forms: WordForms = wordForms): string[] {
  return [...new Set(folded(text, forms).filter((word) => !STOP().has(word)))];
}

const FILLER = lazy(() => new Set(wordForms.stems('a an the please')));

/**
 * Ask phrases of different facts that read the same once word forms and synonyms are folded
 * (question words kept: "who are the users" and "how many users" differ): [fact, phrase] pairs.
 */
export function collidingAsks(facts: readonly { ask: readonly unknown[] }[], forms: WordForms = wordForms): Array<{ first: [number, number]; second: [number, number] }> {
  const seen = new Map<string, [number, number]>();
  const collisions: Array<{ first: [number, number]; second: [number, number] }> = [];
  facts.forEach((fact, i) => {
    fact.ask.forEach((phrase, j) => {
      if (typeof phrase !== 'string') return;
      const key = folded(phrase, forms).filter((word) => !FILLER().has(word)).join(' ');
      if (!key) return;
      const earlier = seen.get(key);
      if (earlier && earlier[0] !== i) collisions.push({ first: earlier, second: [i, j] });
      else if (!earlier) seen.set(key, [i, j]);
    });
  });
  return collisions;
}
