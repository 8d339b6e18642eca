// No verdict without evidence: quotes compared after normalising case, spaces, quotes and dashes.
import { describe, expect, it } from 'vitest';
import { judge, normaliseQuote, quoteAppears } from '../src/rater/verdicts.js';

const notes = 'Users: casual readers who want “fresh” posts.\n500M DAU —  2 billion impressions a day\nIt’s a two-tower model\nScored by a **two tower** model at `p99`, keyed by _user_id_';

describe('quoteAppears', () => {
  it.each([
    ['exact', 'casual readers', true],
    ['case and spacing', 'USERS:   casual\nreaders', true],
    ['straight for curly quotes', 'want "fresh" posts', true],
    ['apostrophes', "it's a two-tower model", true],
    ['a hyphen for an em dash', '500M DAU - 2 billion', true],
    ['wrapped in quotes by the model', '"casual readers"', true],
    ['elided with an ellipsis, each part present', 'casual readers ... two-tower model', true],
    ['elided with …', 'casual readers…2 billion impressions', true],
    ['a paraphrase', 'casual users who want new posts', false],
    ['one elided part invented', 'casual readers ... isotonic calibration', false],
    ['empty', '   ', false],
    ['only an ellipsis', '...', false],
    ['letters picked out of words', 'a ... e', false],
    ['one short word', 'it', false],
    ['the middle of a word', 'sual read', false],
    ['a word cut short', 'impression', false],
    ['a short word that is a word of the notes', '500M', true],
    ['a hyphenated word', 'two-tower', true],
    ['ending in punctuation', 'users:', true],
    ['ending in a full stop the notes do not have', '"2 billion impressions a day."', true],
    ['in brackets, with a comma after', '(500M DAU),', true],
    ['without the notes\' Markdown emphasis and code marks', 'scored by a two tower model at p99', true],
    ['with emphasis the notes do not have', '**casual** readers', true],
    ['an underscore inside a word kept', 'user id', false],
    ['single quotes for the notes\' double', "want 'fresh' posts", true],
    ['without the notes\' quotation marks', 'readers who want fresh posts', true],
    ['without the notes\' apostrophe', 'its a two-tower model', true],
    ['quotation marks the notes do not have', 'who "want" fresh posts', true],
    ['a quote of quotation marks alone', '""', false],
  ])('%s', (_, evidence, expected) => {
    expect(quoteAppears(evidence, notes)).toBe(expected);
  });

  it('normalises typographic quotes and dashes', () => {
    expect(normaliseQuote('  “A”  ‘b’ – c — d − e ')).toBe('"a" \'b\' - c - d - e');
  });
});

describe('judge', () => {
  const stages = [
    { id: 'clarify', title: 'Clarify', items: [{ id: 'users', text: 'Users', weight: 1, source: 'rubric' as const }, { id: 'scale', text: 'Scale', weight: 3, source: 'rubric' as const }] },
    { id: 'model', title: 'Model', items: [{ id: 'towers', text: 'Two towers', weight: 1, source: 'question' as const }] },
  ];
  const verdict = (stage: string, id: string, met: boolean | null, evidence = '') => ({ stage, id, met, evidence, reason: 'r' });

  it('counts decisive verdicts, falls back to the self tick for unsure and void ones', () => {
    const result = judge(stages, [verdict('clarify', 'users', false), verdict('clarify', 'scale', true, 'invented'), verdict('model', 'towers', null)], notes, { clarify: ['users', 'scale'], model: [] });
    expect(result.stages.flatMap((stage) => stage.items.map(({ id, met, self, counted, void: voided }) => ({ id, met, self, counted, voided })))).toEqual([
      { id: 'users', met: false, self: true, counted: false, voided: undefined },
      { id: 'scale', met: true, self: true, counted: true, voided: true },
      { id: 'towers', met: null, self: false, counted: false, voided: undefined },
    ]);
    expect(result.score).toBe(60);
  });

  it("keeps at most 500 characters of the model's own words: a reason, or evidence the notes do not hold; a quote of the notes whole", () => {
    const long = 'word '.repeat(100_000);
    const quote = notes.split('\n').join(' ');
    const result = judge(stages, [
      { ...verdict('clarify', 'users', true, long), reason: long },
      { ...verdict('clarify', 'scale', false, long), reason: 'short' },
      verdict('model', 'towers', true, quote),
    ], notes);
    const [users, scale] = result.stages[0]!.items;
    expect([users!.evidence!.length, users!.reason.length, scale!.evidence!.length]).toEqual([500, 500, 500]);
    expect(users!.reason.endsWith('…')).toBe(true);
    expect(result.stages[1]!.items[0]).toMatchObject({ evidence: quote, counted: true });
  });

  it("keeps at most 500 characters of the model's own words whatever columns they take: accents alone take none, CJK two", () => {
    const accents = `a${'\u0301'.repeat(100_000)}`;
    const result = judge(stages, [{ ...verdict('clarify', 'users', false, accents), reason: accents }, { ...verdict('clarify', 'scale', false), reason: '论'.repeat(400) }], notes);
    const [users, scale] = result.stages[0]!.items;
    expect([[...users!.reason].length, [...users!.evidence!].length, [...scale!.reason].length]).toEqual([500, 500, 400]);
  });

  it('without self ticks, an unsure or void item counts as not met', () => {
    const result = judge(stages, [verdict('clarify', 'scale', true, 'made up')], notes);
    expect(result.stages[0]!.items[1]).toMatchObject({ met: true, void: true, self: null, counted: false });
    expect(result.score).toBe(0);
  });

  it('keeps a verdict filed under the wrong stage when its id names one item, drops unknown ids and repeats', () => {
    const result = judge(stages, [verdict('model', 'users', true, 'casual readers'), verdict('clarify', 'users', false), verdict('x', 'nope', true)], notes);
    expect(result.stages[0]!.items[0]).toMatchObject({ met: true, counted: true });
    expect(result.warnings).toEqual([
      'the model rated "clarify/users" twice; the first verdict stands',
      'the model rated "x/nope", which the checklist does not have; dropped',
      'the model left 2 of 3 items unrated (scale, towers); they count as unsure',
    ]);
    expect(result.rated).toBe(1);
  });
});
