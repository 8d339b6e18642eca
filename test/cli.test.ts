// The built bin, spawned as a user or a script would run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseBank, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { BIN, ROOT, TmuxSession } from './helpers/tmux.js';
import { fakeIo } from './helpers/fake-io.js';
import { main } from '../src/main.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')), ...env }, timeout: 20_000 });

describe('mldrill as a process', () => {
  it('prints its version', () => {
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(path.dirname(BIN), '..', 'package.json'), 'utf8')).version);
  });

  it('refuses to drill without a terminal, at once, naming the non-interactive commands (exit 2)', () => {
    for (const args of [['drill'], [], ['drill', '--random']]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/drill is interactive and needs a terminal; .*list, show, random, daily/);
    }
  });

  it('takes --timeout for the AI grader with drill --ai, and refuses it without --ai (exit 2)', () => {
    const without = run(['drill', 'eta-prediction', '--timeout', '300']);
    expect([without.status, without.stdout, without.stderr]).toEqual([2, '', "mldrill: --timeout is the AI rater's wait per attempt: it needs --ai\n"]);
    const zero = run(['drill', 'eta-prediction', '--ai', '--timeout', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/positive number of seconds/);
    // With --ai the flag is taken: what stops this run is the missing terminal.
    expect(run(['drill', 'eta-prediction', '--ai', '--timeout', '300']).stderr).toMatch(/drill is interactive and needs a terminal/);
  });

  it('rejects an unknown flag and a bad value with a usage error (exit 2), never a stack trace', () => {
    // An empty value (`--limit "$N"` with N unset) is no number, not 0 ("all").
    for (const args of [['drill', '--bogus'], ['drill', '--minutes', 'soon'], ['drill', '--difficulty', 'extreme'], ['history', '--limit', ''], ['next', '--limit', ' '], ['lint', '--max-warnings', ''], ['history', '--limit', '0x10']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    }
  });
  it('holds --minutes to the config file\'s ceiling of 600, and names the range', () => {
    const result = run(['drill', 'feed-ranking', '--minutes', '601']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: option '-m, --minutes <n>' argument '601' is invalid\. expected a positive number of minutes, at most 600, e\.g\. 30\n/);
  });
});

describe('lint as a process', () => {
  it('finds the shipped bank clean with no warnings allowed, as CI runs it (exit 0)', () => {
    const result = run(['lint', '--max-warnings', '0']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ \d+ files checked: no problems\n$/);
    expect(result.status).toBe(0);
  });

  it('prints annotations for GitHub Actions and exits 1 on errors', () => {
    const dir = writeBank(baseBank({ 'questions/recommendation/feed.yaml': QUESTION.replace('rubric: mini', 'rubric: mnii') }));
    const result = run(['lint', dir, '--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`::error file=${path.join(dir, 'questions/recommendation/feed.yaml').replaceAll(':', '%3A')},line=6,col=9,title=mldrill unknown-rubric::rubric "mnii" does not exist; did you mean "mini"?\n`);
    expect(result.stderr).toBe('mldrill lint: 2 files checked: 1 error, 0 warnings\n');
  });

  it('runs as the pre-commit hook does: staged files, with the repository as the bank', () => {
    const hook = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))[0];
    expect(hook).toMatchObject({ id: 'mldrill-lint', language: 'node', files: '\\.ya?ml$' });
    // A repository with a rubric of its own: a staged question that uses it must pass.
    const repo = writeBank({ 'rubrics/house.yaml': RUBRIC.replace('id: mini', 'id: house'), 'questions/recommendation/feed.yaml': QUESTION.replace('rubric: mini', 'rubric: house') });
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('mldrill');
    const result = spawnSync(process.execPath, [BIN, ...args, 'questions/recommendation/feed.yaml'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(result.stdout).toBe('✔ 1 file checked: no problems\n');
    expect(result.status).toBe(0);
  });

  // Two lint runs over 700 files: more than the default 5 s on a loaded machine.
  it('finds the same on many files, split across threads, as in one thread', { timeout: 60_000 }, async () => {
    const files: Record<string, string> = { 'rubrics/mini.yaml': RUBRIC };
    for (let i = 1; i <= 700; i++) {
      let text = QUESTION.replace('id: feed', `id: q-${i}`);
      if (i % 100 === 0) text = text.replace('difficulty: medium', 'difficulty: meduim');
      if (i % 250 === 0) text = text.replace('rubric: mini', 'rubric: mnii');
      if (i === 333) text = text.replace('id: q-333', 'id: q-332');
      files[`questions/recommendation/q-${i}.yaml`] = text;
    }
    const dir = writeBank(files);
    const spawned = spawnSync(process.execPath, [BIN, 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(spawned.stderr).toBe('mldrill lint: 701 files checked: 11 errors, 0 warnings\n');
    const io = fakeIo({ cwd: dir });
    expect(await main(['lint', '.', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(spawned.stdout)).toEqual(JSON.parse(io.out()));
    expect(JSON.parse(spawned.stdout).map((finding: { rule: string }) => finding.rule).sort()).toEqual([
      ...Array(7).fill('enum'), 'duplicate-id', 'id-filename', ...Array(2).fill('unknown-rubric'),
    ].sort());
  });

  it('exits 2 with one line for a path that does not exist', () => {
    const result = run(['lint', 'nowhere.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mldrill: nowhere.yaml: no such file or directory\n');
  });
});

describe('drill by id in a terminal', { timeout: 30_000 }, () => {
  let tmux: TmuxSession | undefined;
  afterEach(() => tmux?.close());

  it('names the known rubrics for an unknown --rubric (exit 1)', async () => {
    tmux = new TmuxSession(['drill', 'youtube-video-recommendations', '--rubric', 'ml-system-desgn', '--no-save'], { width: 200 });
    expect(await tmux.exitCode()).toBe(1);
    expect(tmux.screen()).toMatch(/mldrill: no rubric with id "ml-system-desgn"; did you mean "ml-system-design"\? known rubrics: llm-system-design, llm-training, ml-platform-design, ml-system-design, ml-system-design-short/);
  });

  it('with a rubric that lacks some of the question\'s stages, says what of the question is left out before the interview', async () => {
    const bank = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-drill-bank-'));
    fs.mkdirSync(path.join(bank, 'rubrics'));
    fs.writeFileSync(path.join(bank, 'rubrics', 'one-step.yaml'), 'id: one-step\ntitle: One step\nstages:\n  - id: clarify\n    title: Clarify\n    minutes: 5\n    goal: Ask.\n    checklist:\n      - id: asked\n        text: Asked about the users\n');
    tmux = new TmuxSession(['drill', 'inflight-movie-recommendations', '--rubric', 'one-step', '--bank', bank, '--no-save'], { width: 250 });
    await tmux.waitFor('Stage 1/1');
    expect(tmux.screen(true)).toMatch(/mldrill: warning: rubric "one-step" has no stage "architecture" \(its stages: clarify\): what question "inflight-movie-recommendations" has for that stage \(3 items, 1 of them core\) is neither asked nor scored/);
  });

  it('suggests the closest ids for an unknown one (exit 1)', async () => {
    tmux = new TmuxSession(['drill', 'youtube-recommendations', '--no-save'], { width: 200 });
    expect(await tmux.exitCode()).toBe(1);
    expect(tmux.screen()).toMatch(/mldrill: no question with id "youtube-recommendations"; did you mean "youtube-video-recommendations"/);
  });
});
