import { describe, expect, it } from 'vitest';
import type { LoadedQuestion, LoadedRubric } from '../src/bank/schema.js';
import { loadStyle } from '../src/ui/colour.js';
import { OUTPUT_FORMATS } from '../src/formats.js';
import { escapeMarkdown, formatList, formatQuestion } from '../src/ui/question-format.js';

const plain = await loadStyle(0);

const ESC = '\u001b';
const rubric: LoadedRubric = {
  id: 'mini', title: 'Mini', file: '/bank/rubrics/mini.yaml',
  stages: [{ id: 'clarify', title: `Clarify${ESC}[2J`, minutes: 5, goal: 'Scope it.', checklist: [{ id: 'goal', text: 'Named the goal' }] }],
};
const question: LoadedQuestion = {
  id: 'feed', title: `A ${ESC}]0;pwned\u0007feed`, category: 'recommendation', difficulty: 'medium', rubric: 'mini', file: '/bank/questions/feed.yaml',
  companies: [`Acme${ESC}[31m`], prompt: `Design a feed${ESC}[1A for *everyone*.`,
  stages: { clarify: { hints: [`Ask who${ESC}[0m uses it.`] } }, followups: [`Traffic grows${ESC}c tenfold.`],
};

describe('question formats', () => {
  it('never lets a control sequence from a question reach the output', () => {
    for (const format of OUTPUT_FORMATS) {
      const out = formatQuestion({ question, rubric, full: true, hints: true, date: '2026-11-22' }, format, plain, 80);
      if (format === 'json') {
        expect(out).not.toContain(ESC);
        expect(JSON.parse(out).title).toBe(question.title);
      } else {
        expect(out, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(out).toContain('feed');
      }
    }
    for (const format of ['text', 'plain', 'markdown'] as const) {
      expect(formatList([question], format, { tty: true, style: plain, width: 80 })).not.toContain(ESC);
    }
  });

  it('list on a terminal keeps every row within its width: the category goes, then the difficulty, and the id is never cut', () => {
    const rows = [
      { ...question, id: 'conversational-search-assistant', category: 'search-ranking', difficulty: 'medium', title: 'A conversational search assistant' },
      { ...question, id: 'ads', category: 'ads', difficulty: 'easy', title: 'Ads' },
    ] as typeof question[];
    const at = (width: number) => formatList(rows, 'text', { tty: true, style: plain, width }).trimEnd().split('\n');
    expect(at(100)[0]).toBe('conversational-search-assistant  search-ranking  medium  A conversational search assistant');
    expect(at(60)[0]).toBe('conversational-search-assistant  medium  A conversational s…');
    expect(at(45)[0]).toBe('conversational-search-assistant  A conversat…');
    expect(at(36)[0]).toBe('conversational-search-assistant');
    for (const width of [100, 80, 60, 50, 45, 40, 36]) for (const line of at(width)) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
  });

  it('escapes Markdown in question text', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) <f> `g`')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\`');
  });
});
