import { describe, expect, it } from 'vitest';
import { closest } from '../src/text.js';

describe('closest: the names a "did you mean" suggests', () => {
  it.each([
    ['tgas', ['tags', 'title', 'id'], ['tags']],
    ['rub', ['rubric', 'category'], ['rubric']],
    ['ranking', ['ranking-model', 'feed'], ['ranking-model']],
    ['youtube-video-recommendations-v2', ['youtube-video-recommendations'], ['youtube-video-recommendations']],
    // Caps Lock: every letter differs in case, and the name is still the one meant.
    ['QUERY-AUTOCOMPLETE', ['query-autocomplete', 'quiz'], ['query-autocomplete']],
    ['Strict', ['strict', 'stages'], ['strict']],
  ])('%j suggests %j', (input, candidates, expected) => {
    expect(closest(input, candidates)).toEqual(expected);
  });

  // A name too short to mean anything inside another is no near match: "id" is inside "guidance".
  it.each([
    ['guidance', ['id', 'title', 'goal', 'minutes', 'checklist']],
    ['validation', ['id', 'at', 'on']],
    ['x', ['index', 'matrix']],
  ])('%j suggests none of %j', (input, candidates) => {
    expect(closest(input, candidates)).toEqual([]);
  });
});
