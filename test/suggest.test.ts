import { describe, expect, it } from 'vitest';
import { mentions, suggestFromNotes } from '../src/score/suggest.js';
import type { ScoredItem } from '../src/score/score.js';

const item = (id: string, keywords?: string[]): ScoredItem => ({ id, text: id, weight: 1, source: 'rubric', keywords });

describe('checklist suggestions from notes', () => {
  it('matches keywords as whole words, ignoring case', () => {
    expect(mentions('Peak QPS ~ 50k', 'qps')).toBe(true);
    expect(mentions('p99 latency under 200ms', 'p99')).toBe(true);
    expect(mentions('run an A/B test', 'a/b')).toBe(true);
    expect(mentions('the calibrated scores', 'calibration')).toBe(false);
    expect(mentions('subscale', 'scale')).toBe(false);
    expect(mentions('cold-start for new users', 'cold start')).toBe(false);
    expect(mentions('cold start for new users', 'cold start')).toBe(true);
  });

  it('suggests the items whose keywords appear in the notes, and no others', () => {
    const items = [item('scale', ['qps', 'million users']), item('latency', ['latency', 'p99']), item('labels', ['labels']), item('no-keywords')];
    expect([...suggestFromNotes(items, '500 million users\nP99 < 100 ms\n')].sort()).toEqual(['latency', 'scale']);
    expect(suggestFromNotes(items, '').size).toBe(0);
  });
});

describe('the evidence of a suggestion', () => {
  it('gives, per suggested item, the words of the notes that suggested it, as the notes spell them', () => {
    const items = [item('scale', ['qps', 'million users']), item('latency', ['latency', 'p99']), item('labels', ['labels'])];
    const suggested = suggestFromNotes(items, 'subscale aside, 500 Million Users\nP99 < 100 ms\n');
    expect([...suggested.evidence]).toEqual([['scale', 'Million Users'], ['latency', 'P99']]);
  });
});
