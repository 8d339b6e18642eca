// Hostile input and a broken machine: escape sequences in file names, keys, ids and history
// lines; full or broken output devices; crashes outside main; bad MLDRILL_NOW, --bank and
// MLDRILL_HOME; mistyped commands. In-process where the logic allows, spawned where the
// behaviour is the process's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../src/bank/findings.js';
import { parseInstant } from '../src/io.js';
import { formatGithub } from '../src/lint/format-github.js';
import { formatJson } from '../src/lint/format-json.js';
import { formatStylish } from '../src/lint/format-stylish.js';
import { main } from '../src/main.js';
import { didYouMean, jsonText, safe, stripControl, visibleLength } from '../src/text.js';
import { PLAIN } from '../src/ui/colour.js';
import { table } from '../src/ui/table.js';
import { sessionMarkdown } from '../src/ui/export.js';
import { QUESTION, baseBank, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';

/** ESC c resets the terminal, OSC 0 sets its title, OSC 52 writes the clipboard; then C1 CSI, a bidi override. */
const HOSTILE = '\u001bc\u001b]0;pwned\u0007\u001b]52;c;aGVsbG8=\u0007\u009b2J\u202e';
/** Anything a terminal would act on (colour excepted). */
const ACTS = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\u001b(?!\[[0-9;]*m)/;

const run = (args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', input: '', cwd: options.cwd,
    env: { PATH: process.env.PATH, MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')), ...options.env }, timeout: 20_000,
  });

describe('the one sanitiser', () => {
  it('strips escape sequences, C1 controls and bidi overrides; keeps text, tabs and newlines', () => {
    expect(stripControl(`a${HOSTILE}b\tc\r\nd`)).toBe('apwnedb\tc\nd'.replace('pwned', ''));
    expect(stripControl('plain text')).toBe('plain text');
  });

  it('keeps colour only when asked, as the output streams do', () => {
    expect(stripControl('\u001b[31mred\u001b[39m\u001b]0;t\u0007', { keepStyle: true })).toBe('\u001b[31mred\u001b[39m');
    expect(stripControl('\u001b[31mred\u001b[39m')).toBe('red');
  });

  it('safe`` sanitises what is interpolated and trusts the literal', () => {
    expect(safe`${`f${HOSTILE}.yaml`}:${3}: ok`).toBe('f.yaml:3: ok');
  });

  it('measures width without colour (the one stripper serves the prompt too)', () => {
    expect(visibleLength('\u001b[1mabc\u001b[22m')).toBe(3);
  });

  it('escapes in JSON what JSON.stringify leaves raw, and the data survives', () => {
    const text = jsonText({ id: `x${'\u009b'}\u202e` });
    expect(text).not.toMatch(ACTS);
    expect(JSON.parse(text)).toEqual({ id: 'x\u009b\u202e' });
  });

  it('one "did you mean" for every message', () => {
    expect(didYouMean(['a'])).toBe('did you mean "a"?');
    expect(didYouMean(['a', 'b', 'c'])).toBe('did you mean "a", "b" or "c"?');
    expect(didYouMean([], { label: 'known rubrics:', names: ['x', 'y'] })).toBe('known rubrics: x, y');
    expect(didYouMean(['x'], { label: 'use one of', names: ['x', 'y'], always: true })).toBe('did you mean "x"? use one of x, y');
  });
});

describe('every formatter sanitises what it interpolates', () => {
  const finding = { file: `q${HOSTILE}.yaml`, line: 1, column: 2, severity: 'error' as const, rule: 'duplicate-key', message: `key "${HOSTILE}" twice` };
  const report = { findings: [finding], files: 1 };

  it.each([
    ['stylish', () => formatStylish(report, PLAIN)],
    ['json', () => formatJson(report)],
    ['github', () => formatGithub(report)],
    ['the stderr line', () => formatFinding(finding)],
    ['a table', () => table([{ header: 'Id' }], [[`id${HOSTILE}`]]).join('\n')],
  ])('%s', (_name, format) => {
    expect(format()).not.toMatch(ACTS);
  });

  it('export names a question that left the bank without its escape sequences', () => {
    const doc = {
      id: '20261110-0900-aaaa', localStart: '2026-11-10 09:00', timeZone: 'UTC', questionId: `gone${HOSTILE}`, question: undefined,
      rubricId: 'ml-system-design', rubricTitle: undefined, mode: 'self', status: 'completed', score: null, usedSeconds: 0, budgetSeconds: 0, stages: [], curveballs: [], facts: [],
      exchanges: [{ stageId: 'clarify', asked: `asked${HOSTILE}`, factId: null, answer: `answer${HOSTILE}` }],
      followup: { stageId: `deep${HOSTILE}`, atSeconds: 30, text: `follow${HOSTILE}`, notesAfter: `notes${HOSTILE}`, answer: [{ id: 'followup-1', text: `point${HOSTILE}`, covered: false }] },
    };
    const markdown = sessionMarkdown(doc as unknown as Parameters<typeof sessionMarkdown>[0]);
    expect(markdown.split('\n')[0]).toBe('# gone');
    expect(markdown).toContain('## Questions to the interviewer');
    expect(markdown).toContain('### Answer key');
    expect(markdown).not.toMatch(ACTS);
  });
});

describe('hostile bytes never reach the terminal', { timeout: 60_000 }, () => {
  it('a skipped bank file is named with the control characters in its name spelled out, so it cannot read as another file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-names-'));
    fs.mkdirSync(path.join(dir, 'questions'));
    fs.writeFileSync(path.join(dir, 'questions', 'bad\u001b[2Kname.yaml'), 'x: [\n');
    fs.writeFileSync(path.join(dir, 'questions', 'two\nlines.yaml'), 'x: [\n');
    const io = fakeIo({ env: { MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')) }, cwd: dir });
    expect(await main(['list', '--plain', '--bank', dir], io)).toBe(0);
    const lines = io.err().split('\n');
    expect(lines[0]).toMatch(/^questions\/bad\\u001b\[2Kname\.yaml:1:4: this is not a question file/);
    expect(lines[1]).toMatch(/^questions\/two\\nlines\.yaml:1:4: this is not a question file/);
    expect(lines[2]).toBe('mldrill: skipped the files above; the other questions are loaded');
    expect(io.err()).not.toMatch(ACTS);
  });

  it("lint's file headings spell out the control characters of a file's name, as its file:line:col lines do", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-names-'));
    fs.mkdirSync(path.join(dir, 'questions'));
    fs.writeFileSync(path.join(dir, 'questions', 'bad\u001b[2Kname.yaml'), 'x: [\n');
    fs.writeFileSync(path.join(dir, 'questions', 'two\nlines.yaml'), 'x: [\n');
    const io = fakeIo({ cwd: dir });
    expect(await main(['lint', 'questions'], io)).toBe(1);
    const headings = io.out().split('\n').filter((line) => line.startsWith('questions/'));
    expect(headings).toEqual(['questions/bad\\u001b[2Kname.yaml', 'questions/two\\nlines.yaml']);
    expect(io.out()).not.toMatch(ACTS);
  });

  it('lint: a duplicate key and an unresolved alias with escape sequences in their names', async () => {
    const dir = writeBank(baseBank({ 'questions/recommendation/feed.yaml': `${QUESTION}"k${HOSTILE}": 1\n"k${HOSTILE}": 2\n` }));
    const io = fakeIo({ cwd: dir });
    expect(await main(['lint', '.'], io)).toBe(1);
    expect(io.out()).toContain('key "k\\u001bc\\u001b]0;pwned\\u0007\\u001b]52;c;aGVsbG8=\\u0007\\u009b2J\\u202e" appears twice');
    expect(io.out() + io.err()).not.toMatch(ACTS);
  });

  it('the warnings every loading command prints: file and directory names', () => {
    const evil = `evil${'\u001b]0;T\u0007'}`;
    const dir = writeBank({ [`questions/${evil}/y${'\u001bc'}.yaml`]: 'id: y\n' });
    for (const command of [['list'], ['daily'], ['random']]) {
      const result = run([...command, '--bank', dir]);
      expect(result.stderr).toMatch(/missing required field/);
      expect(result.stderr + result.stdout).not.toMatch(ACTS);
    }
  });

  it('history lines with escape sequences in their ids, shown by history', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const record = {
      v: 1, id: `20261110-0900-aaaa`, questionId: `q${HOSTILE}`, rubricId: `r${HOSTILE}`, mode: 'self', status: 'completed',
      startedAt: '2026-11-10T09:00:00.000Z', endedAt: '2026-11-10T09:40:00.000Z', score: 50, stages: [],
    };
    fs.writeFileSync(path.join(home, 'history.jsonl'), `${JSON.stringify(record)}\nnot json ${HOSTILE}\n`);
    for (const command of [['history'], ['history', '--json'], ['stats']]) {
      const result = run(command, { env: { MLDRILL_HOME: home } });
      expect(result.stdout + result.stderr).not.toMatch(ACTS);
    }
  });

  it('a path said not to exist is named with its control characters spelled out, not as a path that does exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-names-'));
    // Stripped, "x<ESC>c" reads as "x", which is there: the message would say a real path is missing.
    fs.mkdirSync(path.join(dir, 'x'));
    fs.writeFileSync(path.join(dir, 'x.md'), '## clarify\nusers\n');
    const env = { MLDRILL_HOME: path.join(dir, 'home') };
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['list', '--bank', 'x\u001bc'], {}, 'mldrill: --bank names x\\u001bc, which does not exist; check the path (relative to the current directory)'],
      [['list'], { MLDRILL_BANK: 'x\u001bc' }, 'mldrill: MLDRILL_BANK names x\\u001bc, which does not exist; fix the path or unset MLDRILL_BANK'],
      [['lint', 'x\u001bc'], {}, 'mldrill: x\\u001bc: no such file or directory'],
      [['grade', 'feature-store', '--notes', 'x.md\u001bc'], {}, 'mldrill: x.md\\u001bc: no such file; give the path of a notes file, or - for stdin'],
      [['diagram', 'x.md\u001bc'], {}, 'mldrill: cannot read x.md\\u001bc (ENOENT); check that it exists and is readable'],
    ];
    for (const [args, extra, message] of cases) {
      const result = run(args, { cwd: dir, env: { ...env, ...extra } });
      expect([result.status, result.stderr], args.join(' ')).toEqual([2, `${message}\n`]);
    }
  });

  it("grade names a session's question that left the bank with its control characters spelled out, not as another id", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const record = {
      version: 1, id: '20261110-0900-aaaa', questionId: 'feature-store\u001bc', rubricId: 'ml-platform-design', mode: 'self', status: 'completed',
      startedAt: '2026-11-10T09:00:00.000Z', endedAt: '2026-11-10T09:40:00.000Z', score: 50,
      stages: [{ id: 'clarify', budgetSeconds: 300, usedSeconds: 200, hintsShown: 0, notes: 'users\n', checked: [], missed: [], score: 0 }],
    };
    fs.writeFileSync(path.join(home, 'history.jsonl'), `${JSON.stringify(record)}\n`);
    const result = run(['grade', 'last'], { env: { MLDRILL_HOME: home } });
    // Stripped, it read as "feature-store", which the bank has.
    expect([result.status, result.stderr]).toEqual([1, 'mldrill: session 20261110-0900-aaaa drilled question "feature-store\\u001bc", which is no longer in the bank, so there is nothing to grade its notes against\n']);
  });

  it('an argument echoed in an error', () => {
    const result = run([`show`, `x${HOSTILE}`]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(ACTS);
  });
});

