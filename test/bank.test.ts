import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/bank/check-file.js';
import { fastData } from '../src/bank/fast-parse.js';
import { parseYaml } from '../src/bank/parse.js';
import { findYamlFiles } from '../src/bank/files.js';
import { loadFiles } from '../src/bank/load.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { RULES } from './helpers/rules.js';
import { lintFiles } from '../src/lint/lint-files.js';
import { baseBank, MODELINE, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';

function load(files: Record<string, string>) {
  const dir = writeBank(files);
  return loadFiles(findYamlFiles([dir]), dir);
}

const Q = 'questions/recommendation/feed.yaml';

describe('loading a bank', () => {
  it('reads only files directly inside a rubrics directory as rubrics', async () => {
    const { kindOf } = await import('../src/bank/validate.js');
    expect(kindOf('/home/me/rubrics/bank/questions/ads/x.yaml')).toBe('question');
    expect(kindOf('/home/me/bank/rubrics/mini.yaml')).toBe('rubric');
    expect(kindOf('rubrics\\mini.yaml')).toBe('rubric');
  });

  it('loads a valid question with its defaults and rubric', () => {
    const bank = load(baseBank());
    expect(bank.findings).toEqual([]);
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.rubrics.get('mini')?.stages.map((stage) => stage.minutes)).toEqual([5, 10]);
  });

  it('skips a broken file and still loads the others', () => {
    const bank = load(baseBank({ 'questions/ads/bad.yaml': `${MODELINE}\nid: bad\ntitle: [unclosed\n` }));
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.findings).toHaveLength(1);
    expect(bank.findings[0]).toMatchObject({ file: path.join('questions', 'ads', 'bad.yaml'), rule: 'yaml-syntax', severity: 'error' });
  });

  it('loads a question with a reference diagram, a flow with its own wording included', () => {
    const bank = load(baseBank({ [Q]: `${QUESTION}diagram:\n  components:\n    - id: events\n      names: [user events]\n    - id: ranker\n      names: [ranker]\n  flows:\n    - [events, ranker]\n    - [ranker, events, the loop back]\n` }));
    expect(bank.findings).toEqual([]);
    expect(bank.questions[0]!.diagram?.flows).toEqual([['events', 'ranker'], ['ranker', 'events', 'the loop back']]);
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
// Line 1 of QUESTION and RUBRIC is the editor modeline.
const R = 'rubrics/mini.yaml';
// A reference diagram after QUESTION's last line (19): diagram: is line 20, flows' entry line 27.
const DIAGRAM = `diagram:
  components:
    - id: events
      names: [user events]
    - id: ranker
      names: [ranking model, ranker]
  flows:
    - [events, ranker]
`;
/** QUESTION with a fact sheet from line 20: the fact's topic on 23, its ask on 24. */
const FACTS = `${QUESTION}interviewer:
  facts:
    - id: users
      topic: scale
      ask: [how many users]
      answer: About 10 million a day.
`;
const fact = (id: string, topic: string, ask: string) => `    - id: ${id}\n      topic: ${topic}\n      ask: [${ask}]\n      answer: Yes.\n`;
const FULL_SHEET = FACTS + [fact('goal', 'goal', 'what is the goal'), fact('latency', 'latency', 'latency budget'), fact('data', 'data', 'what data'), fact('surface', 'surface', 'where is it shown'), fact('cost', 'cost', 'what budget')].join('');
const FOLLOWUP = (extra: string) => QUESTION.replace('  - Traffic grew tenfold.\n', `  - Traffic grew tenfold.\n  - text: Labels arrive late.\n${extra}`);
/** `lint`: a rule only `mldrill lint` applies (it grades examples), so the case runs lint on the bank. */
interface Case { rule: string; files: Record<string, string>; setup?: (dir: string) => void; file?: string; line: number; column: number; message: RegExp; severity?: 'warning'; lint?: true }
export const cases: Case[] = [
  { rule: 'unreadable', files: {}, setup: (dir) => fs.symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'questions', 'recommendation', 'gone.yaml')), file: 'questions/recommendation/gone.yaml', line: 1, column: 1, message: /^a link to \/.*\/nowhere\.yaml, which does not exist; point it at the file, or remove the link$/ },
  { rule: 'file-too-large', files: { [Q]: `${QUESTION}# ${'x'.repeat(256 * 1024)}\n` }, line: 1, column: 1, message: /larger than 256 KiB/ },
  { rule: 'yaml-syntax', files: { [Q]: QUESTION.replace('title: A feed', 'title: "A feed') }, line: 3, column: 8, message: /YAML syntax error: this quoted string is never closed/ },
  { rule: 'duplicate-key', files: { [Q]: QUESTION.replace('difficulty: medium\n', 'difficulty: medium\ndifficulty: hard\n') }, line: 6, column: 1, message: /key "difficulty" appears twice/ },
  { rule: 'alias-limit', files: { [Q]: `${QUESTION}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n` }, line: 23, column: 8, message: /too many alias/ },
  { rule: 'required', files: { [Q]: QUESTION.replace('title: A feed\n', '') }, line: 2, column: 1, message: /missing required field "title"; add it/ },
  { rule: 'required', files: { [R]: RUBRIC.replace('    goal: Design it.\n', '') }, file: R, line: 14, column: 5, message: /missing required field "goal" in stages\[1\]/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('title: A feed', "title: '  '") }, line: 3, column: 8, message: /title is empty/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('title: A feed', 'title:') }, line: 3, column: 1, message: /title is empty; write it \(it is required\)$/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace(/prompt: .*/, "prompt: '   '") }, line: 7, column: 9, message: /^prompt is empty; write it \(it is required\)$/ },
  // A field with a fixed set of values, left empty, is empty like title: (not "a null" of the wrong type, or an unknown value "").
  { rule: 'empty', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty:') }, line: 5, column: 1, message: /^difficulty is empty; use one of easy, medium, hard \(it is required\)$/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('category: recommendation', "category: ''") }, line: 4, column: 11, message: /^category is empty; use one of recommendation, search-ranking, / },
  { rule: 'empty', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', "        text: Asked where the feed appears\n        guidance: ' '\n") }, line: 15, column: 19, message: /^stages\.clarify\.checklist\[0\]\.guidance is empty; write it or remove the field$/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('rubric: mini', 'rubric: mini\ntags:') }, line: 7, column: 1, message: /tags is empty; give it a list or remove the line$/ },
  { rule: 'empty', files: { [R]: RUBRIC.replace('    checklist:\n      - id: diagram\n        text: Drew a diagram\n', '    checklist: []\n') }, file: R, line: 18, column: 16, message: /stages\[1\]\.checklist needs at least 1 entry/ },
  { rule: 'empty', files: { 'questions/ads/blank.yaml': `${MODELINE}\n` }, file: 'questions/ads/blank.yaml', line: 1, column: 1, message: /the file is empty; a question needs at least id, title/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('followups:\n  - Traffic grew tenfold.', 'followups: Traffic grew tenfold.') }, line: 19, column: 12, message: /^followups must be a list, not text \("Traffic grew tenfold\."\)$/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('stages:\n', 'references:\n  - title: A blog\n    url: not a link\nstages:\n') }, line: 10, column: 10, message: /^references\[0\]\.url is not a valid url; write the whole url, such as https:\/\/example\.com\/article$/ },
  { rule: 'unknown-field', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: medium\ntgas: [x]') }, line: 6, column: 1, message: /unknown field "tgas"; did you mean "tags"\?/ },
  { rule: 'unknown-field', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears', '        text: Asked where the feed appears\n        guidence: x') }, line: 15, column: 9, message: /unknown field "guidence" in stages\.clarify\.checklist\[0\]; did you mean "guidance"\?/ },
  { rule: 'enum', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim') }, line: 5, column: 13, message: /did you mean "medium"\?/ },
  // A hidden character is shown, not dropped: "medium" with a right-to-left override is not "medium".
  { rule: 'enum', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: "medium\u202e"') }, line: 5, column: 13, message: /^difficulty is "medium\\u202e"; did you mean "medium"\?/ },
  { rule: 'enum', files: { [Q]: FACTS.replace('topic: scale', 'topic: scael') }, line: 24, column: 14, message: /interviewer\.facts\[0\]\.topic is "scael"; did you mean "scale"\? use one of goal, users, scale/ },
  { rule: 'required', files: { [Q]: FACTS.replace('      ask: [how many users]\n', '') }, line: 23, column: 7, message: /missing required field "ask" in interviewer\.facts\[0\]/ },
  { rule: 'empty', files: { [Q]: FACTS.replace('ask: [how many users]', 'ask: []') }, line: 25, column: 12, message: /interviewer\.facts\[0\]\.ask needs at least 1 entry/ },
  { rule: 'empty', files: { [Q]: FOLLOWUP('    answer: []\n') }, line: 22, column: 13, message: /followups\[1\]\.answer needs at least 1 entry/ },
  { rule: 'misplaced-field', files: { [Q]: QUESTION.replace('        core: true\n', '    core: true\n') }, line: 15, column: 5, message: /^"core" belongs to a checklist item, not to stages\.clarify; indent it under "- id: surface" \(the item above\), in line with its "text"$/ },
  { rule: 'misplaced-field', files: { [R]: RUBRIC.replace('    goal: Design it.\n', '').replace('        text: Drew a diagram\n', '        text: Drew a diagram\n        goal: Design it.\n') }, file: R, line: 20, column: 9, message: /^"goal" belongs to stages\[1\], not to stages\[1\]\.checklist\[0\]; indent it less, to line up with "checklist"$/ },
  { rule: 'unknown-field', files: { [Q]: FOLLOWUP('    answr: [Backfill]\n') }, line: 22, column: 5, message: /unknown field "answr" in followups\[1\]; did you mean "answer"\?/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('  - Traffic grew tenfold.', '  - 42') }, line: 20, column: 5, message: /followups\[0\] must be text or a mapping, not a number/ },
  { rule: 'duplicate-fact', files: { [Q]: FULL_SHEET + fact('users', 'scale', 'how many items') }, line: 47, column: 11, message: /fact id "users" is used twice/ },
  { rule: 'ask-collision', files: { [Q]: FULL_SHEET + fact('people', 'users', 'How many user?') }, line: 49, column: 13, message: /interviewer\.facts\[6\]\.ask\[0\] "How many user\?" reads the same as interviewer\.facts\[0\]\.ask\[0\] "how many users"/ },
  { rule: 'answer-key-size', severity: 'warning', files: { [Q]: FOLLOWUP('    answer: [Backfill]\n') }, line: 22, column: 5, message: /^followups\[1\]\.answer has 1 point; give it 2-4 points a strong reply covers$/ },
  { rule: 'answer-key-size', severity: 'warning', files: { [Q]: FOLLOWUP('    answer: [a, b, c, d, e]\n') }, line: 22, column: 5, message: /followups\[1\]\.answer has 5 points/ },
  { rule: 'empty-when', files: { [Q]: FOLLOWUP('    answer: [Backfill]\n    when: {}\n') }, line: 23, column: 11, message: /followups\[1\]\.when has no phrases/ },
  { rule: 'thin-fact-sheet', severity: 'warning', files: { [Q]: FACTS }, line: 22, column: 3, message: /the fact sheet has 1 fact and says nothing about goal, latency; give the interviewer at least 6 facts/ },
  { rule: 'range', files: { [R]: RUBRIC.replace('weight: 2', 'weight: 11') }, file: R, line: 12, column: 17, message: /^stages\[0\]\.checklist\[0\]\.weight must be at most 10; lower it$/ },
  { rule: 'range', files: { [Q]: `${QUESTION}examples:\n  strong:\n    score: { min: 90, max: 20 }\n    notes:\n      clarify: Named the business goal.\n` }, line: 23, column: 19, message: /^examples\.strong\.score: min 90 is above max 20, so no grade falls in the range; swap them or correct one$/ },
  // A bound the format allows (min: 0) is "at least", not "greater than"; a flow of the wrong length says what a flow is.
  { rule: 'range', files: { [Q]: `${QUESTION}examples:\n  strong:\n    score: { min: -5 }\n    notes:\n      clarify: Named the business goal.\n` }, line: 23, column: 19, message: /^examples\.strong\.score\.min must be at least 0; raise it$/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('        core: true\n', '        core: yes\n') }, line: 15, column: 15, message: /^stages\.clarify\.checklist\[0\]\.core must be true or false, not text \("yes"\); YAML reads yes as text, so write true$/ },
  { rule: 'type', files: { [R]: RUBRIC.replace('        guidance: Say what the business wants.\n', '        guidance: Say what the business wants.\n        quantified: 1\n') }, file: R, line: 14, column: 21, message: /^stages\[0\]\.checklist\[0\]\.quantified must be true or false, not a number/ },
  { rule: 'type', files: { [Q]: QUESTION + DIAGRAM.replace('[events, ranker]', '[events, ranker, to rank, twice]') }, line: 28, column: 7, message: /^diagram\.flows\[0\] has 4 entries; a flow is \[from, to\] or \[from, to, wording\]: two component ids, then how the report words the flow if you like$/ },
  { rule: 'type', files: { [Q]: QUESTION + DIAGRAM.replace('[events, ranker]', 'events to ranker') }, line: 28, column: 7, message: /^diagram\.flows\[0\] is text \("events to ranker"\); a flow is \[from, to\] or \[from, to, wording\]/ },
  { rule: 'range', files: { [Q]: `${QUESTION}examples:\n  offpoint:\n    score: { min: 80 }\n    notes:\n      clarify: Named the business goal.\n` }, line: 23, column: 19, message: /^examples\.offpoint\.score\.min is 80, above the offpoint default max of 60, so no grade falls in the range; lower min, or give max too$/ },
  { rule: 'range', files: { [Q]: `${QUESTION}examples:\n  strong:\n    score: { max: 50 }\n    notes:\n      clarify: Named the business goal.\n` }, line: 23, column: 19, message: /^examples\.strong\.score\.max is 50, below the strong default min of 70, so no grade falls in the range; raise max, or give min too$/ },
  { rule: 'stage-minutes', files: { [R]: RUBRIC.replace('minutes: 5', 'minutes: 0') }, file: R, line: 7, column: 14, message: /stages\[0\]\.minutes must be greater than 0/ },
  { rule: 'stage-minutes', files: { [R]: RUBRIC.replace('    minutes: 5\n', '') }, file: R, line: 5, column: 5, message: /^stages\[0\] has no minutes; give it a positive number of minutes \(its time budget\)$/ },
  { rule: 'required', files: { [R]: RUBRIC.replace('    minutes: 5\n', '').replace('    goal: Scope the problem.\n', '') }, file: R, line: 5, column: 5, message: /^missing required fields "minutes" and "goal" in stages\[0\]; add them$/ },
  { rule: 'id-format', files: { [Q]: QUESTION.replace('id: surface', 'id: Surface_Area') }, line: 13, column: 13, message: /must be kebab-case/ },
  { rule: 'id-format', files: { [Q]: QUESTION.replace('  design:', '  Design_It:') }, line: 16, column: 3, message: /stage id "Design_It" must be kebab-case/ },
  { rule: 'id-filename', files: { [Q]: QUESTION.replace('id: feed', 'id: news-feed') }, line: 2, column: 5, message: /does not match the file name "feed.yaml"/ },
  { rule: 'id-filename', files: { 'questions/recommendation/feeds.yml': QUESTION }, file: 'questions/recommendation/feeds.yml', line: 2, column: 5, message: /^id "feed" does not match the file name "feeds\.yml"; rename the file to feed\.yml or change the id$/ },
  { rule: 'id-filename', files: { [Q]: QUESTION.replace('id: feed', 'id: News_Feed') }, line: 2, column: 5, message: /^id "News_Feed" does not match the file name "feed\.yaml"; change the id to "feed"$/ },
  { rule: 'duplicate-id', files: { 'questions/ads/feed.yaml': QUESTION.replace('category: recommendation', 'category: ads') }, file: Q, line: 2, column: 5, message: /question id "feed" is already used by questions\/ads\/feed.yaml/ },
  { rule: 'duplicate-id', files: { 'rubrics/other.yaml': RUBRIC }, file: 'rubrics/other.yaml', line: 2, column: 5, message: /rubric id "mini" is already used by rubrics\/mini.yaml/ },
  { rule: 'duplicate-stage', files: { [R]: RUBRIC.replace('  - id: design', '  - id: clarify') }, file: R, line: 14, column: 9, message: /stage id "clarify" is used twice/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', '        text: Asked where the feed appears\n      - id: surface\n        text: Again\n') }, line: 15, column: 13, message: /checklist item id "surface" is used twice/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('id: surface', 'id: goal') }, line: 13, column: 13, message: /"goal" is already an item of rubric "mini"/ },
  { rule: 'unknown-rubric', files: { [Q]: QUESTION.replace('rubric: mini', 'rubric: mnii') }, line: 6, column: 9, message: /rubric "mnii" does not exist; did you mean "mini"\?/ },
  { rule: 'unknown-stage', files: { [Q]: QUESTION.replace('  design:', '  desing:') }, line: 16, column: 3, message: /rubric "mini" has no stage "desing"; did you mean "design"\?/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('title: A feed', 'title: "A \\e[31mfeed"') }, line: 3, column: 8, message: /title contains the control character U\+001B/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('title: A feed', 'title: "A\\rfeed"') }, line: 3, column: 8, message: /control character U\+000D/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('  clarify:', '  clarify:\n    "note\\a": x') }, line: 10, column: 5, message: /the key "note\\u0007" in stages\.clarify contains the control character U\+0007/ },
  { rule: 'diagram-unknown-component', files: { [Q]: QUESTION + DIAGRAM.replace('[events, ranker]', '[events, rnker]') }, line: 28, column: 16, message: /diagram\.flows\[0\] names the component "rnker", which diagram\.components does not have; did you mean "ranker"\?/ },
  { rule: 'diagram-duplicate', files: { [Q]: QUESTION + DIAGRAM.replace('- id: ranker', '- id: events') }, line: 25, column: 11, message: /component id "events" is used twice/ },
  { rule: 'diagram-duplicate', files: { [Q]: QUESTION + DIAGRAM.replace('[ranking model, ranker]', '[ranking model, user event]') }, line: 26, column: 30, message: /the name "user event" is used already by component "events" \(word forms count/ },
  { rule: 'diagram-self-flow', files: { [Q]: QUESTION + DIAGRAM.replace('[events, ranker]', '[ranker, ranker]') }, line: 28, column: 7, message: /diagram\.flows\[0\] goes from "ranker" to itself; a flow joins two components/ },
  { rule: 'diagram-duplicate', files: { [Q]: QUESTION + DIAGRAM.replace('    - [events, ranker]\n', '    - [events, ranker]\n    - [ranker, events]\n    - [events, ranker]\n') }, line: 30, column: 7, message: /diagram\.flows\[2\] repeats diagram\.flows\[0\] \("events" to "ranker"\); keep one/ },
  { rule: 'diagram-no-flows', files: { [Q]: QUESTION + DIAGRAM.replace('  flows:\n    - [events, ranker]\n', '  flows: []\n') }, line: 27, column: 10, message: /diagram\.flows is empty/ },
  // In a long text, the character itself: the author need not search the whole prompt for it.
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('prompt: Design a feed that shows people posts they care about.', 'prompt: |\n  Design a feed\n  that shows people \u0007posts\n  they care about.') }, line: 9, column: 21, message: /prompt contains the control character U\+0007/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('prompt: Design a feed that shows people posts they care about.', 'prompt: >-\n  Design a feed that\n\n  shows people\u007f posts') }, line: 10, column: 15, message: /prompt contains the control character U\+007F/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('id: feed', 'id: "feed\\u202e"') }, line: 2, column: 5, message: /id contains the bidirectional override U\+202E, which reorders the text on screen/ },
  { rule: 'control-chars', files: { [Q]: QUESTION.replace('  clarify:', '  "clar\\u200bify":') }, line: 9, column: 3, message: /the key "clar\\u200bify" in stages contains the invisible character U\+200B/ },
  { rule: 'encoding', files: {}, setup: (dir) => fs.writeFileSync(path.join(dir, Q), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QUESTION, 'utf16le')])), line: 1, column: 1, message: /^the file is UTF-16, not UTF-8; save the file as UTF-8$/ },
  // UTF-32's byte order mark begins with UTF-16's: named for what it is.
  { rule: 'encoding', files: {}, setup: (dir) => fs.writeFileSync(path.join(dir, Q), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...QUESTION].map((char) => { const wide = Buffer.alloc(4); wide.writeUInt32LE(char.codePointAt(0)!); return wide; })])), line: 1, column: 1, message: /^the file is UTF-32, not UTF-8; save the file as UTF-8$/ },
  { rule: 'encoding', files: {}, setup: (dir) => fs.writeFileSync(path.join(dir, Q), Buffer.from(QUESTION.replace('A feed', 'A f\u00e9ed'), 'latin1')), line: 3, column: 11, message: /^line 3 has bytes that are not UTF-8 .*save the file as UTF-8$/ },
  { rule: 'type', files: { [Q]: QUESTION.replace('category: recommendation', 'category: {x: 1}') }, line: 4, column: 11, message: /^category is a mapping, expected text: one of / },
  { rule: 'type', files: { [R]: RUBRIC.replace('minutes: 5', 'minutes: .nan') }, file: R, line: 7, column: 14, message: /^stages\[0\]\.minutes is not a finite number/ },
  { rule: 'type', files: { [R]: RUBRIC.replace('minutes: 5', 'minutes: -.inf') }, file: R, line: 7, column: 14, message: /^stages\[0\]\.minutes is not a finite number/ },
  { rule: 'yaml-syntax', files: { [Q]: QUESTION.replace('difficulty: medium', 'difficulty: *nope') }, line: 5, column: 13, message: /the alias \*nope has no anchor &nope before it/ },
  { rule: 'short-prompt', severity: 'warning', files: { [Q]: QUESTION.replace(/prompt: .*/, 'prompt: Design a feed.') }, line: 7, column: 9, message: /very short/ },
  { rule: 'no-hints', severity: 'warning', files: { [Q]: QUESTION.replace('    hints:\n      - Two stages.\n', '    checklist: []\n') }, line: 16, column: 3, message: /stage "design" has no hints/ },
  { rule: 'todo', severity: 'warning', files: { [Q]: QUESTION.replace('prompt: Design a feed that shows people posts they care about.', 'prompt: |\n  Design a feed that shows\n  people posts (TODO: which people?)') }, line: 9, column: 17, message: /^prompt still says TODO/ },
  // The word TODO, not the start of another word before it.
  { rule: 'todo', severity: 'warning', files: { [Q]: QUESTION.replace('prompt: Design a feed that shows people posts they care about.', 'prompt: |\n  Design the TODOS feed that shows\n  people posts (TODO: which people?)') }, line: 9, column: 17, message: /^prompt still says TODO/ },
  { rule: 'todo', severity: 'warning', files: { [Q]: QUESTION.replace('Ask who the users are.', 'TODO write hints') }, line: 11, column: 9, message: /stages\.clarify\.hints\[0\] still says TODO/ },
  { rule: 'schema-comment', severity: 'warning', files: { [Q]: QUESTION.replace(`${MODELINE}\n`, '') }, line: 1, column: 1, message: /add this first line: # yaml-language-server: \$schema=(\.\.\/)+.*schema\/question\.schema\.json$/ },
  { rule: 'schema-comment', severity: 'warning', files: { [Q]: QUESTION.replace(MODELINE, '# yaml-language-server: $schema=../schema/question.schema.json') }, line: 1, column: 33, message: /\$schema path "\.\.\/schema\/question\.schema\.json" does not exist from this file/ },
  { rule: 'schema-comment', severity: 'warning', files: { [R]: RUBRIC.replace(MODELINE, '# yaml-language-server: $schema=../schema/question.schema.json') }, file: R, line: 1, column: 33, message: /this is a rubric file but \$schema points to the question schema; write # yaml-language-server: \$schema=.*rubric\.schema\.json$/ },
  { rule: 'generic-keyword', severity: 'warning', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', '        text: Asked where the feed appears\n        keywords: [feed placement, where]\n') }, line: 15, column: 36, message: /keyword "where" is a stop word and never counts on its own/ },
  { rule: 'generic-keyword', severity: 'warning', files: { [R]: RUBRIC.replace('        guidance: Say what the business wants.\n', '        guidance: Say what the business wants.\n        keywords: [Users]\n') }, file: R, line: 14, column: 20, message: /keyword "Users" is a generic term/ },
  { rule: 'generic-keyword', severity: 'warning', files: { [R]: RUBRIC.replace('        guidance: Say what the business wants.\n', '        guidance: Say what the business wants.\n        keywords: [business goal, kp]\n') }, file: R, line: 14, column: 35, message: /^keyword "kp" is too short \(one or two letters\) and never counts on its own; use a phrase/ },
  { rule: 'core-in-prompt', severity: 'warning', files: { [Q]: QUESTION.replace('        core: true\n', '        core: true\n        keywords: [feed placement, posts they care about]\n') }, line: 16, column: 36, message: /keyword "posts they care about" of a core item is in the question's title or prompt, so repeating the question back ticks it/ },
  { rule: 'core-count', severity: 'warning', files: { [Q]: QUESTION.replace('        core: true\n', `        core: true\n${['a', 'b', 'c'].map((id) => `      - id: ${id}\n        text: ${id}\n        core: true\n`).join('')}`) }, line: 8, column: 1, message: /the question has 4 core items; keep 1 to 3/ },
  { rule: 'core-count', severity: 'warning', files: { [Q]: QUESTION.replace('        core: true\n', '') }, line: 8, column: 1, message: /^the question has no core item; mark 1 to 3 of its items with core: true \(the insights it exists to test\)$/ },
  { rule: 'core-count', severity: 'warning', files: { [Q]: QUESTION.replace(/stages:[\s\S]*followups:/, 'followups:') }, line: 2, column: 1, message: /^the question has no core item; add 1 to 3 checklist items with core: true/ },
  { rule: 'example-length', severity: 'warning', files: { [Q]: `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n        - one\n        - two\n` }, line: 23, column: 5, message: /the strong example has 2 lines of notes; write 15 to 40/ },
  { rule: 'example-length', severity: 'warning', files: { [Q]: `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n        - one\n` }, line: 23, column: 5, message: /the strong example has 1 line of notes; write 15 to 40/ },
  { rule: 'unknown-item', files: { [Q]: QUESTION.replace('  design:\n    hints:', '  design:\n    not_applicable: [diagarm]\n    hints:') }, line: 17, column: 22, message: /not_applicable "diagarm": rubric "mini" has no item "diagarm" in stage "design"; did you mean "diagram"\?/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('  design:\n    hints:', '  design:\n    not_applicable: [diagram, diagram]\n    hints:') }, line: 17, column: 31, message: /^not_applicable lists "diagram" twice; keep one$/ },
  { rule: 'duplicate-item', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', '        text: Asked where the feed appears\n        replaces: goal\n      - id: surface-two\n        text: Asked again\n        replaces: goal\n') }, line: 18, column: 19, message: /^replaces "goal", which checklist\[0\] already replaces; one item takes a rubric item's place$/ },
  { rule: 'empty', files: { [Q]: QUESTION.replace('  design:\n    hints:', '  design:\n    not_applicable: [diagram]\n    hints:') }, line: 17, column: 5, message: /^stages\.design: not_applicable drops every item of the stage and the question adds none, so nothing in it is scored; keep one, or add an item of the question's own$/ },
  { rule: 'unknown-item', files: { [Q]: QUESTION.replace('        text: Asked where the feed appears\n', '        text: Asked where the feed appears\n        replaces: gaol\n') }, line: 15, column: 19, message: /replaces "gaol": rubric "mini" has no item "gaol" in stage "clarify"; did you mean "goal"\?/ },
  { rule: 'grading-example', lint: true, files: { [Q]: `${QUESTION}examples:\n  weak:\n    notes:\n      clarify: Named the business goal, surface.\n  strong:\n    score: { min: 50 }\n    notes:\n      clarify: Named the business goal, drew a diagram.\n` }, line: 25, column: 3, message: /examples\.strong grades to 0%, outside its range 50-100%; missed /, },
];

describe('findings: one fixture per rule, with exact positions', () => {
  it.each(cases.map((testCase) => [`${testCase.rule} ${testCase.message.source.slice(0, 30)}`, testCase] as const))('%s', async (_, testCase) => {
    const dir = writeBank(baseBank(testCase.files));
    testCase.setup?.(dir);
    const bank = testCase.lint ? await lintFiles({ paths: [dir], cwd: dir, env: {} }) : loadFiles(findYamlFiles([dir]), dir);
    const file = path.normalize(testCase.file ?? Q);
    const finding = bank.findings.find((candidate) => candidate.rule === testCase.rule && candidate.file === file);
    expect(finding, JSON.stringify(bank.findings, null, 1)).toBeDefined();
    expect(finding).toMatchObject({
      line: testCase.line,
      column: testCase.column,
      severity: testCase.severity ?? 'error',
    });
    expect(finding!.message).toMatch(testCase.message);
  });

  it('has a fixture for every rule, and no fixture for a rule that is not listed', () => {
    expect(new Set(cases.map((testCase) => testCase.rule))).toEqual(new Set(RULES.map((rule) => rule.id)));
    for (const testCase of cases) expect(testCase.severity ?? 'error').toBe(RULES.find((rule) => rule.id === testCase.rule)!.severity);
  });

  it('loads a full fact sheet and follow-ups with answer keys without findings', () => {
    const extra = '  - text: Labels arrive late.\n    answer: [Backfill, Delay the label window]\n    when: { mentioned: [labels] }\n';
    const bank = load(baseBank({ [Q]: FULL_SHEET.replace('  - Traffic grew tenfold.\n', `  - Traffic grew tenfold.\n${extra}`) }));
    expect(bank.findings).toEqual([]);
    const [question] = bank.questions;
    expect(question!.followups).toEqual(['Traffic grew tenfold.', 'Labels arrive late.']);
    expect(question!.followupDetails).toEqual([
      { text: 'Traffic grew tenfold.' },
      { text: 'Labels arrive late.', answer: ['Backfill', 'Delay the label window'], when: { mentioned: ['labels'] } },
    ]);
    expect(question!.interviewer?.facts.map((entry) => entry.topic)).toEqual(['scale', 'goal', 'latency', 'data', 'surface', 'cost']);
  });

  it('reports a misspelt field once, as unknown with the field meant, not also as missing', () => {
    const findings = (question: string) => load(baseBank({ [Q]: question })).findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule} ${finding.message}`);
    expect(findings(QUESTION.replace('prompt: Design', 'promt: Design'))).toEqual(['7:1 unknown-field unknown field "promt"; did you mean "prompt"?']);
    expect(findings(QUESTION.replace('    hints:\n      - Two stages.', '    hint:\n      - Two stages.'))).toEqual(['17:5 unknown-field unknown field "hint" in stages.design; did you mean "hints"?']);
    // With the field truly missing too, that is still said.
    expect(findings(QUESTION.replace('prompt: Design', 'promt: Design').replace('title: A feed\n', ''))).toEqual([
      '2:1 required missing required field "title"; add it',
      '6:1 unknown-field unknown field "promt"; did you mean "prompt"?',
    ]);
  });

  it('says hints written as one text are not a list, and not also that the stage has no hints', () => {
    const bank = load(baseBank({ [Q]: QUESTION.replace('    hints:\n      - Two stages.\n', '    hints: Two stages.\n') }));
    expect(bank.findings.map((finding) => `${finding.line}:${finding.column} ${finding.rule} ${finding.message}`)).toEqual([
      '17:12 type stages.design.hints must be a list, not text ("Two stages.")',
    ]);
  });

  it('runs the cross-file checks on a file that also has errors of its own', () => {
    const bank = load(baseBank({
      'questions/ads/feed.yaml': QUESTION.replace('category: recommendation', 'category: ads').replace('rubric: mini', 'rubric: mnii').replace('difficulty: medium', 'difficulty: medium\ntgas: [x]'),
    }));
    // The broken file is the one that gives way on the id, though it sorts first.
    expect(bank.findings.filter((finding) => finding.file === path.normalize('questions/ads/feed.yaml')).map((finding) => finding.rule).sort()).toEqual(['duplicate-id', 'unknown-field', 'unknown-rubric']);
    expect(bank.findings.filter((finding) => finding.file === path.normalize(Q)).map((finding) => finding.rule)).toEqual([]);
  });

  it('keeps a question whose broken copy, sorting first, still has its id', () => {
    // cp feed.yaml feed-v2.yaml, the id left unchanged: the copy is wrong, the original still drills.
    const bank = load(baseBank({ 'questions/recommendation/feed-v2.yaml': QUESTION }));
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.findings.map((finding) => `${finding.file} ${finding.rule} ${finding.message}`)).toEqual([
      `${path.normalize('questions/recommendation/feed-v2.yaml')} duplicate-id question id "feed" is already used by ${path.normalize(Q)}; question ids must be unique`,
      `${path.normalize('questions/recommendation/feed-v2.yaml')} id-filename id "feed" does not match the file name "feed-v2.yaml"; rename the file to feed.yaml or change the id`,
    ]);
  });

  it('keeps a rubric, and its questions, whose broken copy sorts first', () => {
    const bank = load(baseBank({ 'rubrics/mini-v2.yaml': RUBRIC }));
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect([...bank.rubrics.keys()]).toEqual(['mini']);
    expect(bank.findings.map((finding) => `${finding.file} ${finding.rule}`).sort()).toEqual([`${path.normalize('rubrics/mini-v2.yaml')} duplicate-id`, `${path.normalize('rubrics/mini-v2.yaml')} id-filename`]);
  });

  it('leaves out the questions of a broken rubric without blaming them for it', () => {
    const bank = load(baseBank({ [R]: RUBRIC.replace('title: Mini rubric\n', '') }));
    expect(bank.findings.map((finding) => [finding.file, finding.rule])).toEqual([[path.normalize(R), 'required']]);
    expect(bank.questions).toEqual([]);
    expect([...bank.withoutRubric]).toEqual([['feed', { rubric: 'mini', file: path.normalize(R) }]]);
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

// The quick js-yaml read may only ever clear a file that the exact yaml read also finds clean,
// with the same data; whatever it is unsure about goes to the exact read.
describe('the quick check agrees with the exact one', () => {
  const both = (file: string, shown: string) => [checkFile(file, shown, { keepValue: true }), checkFile(file, shown, { keepValue: true, exactOnly: true })] as const;

  it('on every shipped question and rubric, which it reads itself and reads as yaml does', () => {
    const files = findYamlFiles([path.join(PACKAGE_ROOT, 'questions'), path.join(PACKAGE_ROOT, 'rubrics')]);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      expect(fastData(source), file).toEqual(parseYaml(file, source).data);
      const [quick, exact] = both(file, file);
      expect(quick, file).toEqual(exact);
    }
  });

  it('on every fixture of the rule table', () => {
    for (const testCase of cases) {
      const dir = writeBank(baseBank(testCase.files));
      testCase.setup?.(dir);
      for (const file of findYamlFiles([dir])) {
        const [quick, exact] = both(file, path.relative(dir, file));
        expect(quick, `${testCase.rule}: ${file}`).toEqual(exact);
      }
    }
  });

  it.each([
    ['binary and signed numbers', 'weight: 0b11', 'weight: -0x1'],
    ['numbers that only yaml reads as numbers', 'weight: +.5', 'weight: -.5'],
    ['an alias', 'weight: &w 2\n        keywords: [*w]'],
    ['a directive', null],
    ['block scalars', 'guidance: |\n          line one\n          line two\n        keywords:\n          - >-\n            folded\n            text'],
    ['quoted escapes', 'guidance: "tab\\tand \\u00e9 and \\"quotes\\""'],
  ])('on %s', (_, ...replacements) => {
    const variants = replacements.map((replacement) =>
      replacement === null ? `%YAML 1.1\n---\n${QUESTION}` : QUESTION.replace('text: Asked where the feed appears', `text: Asked where the feed appears\n        ${replacement}`));
    for (const variant of variants) {
      const dir = writeBank(baseBank({ [Q]: variant }));
      const [quick, exact] = both(path.join(dir, Q), Q);
      expect(quick, variant).toEqual(exact);
    }
  });
});
