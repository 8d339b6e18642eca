// The shipped rubrics weigh what interviewers weigh, and every question's own items carry weight.
import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { buildInterview, QUESTION_SHARE } from '../src/session/interview.js';

const bank = loadBank(process.cwd(), {});
const rubric = (id: string) => bank.rubrics.get(id)!;
const weight = (items: ReadonlyArray<{ weight?: number }>) => items.reduce((sum, item) => sum + (item.weight ?? 1), 0);

describe('the shipped rubrics', () => {
  it.each([...bank.rubrics.keys()])('%s: the title says the true total, at most 40 minutes, about 8 items a stage', (id) => {
    const minutes = rubric(id).stages.reduce((sum, stage) => sum + stage.minutes, 0);
    expect(rubric(id).title).toContain(`(${minutes} minutes)`);
    expect(minutes).toBeLessThanOrEqual(40);
    for (const stage of rubric(id).stages) expect(stage.checklist.length, stage.id).toBeLessThanOrEqual(8);
  });

  it.each([...bank.rubrics.keys()])('%s: keeps the stage ids that resume, stats and the tests rely on', (id) => {
    expect(rubric(id).stages.map((stage) => stage.id)).toEqual(['clarify', 'metrics', 'architecture', 'deep-dive']);
  });

  it('ml-system-design: clarify at most 20% of the weight; data, features, modelling and training at least 35%', () => {
    const stages = rubric('ml-system-design').stages;
    const total = weight(stages.flatMap((stage) => stage.checklist));
    expect(weight(stages[0]!.checklist) / total).toBeLessThanOrEqual(0.2);
    const modelling = ['data-and-labels', 'label-plan', 'data-quality', 'features', 'training-data', 'model-choice', 'training-setup'];
    const items = stages.flatMap((stage) => stage.checklist).filter((item) => modelling.includes(item.id));
    expect(items).toHaveLength(modelling.length);
    expect(weight(items) / total).toBeGreaterThanOrEqual(0.35);
  });

  it('every rubric ends with a wrap-up item, and no item id is used in two stages', () => {
    for (const [id, { stages }] of bank.rubrics) {
      const ids = stages.flatMap((stage) => stage.checklist.map((item) => item.id));
      expect(new Set(ids).size, id).toBe(ids.length);
      expect(stages.at(-1)!.checklist.map((item) => item.id), id).toContain('wrap-up');
    }
  });
});

describe('every question', () => {
  it.each(bank.questions.map((question) => [question.id, question] as const))("%s: its own items carry at least 40% of the weight", (_, question) => {
    const items = buildInterview(question, rubric(question.rubric)).stages.flatMap((stage) => stage.items);
    const own = weight(items.filter((item) => item.source === 'question'));
    expect(own / weight(items)).toBeGreaterThanOrEqual(QUESTION_SHARE - 0.01);
  });
});