describe('output that cannot be written', { timeout: 60_000 }, () => {
  it('a full device: one line naming the cause, exit 2, no stack (in-process, a failing stdout)', async () => {
    const io = fakeIo();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    const { OutputError } = await import('../src/errors.js');
    io.stdout.write = () => {
      throw new OutputError('standard output', full);
    };
    expect(await main(['list'], io)).toBe(2);
    expect(io.err()).toBe('mldrill: cannot write to standard output: no space left on the device (ENOSPC)\n');
  });

  // /dev/full is only the shell's redirect target: nothing is ever written to a device node by the test itself.
  it.runIf(fs.existsSync('/dev/full')).each([['list'], ['daily'], ['stats'], ['lint']])('mldrill %s > /dev/full: one line, exit 2', (command) => {
    const home = homeWith('progress.jsonl');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} > /dev/full`], { encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home }, timeout: 20_000 });
    expect(result.stderr.split('\n').at(-2)).toBe('mldrill: cannot write to standard output: no space left on the device (ENOSPC)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(2);
  });

  // Its warnings (three skipped lines) cannot be written: the data still comes, with the command's own exit code.
  it.runIf(fs.existsSync('/dev/full')).each([
    [['history'], 0, '20261116-0900-ffff'],
    [['stats', '--json'], 0, '"completed"'],
    [['show', 'no-such-id'], 1, ''],
  ])('mldrill %j 2> /dev/full: stdout gets its data, exit %i', (args, code, data) => {
    const home = homeWith('progress.jsonl');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} 2> /dev/full`], { encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home }, timeout: 20_000 });
    expect(result.stdout).toContain(data);
    expect(result.status).toBe(code);
  });

  it('a closed pipe stays a quiet exit 0', () => {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', `set -o pipefail; "${process.execPath}" "${BIN}" list | head -c 1 >/dev/null`], { encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 20_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('crashes outside main', () => {
  // A timer's exception and a rejection nobody awaits, raised after the bin has started.
  it.each([
    ['a timer', 'setTimeout(() => { throw new Error("boom\\nsecond line"); }, 20)'],
    ['a promise', 'setTimeout(() => Promise.reject(new Error("boom\\nsecond line")), 20)'],
  ])('%s: one line, exit 2', (_name, code) => {
    const result = spawnSync(process.execPath, ['-e', `${code}; require(${JSON.stringify(BIN)})`, 'x', '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 20_000 });
    expect(result.stderr).toBe('mldrill: internal error: boom (set MLDRILL_DEBUG=1 for details)\n');
    expect(result.status).toBe(2);
  });
});

describe('checked before any command runs', { timeout: 60_000 }, () => {
  it.each(['junk', '2026-02-30T00:00:00Z', '99999999999999999', '+275760-09-14T00:00:00Z', '2026-11-22T24:00:00Z', '8640000000000000', '+010000-01-01', '-000001-06-01'])('MLDRILL_NOW=%s is a usage error for list too', async (value) => {
    expect(parseInstant(value)).toBeUndefined();
    const result = run(['list'], { env: { MLDRILL_NOW: value } });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mldrill: MLDRILL_NOW is ".*", which is not a real instant in the years 0001-9999; set it to an ISO 8601 instant/);
  });

  it.each(['8640000000000000', '+010000-01-01'])('MLDRILL_NOW=%s, a date past year 9999, is a usage error for daily, not an unknown question "undefined"', (value) => {
    const result = run(['daily'], { env: { MLDRILL_NOW: value } });
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(/^mldrill: MLDRILL_NOW is ".*", which is not a real instant in the years 0001-9999; /);
  });

  it('reads real instants: a date, a time with or without a zone, epoch milliseconds, a leap day', () => {
    expect(parseInstant('2026-11-22')).toBe(Date.UTC(2026, 10, 22));
    expect(parseInstant('2026-11-22T08:00:00+09:00')).toBe(Date.UTC(2026, 10, 21, 23));
    expect(parseInstant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant('1764000000000')).toBe(1764000000000);
    // The ends of four-digit years, in every time zone.
    expect(parseInstant('0001-01-02')).toBe(new Date(0).setUTCFullYear(1, 0, 2));
    expect(parseInstant('9999-12-30T23:59:59Z')).toBe(new Date(0).setUTCFullYear(9999, 11, 30) + 86_399_000);
  });

  it.each([['history'], ['schema', 'question'], ['stats'], ['next'], ['list']])('--bank /no/such fails %s (exit 2)', (...command) => {
    const result = run([...command, '--bank', '/no/such']);
    expect(result.stderr).toBe('mldrill: --bank names /no/such, which does not exist; check the path (relative to the current directory)\n');
    expect(result.status).toBe(2);
    const env = run(command, { env: { MLDRILL_BANK: '/no/such' } });
    expect(env.status).toBe(2);
  });

  it('a 4,000-character MLDRILL_HOME: a usage error naming the cause, not the path', () => {
    for (const command of [['history'], ['list'], ['stats']]) {
      const result = run(command, { env: { MLDRILL_HOME: path.join(os.tmpdir(), 'a'.repeat(4000)) } });
      expect(result.stderr).toMatch(/^mldrill: MLDRILL_HOME is too long for the file system \(\d+ characters\); set it to a shorter path\n$/);
      expect(result.status).toBe(2);
    }
  });

  it("a state directory too long from the config file's state_dir or XDG_STATE_HOME: the cause and MLDRILL_HOME as the way out, not 'fix its permissions' and the whole path", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-long-'));
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(config, `state_dir: ${path.join(dir, 'c'.repeat(300))}\n`);
    const deep = path.join(dir, ...Array.from({ length: 20 }, () => 'd'.repeat(250)));
    for (const [command, env] of [
      [['history'], { MLDRILL_CONFIG: config, MLDRILL_HOME: '' }],
      [['stats'], { XDG_STATE_HOME: path.join(dir, 'x'.repeat(300)), HOME: dir, MLDRILL_HOME: '' }],
      [['export', 'last'], { XDG_STATE_HOME: deep, HOME: dir, MLDRILL_HOME: '' }],
    ] as const) {
      const result = run([...command], { env: { ...env } });
      expect(result.stderr, command.join(' ')).toMatch(/^mldrill: the state directory \S{30}…\S+ is too long for the file system \((a name in it is over 255 bytes|\d+ characters)\); set MLDRILL_HOME to a shorter path\n$/);
      expect(result.status).toBe(2);
    }
  });

  it('a system error from the environment: one line, a short path, exit 2', async () => {
    const io = fakeIo();
    const error = Object.assign(new Error(`ENAMETOOLONG: name too long, open '/x/${'a'.repeat(300)}'`), { code: 'ENAMETOOLONG', syscall: 'open', path: `/x/${'a'.repeat(300)}` });
    io.stdout.write = () => {
      throw error;
    };
    expect(await main(['list'], io)).toBe(2);
    expect(io.err()).toMatch(/^mldrill: cannot open \/x\/a+…a+: a file name is too long \(ENAMETOOLONG\); /);
    expect(io.err().split('\n')).toHaveLength(2);
  });

  it('another MLDRILL_HOME is offered only for a path in the state directory, not for one of the user\'s own', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    const failing = (file: string) => {
      const io = fakeIo({ env: { MLDRILL_HOME: home } });
      io.stdout.write = () => {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', syscall: 'write', path: file });
      };
      return io;
    };
    const inState = failing(path.join(home, 'cache', 'bank'));
    expect(await main(['list'], inState)).toBe(2);
    expect(inState.err()).toBe(`mldrill: cannot write ${path.join(home, 'cache', 'bank')}: no space left on the device (ENOSPC); check the path and the disk, or set MLDRILL_HOME to another directory\n`);
    const own = failing(path.join(os.tmpdir(), 'out.md'));
    expect(await main(['list'], own)).toBe(2);
    expect(own.err()).toBe(`mldrill: cannot write ${path.join(os.tmpdir(), 'out.md')}: no space left on the device (ENOSPC); check the path and the disk, or give another path\n`);
  });
});

