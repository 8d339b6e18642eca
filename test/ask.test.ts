// `mldrill ask` as a real process (what scripts and chat bots run) and `show --followups`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEUTRAL_REPLY } from '../src/session/interviewer.js';
import { QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { BIN } from './helpers/tmux.js';

const SHEET = QUESTION.replace('id: feed\n', 'id: sheet-feed\n').replace('  - Traffic grew tenfold.\n', `  - Traffic grew tenfold.
  - text: How do you pick negatives for the two towers?
    answer: [In-batch negatives with a popularity correction, Hard negatives mined from near misses]
    when: { mentioned: [two-tower] }
`) + `interviewer:
  facts:
    - id: daily-users
      topic: scale
      ask: [how many users, how much traffic]
      answer: About 200 million daily users; the feed is requested 5 billion times a day.
    - id: latency-budget
      topic: latency
      ask: [what is the latency budget]
      answer: p99 under 200 ms for the whole page.
    - id: labels
      topic: labels
      ask: [do we have labels]
      answer: "Only implicit feedback: likes, comments, shares."
`;

let home: string;
let bank: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  // `feed` has no fact sheet; a fixture, since every shipped question is getting one.
  bank = writeBank({ 'rubrics/mini.yaml': RUBRIC, 'questions/recommendation/sheet-feed.yaml': SHEET, 'questions/recommendation/feed.yaml': QUESTION });
});

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, '--bank', bank], { encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: home }, timeout: 20_000 });

