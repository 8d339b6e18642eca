import { describe, expect, it } from 'vitest';
import { breakLine, closest, cut, fitLine, visibleLength, wrap } from '../src/text.js';

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

describe('columns on a terminal: a wide character (CJK, most emoji) takes two, a combining mark none', () => {
  it('measures what the terminal draws', () => {
    expect(visibleLength('abc')).toBe(3);
    expect(visibleLength('每天多少用户')).toBe(12);
    expect(visibleLength('ok 🚀 done')).toBe(10);
    expect(visibleLength('e\u0301te')).toBe(3);
    expect(visibleLength('\u001b[31m论坛\u001b[0m')).toBe(4);
    // The drill's own marks are one column each, as terminals draw them.
    expect(visibleLength('✔ ✦ ⏱ ⏸ ◯ ◉ ❯ … ↑↓')).toBe(18);
  });

  it('cuts, fits and wraps by columns, never past the width', () => {
    const line = '每天有多少用户访问这个论坛以及有多少垃圾帖子需要处理';
    expect(cut(line, 10)).toBe('每天有多…');
    expect(visibleLength(cut(line, 11))).toBeLessThanOrEqual(11);
    expect(visibleLength(fitLine(`  ${line}`, 20))).toBeLessThanOrEqual(20);
    expect(fitLine(`  ${line}`, 20)).toBe('  每天有多少用户访…');
    for (const part of breakLine(`notes: ${line}`, 20, '  ')) expect(visibleLength(part)).toBeLessThanOrEqual(20);
    expect(breakLine(`notes: ${line}`, 20, '  ').join('').replaceAll(' ', '')).toBe(`notes:${line}`);
    expect(wrap('论坛 垃圾 帖子 用户 访问 处理 需要', 10)).toEqual(['论坛 垃圾', '帖子 用户', '访问 处理', '需要']);
  });

  it('wraps a pasted line of 400,000 characters with no space (a minified JSON, a token) into lines of the width', () => {
    // Each line once sliced off the rest of the line: seconds for a screen, for every key typed.
    const pasted = 'x'.repeat(400_000);
    const lines = wrap(pasted, 80, '  ');
    expect(lines).toHaveLength(5129);
    expect(lines.every((line) => line.length <= 80 && line.startsWith('  '))).toBe(true);
    expect(lines.join('').replaceAll(' ', '')).toBe(pasted);
  });

  it('breaks a line under an indent as wide as the screen: one column is left for the text, so the lines end', () => {
    expect(breakLine('Tab hint', 2, '  ')).toEqual(['Ta', '  b', '  h', '  i', '  n', '  t']);
  });

  it('cuts to the width however narrow, and breaks a line of wide ones without looping', () => {
    expect(cut('论坛', 1)).toBe('…');
    expect(breakLine('论坛用户', 1)).toEqual(['论', '坛', '用', '户']);
  });
});