describe('mistyped commands and ids', { timeout: 60_000 }, () => {
  it.each([
    [['histroy'], 1, 'mldrill: "histroy" is neither a command nor a question id; did you mean the command history?\n'],
    [['stat'], 1, 'mldrill: "stat" is neither a command nor a question id; did you mean the command stats?\n'],
    [['dril', 'x'], 2, 'mldrill: unknown command "dril"; did you mean "drill" or "daily"?\n'],
    // An option the drill does not take, after a word almost a command's.
    [['histroy', '--json'], 2, 'mldrill: unknown command "histroy"; did you mean "history"?\n'],
    [['hist', '-n', '5'], 2, 'mldrill: unknown command "hist"; did you mean "history", "list" or "lint"?\n'],
    // A question id with "new" or "list" in it, and an option's value after it: a drill of that question.
    [['newsfeed-ranking', '--minutes', '30'], 2, 'mldrill: drill is interactive and needs a terminal; for scripts and pipes use the non-interactive commands: mldrill list, show, random, daily (with --json or --plain)\n'],
    [['similar-listings', '-m', '30', '--seed', 'x'], 2, 'mldrill: drill is interactive and needs a terminal; for scripts and pipes use the non-interactive commands: mldrill list, show, random, daily (with --json or --plain)\n'],
    [['zzzzzz'], 1, "mldrill: \"zzzzzz\" is neither a command nor a question id; run 'mldrill --help' for the commands and 'mldrill list' for the ids\n"],
    [['ad-budget-pacng'], 1, 'mldrill: "ad-budget-pacng" is neither a command nor a question id; did you mean the question ad-budget-pacing?\n'],
  ])('mldrill %j without a terminal', (args, code, stderr) => {
    const result = run(args);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(code);
  });

  it('drill with a bad id and no terminal reports the id (exit 1), not the missing terminal', async () => {
    const io = fakeIo();
    expect(await main(['drill', 'no-such-question'], io)).toBe(1);
    expect(io.err()).toBe("mldrill: no question with id \"no-such-question\"; run 'mldrill list' to see the ids\n");
  });

  it('drill with a bad rubric, or filters that match nothing, and no terminal reports that (exit 1), not the missing terminal', async () => {
    const rubric = fakeIo();
    expect(await main(['drill', 'youtube-video-recommendations', '--rubric', 'ml-sytem-design'], rubric)).toBe(1);
    expect(rubric.err()).toMatch(/^mldrill: no rubric with id "ml-sytem-design"; did you mean "ml-system-design"/);
    const filters = fakeIo();
    expect(await main(['drill', '--random', '--category', 'ads', '--tag', 'no-such-tag'], filters)).toBe(1);
    expect(filters.err()).toMatch(/^mldrill: no question matches --category ads --tag no-such-tag/);
    // With everything right, the terminal is what is missing.
    const right = fakeIo();
    expect(await main(['drill', '--random', '--category', 'ads', '--rubric', 'ml-system-design-short'], right)).toBe(2);
    expect(right.err()).toMatch(/needs a terminal/);
  });
});

describe('the README', () => {
  it("shows `mldrill new --id` with an id that does not ship, so the example works as written", () => {
    const readme = fs.readFileSync(path.join(path.dirname(BIN), '..', 'README.md'), 'utf8');
    const ids = [...readme.matchAll(/mldrill new --id (\S+)/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(0);
    const root = path.join(path.dirname(BIN), '..', 'questions');
    for (const id of ids) for (const category of fs.readdirSync(root)) expect(fs.existsSync(path.join(root, category, `${id}.yaml`))).toBe(false);
  });
});
