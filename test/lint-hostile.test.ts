// `mldrill lint` on hostile files just under the size cap: each is refused with its findings,
// never a crash ("Maximum call stack size exceeded") and never a wait of minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../src/lint/format-stylish.js';
import { main } from '../src/main.js';
import { loadStyle } from '../src/ui/colour.js';
import { baseBank, QUESTION, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';

const Q = path.join('questions', 'recommendation', 'feed.yaml');

async function lint(files: Record<string, string>) {
  const dir = writeBank(baseBank(files));
  const io = fakeIo({ cwd: dir });
  const code = await main(['lint', '--no-cache', dir], io);
  return { code, out: io.out(), err: io.err() };
}

/** The finding lines of stylish output, each trimmed and its columns one double space apart. */
const findings = (out: string) => out.split('\n').filter((line) => /^ {2}\d/.test(line)).map((line) => line.trim().replace(/ {2,}/g, '  '));

describe('lint on hostile files', () => {
  it('reports 60,000 list items written among the keys of a mapping as one syntax error, not a crash or 60,000 duplicate keys', async () => {
    // 240 KB after a top-level key: the parser reports 180,000 errors in one cascade and a duplicate key "x" per line.
    const { code, out, err } = await lint({ [Q]: `${QUESTION}notes: x\n${'- x\n'.repeat(60_000)}` });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out.split('\n').filter((line) => /^ {2}\d/.test(line))).toEqual([
      expect.stringMatching(/^ {2}22:1 +error +bad indentation: the list item "- x" is among the keys of a mapping; indent it under the key it belongs to +yaml-syntax$/),
    ]);
  });

  it('reports an alias bomb of 20,000 aliases to one long list as alias-limit', async () => {
    // Each alias once sent the checker through the whole document to find its anchor.
    const { code, out, err } = await lint({ [Q]: `${QUESTION}a: &a [${'x,'.repeat(5_000)}x]\nb: [${'*a,'.repeat(20_000)}*a]\n` });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/^ {2}22:5 +error +too many alias expansions \(.*\); write the values out instead of nesting anchors +alias-limit$/m);
  });

  it('reads a mapping used as a key, nested 300 deep, at once, and names the key on its own line', async () => {
    // 1.5 KB of `{{{a: 1}: 1}: 1}`: yaml wrote each key out as YAML, and every key inside it again,
    // for seconds at this depth and minutes a few hundred deeper.
    let nested = 'a';
    for (let i = 0; i < 300; i++) nested = `{${nested}: 1}`;
    const { code, out, err } = await lint({ [Q]: `${QUESTION.replace('rubric: mini\n', `rubric: mini\ntags: [${nested}]\n`)}{b: 1}: y\n` });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(findings(out)).toEqual([
      '7:8  error  tags[0] must be text, not a mapping  type',
      '22:1  error  unknown field "{b: 1}"; allowed fields: id, title, category, difficulty, companies, tags, rubric, prompt, references, stages, followups, interviewer, examples, diagram  unknown-field',
    ]);
    // Never closed, the same `{` make a broken tree of mapping keys, turned into data to check the rest.
    const open = await lint({ [Q]: QUESTION.replace('difficulty: medium', `difficulty: meduim\ntags: ${'{'.repeat(2_000)}`) });
    expect(findings(open.out)).toEqual([
      '5:13  error  difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard  enum',
      expect.stringMatching(/^6:\d+  error  YAML syntax error: the values are nested too deeply to read/),
    ]);
  });

  it('shows 200,000 findings of one file in stylish, aligned', async () => {
    const plain = await loadStyle(0);
    const findings = Array.from({ length: 200_000 }, (_, i) => ({ file: 'a.yaml', line: i + 1, column: 9, severity: 'warning' as const, rule: 'todo', message: `hints[${i}] still says TODO; finish it` }));
    const lines = formatStylish({ files: 1, findings }, plain, 80).split('\n');
    expect(lines.length).toBe(200_005);
    expect(lines[2]).toBe('  1:9       warning  hints[0] still says TODO; finish it       todo');
    expect(lines[200_001]).toBe('  200000:9  warning  hints[199999] still says TODO; finish it  todo');
    expect(lines[200_003]).toBe('✖ 1 file checked: 0 errors, 200000 warnings');
  });
});

