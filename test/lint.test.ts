// `mldrill lint` in-process: what it finds, how each format shows it, and its exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { RULES } from './helpers/rules.js';
import { escapeData, escapeProperty } from '../src/lint/format-github.js';
import { formatStylish } from '../src/lint/format-stylish.js';
import { loadStyle } from '../src/ui/colour.js';
import { main } from '../src/main.js';
import { baseBank, MODELINE, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';

const plain = await loadStyle(0);

const Q = path.join('questions', 'recommendation', 'feed.yaml');

async function lint(args: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const io = fakeIo(options);
  const code = await main(['lint', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

/** A bank with one error and two warnings in feed.yaml, and a clean rubric. */
function brokenBank() {
  return writeBank(baseBank({
    [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim').replace('Ask who the users are.', 'TODO ask more').replace(/prompt: .*/, 'prompt: Design a feed.'),
  }));
}

describe('mldrill lint', () => {
  it('finds the shipped bank clean (exit 0)', async () => {
    const { code, out, err } = await lint([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^✔ \d+ files checked: no problems\n$/);
    expect(err).toBe('');
  });

  it('groups findings by file in stylish, aligned, with a summary line (exit 1)', async () => {
    const dir = brokenBank();
    const { code, out } = await lint([dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toBe([
      '',
      Q,
      '  5:13  error    difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard  enum',
      '  7:9   warning  the prompt is very short (14 characters); say the problem the way an interviewer would  short-prompt',
      '  11:9  warning  stages.clarify.hints[0] still says TODO; finish it  todo',
      '',
      '✖ 2 files checked: 1 error, 2 warnings',
      '',
    ].join('\n'));
  });

  it('lines the rule ids up after the messages when the terminal is wide enough', () => {
    const finding = (line: number, message: string, rule: string) => ({ file: 'a.yaml', line, column: 1, severity: 'error' as const, rule, message });
    const report = { files: 1, findings: [finding(1, 'short', 'empty'), finding(12, 'a longer message', 'unknown-field')] };
    expect(formatStylish(report, plain, 100)).toBe('\na.yaml\n  1:1   error  short             empty\n  12:1  error  a longer message  unknown-field\n\n✖ 1 file checked: 2 errors, 0 warnings\n');
    expect(formatStylish(report, plain, 40)).toBe('\na.yaml\n  1:1   error  short  empty\n  12:1  error  a longer message  unknown-field\n\n✖ 1 file checked: 2 errors, 0 warnings\n');
  });

  it('keeps each finding of stylish on its own line when a file name or a quoted key holds a newline or a tab', async () => {
    const name = path.join('questions', 'recommendation', 'new\nline.yaml');
    const dir = writeBank(baseBank({ [name]: QUESTION.replace('id: feed', 'id: new-line').replace('category:', '"bad\\nkey\\tx": 1\ncategory:') }));
    const { code, out } = await lint([dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      '',
      'questions/recommendation/new\\nline.yaml',
      expect.stringMatching(/^ {2}2:5 +error +id "new-line" does not match the file name "new\\nline\.yaml"; rename the file to new-line\.yaml or change the id +id-filename$/),
      expect.stringMatching(/^ {2}4:1 +error +unknown field "bad\\nkey\\tx"; allowed fields: .* +unknown-field$/),
      '',
      '✖ 3 files checked: 2 errors, 0 warnings',
      '',
    ]);
  });

  it('colours stylish output on a terminal, and not with NO_COLOR', async () => {
    const dir = brokenBank();
    const coloured = await lint([dir], { cwd: dir, tty: true, env: { TERM: 'xterm' } });
    expect(coloured.out).toContain('\u001b[4mquestions/recommendation/feed.yaml\u001b[24m');
    expect(coloured.out).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured.out).toContain('\u001b[33mwarning\u001b[39m');
    const plain = await lint([dir], { cwd: dir, tty: true, env: { TERM: 'xterm', NO_COLOR: '1' } });
    expect(plain.out).not.toMatch(/\u001b/);
  });

  it('prints an array of {file, line, column, severity, rule, message} with --format json', async () => {
    const dir = brokenBank();
    const { code, out, err } = await lint([dir, '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const findings = JSON.parse(out);
    expect(findings.map((finding: object) => Object.keys(finding))).toEqual(Array(3).fill(['file', 'line', 'column', 'severity', 'rule', 'message']));
    expect(findings[0]).toEqual({ file: Q, line: 5, column: 13, severity: 'error', rule: 'enum', message: 'difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard' });
    expect(err).toBe('mldrill lint: 2 files checked: 1 error, 2 warnings\n');
    // A clean run is an empty array, still valid JSON.
    expect(JSON.parse((await lint(['-f', 'json', path.join(dir, 'rubrics')], { cwd: dir })).out)).toEqual([]);
  });

  it('warns about a question with no core item at its stages, or at its id when it has none, and not about one with a core item', async () => {
    const json = async (question: string) => {
      const dir = writeBank(baseBank({ [Q]: question }));
      const { code, out } = await lint([dir, '--format', 'json'], { cwd: dir });
      // A warning alone passes; the missing stages are an error.
      expect(code).toBe(question.includes('stages:') ? 0 : 1);
      return JSON.parse(out);
    };
    expect(await json(QUESTION.replace('        core: true\n', ''))).toEqual([
      { file: Q, line: 8, column: 1, severity: 'warning', rule: 'core-count', message: 'the question has no core item; mark 1 to 3 of its items with core: true (the insights it exists to test)' },
    ]);
    // No stages at all: an error of its own, and no item to mark core either.
    expect((await json(QUESTION.replace(/stages:[\s\S]*followups:/, 'followups:'))).filter((finding: { rule: string }) => finding.rule === 'core-count')).toEqual([
      { file: Q, line: 2, column: 1, severity: 'warning', rule: 'core-count', message: 'the question has no core item; add 1 to 3 checklist items with core: true (the insights it exists to test)' },
    ]);
    expect(await json(QUESTION)).toEqual([]);
  });

  it('writes GitHub Actions workflow commands with --format github', async () => {
    const dir = brokenBank();
    const { code, out } = await lint([dir, '--format', 'github'], { cwd: dir });
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      '::error file=questions/recommendation/feed.yaml,line=5,col=13,title=mldrill enum::difficulty is "meduim"; did you mean "medium"? use one of easy, medium, hard',
      '::warning file=questions/recommendation/feed.yaml,line=7,col=9,title=mldrill short-prompt::the prompt is very short (14 characters); say the problem the way an interviewer would',
      '::warning file=questions/recommendation/feed.yaml,line=11,col=9,title=mldrill todo::stages.clarify.hints[0] still says TODO; finish it',
      '',
    ]);
  });

  it('escapes workflow commands as @actions/core does', async () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    const dir = writeBank(baseBank({ 'questions/ads/odd,name:1.yaml': `${MODELINE}\n"50%": x\n` }));
    const github = await lint([path.join(dir, 'questions', 'ads'), '-f', 'github'], { cwd: dir });
    expect(github.out).toContain('::error file=questions/ads/odd%2Cname%3A1.yaml,line=2,col=1,title=mldrill unknown-field::unknown field "50%25"');
  });
});

describe('lint and odd but valid files', () => {
  it('reads a file with a byte order mark and CRLF line ends like any other', async () => {
    const dir = writeBank(baseBank());
    const file = path.join(dir, Q);
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8').replaceAll('\n', '\r\n')}`);
    const { code, out } = await lint([dir, '--max-warnings', '0'], { cwd: dir });
    expect(out).toBe('✔ 2 files checked: no problems\n');
    expect(code).toBe(0);
  });
});

describe('lint and --max-warnings', () => {
  const warningsOnly = () => writeBank(baseBank({ [Q]: QUESTION.replace(/prompt: .*/, 'prompt: Design a feed.') }));

  it('passes with warnings by default, and fails when there are more than N', async () => {
    const dir = warningsOnly();
    expect((await lint([dir], { cwd: dir })).code).toBe(0);
    expect((await lint([dir, '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    const strict = await lint([dir, '--max-warnings', '0'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('✖ 2 files checked: 0 errors, 1 warning; more warnings than --max-warnings 0 allows');
    // ESLint's -1: no limit, as without the option.
    expect((await lint([dir, '--max-warnings', '-1'], { cwd: dir })).code).toBe(0);
    expect((await lint([dir, '--max-warnings=-1'], { cwd: dir })).code).toBe(0);
  });

  it('rejects a value that is not a whole number (exit 2)', async () => {
    // An empty value is no number either, though Number('') is 0.
    for (const value of ['-2', 'many', '1.5', '', ' ']) {
      const { code, err } = await lint(['--max-warnings', value]);
      expect(code).toBe(2);
      expect(err).toMatch(/^error: option '--max-warnings <n>' argument '.*' is invalid/);
    }
  });
});

describe('lint usage errors (exit 2)', () => {
  it('refuses an unknown format', async () => {
    const { code, err } = await lint(['--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toMatch(/argument 'xml' is invalid. Allowed choices are stylish, json, github/);
  });

  it('refuses a path that does not exist, on one line, before checking anything', async () => {
    const { code, out, err } = await lint(['questions', 'no/such/dir']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('mldrill: no/such/dir: no such file or directory\n');
  });

  it('refuses an empty path (an unset variable in a script) instead of checking the working directory', async () => {
    const { code, out, err } = await lint(['questions', ''], { cwd: PACKAGE_ROOT });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('mldrill: an empty path was given; name a file or directory (. for the working directory)\n');
  });

  it('refuses a directory without YAML files', async () => {
    const dir = writeBank({ 'notes.txt': 'x' });
    const { code, err } = await lint([dir]);
    expect(code).toBe(2);
    expect(err).toMatch(/^mldrill: no \.yaml or \.yml files in /);
  });
});

describe('lint paths together with the bank', () => {
  const shipped = path.join('questions', 'ads', 'ad-budget-pacing.yaml');

  it('counts a given file that is also in the bank once, given relative or absolute', async () => {
    for (const given of [shipped, path.join(PACKAGE_ROOT, shipped), `./questions/ads/../ads/ad-budget-pacing.yaml`]) {
      const { code, out } = await lint([given], { cwd: PACKAGE_ROOT });
      expect(code, given).toBe(0);
      expect(out).toBe('✔ 1 file checked: no problems\n');
    }
    const twice = await lint([shipped, path.join(PACKAGE_ROOT, 'questions', 'ads')], { cwd: PACKAGE_ROOT });
    expect(twice.out).toBe('✔ 5 files checked: no problems\n');
  });

  it('checks a given --bank directory once, not once as bank and once as given', async () => {
    const dir = writeBank(baseBank());
    const { code, out } = await lint([dir, '--bank', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe('✔ 2 files checked: no problems\n');
  });

  it('resolves rubrics from the bank for a given question, and reports only the given files', async () => {
    const bank = writeBank(baseBank({ 'questions/ads/broken.yaml': 'id: [' }));
    const elsewhere = writeBank({ 'feed.yaml': QUESTION });
    const { code, out } = await lint([path.join(elsewhere, 'feed.yaml'), '--bank', bank], { cwd: elsewhere });
    // Its id is taken by the bank's feed.yaml: the given file is the one reported.
    expect(code).toBe(1);
    expect(out).toContain(`feed.yaml\n  2:5  error  question id "feed" is already used by ${path.join(bank, Q)}; question ids must be unique  duplicate-id\n`);
    expect(out).not.toContain('broken.yaml');
    expect(out).not.toContain('unknown-rubric');
  });

  it('reports the given file, not the bank file, even when the bank file sorts later', async () => {
    const bank = writeBank(baseBank({ 'questions/zz/zz.yaml': QUESTION.replace('id: feed', 'id: zz') }));
    const given = writeBank({ 'questions/aa/zz.yaml': QUESTION.replace('id: feed', 'id: zz') });
    const { out } = await lint([given, '--bank', bank], { cwd: given, env: {} });
    expect(out).toContain(`question id "zz" is already used by ${path.join(bank, 'questions', 'zz', 'zz.yaml')}`);
  });

  it('reports a given file that reuses the id of a broken bank file', async () => {
    const bank = writeBank(baseBank({ [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim') }));
    const elsewhere = writeBank({ 'feed.yaml': QUESTION });
    const { code, out } = await lint([path.join(elsewhere, 'feed.yaml'), '--bank', bank], { cwd: elsewhere });
    expect(code).toBe(1);
    expect(out).toContain(`question id "feed" is already used by ${path.join(bank, Q)}; question ids must be unique  duplicate-id`);
  });

  it('blames the broken copy of a question for the duplicate id, not the original', async () => {
    const bank = writeBank(baseBank({ 'questions/recommendation/feed-v2.yaml': QUESTION }));
    const { code, out } = await lint(['.'], { cwd: bank });
    expect(code).toBe(1);
    expect(out).toContain(`feed-v2.yaml\n  2:5  error  question id "feed" is already used by ${Q}; question ids must be unique  duplicate-id\n`);
    expect(out).not.toMatch(/feed\.yaml\n/);
  });

  it('takes more bank directories from MLDRILL_BANK', async () => {
    const bank = writeBank({ 'rubrics/mini.yaml': RUBRIC });
    const given = writeBank({ 'questions/recommendation/feed.yaml': QUESTION });
    expect((await lint([given], { cwd: given })).out).toContain('rubric "mini" does not exist');
    expect((await lint([given], { cwd: given, env: { MLDRILL_BANK: bank } })).code).toBe(0);
  });
});

describe('the README', () => {
  it('documents every rule with its severity', () => {
    const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) expect(readme, rule.id).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
  });
});

describe('the shipped files', () => {
  it('each start with a modeline whose path leads to the right schema', () => {
    for (const dir of ['questions', 'rubrics']) {
      for (const name of fs.readdirSync(path.join(PACKAGE_ROOT, dir), { recursive: true }) as string[]) {
        if (!name.endsWith('.yaml')) continue;
        const file = path.join(PACKAGE_ROOT, dir, name);
        const first = fs.readFileSync(file, 'utf8').split('\n')[0]!;
        const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
        expect(target, file).toBeDefined();
        expect(path.resolve(path.dirname(file), target!)).toBe(path.join(PACKAGE_ROOT, 'schema', `${dir === 'rubrics' ? 'rubric' : 'question'}.schema.json`));
      }
    }
  });
});

describe('lint over many files, on every core', () => {
  it('grades the examples in the worker threads too: a broken example anywhere among 600 files is found at its place', { timeout: 120_000 }, async () => {
    const { spawnSync } = await import('node:child_process');
    const os = await import('node:os');
    const { BIN } = await import('./helpers/tmux.js');
    // @ts-expect-error: the bench's plain-JavaScript generator of a realistic bank
    const { generateBank } = (await import('../scripts/bench/30-lint.mjs')) as { generateBank: (root: string, dir: string, count: number) => void };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-many-'));
    generateBank(PACKAGE_ROOT, dir, 600);
    const files = fs.readdirSync(path.join(dir, 'questions'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml')).sort();
    // Every hundredth file's weak example claims it must score at least 90%.
    const broken = files.filter((_, i) => i % 100 === 50);
    for (const name of broken) {
      const file = path.join(dir, 'questions', name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {2}weak:\n/m, '  weak:\n    score: { min: 90, max: 100 }\n'));
    }
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-many-home-'));
    const lint = () => spawnSync(process.execPath, [BIN, 'lint', dir, '--format', 'json'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, MLDRILL_HOME: home } });
    const result = lint();
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string }>);
    expect(findings.map((finding) => [path.basename(finding.file), finding.rule])).toEqual(broken.map((name) => [path.basename(name), 'grading-example']));
    for (const finding of findings) expect(finding.message).toMatch(/^examples\.weak grades to \d+%, outside its range 90-100%/);
    // Again, with the cache the first run wrote: the same findings, and a mended file mended.
    expect(lint().stdout).toBe(result.stdout);
    const mended = path.join(dir, 'questions', broken[0]!);
    fs.writeFileSync(mended, fs.readFileSync(mended, 'utf8').replace('    score: { min: 90, max: 100 }\n', ''));
    const again = JSON.parse(lint().stdout) as Array<{ file: string }>;
    expect(again.map((finding) => path.basename(finding.file))).toEqual(broken.slice(1).map((name) => path.basename(name)));
  });
});
