import { describe, expect, it } from 'vitest';
import { scoreSession, scoreStage } from '../src/score/score.js';
import { stageSignals } from '../src/score/signals.js';
import type { ScoredItem } from '../src/session/interview.js';

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

describe('core items cap the total', () => {
  const core = (id: string, weight = 1): ScoredItem => ({ ...item(id, weight), source: 'question', core: true });
  const others = Array.from({ length: 9 }, (_, i) => item(`i${i}`));
  const ids = others.map((other) => other.id);

  it('a session that covers everything but no core item scores at most 60%', () => {
    const session = scoreSession([scoreStage('a', [...others, core('c')], ids)]);
    expect(session.total).toBe(60);
    expect(session.capped).toBe(true);
  });

  it('the cap rises with the core weight covered, and goes away when all is covered', () => {
    const items = [...others, core('c1'), core('c2', 3)];
    expect(scoreSession([scoreStage('a', items, [...ids, 'c1'])]).total).toBe(70);
    const all = scoreSession([scoreStage('a', items, [...ids, 'c1', 'c2'])]);
    expect([all.total, all.capped]).toEqual([100, false]);
  });

  it('does not touch a low score, nor a question without core items', () => {
    expect(scoreSession([scoreStage('a', [...others, core('c')], ['i0'])])).toMatchObject({ total: 10, capped: false });
    expect(scoreSession([scoreStage('a', others, ids)])).toMatchObject({ total: 100, capped: false });
  });

  it('lists missed core items first', () => {
    expect(scoreStage('a', [item('x'), core('c'), item('y')], []).missed.map((missed) => missed.id)).toEqual(['c', 'x', 'y']);
  });
});

describe('the signs a session shows per stage', () => {
  const stage = (id: string, usedSeconds: number, budgetSeconds: number) => ({ id, usedSeconds, budgetSeconds, notes: 'a note\n', score: 80 });

  it('says clarify took too much of the interview when it ate over a quarter of it', () => {
    const signals = stageSignals([stage('clarify', 600, 360), stage('metrics', 300, 360), stage('architecture', 600, 780), stage('deep-dive', 500, 900)]);
    expect(signals[0]).toEqual(['over by 67%', 'took 30% of the interview']);
  });

  it('does not say a rushed clarify took too much of an interview rushed through everywhere', () => {
    // 6 s of clarify against 1 s in each other stage is 67% of the time used, but no long clarify.
    const signals = stageSignals([stage('clarify', 6, 40), stage('metrics', 1, 40), stage('architecture', 1, 110), stage('deep-dive', 1, 110)]);
    expect(signals[0]).toEqual(['rushed: 6 s of 40 s']);
  });
});
