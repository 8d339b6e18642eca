// daily, random, list and show as real processes: time zones, pipes and exit codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { BIN } from './helpers/tmux.js';

let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
});

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home, ...env }, timeout: 20_000 });

const daily = (env: Record<string, string>, args: string[] = []) => {
  const result = run(['daily', '--json', ...args], env);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { id: string; date: string };
};

describe('daily across time zones', { timeout: 60_000 }, () => {
  // Just before and just after local midnight, in a zone behind UTC and one ahead of it.
  const cases = [
    { TZ: 'America/Los_Angeles', before: '2026-11-22T07:59:59Z', after: '2026-11-22T08:00:00Z', dates: ['2026-11-21', '2026-11-22'] },
    { TZ: 'Asia/Tokyo', before: '2026-11-21T14:59:59Z', after: '2026-11-21T15:00:00Z', dates: ['2026-11-21', '2026-11-22'] },
  ];

  it.each(cases)('turns the day at local midnight in $TZ', ({ TZ, before, after, dates }) => {
    const early = daily({ TZ, MLDRILL_NOW: before });
    const late = daily({ TZ, MLDRILL_NOW: after });
    expect([early.date, late.date]).toEqual(dates);
    // The question belongs to the date alone: the same in UTC with --date, and on a second run.
    expect(early.id).toBe(daily({ TZ: 'UTC' }, ['--date', dates[0]!]).id);
    expect(late.id).toBe(daily({ TZ: 'UTC' }, ['--date', dates[1]!]).id);
    expect(daily({ TZ, MLDRILL_NOW: after })).toEqual(late);
  });

  it('gives Los Angeles and Tokyo the same question on the same local date', () => {
    const la = daily({ TZ: 'America/Los_Angeles', MLDRILL_NOW: '2026-11-23T06:00:00Z' });
    const tokyo = daily({ TZ: 'Asia/Tokyo', MLDRILL_NOW: '2026-11-21T16:00:00Z' });
    expect(la.date).toBe('2026-11-22');
    expect(tokyo.date).toBe('2026-11-22');
    expect(la.id).toBe(tokyo.id);
  });

  it("takes TZ as POSIX writes it (a leading colon), and a zone it cannot read as Node does: UTC", () => {
    expect(daily({ TZ: ':Asia/Tokyo', MLDRILL_NOW: '2026-11-21T15:00:00Z' }).date).toBe('2026-11-22');
    expect(daily({ TZ: 'Nowhere/Special', MLDRILL_NOW: '2026-11-21T15:00:00Z' }).date).toBe('2026-11-21');
  });

  it('takes MLDRILL_NOW as epoch milliseconds too, and rejects nonsense (exit 2)', () => {
    expect(daily({ TZ: 'UTC', MLDRILL_NOW: String(Date.UTC(2026, 10, 22, 12)) }).date).toBe('2026-11-22');
    const result = run(['daily'], { MLDRILL_NOW: 'soon' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^mldrill: MLDRILL_NOW is "soon", which is not a real instant in the years 0001-9999; set it to an ISO 8601 instant/);
  });
});

describe('in a pipeline', { timeout: 60_000 }, () => {
  it('writes no escape codes to a pipe, even with a colour-capable TERM', () => {
    for (const args of [['daily'], ['random'], ['list'], ['show', 'feature-store', '--hints']]) {
      const result = run(args, { TERM: 'xterm-256color', COLORTERM: 'truecolor' });
      expect(result.status).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout).not.toMatch(/\u001b/);
      expect(result.stderr).toBe('');
    }
  });

  it('writes plain, tab-separated text to a file (`> out.txt`) and to /dev/null, as to a pipe', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-out-'));
    for (const [args, check] of [[['list'], /^feature-store\tplatforms\t/m], [['show', 'feature-store', '--hints'], /^Hints$/m], [['stats'], /^No sessions yet|Sessions/m]] as const) {
      const file = path.join(dir, 'out.txt');
      const fd = fs.openSync(file, 'w');
      const result = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home, TERM: 'xterm-256color', COLORTERM: 'truecolor' } });
      fs.closeSync(fd);
      const text = fs.readFileSync(file, 'utf8');
      expect(result.status).toBe(0);
      expect(`${text}${result.stderr}`).toMatch(check);
      expect(text).not.toMatch(/\u001b/);
      const discarded = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home } });
      expect(discarded.status).toBe(0);
    }
  });

  /** Enough questions that list fills a pipe's buffer (64 KiB) many times over. */
  const bigBank = () => {
    const files: Record<string, string> = { 'rubrics/mini.yaml': RUBRIC };
    for (let i = 0; i < 1500; i++) {
      files[`questions/recommendation/feed-${i}.yaml`] = QUESTION.replace('id: feed', `id: feed-${i}`).replace('title: A feed', `title: A feed with a long title to fill the pipe quickly, number ${i}`);
    }
    return writeBank(files);
  };

  it('ends quietly with exit 0 when the reader closes the pipe (`list | head -1`)', () => {
    const bank = bigBank();
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" list --bank "${bank}" | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`;
    for (let i = 0; i < 2; i++) {
      // stdin not a socket, or bash takes itself for a remote shell and reads ~/.bashrc.
      const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, MLDRILL_HOME: home } });
      expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toBe('exit=0\n');
    }
  });
  it('waits for a slow reader when another process left the pipe non-blocking (EAGAIN)', () => {
    const bank = bigBank();
    const whole = run(['list', '--json', '--bank', bank]);
    expect(whole.status).toBe(0);
    // Python sets O_NONBLOCK on its stdout, the pipe, and becomes mldrill; the reader starts late.
    const nonBlocking = 'import fcntl, os, sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execvp(sys.argv[1], sys.argv[1:])';
    const script = `python3 -c '${nonBlocking}' "${process.execPath}" "${BIN}" list --json --bank "${bank}" | (sleep 1; wc -c); echo "exit=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, MLDRILL_HOME: home } });
    expect(result.stderr).toBe('exit=0\n');
    expect(Number(result.stdout.trim())).toBe(Buffer.byteLength(whole.stdout));
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(4 * 65_536);
  });
});

describe('a bank directory that does not exist', () => {
  it('in MLDRILL_BANK is named, with the fix, and nothing runs (exit 2)', () => {
    const result = run(['list'], { MLDRILL_BANK: `${os.tmpdir()}/no-such-bank` });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`mldrill: MLDRILL_BANK names ${os.tmpdir()}/no-such-bank, which does not exist; fix the path or unset MLDRILL_BANK\n`);
  });
});

describe('a working directory removed from under the shell', () => {
  it('is one line and exit 2 for a command that needs it, never a stack trace; --version still runs', () => {
    const gone = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-gone-'));
    const script = `cd '${gone}' && rmdir '${gone}' && "$NODE" '${BIN}' lint; echo "exit $?"; "$NODE" '${BIN}' --version`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, NODE: process.execPath, MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')) }, timeout: 20_000 });
    expect(result.stderr).toBe('mldrill: the current directory cannot be read (ENOENT); it may have been removed: cd to one that exists\n');
    expect(result.stdout).toMatch(/^exit 2\n\d+\.\d+\.\d+\n$/);
  });
});

describe('a user without a home directory', () => {
  // Neither HOME nor an entry in the user database (a container run as a bare uid under
  // `env -i`): Node's os.homedir() throws. A preload makes it do so here without such a user.
  it('still gets the question of the day, never a stack trace; `/` stands for the home directory', () => {
    const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-nohome-')), 'no-home.cjs');
    // As for a user id the system's user database does not have, with no HOME.
    fs.writeFileSync(preload, "const os = require('node:os'); os.homedir = () => { throw new Error('uv_os_homedir returned ENOENT'); }; os.userInfo = () => { throw new Error('uv_os_get_passwd returned ENOENT'); };\n");
    // MLDRILL_HOME keeps the bank cache out of /.local when the tests run as root.
    const result = spawnSync(process.execPath, ['--require', preload, BIN, 'daily', '--plain', '--date', '2026-11-22'], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home }, timeout: 20_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Question of the day, 2026-11-22: .+\n.+\nDrill it: mldrill drill [a-z0-9-]+\n$/);
    // The config file is looked for under `/`, where there is none.
    const config = spawnSync(process.execPath, ['--require', preload, BIN, 'config', 'path'], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH }, timeout: 20_000 });
    expect(config.stdout).toBe(`${path.join('/', '.config', 'mldrill', 'config.yaml')}\n`);
  });
});

describe('exit codes', { timeout: 60_000 }, () => {
  it.each([
    { args: ['daily'], code: 0 },
    { args: ['random', '--seed', 'x'], code: 0 },
    { args: ['list'], code: 0 },
    { args: ['show', 'feature-store'], code: 0 },
    { args: ['daily', '--category', 'ads', '--tag', 'no-such-tag'], code: 1, stderr: /^mldrill: no question matches --category ads --tag no-such-tag/ },
    { args: ['random', '--tag', 'no-such-tag'], code: 1, stderr: /^mldrill: no question matches --tag no-such-tag/ },
    { args: ['list', '--tag', 'no-such-tag'], code: 1, stderr: /^mldrill: no question matches --tag no-such-tag/ },
    { args: ['show', 'feature-stor'], code: 1, stderr: /^mldrill: no question with id "feature-stor"; did you mean "feature-store"/ },
    { args: ['daily', '--date', '2026-13-45'], code: 2, stderr: /^error: option '--date <YYYY-MM-DD>' argument '2026-13-45' is invalid/ },
    { args: ['daily', '--json', '--plain'], code: 2, stderr: /^mldrill: choose one output format/ },
    { args: ['list', '--format', 'yaml'], code: 2, stderr: /^error: option '--format <format>' argument 'yaml' is invalid/ },
    { args: ['show'], code: 2, stderr: /^error: missing required argument 'id'/ },
    { args: ['random', '--bogus'], code: 2, stderr: /^error: unknown option '--bogus'/ },
    { args: ['drill', '--daily', '--random'], code: 2, stderr: /^mldrill: pick the question one way, not with --random and --daily/ },
    { args: ['drill', 'feature-store', '--difficulty', 'easy'], code: 2, stderr: /^mldrill: --category, --difficulty and --tag choose among questions, not with an id; drop the id or the filters\n$/ },
    { args: ['feature-store', '--tag', 'ads'], code: 2, stderr: /^mldrill: --category, --difficulty and --tag choose among questions, not with an id/ },
    { args: ['daily', '--bank', 'no-such-dir'], code: 2, stderr: /^mldrill: --bank names no-such-dir, which does not exist; check the path/ },
    { args: ['lint', '--bank', 'no-such-dir'], code: 2, stderr: /^mldrill: --bank names no-such-dir, which does not exist; check the path/ },
  ])('mldrill $args.0 ... exits $code', ({ args, code, stderr }) => {
    const result = run(args);
    expect(result.status).toBe(code);
    if (code === 0) expect(result.stderr).toBe('');
    else {
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(stderr!);
      expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    }
  });
});

describe('an argument holding a colour sequence or a newline', { timeout: 60_000 }, () => {
  // The output streams let colour sequences through for mldrill's own colour; an error that quotes
  // what was typed must not paint the terminal with it, nor start with a newline a line that reads
  // as mldrill's own.
  it.each([
    // The id is shown as typed, its escape spelled out: stripped, it would read as the id suggested.
    { args: ['drill', 'feature\u001b[31m-store'], code: 1, stderr: 'mldrill: no question with id "feature\\u001b[31m-store"; did you mean "feature-store"?' },
    { args: ['show', 'feature-store\u200b'], code: 1, stderr: 'mldrill: no question with id "feature-store\\u200b"; did you mean "feature-store"?' },
    { args: ['histroy\u001b[41m'], code: 1, stderr: 'mldrill: "histroy\\u001b[41m" is neither a command nor a question id; did you mean the command history?' },
    { args: ['resume', 'x\u001b[2J\u001b[31m'], code: 1, stderr: 'mldrill: no resumable session with id "x\\u001b[2J\\u001b[31m"; there is no interrupted session to resume' },
    { args: ['drill', '--category', 'ads\u001b[31mX'], code: 2, stderr: "error: option '-c, --category <category>' argument 'ads\\u001b[31mX' is invalid" },
    { args: ['show', 'feed\nmldrill: all good'], code: 1, stderr: 'mldrill: no question with id "feed\\nmldrill: all good"; run \'mldrill list\' to see the ids\n' },
    { args: ['drill', '--bank', 'no\nsuch'], code: 2, stderr: 'mldrill: --bank names no\\nsuch, which does not exist' },
  ])('mldrill $args.0 ... quotes it with the sequence spelled out, on one line', ({ args, code, stderr }) => {
    const result = run(args);
    expect(result.status).toBe(code);
    expect(result.stderr).toContain(stderr);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('mldrill:')).length).toBeLessThanOrEqual(1);
  });

  // Commander's own errors quote the argument too; its did-you-mean stays a line of its own.
  it.each([
    { args: ['list', '--category', 'ads\nerror: all good'], stderr: "error: option '-c, --category <category>' argument 'ads\\nerror: all good' is invalid." },
    { args: ['list', '--bogus\nerror: all good'], stderr: "error: unknown option '--bogus\\nerror: all good'\n" },
    { args: ['list', '--limit=3\nerror: all good'], stderr: "error: unknown option '--limit=3\\nerror: all good'\n" },
    // Spelled out, not removed: stripped, `ha<ESC>[31mrd` would be rejected as 'hard', an allowed value.
    { args: ['list', '--difficulty', 'ha\u001b[31mrd'], stderr: "error: option '-d, --difficulty <level>' argument 'ha\\u001b[31mrd' is invalid." },
    { args: ['list', '--difficulty=easy\u202e'], stderr: "argument 'easy\\u202e' is invalid." },
    { args: ['list', '--bogus\u001b[2J'], stderr: "error: unknown option '--bogus\\u001b[2J'\n" },
  ])('Commander: mldrill $args.0 $args.1 quotes it on one line, its control characters spelled out, exit 2', ({ args, stderr }) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(stderr);
    expect(result.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error:'))).toHaveLength(1);
  });

  it('Commander: a did-you-mean stays on the line after the error', () => {
    const result = run(['list', '--categry', 'ads']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: unknown option '--categry'\n(Did you mean --category?)\n");
  });
});
