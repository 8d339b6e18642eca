// `mldrill lint` on files with YAML syntax errors: one finding per mistake, at its real cause,
// and everything that parsed still checked in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/bank/parse.js';
import { lintFiles } from '../src/lint/lint-files.js';
import { main } from '../src/main.js';
import { baseBank, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';
import { BIN } from './helpers/tmux.js';

const Q = path.join('questions', 'recommendation', 'feed.yaml');

/** Lints a bank whose feed.yaml is `question` (or, with setup, written by it); its findings as `line:col rule message`. */
async function findings(question: string | Record<string, string>, setup?: (file: string) => void): Promise<string[]> {
  const dir = writeBank(baseBank(typeof question === 'string' ? { [Q]: question } : question));
  setup?.(path.join(dir, Q));
  const result = await lintFiles({ paths: [dir], cwd: dir, env: {} });
  return result.findings.map((finding) => `${finding.file === Q ? '' : `${finding.file} `}${finding.line}:${finding.column} ${finding.rule} ${finding.message}`);
}

/** QUESTION (see helpers/bank.ts) with the three mistakes of issue 17: lines 5, 7 and 15. */
const THREE_MISTAKES = QUESTION
  .replace('difficulty: medium', 'difficulty: meduim')
  .replace('rubric: mini\n', 'rubric: mini\nrubric: mini\n')
  .replace('        text: Asked where the feed appears', '         text: Asked where the feed appears');

const MARKDOWN = `# Notes on feeds

Some text about feeds: they are great.

- ranking
- retrieval

## Serving

\`\`\`ts
const feed = await rank(posts);
\`\`\`
`;

// Each mistake the parser reports in its own words, as one finding at the place to fix.
const MISTAKES: Array<[string, string, string]> = [
  ['a missing colon', 'id: feed\ntitle A feed\ndifficulty: medium\n', '2:1 YAML syntax error: "title A feed" is not a "key: value" line; add the missing ":", or indent it under the key it belongs to'],
  // Not the lines under it out of line: the key that lost its colon holds them.
  ['a missing colon after a key that opens a block', 'id: feed\nstages:\n  clarify:\n    hints: [a]\n  metrics\n    hints: [a, b, c]\n', '5:3 YAML syntax error: "metrics" is not a "key: value" line; add the missing ":" ("metrics:") to hold the lines under it'],
  ['a missing colon after a key of a list item', 'id: feed\nfollowups:\n  - text: What if traffic doubles?\n    answer\n      - shard\n', '4:5 YAML syntax error: "answer" is not a "key: value" line; add the missing ":" ("answer:") to hold the lines under it'],
  ['a missing colon after a top-level key', 'id: feed\nstages\n  clarify:\n    hints: [a]\n', '2:1 YAML syntax error: "stages" is not a "key: value" line; add the missing ":" ("stages:") to hold the lines under it'],
  ['a second ": " in a value', 'id: feed\ntitle: Ads: pacing\n', '2:8 YAML syntax error: the value "Ads: pacing" holds ": ", which starts a mapping; put the value in quotes'],
  ['a value starting with @', 'id: feed\ntitle: @feed\n', '2:8 YAML syntax error: a plain value cannot start with @; put the value in quotes'],
  ['an unknown escape', 'id: feed\ntitle: "A \\q feed"\n', '2:11 YAML syntax error: an unknown escape sequence in a double-quoted string; write \\\\ for a backslash, or use single quotes'],
  ['a second document', 'id: feed\n---\nid: other\n', '2:1 YAML syntax error: a second document starts here; the file holds one document, so remove the ---'],
  ['a key among list items', 'id: feed\nhints:\n  - a\n  b: c\n', '4:3 bad indentation: "b" is a key among the items of a list; start it with "- " to make it an item, or indent it like the key it belongs to'],
  ['an unclosed { }', 'id: feed\nwhen: { mentioned: [a]\ntitle: x\n', '2:7 YAML syntax error: this mapping in { } is never closed; add the } (or indent the lines it continues on)'],
  ['lists nested thousands deep (a stack overflow in the parser)', `id: feed\ntags: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, expect.stringMatching(/^2:\d+ YAML syntax error: the values are nested too deeply to read \(thousands of \[ or \{ inside each other\); write them flatter$/)],
  ['a block scalar not indented', 'id: feed\nprompt: |\nDesign a feed.\ntitle: x\n', '3:1 YAML syntax error: "Design a feed." is not a "key: value" line; add the missing ":", or indent it under the key it belongs to'],
  // Characters that mean something to YAML at the start of a value, as authors of prose write them.
  ['a value starting with Markdown emphasis', 'id: feed\nhints:\n  - *Latency* comes first\n', '3:5 YAML syntax error: a plain value cannot start with *, which YAML reads as an alias (*Latency*); put the value in quotes'],
  ['a value that is Markdown emphasis alone', 'id: feed\ntitle: *Feed*\n', '2:8 YAML syntax error: the alias *Feed* has no anchor &Feed* before it; if the value is text that starts with *, put it in quotes, else add the anchor'],
  ['a value starting with >', 'id: feed\nanswer:\n  - >50% of traffic is mobile\n', '3:5 YAML syntax error: a plain value cannot start with >, which YAML reads as the start of a folded block of text; put the value in quotes'],
  ['a value starting with > and a space', 'id: feed\ntitle: > 100 ms is too slow\n', '2:8 YAML syntax error: a plain value cannot start with >, which YAML reads as the start of a folded block of text; put the value in quotes'],
  ['a value starting with |', 'id: feed\ntitle: |x| is small\n', '2:8 YAML syntax error: a plain value cannot start with |, which YAML reads as the start of a literal block of text; put the value in quotes'],
  // Text where a value has already ended.
  ['a quoted start that the value goes on after', 'id: feed\ntitle: "Recall@k" for search\n', '2:8 YAML syntax error: the value goes on after its closing quote ("for search"); put the whole value in quotes, writing \\" for each " inside it, or remove the quotes'],
  ['an apostrophe that ends a single-quoted value', "id: feed\ntitle: 'the model's score'\n", '2:8 YAML syntax error: the value goes on after its closing quote ("s score\'"); put the whole value in quotes, writing \'\' for each \' inside it, or remove the quotes'],
  ['a comma after a list in [ ]', 'id: feed\ntags: [a, b],\n', '2:13 YAML syntax error: "," follows the closing ]; remove it, or put the whole value in quotes if it is text'],
  ['a list item on its key\'s line', 'id: feed\nhints: - Ask about scale\n', '2:8 YAML syntax error: a list item cannot start on the same line as its key; put "- Ask about scale" on the next line, indented under the key (or write the list in [ ])'],
  ['a Markdown bullet for a list item', 'id: feed\nhints:\n  * Ask about scale\n  * Ask about latency\n', '3:3 YAML syntax error: a list item starts with "- ", not "* " as in Markdown; write "- Ask about scale"'],
  ['a value starting with "& "', 'id: feed\ntitle: & more\n', '2:8 YAML syntax error: a plain value cannot start with &, which YAML reads as an anchor; put the value in quotes'],
  ['two commas in a row', 'id: feed\ntags: [a,, b]\n', '2:10 YAML syntax error: an extra comma in this [ ] list, with no value before it; remove it'],
  ['a value starting with ! (a tag yaml would drop in silence)', 'id: feed\nhints:\n  - !Careful: labels arrive late\n', '3:5 YAML syntax error: a plain value cannot start with !, which YAML reads as a tag (!Careful:) and drops from the text; put the value in quotes'],
];

describe('a YAML syntax error in lint', () => {
  it.each(MISTAKES)('explains %s', (_, source, expected) => {
    const syntax = parseYaml('feed.yaml', source).findings.filter((finding) => finding.rule === 'yaml-syntax');
    expect(syntax.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([expected]);
  });

  it('(a) gives one finding for one bad indent, at the over-indented key, and none for what it swallowed', async () => {
    // The parser reads `category: recommendation` and the line after as one key: three raw errors once.
    expect(await findings(QUESTION.replace('difficulty: medium', '   difficulty: medium'))).toEqual([
      '5:4 yaml-syntax bad indentation: "difficulty" is indented 3 spaces, its siblings 0; line it up with them',
    ]);
    expect(await findings(QUESTION.replace('  design:', '   design:'))).toEqual([
      '16:4 yaml-syntax bad indentation: "design" is indented 3 spaces, between the levels above it (2 and 4); line it up with the key it belongs with',
    ]);
    expect(await findings(QUESTION.replace('      - id: surface', '     - id: surface'))).toEqual([
      '14:9 yaml-syntax bad indentation: "text" is indented 8 spaces, its siblings 7; line it up with them',
    ]);
    expect(await findings(QUESTION.replace('      - Two stages.', '      - Two stages.\n     - Three stages.'))).toEqual([
      '19:6 yaml-syntax bad indentation: the list item "- Three stages." is indented 5 spaces, between the levels above it (4 and 6); line it up with the other items of its list',
    ]);
  });

  it('(b) reports a bad indent, a duplicate key and a misspelt difficulty in one run, each at its place', async () => {
    expect(await findings(THREE_MISTAKES)).toEqual([
      '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
      '7:1 duplicate-key key "rubric" appears twice in the same mapping; remove or rename one',
      '15:10 yaml-syntax bad indentation: "text" is indented 9 spaces, its siblings 8; line it up with them',
    ]);
  });

  it('places a duplicate key whose first has no value at the second, by name', () => {
    // yaml puts it at the end of the line before, where no key is to be named.
    const { findings: duplicate } = parseYaml('feed.yaml', 'id: feed\nexamples:\n  strong:\n  strong:\n    notes: {}\n');
    expect(duplicate.map((finding) => `${finding.line}:${finding.column} ${finding.rule} ${finding.message}`)).toEqual([
      '4:3 duplicate-key key "strong" appears twice in the same mapping; remove or rename one',
    ]);
  });

  it('finds a key given twice as YAML compares keys: in { } and nested mappings, quoted or not, but 1 and "1" are two keys', () => {
    const source = 'id: feed\nmeta: {a: 1, b: 2, a: 3}\n"id": again\n1: one\n"1": text\n.nan: x\n.nan: y\nstages:\n  s:\n    hints: []\n    hints: []\n  t: {}\n';
    const duplicates = parseYaml('feed.yaml', source).findings.filter(({ rule }) => rule === 'duplicate-key').map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(duplicates).toEqual([
      '2:20 key "a" appears twice in the same mapping; remove or rename one',
      '3:1 key "id" appears twice in the same mapping; remove or rename one',
      '11:5 key "hints" appears twice in the same mapping; remove or rename one',
    ]);
  });

  it('still checks the rest of a file with a duplicate key', async () => {
    expect(await findings(QUESTION.replace('title: A feed\n', 'title: A feed\ntitle: The feed\n').replace('category: recommendation', 'category: recomendation'))).toEqual([
      '4:1 duplicate-key key "title" appears twice in the same mapping; remove or rename one',
      '5:11 enum category is "recomendation"; did you mean "recommendation"? use one of recommendation, search-ranking, ads, trust-safety, perception, language, generative-ai, marketplaces, platforms',
    ]);
  });

  it('(c) puts an unclosed quote or bracket at the quote or bracket that opened it, and checks what came before', async () => {
    expect(await findings(QUESTION.replace('title: A feed', 'title: "A feed'))).toEqual([
      '3:8 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
    ]);
    // At each quote that opened a string never closed, not at the last quote before the end.
    expect(await findings(QUESTION.replace('title: A feed', 'title: "A feed').replace('prompt: Design', "prompt: 'Design"))).toEqual([
      '3:8 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
      '7:9 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
    ]);
    // The rest of the file, which the open string swallowed, is checked as if the quote closed at the end of its line.
    expect(await findings(QUESTION.replace('title: A feed', 'title: "A feed').replace('difficulty: medium', 'difficulty: meduim').replace('rubric: mini\n', 'rubric: mini\nrubric: mini\n'))).toEqual([
      '3:8 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
      '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
      '7:1 duplicate-key key "rubric" appears twice in the same mapping; remove or rename one',
    ]);
    // A duplicate key before the quote is reported once, not once by each reading of the file.
    expect(await findings(QUESTION.replace('title: A feed', 'title: A feed\ntitle: B').replace('prompt: Design', 'prompt: "Design'))).toEqual([
      '4:1 duplicate-key key "title" appears twice in the same mapping; remove or rename one',
      '8:9 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
    ]);
    // A string meant to go on over the lines indented under it is not closed for the author.
    expect(await findings(QUESTION.replace('title: A feed', 'title: "A feed\n  that ranks posts').replace('difficulty: medium', 'difficulty: meduim'))).toEqual([
      '3:8 yaml-syntax YAML syntax error: this quoted string is never closed; add the closing quote',
    ]);
    // The parser finds its feet at the next key: the misspelt difficulty after the list is found too.
    expect(await findings(QUESTION.replace('difficulty: medium\n', 'tags: [ranking, feeds\ndifficulty: meduim\n'))).toEqual([
      '5:7 yaml-syntax YAML syntax error: this list in [ ] is never closed; add the ] (or indent the lines it continues on)',
      '6:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
    ]);
  });

  it('checks the rest of a file whose value starts with *, > or !, and does not judge that value twice', async () => {
    // Before, an alias with no anchor left the file no data at all: the misspelt difficulty went unreported.
    const broken = (hint: string) => QUESTION.replace('difficulty: medium', 'difficulty: meduim').replace('      - Ask who the users are.', `      - ${hint}`);
    const enumFinding = '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard';
    expect(await findings(broken('*Who* are the users?'))).toEqual([enumFinding, '11:9 yaml-syntax YAML syntax error: a plain value cannot start with *, which YAML reads as an alias (*Who*); put the value in quotes']);
    expect(await findings(broken('*Users*'))).toEqual([enumFinding, '11:9 yaml-syntax YAML syntax error: the alias *Users* has no anchor &Users* before it; if the value is text that starts with *, put it in quotes, else add the anchor']);
    expect(await findings(broken('>90% are on phones'))).toEqual([enumFinding, '11:9 yaml-syntax YAML syntax error: a plain value cannot start with >, which YAML reads as the start of a folded block of text; put the value in quotes']);
    expect(await findings(broken('!Ask who the users are'))).toEqual([enumFinding, '11:9 yaml-syntax YAML syntax error: a plain value cannot start with !, which YAML reads as a tag (!Ask) and drops from the text; put the value in quotes']);
    // The enum rule does not also judge the alias's own text, "*nope".
    expect(await findings(QUESTION.replace('difficulty: medium', 'difficulty: *nope'))).toEqual([
      '5:13 yaml-syntax YAML syntax error: the alias *nope has no anchor &nope before it; if the value is text that starts with *, put it in quotes, else add the anchor',
    ]);
  });

  it('(d) reports a tab in the indentation once, at the tab, and not the stage it broke', async () => {
    expect(await findings(QUESTION.replace('  design:\n    hints:', '  design:\n\thints:').replace('difficulty: medium', 'difficulty: meduim'))).toEqual([
      '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
      '17:1 yaml-syntax YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces',
    ]);
  });

  it('checks the rest of a file after a tab in the indentation, in the same run', async () => {
    const tab = (line: number) => `${line}:1 yaml-syntax YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces`;
    const later = (question: string) => question.replace('difficulty: medium', 'difficulty: meduim').replace('  design:\n    hints:', '  design:\n    hint:');
    const misspelt = '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard';
    const unknown = '17:5 unknown-field unknown field "hint" in stages.design; did you mean "hints"?';
    // A key opening a block, a list item, a key after a list, a key of a list item, each tabbed in
    // place of its spaces: the misspelt field after the tab was not found until the tab was fixed.
    expect(await findings(later(QUESTION.replace('  clarify:\n    hints:', '  clarify:\n\thints:')))).toEqual([misspelt, tab(10), unknown]);
    expect(await findings(later(QUESTION.replace('      - Ask who', '\t- Ask who')))).toEqual([misspelt, tab(11), unknown]);
    expect(await findings(later(QUESTION.replace('    checklist:', '\tchecklist:')))).toEqual([misspelt, tab(12), unknown]);
    expect(await findings(later(QUESTION.replace('        text: Asked', '\t  text: Asked')))).toEqual([misspelt, tab(14), unknown]);
    // Before a list longer than a screen: the key after the list, far below, tells its width.
    const hints = Array.from({ length: 60 }, (_, i) => `      - Hint ${i}.\n`).join('');
    const long = later(QUESTION.replace('      - Ask who the users are.\n', hints));
    expect(await findings(long.replace('  clarify:\n    hints:', '  clarify:\n\thints:'))).toEqual([misspelt, tab(10), unknown.replace('17:5', '76:5')]);
    // Two tabs, each reported where it is; a tab after spaces at the tab.
    expect(await findings(later(QUESTION).replace('    checklist:', '\tchecklist:').replace('  design:', '\tdesign:'))).toEqual([misspelt, tab(12), tab(16), unknown]);
    expect(await findings(later(QUESTION.replace('    checklist:', '  \tchecklist:')))).toEqual([misspelt, tab(12).replace('12:1', '12:3'), unknown]);
    // The key just above the tabbed one is still checked: its value ended with its line.
    expect(await findings(later(QUESTION).replace('difficulty: meduim\n', 'difficulty: meduim\n\ttags: [feeds]\n'))).toEqual([misspelt, tab(6), unknown.replace('17:5', '18:5')]);
    // A tabbed line with no key of its own is the value's continuation: what the line above holds
    // is cut short, not checked as written ("med" is no misspelt difficulty, nor "a-" a bad id).
    const continued = QUESTION.replace('difficulty: medium\n', 'difficulty: med\n\tium\n');
    expect(await findings(continued)).toEqual([tab(6), '6:2 yaml-syntax YAML syntax error: "ium" is not a "key: value" line; add the missing ":", or indent it under the key it belongs to']);
  });

  it('checks the rest of a file after a value holding ": ", in the same run', async () => {
    const colon = (line: number, column: number, value: string) => `${line}:${column} yaml-syntax YAML syntax error: the value "${value}" holds ": ", which starts a mapping; put the value in quotes`;
    const later = (question: string) => question.replace('difficulty: medium', 'difficulty: meduim').replace('  design:\n    hints:', '  design:\n    hint:');
    const misspelt = '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard';
    const unknown = '17:5 unknown-field unknown field "hint" in stages.design; did you mean "hints"?';
    // The title took every key after it into a mapping of its own: the misspelt difficulty, the
    // unknown field and the missing ones went unreported until the title was quoted.
    expect(await findings(later(QUESTION.replace('title: A feed', 'title: Feeds: a ranked feed')))).toEqual([colon(3, 8, 'Feeds: a ranked feed'), misspelt, unknown]);
    expect(await findings(QUESTION.replace('title: A feed', 'title: Feeds: a ranked feed').replace(/followups:[^]*$/, 'bogus: 1\n'))).toEqual([
      colon(3, 8, 'Feeds: a ranked feed'),
      '19:1 unknown-field unknown field "bogus"; allowed fields: id, title, category, difficulty, companies, tags, rubric, prompt, references, stages, followups, interviewer, examples, diagram',
    ]);
    // Two such values, each at its place; one in a checklist item, with the id before it still checked.
    expect(await findings(later(QUESTION.replace('title: A feed', 'title: Feeds: ranked').replace('text: Asked where', 'text: Asked: where')))).toEqual([colon(3, 8, 'Feeds: ranked'), misspelt, colon(14, 15, 'Asked: where the feed appears'), unknown]);
    // The id on the line before is still the file's id: its checks are not taken for the mistake's.
    expect(await findings(QUESTION.replace('id: feed', 'id: feeds').replace('title: A feed', 'title: Feeds: ranked'))).toEqual([
      '2:5 id-filename id "feeds" does not match the file name "feed.yaml"; rename the file to feeds.yaml or change the id',
      colon(3, 8, 'Feeds: ranked'),
    ]);
  });

  it('checks the rest of a file after a key indented past its siblings, in the same run', async () => {
    const later = (question: string) => question.replace('title: A feed', 'title: A feed\ntitel: typo').replace('  design:\n    hints:', '  design:\n    hint:');
    const typo = '4:1 unknown-field unknown field "titel"; did you mean "title"?';
    const unknown = '18:5 unknown-field unknown field "hint" in stages.design; did you mean "hints"?';
    // The key took every line after it into the value above it: the unknown fields went unreported.
    expect(await findings(later(QUESTION).replace('difficulty: medium', '   difficulty: medium'))).toEqual([
      typo,
      '6:4 yaml-syntax bad indentation: "difficulty" is indented 3 spaces, its siblings 0; line it up with them',
      unknown,
    ]);
    // Twice, once among a checklist item's keys: each at its place, the rest still checked.
    expect(await findings(later(QUESTION).replace('Asked where the feed appears\n', 'Asked where the feed appears\n          weight: 2\n').replace('category: recommendation', '  category: recommendation'))).toEqual([
      typo,
      '5:3 yaml-syntax bad indentation: "category" is indented 2 spaces, its siblings 0; line it up with them',
      '16:11 yaml-syntax bad indentation: "weight" is indented 10 spaces, its siblings 8; line it up with them',
      unknown.replace('18:5', '19:5'),
    ]);
  });

  it('reads lines ended by CR alone (classic Mac) or CRLF as YAML does, each finding at its line', async () => {
    const misspelt = '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard';
    const ending = (eol: string) => (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('difficulty: medium', 'difficulty: meduim').replaceAll('\n', eol));
    // With CR alone, the parser read the whole file as its first line, a comment: "the file is empty".
    expect(await findings(QUESTION, ending('\r'))).toEqual([misspelt]);
    expect(await findings(QUESTION, ending('\r\n'))).toEqual([misspelt]);
  });

  it('(e) gives a file that is not YAML at all one finding', async () => {
    expect(await findings(MARKDOWN)).toEqual([
      '5:1 yaml-syntax this is not a question file: it is not YAML (line 5: bad indentation: the list item "- ranking" is among the keys of a mapping; indent it under the key it belongs to) and has none of a question\'s fields (id, title, category, difficulty, prompt and stages); check that it is the right file',
    ]);
    const binary = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000'), Buffer.from('id: feed\n')]);
    expect(await findings('', (file) => fs.writeFileSync(file, binary))).toEqual([
      '1:1 encoding the file is binary (it holds NUL bytes), not YAML text; check that it is the right file',
    ]);
    // A Latin-1 byte at its own column, counted as the other findings count (an emoji is two), and the rest still checked.
    const latin1 = (file: string) => {
      const [head, tail] = fs.readFileSync(file, 'utf8').replace('difficulty: medium', 'difficulty: meduim').split('title: A feed');
      fs.writeFileSync(file, Buffer.concat([Buffer.from(`${head}title: A 😀 caf`), Buffer.from([0xe9]), Buffer.from(tail!)]));
    };
    expect(await findings(QUESTION, latin1)).toEqual([
      '3:16 encoding line 3 has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8',
      '5:13 enum difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
    ]);
    // UTF-16 text is still told apart from a binary file.
    expect(await findings('', (file) => fs.writeFileSync(file, Buffer.from(QUESTION, 'utf16le')))).toEqual([
      '1:1 encoding the file is UTF-16, not UTF-8; save the file as UTF-8',
    ]);
  });

  it('does not take a stage lost to a syntax error for a missing or unknown one', async () => {
    // `design:` pushed out of `stages` by a bad indent is no unknown root field, and the rubric
    // check does not see a stage list that the break may have cut short.
    expect(await findings(QUESTION.replace('  design:', ' design:'))).toEqual([
      '16:2 yaml-syntax bad indentation: "design" is indented 1 space, between the levels above it (0 and 2); line it up with the key it belongs with',
    ]);
  });

  it('says to indent what follows an empty mapping when it reads as part of it, not to remove the line', async () => {
    // The stages one level too far left: `clarify` lands beside `stages`, which is left empty.
    const stages = QUESTION.slice(QUESTION.indexOf('stages:\n') + 'stages:\n'.length, QUESTION.indexOf('followups:'));
    const outdented = QUESTION.replace(stages, stages.replace(/^ {2}/gm, ''));
    expect((await findings(outdented)).filter((finding) => finding.includes(' empty '))).toEqual([
      '8:1 empty stages is empty, but "clarify" after it looks like part of it; indent "clarify" (and the lines under it) one level deeper than "stages"',
    ]);
    // A stage's `hints` one level too far left: a stage of its own, beside an empty `clarify`.
    expect(await findings(QUESTION.replace('    hints:\n      - Ask who', '  hints:\n      - Ask who'))).toContain(
      '9:3 empty stages.clarify is empty, but "hints" after it looks like part of it; indent "hints" (and the lines under it) one level deeper than "clarify"',
    );
    // Nothing after it that belongs there: the plain advice.
    expect(await findings(QUESTION.replace('  design:\n    hints:\n      - Two stages.\n', '  design:\n'))).toContain('16:3 empty stages.design is empty; give it a mapping or remove the line');
  });

  it('takes the other keys of a misaligned list item for the same mistake', async () => {
    const item = '      - id: surface\n        text: Asked where the feed appears\n';
    expect(await findings(QUESTION.replace(item, '     - id: surface\n        text: Asked where the feed appears\n        weight: 2\n        keywords: [feed placement]\n'))).toEqual([
      '14:9 yaml-syntax bad indentation: "text" is indented 8 spaces, its siblings 7; line it up with them',
    ]);
  });

  it('finds a tab or a short line inside a | text, and does not count the text it cut short', async () => {
    const notes = (lines: string) => `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n${lines}`;
    const long = Array.from({ length: 16 }, (_, i) => `        - point ${i}\n`);
    expect(await findings(notes([...long.slice(0, 3), '\t  - a tab\n', ...long.slice(3)].join('')))).toEqual([
      '28:1 yaml-syntax YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces',
    ]);
    expect(await findings(notes([...long.slice(0, 3), '       - short\n', ...long.slice(3)].join('')))).toEqual([
      '28:8 yaml-syntax bad indentation: this line of the text under "clarify" is indented 7 spaces, less than its first line (8); indent it like the rest of the text',
    ]);
  });

  it('checks the rest of a broken rubric, and judges no question by a stage the break ran through', async () => {
    const rubric = RUBRIC.replace('    checklist:\n      - id: goal', '     checklist:\n      - id: goal').replace('minutes: 10', 'minutes: 0');
    const question = QUESTION.replace('  clarify:\n    hints:', '  clarify:\n    not_applicable: [goal]\n    hints:');
    expect(await findings({ 'rubrics/mini.yaml': rubric, [Q]: question })).toEqual([
      `${path.join('rubrics', 'mini.yaml')} 9:6 yaml-syntax bad indentation: "checklist" is indented 5 spaces, its siblings 4; line it up with them`,
      `${path.join('rubrics', 'mini.yaml')} 16:14 stage-minutes stages[1].minutes must be greater than 0; give it a positive number`,
    ]);
  });

  it('reads a long file thrown by tabs near its start at once, as one mistake at the first tab', () => {
    // Tabbed throughout (six lines), then 240 KB that the parser reads as thousands of
    // cascades: each was diagnosed by reading the file from its start, for minutes.
    const stages = Array.from({ length: 4_800 }, (_, i) => `  s${i}:\n    a:\n      b:\n        c:\n          d: x\n`).join('');
    const lines = `id: long\nstages:\n${stages}`.split('\n');
    for (const line of [100, 102, 104, 106, 108, 110]) lines[line] = `\t${lines[line]!.trimStart()}`;
    const { findings: found } = parseYaml('long.yaml', lines.join('\n'));
    expect(found.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      '101:1 YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces',
    ]);
  });

  it('stops diagnosing after 50 mistakes in one file, and says how many more there are', () => {
    // Seven lines apart: far enough from each other to be mistakes of their own.
    const blocks = Array.from({ length: 60 }, (_, i) => `key${i}: value\n   over${i}: indented\n\n\n\n\n\n`).join('');
    const syntax = parseYaml('many.yaml', `id: many\n${blocks}`).findings.filter((finding) => finding.rule === 'yaml-syntax');
    expect(syntax).toHaveLength(51);
    expect(syntax[0]).toMatchObject({ line: 3, column: 4, message: 'bad indentation: "over0" is indented 3 spaces, its siblings 0; line it up with them' });
    expect(syntax[50]).toMatchObject({ line: 352, column: 8, message: 'YAML syntax error: 10 more mistakes follow from here; fix the ones above and run lint again' });
  });

  it('gives the same three findings in --format json and github', async () => {
    const dir = writeBank(baseBank({ [Q]: THREE_MISTAKES }));
    const json = fakeIo({ cwd: dir });
    expect(await main(['lint', dir, '--format', 'json'], json)).toBe(1);
    expect((JSON.parse(json.out()) as Array<Record<string, unknown>>).map(({ line, column, rule }) => `${String(line)}:${String(column)} ${String(rule)}`)).toEqual(['5:13 enum', '7:1 duplicate-key', '15:10 yaml-syntax']);
    const github = fakeIo({ cwd: dir });
    expect(await main(['lint', dir, '--format', 'github'], github)).toBe(1);
    expect(github.out().split('\n')[2]).toBe('::error file=questions/recommendation/feed.yaml,line=15,col=10,title=mldrill yaml-syntax::bad indentation: "text" is indented 9 spaces, its siblings 8; line it up with them');
  });

  it('mldrill lint, spawned, prints the three findings of (b) and exits 1', () => {
    const dir = writeBank(baseBank({ [Q]: THREE_MISTAKES }));
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const result = spawnSync(process.execPath, [BIN, 'lint', '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home }, timeout: 20_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      '',
      'questions/recommendation/feed.yaml',
      '  5:13   error  difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard  enum',
      '  7:1    error  key "rubric" appears twice in the same mapping; remove or rename one  duplicate-key',
      '  15:10  error  bad indentation: "text" is indented 9 spaces, its siblings 8; line it up with them  yaml-syntax',
      '',
      '✖ 2 files checked: 3 errors, 0 warnings',
      '',
    ].join('\n'));
    expect(result.status).toBe(1);
  });
});

// A field written in the wrong mapping parses as YAML; the schema alone would call it unknown
// where it is and missing where it belongs (two to four findings). One finding per mistake, at
// the field, saying where it belongs and how to move it.
// The item's last line: what is inserted after it follows the whole item.
const AFTER_ITEM = '        text: Asked where the feed appears\n        core: true\n';
const MISPLACED: Array<[string, string, string]> = [
  ['an item\'s keywords indented to the stage after the item', QUESTION.replace(AFTER_ITEM, `${AFTER_ITEM}    keywords: [feed placement]\n`),
    '16:5 misplaced-field "keywords" belongs to a checklist item, not to stages.clarify; indent it under "- id: surface" (the item above), in line with its "text"'],
  ['core: true under the stage', QUESTION.replace('  clarify:\n    hints:', '  clarify:\n    core: true\n    hints:'),
    '10:5 misplaced-field "core" belongs to a checklist item, not to stages.clarify; indent it under the "- id: ..." line of the item in "checklist" it belongs to, in line with that item\'s other fields'],
  ['core: true given a "- " of its own', QUESTION.replace('        core: true\n', '      - core: true\n'),
    '15:9 misplaced-field stages.clarify.checklist[1] has "core" but no "id" or "text": it reads as a field of the item above ("- id: surface") written as an item of its own; replace the "- " before "core" with two spaces, to line it up with that item\'s "text"'],
  ['an item that lost its "- "', QUESTION.replace(AFTER_ITEM, `${AFTER_ITEM}    id: placement\n    text: Asked about placement\n`),
    '16:5 misplaced-field "id" and "text" belong to a checklist item, not to stages.clarify; make them an item of "checklist": write "- " before "id" and indent them under "checklist:", in line with its other items'],
  ['a stage field inside an item', QUESTION.replace(AFTER_ITEM, `${AFTER_ITEM}        not_applicable: [goal]\n`),
    '16:9 misplaced-field "not_applicable" belongs to stages.clarify, not to stages.clarify.checklist[0]; indent it less, to line up with "checklist"'],
  ['a stage indented under the stage before it', QUESTION.replace('  design:\n    hints:\n      - Two stages.\n', '    design:\n      hints:\n        - Two stages.\n'),
    '16:5 misplaced-field "design" is a stage (by its fields), not a field of stages.clarify; indent it less, to line up with "clarify"'],
  ['followups indented under the last stage', QUESTION.replace('followups:\n  - Traffic grew tenfold.\n', '  followups:\n    - Traffic grew tenfold.\n'),
    '19:3 misplaced-field "followups" belongs to the top level of the file, not to stages; indent it less, to line up with "stages"'],
  ['a rubric item\'s guidance dedented to the stage', RUBRIC.replace('        text: Drew a diagram\n', '        text: Drew a diagram\n    guidance: Boxes and arrows.\n'),
    'rubrics/mini.yaml 21:5 misplaced-field "guidance" belongs to a checklist item, not to stages[1]; indent it under "- id: diagram" (the item above), in line with its "text"'],
];

describe('a field in the wrong mapping', () => {
  it.each(MISPLACED)('is one finding: %s', async (_, source, expected) => {
    const file = source.includes('id: mini\n') ? { 'rubrics/mini.yaml': source } : { [Q]: source };
    expect(await findings(file)).toEqual([expected]);
  });

  it('keeps a misspelt field beside a misplaced one as a mistake of its own', async () => {
    expect(await findings(QUESTION.replace('  clarify:\n    hints:', '  clarify:\n    core: true\n    hints:').replace(AFTER_ITEM, `${AFTER_ITEM}        guidence: x\n`))).toEqual([
      '10:5 misplaced-field "core" belongs to a checklist item, not to stages.clarify; indent it under the "- id: ..." line of the item in "checklist" it belongs to, in line with that item\'s other fields',
      '17:9 unknown-field unknown field "guidence" in stages.clarify.checklist[0]; did you mean "guidance"?',
    ]);
  });

  it('does not guess: a field with no place nearby that could have lost it stays an unknown field', async () => {
    // A follow-up's "title" is the question's (which has one) or a reference's: too far to say.
    expect(await findings(QUESTION.replace('followups:\n  - Traffic grew tenfold.\n', 'followups:\n  - text: Labels arrive late.\n    title: x\n'))).toEqual([
      '21:5 unknown-field unknown field "title" in followups[0]; allowed fields: text, answer, when',
    ]);
    // A stage without a checklist has no item to have lost it.
    expect(await findings(QUESTION.replace('  design:\n    hints:', '  design:\n    core: true\n    hints:'))).toEqual([
      '17:5 unknown-field unknown field "core" in stages.design; allowed fields: hints, checklist, not_applicable',
    ]);
  });

  it('still says "missing" for an item that lacks its fields, and names them all once', async () => {
    expect(await findings(QUESTION.replace(AFTER_ITEM, `${AFTER_ITEM}      - weight: 2\n        guidance: x\n`).replace('      - id: surface\n', '      - id: surface\n        weight: 1\n'))).toEqual([
      '17:9 required missing required fields "id" and "text" in stages.clarify.checklist[1]; add them',
    ]);
  });

  it('prints the finding in lint\'s output with its place, and exits 1', async () => {
    const dir = writeBank(baseBank({ [Q]: QUESTION.replace('  clarify:\n    hints:', '  clarify:\n    core: true\n    hints:') }));
    const io = fakeIo({ cwd: dir, env: {} });
    expect(await main(['lint', dir, '--no-cache'], io)).toBe(1);
    expect(io.out()).toMatch(/feed\.yaml\n {2}10:5 +error +"core" belongs to a checklist item, not to stages\.clarify; indent it under the "- id: \.\.\." line .* +misplaced-field\n/);
    expect(io.out()).toContain('1 error, 0 warnings');
  });
});
