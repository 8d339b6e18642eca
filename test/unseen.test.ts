// random --unseen and daily --unseen: questions already completed are skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { main } from '../src/main.js';
import { makeRecord } from '../src/store/record.js';
import { fakeIo } from './helpers/fake-io.js';

const ads = loadBank(process.cwd(), {}).questions.filter((question) => question.category === 'ads').map((question) => question.id);

/** A state directory whose history completes (or abandons) the given questions. */
function homeWith(done: string[], status: 'completed' | 'abandoned' = 'completed'): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  const lines = done.map((questionId, i) => JSON.stringify(makeRecord({
    id: `20261101-0900-${String(i).padStart(4, 'a')}`, questionId, rubricId: 'ml-system-design', mode: 'self', status,
    startedAt: Date.UTC(2026, 10, 1, 9), endedAt: Date.UTC(2026, 10, 1, 9, 40), stages: [],
    ...(status === 'completed' ? { score: { total: 60, stages: [] } } : {}),
  })));
  fs.writeFileSync(path.join(home, 'history.jsonl'), `${lines.join('\n')}\n`);
  return home;
}

async function run(args: string[], home: string) {
  const io = fakeIo({ env: { MLDRILL_HOME: home } });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--unseen', () => {
  it('random skips every completed question', async () => {
    const [left, ...done] = ads;
    const home = homeWith(done);
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const { code, out } = await run(['random', '--unseen', '--category', 'ads', '--seed', seed, '--json'], home);
      expect(code).toBe(0);
      expect(JSON.parse(out).id).toBe(left);
    }
  });

  it('daily skips them too, and abandoned sessions do not count as seen', async () => {
    const [left, ...done] = ads;
    const home = homeWith(done);
    for (const date of ['2026-11-01', '2026-11-02', '2026-12-25']) {
      expect(JSON.parse((await run(['daily', '--unseen', '--category', 'ads', '--date', date, '--json'], home)).out).id).toBe(left);
    }
    const abandoned = homeWith(ads, 'abandoned');
    expect((await run(['random', '--unseen', '--category', 'ads', '--json'], abandoned)).code).toBe(0);
  });

  it('says so (exit 1) when every matching question has been completed, naming the filters', async () => {
    const { code, out, err } = await run(['random', '--unseen', '--category', 'ads'], homeWith(ads));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`mldrill: every question matching --category ads has been completed (${ads.length}); drop --unseen or widen the filters\n`);
    const daily = await run(['daily', '--unseen', '--tag', 'calibration', '--difficulty', 'hard', '--json'], homeWith(ads));
    expect([daily.code, daily.out]).toEqual([1, '']);
    expect(daily.err).toMatch(/^mldrill: every question matching --difficulty hard --tag calibration has been completed \(\d+\); drop --unseen or widen the filters\n$/);
  });

  it('says the whole bank has been completed when no filter narrowed it', async () => {
    const all = loadBank(process.cwd(), {}).questions.map((question) => question.id);
    const { code, err } = await run(['daily', '--unseen'], homeWith(all));
    expect(code).toBe(1);
    expect(err).toBe(`mldrill: every question in the bank has been completed (${all.length}); drop --unseen\n`);
  });
});