describe('lint names hostile values as they are, never as what they look like', () => {

  it('quotes an unknown key and a mismatched id with their hidden characters escaped, not stripped into a name that looks allowed', async () => {
    // ESC ] 52 … BEL around "ti" + "tle" would be stripped at output to `title`, a field that is allowed.
    const { out } = await lint({ [Q]: QUESTION.replace('id: feed', 'id: fe\u200bed').replace('title: A feed', 'title: A feed\n"ti\\e]52;c;aGk=\\atle": x') });
    const lines = findings(out);
    expect(lines).toContain('2:5  error  id "fe\\u200bed" does not match the file name "feed.yaml"; change the id to "feed"  id-filename');
    expect(lines).toContainEqual(expect.stringMatching(/^4:1 {2}error {2}unknown field "ti\\u001b\]52;c;aGk=\\u0007tle"; /));
    expect(out).not.toMatch(/unknown field "title"/);
    expect(out).not.toMatch(/[\u001b\u0007\u200b]/);
  });

  it('names a stage key with a hidden character as it is, in its path, its format and the unknown stage, not as the stage it looks like', async () => {
    const { out } = await lint({ [Q]: QUESTION.replace('\n  clarify:\n', '\n  clar\ufeffify:\n') });
    const lines = findings(out);
    expect(lines).toContainEqual(expect.stringMatching(/error {2}stage id "clar\\ufeffify" must be kebab-case/));
    expect(lines).toContainEqual(expect.stringMatching(/error {2}stages\.clar\\ufeffify: rubric "[\w-]+" has no stage "clar\\ufeffify"; did you mean "clarify"\?/));
    expect(out).not.toMatch(/\ufeff/);
  });

  it('says a text field holding .nan or !!binary must be text, not that it needs a number', async () => {
    const { out } = await lint({ [Q]: QUESTION.replace('title: A feed', 'title: !!binary aGVsbG8=').replace('rubric: mini', 'rubric: mini\ntags: [.nan, .inf]') });
    const lines = findings(out);
    expect(lines).toContain('3:17  error  title must be text, not a binary value (!!binary)  type');
    expect(lines).toContain('7:8  error  tags[0] must be text, not a number (.nan)  type');
    expect(lines).toContain('7:14  error  tags[1] must be text, not a number (.inf)  type');
    expect(out).not.toMatch(/give it a number/);
  });
});

describe('lint on links a pull request could add', () => {
  it('reads no file outside the working directory through a .yaml link, walked or named, and says so; links within it are linted', async () => {
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-secret-')), 'credentials');
    fs.writeFileSync(outside, 'token: SECRET-TOKEN-1234\n');
    const dir = writeBank(baseBank({ 'shared/feed-copy.yaml': QUESTION.replace('id: feed', 'id: feed-copy') }));
    fs.mkdirSync(path.join(dir, 'questions', 'ads'), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'questions', 'ads', 'stolen.yaml'));
    fs.symlinkSync(path.join('..', '..', 'shared', 'feed-copy.yaml'), path.join(dir, 'questions', 'ads', 'feed-copy.yaml'));
    const message = 'a link to a file outside the directory being linted; not read, as a link in a pull request could show lint any file on the machine: put the file itself here';
    for (const args of [['questions'], [path.join('questions', 'ads', 'stolen.yaml')], ['--bank', '.', 'questions']]) {
      const io = fakeIo({ cwd: dir });
      expect(await main(['lint', '--no-cache', '--format', 'json', ...args], io), args.join(' ')).toBe(1);
      expect(io.out() + io.err()).not.toContain('SECRET');
      const found = JSON.parse(io.out()) as Array<{ file: string; rule: string; message: string }>;
      expect(found.filter((finding) => finding.file.endsWith('stolen.yaml'))).toEqual([expect.objectContaining({ rule: 'unreadable', message })]);
      // The link within the checkout is read (it is checked: no finding says it was not).
      expect(found.filter((finding) => finding.file.endsWith('feed-copy.yaml') && finding.rule === 'unreadable')).toEqual([]);
    }
  });
});
