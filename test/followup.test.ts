// Follow-ups that react to the notes: the pure choice, and the curveball that makes it when shown.
import { describe, expect, it } from 'vitest';
import { drawCurveball, markCurveballShown, nextStage, setNotes, startSession, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { chooseFollowup, whenHolds } from '../src/session/followup.js';
import { seededRandom } from '../src/select/random.js';

const FOLLOWUPS = [
  { text: 'Traffic grew tenfold overnight. What breaks first?' },
  { text: 'How do you sample negatives for the two towers?', when: { mentioned: ['two-tower', 'two towers'] } },
  { text: 'A thousand new items arrive an hour. How are they recommended?', when: { missing: ['cold start', 'new items'] } },
];

describe('whenHolds', () => {
  it.each([
    [{ mentioned: ['two-tower'] }, 'a Two-Tower retrieval model', true],
    [{ mentioned: ['label'] }, 'labelled by raters', true],
    [{ mentioned: ['label'] }, 'no supervision at all', false],
    [{ missing: ['cold start'] }, 'retrieval then ranking', true],
    [{ missing: ['cold start'] }, 'handle cold-start with content features', false],
    [{ mentioned: ['ranker'], missing: ['calibration'] }, 'a ranker, left uncalibrated', true],
    [{ mentioned: ['ranker'], missing: ['calibration'] }, 'a calibrated ranker', false],
    [{ mentioned: ['ranker'], missing: ['calibration'] }, 'a ranker with calibration', false],
    [{}, 'anything', false],
  ])('%j over "%s" is %s', (when, notes, holds) => {
    expect(whenHolds(when, notes)).toBe(holds);
  });
});

describe('chooseFollowup', () => {
  it('prefers a follow-up whose condition holds, whatever the draw', () => {
    for (const draw of [0, 0.5, 0.99]) {
      expect(chooseFollowup(FOLLOWUPS, 'retrieval with a two-tower model; cold start from content', () => draw)).toBe(FOLLOWUPS[1]);
    }
  });

  it('draws among the fitting ones when several fit', () => {
    const notes = 'a two-tower model';
    expect(chooseFollowup(FOLLOWUPS, notes, () => 0)).toBe(FOLLOWUPS[1]);
    expect(chooseFollowup(FOLLOWUPS, notes, () => 0.9)).toBe(FOLLOWUPS[2]);
  });

  it('falls back to the unconditional ones, then to any', () => {
    const notes = 'cold start is handled';
    expect(chooseFollowup(FOLLOWUPS, notes, () => 0.9)).toBe(FOLLOWUPS[0]);
    expect(chooseFollowup(FOLLOWUPS.slice(1), notes, () => 0.9)).toBe(FOLLOWUPS[2]);
    expect(chooseFollowup([], notes, () => 0.5)).toBeNull();
  });

  it('draws the random source exactly once', () => {
    let draws = 0;
    chooseFollowup(FOLLOWUPS, 'a two-tower model', () => (draws++, 0.3));
    chooseFollowup([], '', () => (draws++, 0.3));
    expect(draws).toBe(2);
  });
});

describe('a curveball that reacts to the notes', () => {
  const plan = planStages([
    { id: 'clarify', title: 'Clarify', goal: 'Scope it.', minutes: 5 },
    { id: 'deep-dive', title: 'Deep dive', goal: 'Go deep.', minutes: 10 },
  ]);
  const start = (seed: string) => startSession(plan, 0, drawCurveball(plan, 1, FOLLOWUPS, seededRandom(seed)));
  const shown = (state: SessionState, notes: string) => {
    let next = setNotes(state, 0, notes);
    next = nextStage(next, 60_000);
    return markCurveballShown(next, 60_000 + next.curveball!.atSeconds * 1000).curveball!.text;
  };

  it('is chosen when shown, from the notes so far, and is the same for the same seed', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      expect(shown(start(seed), 'Candidates from a two-tower model, cold start via content features.')).toBe(FOLLOWUPS[1]!.text);
      expect(shown(start(seed), 'Nothing about retrieval yet.')).toBe(FOLLOWUPS[2]!.text);
      expect(shown(start(seed), 'Nothing about retrieval yet, new items by content.')).toBe(FOLLOWUPS[0]!.text);
    }
    expect(start('seed')).toEqual(start('seed'));
  });

  it('keeps plain follow-ups drawn at the start, as before', () => {
    const curveball = drawCurveball(plan, 1, ['One.', 'Two.'], () => 0.7)!;
    expect(curveball).toEqual({ stage: 1, atSeconds: 348, text: 'Two.', shownAtSeconds: null });
  });

  it('shows the drawn text of a session saved before follow-ups reacted', () => {
    const older = startSession(plan, 0, { stage: 1, atSeconds: 10, text: 'Old curveball.', shownAtSeconds: null });
    expect(shown(older, 'a two-tower model')).toBe('Old curveball.');
  });
});

describe('followupOf', () => {
  it('finds the follow-up a curveball showed, for its answer key', async () => {
    const { followupOf } = await import('../src/session/followup.js');
    expect(followupOf(FOLLOWUPS, FOLLOWUPS[2]!.text)).toBe(FOLLOWUPS[2]);
    expect(followupOf(FOLLOWUPS, 'Something else.')).toBeUndefined();
  });
});
