import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findYamlFiles } from '../src/bank/files.js';
import { loadFiles } from '../src/bank/load.js';
import { baseBank, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';

function load(files: Record<string, string>) {
  const dir = writeBank(files);
  return loadFiles(findYamlFiles([dir]), dir);
}

const Q = 'questions/recommendation/feed.yaml';

describe('loading a bank', () => {
  it('loads a valid question with its defaults and rubric', () => {
    const bank = load(baseBank());
    expect(bank.findings).toEqual([]);
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.rubrics.get('mini')?.stages.map((stage) => stage.minutes)).toEqual([5, 10]);
  });

  it('skips a broken file and still loads the others', () => {
    const bank = load(baseBank({ 'questions/ads/bad.yaml': 'id: bad\ntitle: [unclosed\n' }));
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.findings).toHaveLength(1);
    expect(bank.findings[0]).toMatchObject({ file: path.join('questions', 'ads', 'bad.yaml'), rule: 'yaml-syntax', severity: 'error' });
  });

  it('fills in the default rubric id', () => {
    const bank = load({
      'rubrics/ml-system-design.yaml': RUBRIC.replace('id: mini', 'id: ml-system-design'),
      [Q]: QUESTION.replace('rubric: mini\n', ''),
    });
    expect(bank.findings).toEqual([]);
    expect(bank.questions[0]!.rubric).toBe('ml-system-design');
  });
});

// One broken fixture per rule: the rule id, and the exact line and column it points at.
const cases: Array<{ rule: string; files: Record<string, string>; file?: string; line: number; column: number; message: RegExp; severity?: 'warning' }> = [
  { rule: 'yaml-syntax', files: { [Q]: QUESTION.replace('title: A feed', 'title: "A feed') }, line: 2, column: 8, message: /YAML syntax error/ },
  { rule: 'duplicate-key', files: { [Q]: QUESTION.replace('difficulty: medium\n', 'difficulty: medium\ndifficulty: hard\n') }, line: 5, column: 1, message: /key "difficulty" appears twice/ },
  { rule: 'required', files: { [Q]: QUESTION.replace('title: A feed\n', '') }, line: 1, column: 1, message: /missing required field "title"; add it/ },
  { rule: 'required', files: { 'rubrics/mini.yaml': RUBRIC.replace('    goal: Design it.\n', '') }, file: 'rubrics/mini.yaml', line: 13, column: 5, message: /missing required field "goal" in stages\[1\]/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('followups:\n  - Traffic grew tenfold.', 'followups: Traffic grew tenfold.') }, line: 17, column: 12, message: /followups must be a list, not a string/ },
  { rule: 'unknown-field', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: medium\ntgas: [x]') }, line: 5, column: 1, message: /unknown field "tgas"; did you mean "tags"\?/ },
  { rule: 'unknown-field', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears', '        text: Asked where the feed appears\n        guidence: x') }, line: 14, column: 9, message: /unknown field "guidence" in stages\.clarify\.checklist\[0\]; did you mean "guidance"\?/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('title: A feed', "title: ''") }, line: 2, column: 8, message: /title is empty/ },
  { rule: 'enum', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim') }, line: 4, column: 13, message: /did you mean "medium"\?/ },
  { rule: 'id-format', files: { [Q]: QUESTION.replace('id: surface', 'id: Surface_Area') }, line: 12, column: 13, message: /must be kebab-case/ },
  { rule: 'id-filename', files: { [Q]: QUESTION.replace('id: feed', 'id: news-feed') }, line: 1, column: 5, message: /does not match the file name "feed.yaml"/ },
  { rule: 'duplicate-id', files: { 'questions/ads/feed.yaml': QUESTION.replace('category: recommendation', 'category: ads') }, file: 'questions/recommendation/feed.yaml', line: 1, column: 5, message: /already used by questions\/ads\/feed.yaml/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', '        text: Asked where the feed appears\n      - id: surface\n        text: Again\n') }, line: 14, column: 13, message: /checklist item id "surface" is used twice/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('id: surface', 'id: goal') }, line: 12, column: 13, message: /"goal" is already an item of rubric "mini"/ },
  { rule: 'unknown-rubric', files: { [Q]: QUESTION.replace('rubric: mini', 'rubric: mnii') }, line: 5, column: 9, message: /rubric "mnii" does not exist; did you mean "mini"\?/ },
  { rule: 'unknown-stage', files: { [Q]: QUESTION.replace('  design:', '  desing:') }, line: 14, column: 3, message: /rubric "mini" has no stage "desing"; did you mean "design"\?/ },
  { rule: 'stage-minutes', files: { 'rubrics/mini.yaml': RUBRIC.replace('minutes: 5', 'minutes: 0') }, file: 'rubrics/mini.yaml', line: 6, column: 14, message: /must be greater than 0/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('title: A feed', 'title: "A \\e[31mfeed"') }, line: 2, column: 8, message: /control character U\+001B/ },
  { rule: 'short-prompt', severity: 'warning', files: { [Q]: QUESTION.replace(/prompt: .*/, 'prompt: Design a feed.') }, line: 6, column: 9, message: /very short/ },
  { rule: 'no-hints', severity: 'warning', files: { [Q]: QUESTION.replace('    hints:\n      - Two stages.\n', '    checklist: []\n') }, line: 14, column: 3, message: /stage "design" has no hints/ },
  { rule: 'todo', severity: 'warning', files: { [Q]: QUESTION.replace('Ask who the users are.', 'TODO write hints') }, line: 10, column: 9, message: /still says TODO/ },
  { rule: 'file-too-large', files: { [Q]: `${QUESTION}# ${'x'.repeat(1024 * 1024)}\n` }, line: 1, column: 1, message: /larger than 1024 KiB/ },
  { rule: 'alias-limit', files: { [Q]: `${QUESTION}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n` }, line: 1, column: 1, message: /too many alias/ },
];

describe('findings: one fixture per rule, with exact positions', () => {
  it.each(cases.map((testCase) => [`${testCase.rule} ${testCase.message.source.slice(0, 30)}`, testCase] as const))('%s', (_, testCase) => {
    const bank = load(baseBank(testCase.files));
    const finding = bank.findings.find((candidate) => candidate.rule === testCase.rule);
    expect(finding, JSON.stringify(bank.findings, null, 1)).toBeDefined();
    expect(finding).toMatchObject({
      file: path.normalize(testCase.file ?? Q),
      line: testCase.line,
      column: testCase.column,
      severity: testCase.severity ?? 'error',
    });
    expect(finding!.message).toMatch(testCase.message);
  });

  it('reports every problem of a file in one run, not only the first', () => {
    const bank = load(baseBank({ [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim').replace('title: A feed', "title: ''").replace('id: surface', 'id: Bad_Id') }));
    expect(bank.findings.map((finding) => finding.rule).sort()).toEqual(['empty', 'enum', 'id-format']);
  });

  it('never lets a control sequence from the file into a message', () => {
    const bank = load(baseBank({ [Q]: QUESTION.replace('difficulty: medium', 'difficulty: medium\n"\\e]0;pwned\\a": 1') }));
    expect(bank.findings.length).toBeGreaterThan(0);
    for (const finding of bank.findings) expect(finding.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
