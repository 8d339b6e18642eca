// The shipped rubrics weigh what interviewers weigh, and every question's own items carry weight.
import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { buildInterview, QUESTION_SHARE } from '../src/session/interview.js';
import { stem } from '../src/words.js';
import { gradeNotes } from '../src/score/grade.js';

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

  it.each([
    ['ml-system-design', 'model-choice'],
    ['ml-system-design-short', 'model-choice'],
  ])('%s: clarify at most 20% of the weight; data, features, modelling and training at least 35%', (id, modelItem) => {
    const stages = rubric(id).stages;
    const total = weight(stages.flatMap((stage) => stage.checklist));
    expect(weight(stages[0]!.checklist) / total).toBeLessThanOrEqual(0.2);
    const modelling = ['data-and-labels', 'label-plan', 'data-quality', 'features', 'training-data', modelItem, 'training-setup'];
    const items = stages.flatMap((stage) => stage.checklist).filter((item) => modelling.includes(item.id));
    expect(items).toHaveLength(modelling.length);
    expect(weight(items) / total).toBeGreaterThanOrEqual(0.35);
  });

  it('the short rubric names its items as the full one does, so a question\'s sharper item replaces the generic one under either (drill --rubric)', () => {
    const ids = (id: string) => rubric(id).stages.flatMap((stage) => stage.checklist.map((item) => `${stage.id}/${item.id}`));
    // Its own two: a 30-minute call asks for a few focused questions and one primary metric.
    const own = ['clarify/focused-questions', 'metrics/primary-metric'];
    expect(ids('ml-system-design-short').filter((id) => !own.includes(id) && !ids('ml-system-design').includes(id))).toEqual([]);
    // query-autocomplete's model item replaces the generic one under the short rubric too: one item for one idea.
    const question = bank.questions.find((q) => q.id === 'query-autocomplete')!;
    const models = buildInterview(question, rubric('ml-system-design-short')).stages[2]!.items.filter((item) => item.id === 'model-choice' || item.replaces === 'model-choice');
    expect(models.map((item) => item.source)).toEqual(['question']);
  });

  it.each(['ml-system-design', 'ml-system-design-short'])('%s: the deep-dive rewards depth on a chosen component, a capacity estimate and a wrap-up, not a tour', (id) => {
    const deepDive = rubric(id).stages.at(-1)!;
    const ids = deepDive.checklist.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining(['component-depth', 'capacity-estimate', 'failure-modes', 'monitoring', 'wrap-up']));
    // The chosen component's depth outweighs any single breadth topic.
    const depth = deepDive.checklist.find((item) => item.id === 'component-depth')!.weight ?? 1;
    for (const item of deepDive.checklist.filter((entry) => entry.id !== 'component-depth')) expect(item.weight ?? 1, item.id).toBeLessThan(depth);
  });

  // The item asks for the trade-off "with numbers": naming one ("latency versus accuracy") is what
  // every template answer writes, and it was the deep-dive's heaviest item ticked for free.
  it.each(['ml-system-design', 'ml-system-design-short', 'ml-platform-design', 'llm-training'])('%s: a trade-off counts for the chosen component only with numbers on its line', (id) => {
    const question = bank.questions.find((q) => q.rubric === id)!;
    const met = (notes: string) => gradeNotes(buildInterview(question, rubric(id)), notes).stages.flatMap((stage) => stage.items).find((item) => item.id === 'component-depth')!;
    expect(met('- Trade-off: latency versus accuracy, cost versus quality\n- We chose a simple model instead of a deep one').met).toBe(false);
    expect(met('- Trade-off: a GBDT scores 500 candidates in 5 ms versus 40 ms for a transformer that gains 2% NDCG')).toMatchObject({ met: true, evidence: 'Trade-off' });
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

  // No idea scored twice: a question item that says what a rubric item of its stage says must
  // take its place (`replaces`), not join it. Overlap is of word stems in text and keywords.
  it.each(bank.questions.map((question) => [question.id, question] as const))('%s: no item restates a rubric item of its stage', (_, question) => {
    const interview = buildInterview(question, rubric(question.rubric));
    for (const stage of interview.stages) {
      const own = stage.items.filter((item) => item.source === 'question');
      const generic = stage.items.filter((item) => item.source === 'rubric');
      for (const item of own) {
        for (const other of generic) expect(overlap(item, other), `${stage.plan.id}/${item.id} restates ${other.id}`).toBeLessThan(0.5);
      }
    }
  });
});

const FILLER = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'for', 'in', 'on', 'with', 'how', 'what', 'it', 'is', 'its', 'by', 'that', 'as', 'at', 'be', 'from', 'not', 'each', 'one', 'said', 'named', 'which', 'when', 'without', 'their', 'this', 'them', 'they', 'than', 'into', 'per']);
const stems = (item: { text: string; keywords?: readonly string[] }) =>
  new Set(`${item.text} ${(item.keywords ?? []).join(' ')}`.toLowerCase().split(/[^a-z0-9@-]+/).filter((word) => word && !FILLER.has(word)).map((word) => stem(word)));
/** Shared stems over the smaller item's stems: 1 when one item's words are all in the other. */
function overlap(a: { text: string; keywords?: readonly string[] }, b: { text: string; keywords?: readonly string[] }): number {
  const left = stems(a);
  const right = stems(b);
  return [...left].filter((word) => right.has(word)).length / Math.min(left.size, right.size);
}
