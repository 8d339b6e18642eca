import { describe, expect, it } from 'vitest';
import { scoreSession, scoreStage, type ScoredItem } from '../src/score/score.js';

const item = (id: string, weight = 1): ScoredItem => ({ id, text: id, weight, source: 'rubric', guidance: `do ${id}` });

describe('scoring', () => {
  it('weights coverage by item weight', () => {
    const stage = scoreStage('clarify', [item('goal', 2), item('scale'), item('latency')], ['goal', 'latency']);
    expect(stage.score).toBe(75);
    expect(stage.checked).toEqual(['goal', 'latency']);
    expect(stage.missed.map((missed) => missed.id)).toEqual(['scale']);
  });

  it('ignores ticks that are not items of the stage', () => {
    expect(scoreStage('x', [item('a')], ['zzz']).score).toBe(0);
  });

  it('scores nothing ticked as 0 and an empty stage as 0', () => {
    expect(scoreStage('x', [item('a')], []).score).toBe(0);
    expect(scoreStage('x', [], []).score).toBe(0);
  });

  it('totals over every item of every stage, not the mean of stages', () => {
    const total = scoreSession([
      scoreStage('a', [item('a1')], ['a1']),
      scoreStage('b', [item('b1'), item('b2'), item('b3')], []),
    ]);
    expect(total.total).toBe(25);
  });
});
