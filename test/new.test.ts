// `mldrill new`: the scaffold it writes, what it refuses, and its prompts (driven in-process
// through the fake terminal; one real-terminal run is in test/e2e/new.pty.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { main } from '../src/main.js';
import { RUBRIC, writeBank } from './helpers/bank.js';
import { fakeIo, type FakeIo } from './helpers/fake-io.js';
import { BIN } from './helpers/tmux.js';

/** A working directory and a bank holding the mini rubric (stages clarify and design). */
function setup() {
  const bank = writeBank({ 'rubrics/mini.yaml': RUBRIC });
  const cwd = writeBank({});
  return { bank, cwd };
}

async function run(args: string[], options: Parameters<typeof fakeIo>[0] & { cwd: string }) {
  const io = fakeIo(options);
  const code = await main(['new', ...args], io);
  return { code, out: io.out(), err: io.err(), io };
}

const FEED = ['--id', 'feed-ranking', '--category', 'recommendation', '--title', 'Feed ranking: what to show first'];

describe('mldrill new with flags', () => {
  it('past the file-size limit (ulimit -f 0: EFBIG, as on a full disk) leaves no empty file behind, so trying again works', () => {
    const { bank, cwd } = setup();
    const args = [BIN, 'new', ...FEED, '--rubric', 'mini', '--bank', bank];
    // A fresh compile cache (Node >= 22) is written at exit, past the limit too: it must not kill the run.
    const env = { PATH: process.env.PATH!, MLDRILL_HOME: cwd, NODE_COMPILE_CACHE: writeBank({}) };
    const limited = spawnSync('sh', ['-c', 'ulimit -f 0; exec "$0" "$@"', process.execPath, ...args], { encoding: 'utf8', cwd, env, timeout: 20_000 });
    const file = path.join('questions', 'recommendation', 'feed-ranking.yaml');
    expect(limited.status).toBe(2);
    expect(limited.stderr).toBe(`mldrill: cannot write ${file}: the file would exceed the file-size limit (see ulimit -f) (EFBIG); nothing was written (pick a writable --dir with room)\n`);
    expect(fs.existsSync(path.join(cwd, file))).toBe(false);
    const again = spawnSync(process.execPath, args, { encoding: 'utf8', cwd, env, timeout: 20_000 });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`${file}\n`);
  });

  it("writes questions/<category>/<id>.yaml with the rubric's stages and TODOs, and prints its path", async () => {
    const { bank, cwd } = setup();
    const { code, out, err } = await run([...FEED, '--rubric', 'mini', '--bank', bank], { cwd });
    expect(code).toBe(0);
    const file = path.join('questions', 'recommendation', 'feed-ranking.yaml');
    expect(out).toBe(`${file}\n`);
    expect(err).toBe(`Created ${file}: replace the TODOs, then run mldrill lint ${file}\n`);
    const schema = path.relative(path.join(cwd, 'questions', 'recommendation'), path.join(PACKAGE_ROOT, 'schema', 'question.schema.json'));
    expect(fs.readFileSync(path.join(cwd, file), 'utf8')).toBe(`# yaml-language-server: $schema=${schema}
id: feed-ranking
title: "Feed ranking: what to show first"
category: recommendation
difficulty: medium
rubric: mini
# companies: [only where a public source attributes the question; cite it under references]
# tags: [kebab-case, tags]
prompt: "TODO: the question as an interviewer would ask it, short and vague"
stages:
  # Clarify (5 min): Scope the problem.
  clarify:
    hints:
      - "TODO: a nudge for clarify specific to this question, revealed on request"
    checklist:  # items that join the rubric's for this stage
      # The insight the question exists to test, in the stage it belongs to (1 to 3 a question);
      # an answer that misses every core item scores at most 60%.
      - id: core-insight
        text: "TODO: the insight this question exists to test"
        core: true
        keywords: ["TODO: a phrase only a candidate with that insight would write"]
  # Design (10 min): Design it.
  design:
    hints:
      - "TODO: a nudge for design specific to this question, revealed on request"
    # checklist:  # items that join the rubric's for this stage
    #   - id: kebab-case-id
    #     text: What the candidate should cover
    #     guidance: What good looks like
followups:
  - "TODO: a curveball the interviewer may throw"
  - text: "TODO: a follow-up thrown when the notes mention a phrase below"
    answer: ["TODO: a point a strong reply covers", "TODO: another (2-4 points in all)"]
    when: { mentioned: ["TODO: a phrase from the notes"] }
# The interviewer's fact sheet: what they reveal when asked (mldrill ask feed-ranking "..."). At least
# 6 facts, covering goal, scale, latency and data or labels; topics: goal, users, scale, latency, surface, data, labels, constraints, privacy, cost, scope.
interviewer:
  facts:
    - id: goal
      topic: goal
      ask: [what is the goal, what does success look like]
      answer: "TODO: the goal fact as the interviewer says it, with numbers"
    - id: users
      topic: users
      ask: [who are the users]
      answer: "TODO: the users fact as the interviewer says it, with numbers"
    - id: scale
      topic: scale
      ask: [how many users, how much traffic]
      answer: "TODO: the scale fact as the interviewer says it, with numbers"
    - id: latency
      topic: latency
      ask: [what is the latency budget, how fast must it respond]
      answer: "TODO: the latency fact as the interviewer says it, with numbers"
    - id: data
      topic: data
      ask: [what data do we have, what is logged]
      answer: "TODO: the data fact as the interviewer says it, with numbers"
    - id: labels
      topic: labels
      ask: [do we have labels, is there ground truth]
      answer: "TODO: the labels fact as the interviewer says it, with numbers"
# Answers that prove the scoring: lint grades each (strong: at least 70%, weak: at most 25%, offpoint:
# thorough but missing the core insight, at most 60%); notes by stage id.
# examples:
#   strong:
#     notes:
#       clarify: |
#         - TODO: what a strong candidate writes, with numbers
#   weak:
#     notes:
#       clarify: "TODO: what a shallow candidate writes"
# The reference architecture a drawing is compared with (mldrill diagram -q feed-ranking): components by the
# names a candidate may use, and the flows between them, the loop back from logs to training included.
# diagram:
#   components:
#     - id: kebab-case-id
#       names: [names a candidate may draw it by]
#   flows:
#     - [from-component-id, to-component-id, "why this flow matters"]
`);
  });

  it('writes a file that lint passes with one TODO warning per placeholder, and fails under --max-warnings 0', async () => {
    const { cwd } = setup();
    expect((await run([...FEED, '--difficulty', 'hard'], { cwd })).code).toBe(0);
    const io = fakeIo({ cwd });
    expect(await main(['lint', 'questions'], io)).toBe(0);
    const rules = io.out().split('\n').filter((line) => /^\s+\d+:\d+/.test(line)).map((line) => line.trim().split(/\s+/).at(-1));
    // The prompt, a hint for each of the 4 stages, the core item's text and keyword, two followups,
    // an answer key's two points (no answer-key-size: two is enough), a when, 6 facts; and no
    // core-count: the core item is there, waiting for its words.
    expect(rules).toEqual(Array(18).fill('todo'));
    expect(io.out()).toContain('✖ 1 file checked: 0 errors, 18 warnings');
    expect(await main(['lint', 'questions', '--max-warnings', '0'], fakeIo({ cwd }))).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'questions', 'recommendation', 'feed-ranking.yaml'), 'utf8')).toContain('difficulty: hard\nrubric: ml-system-design\n');
  });

  it("points the modeline at the repository's own schema/ when it keeps one", async () => {
    const { cwd } = setup();
    const io = fakeIo({ cwd });
    await main(['schema', 'question'], io);
    fs.mkdirSync(path.join(cwd, 'schema'));
    fs.writeFileSync(path.join(cwd, 'schema', 'question.schema.json'), io.out());
    expect((await run(FEED, { cwd })).code).toBe(0);
    const text = fs.readFileSync(path.join(cwd, 'questions', 'recommendation', 'feed-ranking.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/question.schema.json');
  });

  it('writes under --dir', async () => {
    const { cwd } = setup();
    const { code, out } = await run([...FEED, '--dir', 'bank'], { cwd });
    expect(code).toBe(0);
    expect(out).toBe(`${path.join('bank', 'questions', 'recommendation', 'feed-ranking.yaml')}\n`);
    expect(fs.existsSync(path.join(cwd, 'bank', 'questions', 'recommendation', 'feed-ranking.yaml'))).toBe(true);
  });

  it('refuses a --dir that is a file, or under one, as the mistake in the flag it is (exit 2)', async () => {
    const { cwd } = setup();
    fs.writeFileSync(path.join(cwd, 'notes.txt'), 'x\n');
    for (const [dir, where] of [['notes.txt', 'it'], [path.join('notes.txt', 'bank'), 'notes.txt']]) {
      const { code, out, err } = await run([...FEED, '--dir', dir!], { cwd });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`mldrill: --dir ${dir}: ${where} is a file, not a directory; give a directory (one that does not exist yet is created)\n`);
    }
  });

  it('never overwrites a file (exit 1)', async () => {
    const { cwd } = setup();
    const file = path.join(cwd, 'questions', 'recommendation', 'feed-ranking.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'my work\n');
    const { code, out, err } = await run(FEED, { cwd });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`mldrill: ${path.join('questions', 'recommendation', 'feed-ranking.yaml')} already exists; mldrill new never overwrites a file (pick another --id, or edit that file)\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('my work\n');
  });

  it('refuses an id that a bank question already has (exit 1)', async () => {
    const { cwd } = setup();
    const { code, err } = await run(['--id', 'newsfeed-ranking', '--category', 'ads', '--title', 'x'], { cwd });
    expect(code).toBe(1);
    expect(err).toMatch(/^mldrill: question id "newsfeed-ranking" is already used by .*newsfeed-ranking\.yaml; pick another\n$/);
  });

  it('refuses an id that a question file with errors already claims, in another category too (exit 1)', async () => {
    // Left out of the bank for its misspelt difficulty, the file still has the id: a second file would be a duplicate-id.
    const { cwd } = setup();
    const broken = path.join(cwd, 'questions', 'recommendation', 'feed-ranking.yaml');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, 'id: feed-ranking\ntitle: Feed ranking\ncategory: recommendation\ndifficulty: meduim\nprompt: Rank the feed.\nstages: {}\n');
    const { code, out, err } = await run(['--id', 'feed-ranking', '--category', 'ads', '--title', 'x'], { cwd });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`mldrill: question id "feed-ranking" is already used by ${path.join('questions', 'recommendation', 'feed-ranking.yaml')}; pick another\n`);
    expect(fs.existsSync(path.join(cwd, 'questions', 'ads'))).toBe(false);
  });

  it.each([
    [['--id', 'Feed_Ranking', '--category', 'ads', '--title', 'x'], /"Feed_Ranking" is not kebab-case .*e\.g\. feed-ranking\)$/],
    [['--id', 'feed-ranking', '--category', 'add', '--title', 'x'], /unknown category "add"; did you mean "ads"\? use one of recommendation, /],
    [['--id', 'feed-ranking', '--category', 'ads', '--title', 'x', '--rubric', 'ml-system-desing'], /unknown rubric "ml-system-desing"; did you mean "ml-system-design"\? known rubrics: /],
    [['--id', 'feed-ranking', '--category', 'ads', '--title', 'a\u001b[2Jb'], /the title must be one line of plain text/],
    [['--category', 'ads'], /^mldrill: missing --id, --title; pass them, or run mldrill new in a terminal to be asked$/],
    [['--id', 'feed-ranking', '--category', 'ads'], /^mldrill: missing --title; pass it, or run mldrill new in a terminal to be asked$/],
  ])('refuses %j with one line, writing nothing (exit 2)', async (args, message) => {
    const { cwd } = setup();
    const { code, out, err } = await run(args, { cwd });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.trimEnd()).toMatch(message);
    expect(fs.existsSync(path.join(cwd, 'questions'))).toBe(false);
  });
});

/** Collects what the prompts draw, and types into them once a text shows up. */
function terminal(io: FakeIo) {
  let screen = '';
  // Each prompt ends its output stream when done; a real terminal outlives that, so this one does too.
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  output.end = (() => output) as typeof output.end;
  output.on('data', (chunk: Buffer) => void (screen += chunk.toString()));
  io.terminal.output = output;
  return {
    async answer(waitFor: string, keys: string) {
      for (let i = 0; i < 200 && !screen.includes(waitFor); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(screen).toContain(waitFor);
      screen = '';
      (io.terminal.input as NodeJS.ReadWriteStream).write(keys);
    },
    screen: () => screen,
  };
}

describe('mldrill new in a terminal', () => {
  it('asks for the title, id (suggested from the title), category and rubric', async () => {
    const { bank, cwd } = setup();
    const io = fakeIo({ cwd, tty: true });
    const term = terminal(io);
    const done = main(['new', '--bank', bank], io);
    await term.answer('Title', 'Ranking the home feed\r');
    await term.answer('Id (kebab-case', '\r'); // takes the suggestion
    await term.answer('Category', '\r'); // the first: recommendation
    await term.answer('Rubric', '\u001b[B\r'); // one down from ml-system-design
    expect(await done).toBe(0);
    const file = path.join('questions', 'recommendation', 'ranking-the-home-feed.yaml');
    expect(io.out()).toBe(`${file}\n`);
    const text = fs.readFileSync(path.join(cwd, file), 'utf8');
    expect(text).toContain('id: ranking-the-home-feed\ntitle: Ranking the home feed\ncategory: recommendation\n');
    expect(text).toMatch(/\nrubric: (?!ml-system-design\n)[a-z-]+\n/);
  });

  it('shows what is wrong with a typed id and asks again', async () => {
    const { cwd } = setup();
    const io = fakeIo({ cwd, tty: true });
    const term = terminal(io);
    const done = main(['new', '--category', 'ads', '--title', 'Ad pacing', '--rubric', 'ml-system-design'], io);
    await term.answer('Id (kebab-case', '\u0015Bad Id\r'); // Ctrl-U clears the suggestion first
    await term.answer('is not kebab-case', '\u0015ad-budget-pacing\r');
    await term.answer('is already used by', '\u0015ad-pacing-two\r');
    expect(await done).toBe(0);
    expect(io.out()).toBe(`${path.join('questions', 'ads', 'ad-pacing-two.yaml')}\n`);
  });
});
