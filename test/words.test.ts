import { describe, expect, it } from 'vitest';
import { containsRun, wordForms } from '../src/words.js';

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
  ])('%s and its forms share one stem', (...words) => {
    expect(same(...words)).toBe(1);
  });

  it('keeps apart words that only look alike', () => {
    expect(same('user', 'use')).toBe(2);
    expect(same('speed', 'sped')).toBe(2);
    expect(same('need', 'ne')).toBe(2);
    expect(same('string', 'str')).toBe(2);
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
});
