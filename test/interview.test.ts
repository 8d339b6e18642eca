import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { buildInterview } from '../src/session/interview.js';

const bank = loadBank(process.cwd(), {});
const question = bank.questions.find((candidate) => candidate.id === 'rag-vector-database')!;

describe('joining a question to a rubric', () => {
  it("puts the question's hints and items into its own rubric's stages, after the rubric's items", () => {
    const interview = buildInterview(question, bank.rubrics.get(question.rubric)!);
    const clarify = interview.stages[0]!;
    expect(clarify.hints).toEqual(question.stages.clarify!.hints);
    const own = question.stages.clarify!.checklist!.map((item) => item.id);
    expect(clarify.items.slice(-own.length).map((item) => item.id)).toEqual(own);
    expect(clarify.items.every((item) => item.weight >= 1)).toBe(true);
  });

  it('drills with another rubric (--rubric): its budgets and items, plus the question items whose stage ids match', () => {
    const short = bank.rubrics.get('ml-system-design-short')!;
    const interview = buildInterview(question, short);
    expect(interview.rubric.id).toBe('ml-system-design-short');
    expect(interview.stages.reduce((sum, stage) => sum + stage.plan.budgetSeconds, 0)).toBe(30 * 60);
    expect(interview.stages[2]!.items.filter((item) => item.source === 'question').map((item) => item.id)).toEqual(
      question.stages.architecture!.checklist!.map((item) => item.id),
    );
  });

  it('scales to --minutes', () => {
    const interview = buildInterview(question, bank.rubrics.get(question.rubric)!, 20);
    expect(interview.stages.reduce((sum, stage) => sum + stage.plan.budgetSeconds, 0)).toBe(1200);
  });
});

describe('not_applicable, replaces and the question share', () => {
  const rubric = {
    id: 'r', title: 'R', file: 'r.yaml',
    stages: [{ id: 's', title: 'S', minutes: 10, goal: 'g', checklist: [
      { id: 'a', text: 'A', weight: 2 }, { id: 'b', text: 'B', weight: 2 }, { id: 'c', text: 'C', weight: 2 }, { id: 'd', text: 'D', weight: 2 },
    ] }],
  };
  const make = (stage: object) => ({ ...question, id: 'q', stages: { s: stage } });

  it('drops not_applicable items and puts a replacing item where the rubric item was', () => {
    const interview = buildInterview(make({ not_applicable: ['b'], checklist: [{ id: 'sharp-c', text: 'Sharper C', weight: 2, replaces: 'c' }, { id: 'own', text: 'Own', weight: 2, core: true }] }), rubric);
    expect(interview.stages[0]!.items.map((item) => item.id)).toEqual(['a', 'sharp-c', 'd', 'own']);
    expect(interview.stages[0]!.items.find((item) => item.id === 'own')!.core).toBe(true);
  });

  it("scales the question's items up until they carry 40% of the weight, and leaves a larger share alone", () => {
    const weights = (stage: object) => buildInterview(make(stage), rubric).stages[0]!.items.map((item) => [item.id, item.weight]);
    // rubric 8, question 2: scaled by 8*0.4/(0.6*2) = 2.67
    expect(weights({ checklist: [{ id: 'own', text: 'Own', weight: 2 }] })).toEqual([['a', 2], ['b', 2], ['c', 2], ['d', 2], ['own', 5.33]]);
    expect(weights({ not_applicable: ['a', 'b'], checklist: [{ id: 'own', text: 'Own', weight: 4 }] })).toEqual([['c', 2], ['d', 2], ['own', 4]]);
    expect(weights({})).toEqual([['a', 2], ['b', 2], ['c', 2], ['d', 2]]);
  });
});
