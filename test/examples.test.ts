// The example answers prove the grader: a weak answer cannot score well, a strong answer that
// misses the point cannot either, and a strong one scores high. Run over the whole bank.
import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { EXAMPLE_KINDS } from '../src/bank/schema.js';
import { exampleLines, MAX_CORE, STRONG_LINES } from '../src/bank/scoring-checks.js';
import { main } from '../src/main.js';
import { gradeExample } from '../src/score/grade.js';
import { buildInterview } from '../src/session/interview.js';
import { fakeIo } from './helpers/fake-io.js';

const bank = loadBank(process.cwd(), {});
const withExamples = bank.questions.filter((question) => question.examples);
const cases = withExamples.flatMap((question) => EXAMPLE_KINDS.filter((kind) => question.examples![kind]).map((kind) => [question.id, kind, question] as const));

describe('example answers over the bank', () => {
  it('exist for every question of the bank', () => {
    expect(bank.questions.filter((question) => !question.examples).map((question) => question.id)).toEqual([]);
  });

  it.each(cases)('%s: the %s example grades in its range', (_, kind, question) => {
    const graded = gradeExample(buildInterview(question, bank.rubrics.get(question.rubric)!), kind, question.examples![kind]!);
    if (kind === 'weak') expect(graded.grade.score).toBeLessThanOrEqual(25);
    if (kind === 'strong') expect(graded.grade.score).toBeGreaterThanOrEqual(70);
    if (kind === 'offpoint') expect(graded.grade.score).toBeLessThanOrEqual(60);
    expect(graded.inRange).toBe(true);
  });

  it.each(withExamples.map((question) => [question.id, question] as const))('%s: 1-3 core items, a strong and a weak example, the strong one 15-40 lines', (_, question) => {
    const core = Object.values(question.stages).flatMap((stage) => stage.checklist ?? []).filter((item) => item.core);
    expect(core.length).toBeGreaterThanOrEqual(1);
    expect(core.length).toBeLessThanOrEqual(MAX_CORE);
    expect(question.examples!.strong).toBeDefined();
    expect(question.examples!.weak).toBeDefined();
    const lines = exampleLines(question.examples!.strong!.notes);
    expect(lines).toBeGreaterThanOrEqual(STRONG_LINES.min);
    expect(lines).toBeLessThanOrEqual(STRONG_LINES.max);
  });
});

describe('the strong answer as a model answer', () => {
  it('mldrill show <id> --answer prints it under each stage title; without --answer, a pointer', async () => {
    const io = fakeIo();
    expect(await main(['show', 'inflight-movie-recommendations', '--answer'], io)).toBe(0);
    expect(io.out()).toContain('What a strong answer covers\n  Clarify the problem\n    - Goal: passengers finish titles they enjoy;');
    expect(io.out()).toContain('\n  Design the data, model and serving path\n    - Labels: seat logs');
    const plain = fakeIo();
    await main(['show', 'inflight-movie-recommendations'], plain);
    expect(plain.out()).toContain('What a strong answer covers: mldrill show inflight-movie-recommendations --answer\n');
  });

  it('says so for a question without one', async () => {
    const id = bank.questions.find((question) => !question.examples?.strong)?.id;
    if (!id) return;
    const io = fakeIo();
    await main(['show', id, '--answer'], io);
    expect(io.out()).toContain('What a strong answer covers\n  This question has no strong example answer yet.\n');
  });
});
