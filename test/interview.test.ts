import { describe, expect, it } from 'vitest';
import { loadBank } from '../src/bank/load.js';
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
