import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { containsRun, eachWord, stem, stemKeepsStart, WORD, wordForms } from '../src/words.js';

const same = (...words: string[]) => new Set(words.map((word) => wordForms.stems(word).join(' '))).size;

describe('word forms', () => {
  it.each([
    ['labelled', 'labeled', 'labeling', 'labelling', 'labels', 'label'],
    ['use', 'used', 'using', 'uses'],
    ['latency', 'latencies'],
    ['query', 'queries'],
    ['personalised', 'personalized', 'personalization', 'personalisation', 'personalize'],
    ['annotation', 'annotations', 'annotated', 'annotate'],
    ['embedding', 'embeddings', 'embedded', 'embed'],
    ['train', 'trained', 'training', 'trains'],
    ['daily', 'day', 'days'],
    ['colour', 'color', 'colours'],
    ['optimise', 'optimize', 'optimization', 'optimised'],
    ['rank', 'ranked', 'ranking', 'ranks'],
    ['people', 'person'],
    ['judgement', 'judgment', 'judgments'],
    ['shape', 'shapes', 'shaped', 'shaping'],
    // -ation on verbs without -ate, and -ate verbs: the noun meets the verb.
    ['recommend', 'recommended', 'recommends', 'recommendation', 'recommendations'],
    ['explore', 'explored', 'exploring', 'exploration'],
    ['distil', 'distill', 'distilled', 'distillation'],
    ['compute', 'computed', 'computation'],
    ['segment', 'segmented', 'segmentation'],
    ['augment', 'augmented', 'augmentation'],
    ['calibrate', 'calibrated', 'calibrating', 'calibration'],
    ['estimate', 'estimated', 'estimation', 'estimates'],
    ['private', 'privately'],
    // British and American spelling, with endings after the part that differs.
    ['behavioural', 'behavioral'],
    ['neighbourhood', 'neighborhood'],
    ['favourable', 'favorable'],
    ['colourful', 'colorful'],
    ['catalogued', 'cataloged'],
    ['centred', 'centered'],
    ['artefact', 'artifact', 'artefacts', 'artifacts'],
    ['offence', 'offense'],
    ['ageing', 'aging'],
    ['fibre', 'fiber'],
    ['practise', 'practice', 'practised', 'practiced'],
    // Latin plurals.
    ['indices', 'index', 'indexes'],
    ['matrices', 'matrix'],
    ['vertices', 'vertex'],
    ['hypotheses', 'hypothesis'],
  ])('%s and its forms share one stem', (...words) => {
    expect(same(...words)).toBe(1);
  });

  it('keeps apart words that only look alike', () => {
    expect(same('user', 'use')).toBe(2);
    expect(same('speed', 'sped')).toBe(2);
    expect(same('need', 'ne')).toBe(2);
    expect(same('string', 'str')).toBe(2);
    expect(same('shape', 'shap')).toBe(2);
    expect(same('shaping', 'shap')).toBe(2);
    expect(same('format', 'formatted', 'form')).toBe(2);
    expect(same('repeat', 'repeated', 'rep')).toBe(2);
    expect(same('evaluate', 'evaluation', 'evalu')).toBe(2);
  });

  it('stems words that share a name with an object property as words', () => {
    // The stemmer's tables once inherited Object's own keys: "constructor" stemmed to a function.
    expect(wordForms.stems('constructor constructors hasOwnProperty toString')).toEqual(['constructor', 'constructor', 'hasownproperty', 'tostr']);
  });

  it('drops apostrophes and folds accents and case', () => {
    expect(wordForms.stems("What's the Café's response-time?")).toEqual(wordForms.stems('what the cafe response time'));
  });

  it('finds a phrase as a run of stems', () => {
    const stems = wordForms.stems('What is the response time at p99?');
    expect(containsRun(stems, wordForms.stems('response times'))).toBe(true);
    expect(containsRun(stems, wordForms.stems('time response'))).toBe(false);
    expect(containsRun(stems, [])).toBe(false);
  });

  it('keeps the first three letters of every word it says it keeps them of (the keyword index relies on it)', () => {
    // Every word of the bank, each pair of adjacent words run together, and each word with the
    // endings the rules rewrite.
    const words = new Set<string>();
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
    for (const file of [...walk('questions'), ...walk('rubrics')]) {
      const found = fs.readFileSync(file, 'utf8').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      found.forEach((word, i) => {
        words.add(word);
        if (found[i + 1]) words.add(`${word} ${found[i + 1]}`);
        for (const ending of ['s', 'es', 'ies', 'ied', 'ed', 'ing', 'ly', 'ation', 'ization', 'e', 'our', 'ours', 'tre', 'ise', 'ysing', 'ogues', 'eed']) words.add(word + ending);
      });
    }
    for (const word of ['annually', 'people', 'bought', 'better', 'worse', 'children', 'cheques', 'ogues', 'xyzies', 'tieses']) words.add(word);
    const broken = [...words].filter((word) => {
      const [first, second = ''] = word.split(' ') as [string, string?];
      return stemKeepsStart(first, second) && !stem(first + second).startsWith((first + second).slice(0, 3));
    });
    expect(words.size).toBeGreaterThan(50_000);
    expect(broken).toEqual([]);
    expect(stemKeepsStart('people')).toBe(false);
    expect(stemKeepsStart('peo', 'ple')).toBe(false);
    expect(stemKeepsStart('labelling')).toBe(true);
  });
});

describe('eachWord', () => {
  const spans = (text: string) => {
    const found: string[] = [];
    eachWord(text, (start, end) => found.push(`${start}:${text.slice(start, end)}`));
    return found;
  };
  const byRegex = (text: string) => [...text.matchAll(WORD)].map((match) => `${match.index}:${match[0]}`);

  it.each([
    'plain words, digits 42 and p99',
    'İstanbul naïve café ＡＢＣ１２３ Ελληνικά 日本語',
    'astral 𝐀𝐁𝐂 and emoji 😀 between',
    'a lone surrogate \ud800 here and \udc00 there',
    'combining e\u0301 marks and\u00a0no-break\u2028line',
    '', '   ', 'x',
  ])('finds the words WORD finds in %j', (text) => {
    expect(spans(text)).toEqual(byRegex(text));
  });

  it('finds the words WORD finds in every file of the bank', () => {
    const root = path.join(import.meta.dirname, '..', 'questions');
    for (const name of fs.readdirSync(root, { recursive: true }).map(String).filter((file) => file.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(root, name), 'utf8').toLowerCase();
      expect(spans(text), name).toEqual(byRegex(text));
    }
  });
});

