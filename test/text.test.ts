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
    // Typed by its words: each begins a word of the id, in order, or shares its first three letters.
    ['llm-serving', ['llm-chat-serving', 'llm-fine-tuning-pipeline', 'rag-vector-database'], ['llm-chat-serving']],
    ['video-recs', ['video-game-recommendations', 'video-search', 'youtube-video-recommendations'], ['video-game-recommendations', 'youtube-video-recommendations']],
    // By its initials, from three words up.
    ['pymk', ['people-you-may-know', 'push-notifications'], ['people-you-may-know']],
  ])('%j suggests %j', (input, candidates, expected) => {
    expect(closest(input, candidates)).toEqual(expected);
  });

  // A name too short to mean anything inside another is no near match: "id" is inside "guidance".
  it.each([
    ['guidance', ['id', 'title', 'goal', 'minutes', 'checklist']],
    ['validation', ['id', 'at', 'on']],
    ['x', ['index', 'matrix']],
    // Words out of order, or one that begins no word of the name, are no match.
    ['serving-llm', ['llm-chat-serving']],
    ['ads-ranking', ['ads-relevance-quality', 'search-ad-click-prediction']],
    // Initials of a two-word name are too few letters to tell one name from another.
    ['fs', ['feature-store']],
  ])('%j suggests none of %j', (input, candidates) => {
    expect(closest(input, candidates)).toEqual([]);
  });
});