describe('mldrill ask', { timeout: 60_000 }, () => {
  it('takes the question unquoted, as several words', () => {
    const result = run(['ask', 'sheet-feed', 'how', 'many', 'users', 'do', 'we', 'have', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ asked: 'how many users do we have', matched: 'daily-users' });
  });

  it('prints the answer of the matching fact', () => {
    const result = run(['ask', 'sheet-feed', 'How many people use it every day?']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('About 200 million daily users; the feed is requested 5 billion times a day.\n');
  });

  it('matches a question worded unlike any ask phrase through its topic', () => {
    const result = run(['ask', 'sheet-feed', 'Is there any ground truth?']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Only implicit feedback: likes, comments, shares.\n');
  });

  it('answers a shipped question\'s label-delay questions with its labels, not its latency budget', () => {
    // "delayed" is a synonym of latency; the fraud question's labels fact asks it in its own words.
    for (const asked of ['How delayed is the ground truth?', 'When do we learn a transaction was fraud?']) {
      const result = run(['ask', 'payment-fraud-detection', asked, '--json']);
      expect((JSON.parse(result.stdout) as { topic: string }).topic).toBe('labels');
    }
    expect((JSON.parse(run(['ask', 'payment-fraud-detection', 'How fast must we decide?', '--json']).stdout) as { topic: string }).topic).toBe('latency');
  });

  it('gives JSON with the fact and its topic, or nulls and the neutral reply, exit 0 either way', () => {
    const matched = run(['ask', 'sheet-feed', "What's the response time budget?", '--json']);
    expect(matched.status).toBe(0);
    expect(JSON.parse(matched.stdout)).toEqual({
      questionId: 'sheet-feed', asked: "What's the response time budget?", matched: 'latency-budget', topic: 'latency', answer: 'p99 under 200 ms for the whole page.',
    });
    const unmatched = run(['ask', 'sheet-feed', "What's your favourite colour?", '--json']);
    expect(unmatched.status).toBe(0);
    expect(unmatched.stderr).toBe('');
    expect(JSON.parse(unmatched.stdout)).toEqual({ questionId: 'sheet-feed', asked: "What's your favourite colour?", matched: null, topic: null, answer: NEUTRAL_REPLY });
  });

  it('--json keeps a bidi override or C1 control in the question as an escape: the data survives, the terminal sees none', () => {
    const result = run(['ask', 'sheet-feed', 'What is the\u202e response\u0085 time budget?', '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"asked": "What is the\\u202e response\\u0085 time budget?"');
    expect(result.stdout).not.toMatch(/[\u202e\u0085]/);
    expect((JSON.parse(result.stdout) as { asked: string }).asked).toBe('What is the\u202e response\u0085 time budget?');
  });

  it('matches a question pasted with colour around it as the question itself', () => {
    const result = run(['ask', 'sheet-feed', '\u001b[1;31mhow many\u001b[0m requests a day?', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ matched: 'daily-users', topic: 'scale' });
  });

  it('says so on stderr for a question without a fact sheet, and answers neutrally', () => {
    const result = run(['ask', 'feed', 'How many users?']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${NEUTRAL_REPLY}\n`);
    expect(result.stderr).toMatch(/feed has no fact sheet yet/);
  });

  it('exits 1 for an unknown question id, with a suggestion', () => {
    const result = run(['ask', 'sheet-fed', 'How many users?']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mldrill: no question with id "sheet-fed"; did you mean "sheet-feed"\?/);
  });

  it('refuses an empty question and a missing one as usage errors', () => {
    for (const args of [['ask', 'sheet-feed', '   '], ['ask', 'sheet-feed', '']]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/the question is empty; ask it after the id, e.g. mldrill ask feature-store how many features are served/);
    }
    const missing = run(['ask', 'sheet-feed']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'question'/);
  });

  it('refuses a 100 KB question at once, with one clear line', () => {
    const result = run(['ask', 'sheet-feed', `how many users${' and items'.repeat(10_238)}`]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mldrill: the question is 102394 characters long; ask one question of at most 500 characters\n');
  });

  it('counts characters as written: 400 emoji are 400 characters, asked; 501 are refused as 501', () => {
    const asked = run(['ask', 'sheet-feed', `latency ${'😀'.repeat(400)}`]);
    expect(asked.status).toBe(0);
    expect(asked.stderr).toBe('');
    const refused = run(['ask', 'sheet-feed', '😀'.repeat(501)]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('mldrill: the question is 501 characters long; ask one question of at most 500 characters\n');
  });
});

describe('mldrill show --followups', { timeout: 60_000 }, () => {
  it('keeps answer keys out of plain show and points to them', () => {
    const result = run(['show', 'sheet-feed']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('- How do you pick negatives for the two towers?');
    expect(result.stdout).not.toContain('In-batch negatives');
    expect(result.stdout).toContain('Answer keys: mldrill show sheet-feed --followups');
  });

  it('prints each follow-up with when it is asked and its answer key', () => {
    const result = run(['show', 'sheet-feed', '--followups']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain([
      'Follow-ups',
      '  - Traffic grew tenfold.',
      '  - How do you pick negatives for the two towers?',
      '    Asked when the notes mention "two-tower".',
      '    A strong reply covers:',
      '      - In-batch negatives with a popularity correction',
      '      - Hard negatives mined from near misses',
    ].join('\n'));
  });

  it('adds the follow-ups to the JSON only with --followups, and changes nothing else', () => {
    const plain = JSON.parse(run(['show', 'sheet-feed', '--json']).stdout) as Record<string, unknown>;
    const keyed = JSON.parse(run(['show', 'sheet-feed', '--json', '--followups']).stdout) as Record<string, unknown>;
    expect(plain.followups).toBeUndefined();
    const { followups, ...rest } = keyed;
    expect(rest).toEqual(plain);
    expect(followups).toEqual([
      { text: 'Traffic grew tenfold.', answer: [], when: null },
      { text: 'How do you pick negatives for the two towers?', answer: ['In-batch negatives with a popularity correction', 'Hard negatives mined from near misses'], when: { mentioned: ['two-tower'], missing: [] } },
    ]);
  });

  it('prints answer keys in Markdown too', () => {
    const result = run(['show', 'sheet-feed', '--format', 'markdown', '--followups']);
    expect(result.stdout).toContain('- How do you pick negatives for the two towers?\n  - _Asked when the notes mention "two-tower"._\n  - A strong reply covers:\n    - In-batch negatives with a popularity correction');
  });
});
