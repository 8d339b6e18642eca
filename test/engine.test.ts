import { describe, expect, it } from 'vitest';
import { curveballDue, drawCurveball, isFinished, isPaused, markCurveballShown, nextStage, notesAfterCurveball, pause, remainingSeconds, resume, resumeAt, settle, toggleTick, revealHint, setNotes, startSession, stop, togglePause, usedSeconds, addPadLine, diagramWithPadLine, recallPadLine, setPadLine } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';

const rubricStages = [
  { id: 'clarify', title: 'Clarify', goal: 'scope', minutes: 7 },
  { id: 'metrics', title: 'Metrics', goal: 'measure', minutes: 6 },
  { id: 'architecture', title: 'Architecture', goal: 'design', minutes: 15 },
  { id: 'deep-dive', title: 'Deep dive', goal: 'go deep', minutes: 15 },
];
const T0 = 1_000_000;
const s = (seconds: number) => T0 + seconds * 1000;

describe('planStages', () => {
  it('keeps the rubric budgets in order', () => {
    expect(planStages(rubricStages).map((stage) => [stage.id, stage.budgetSeconds])).toEqual([
      ['clarify', 420], ['metrics', 360], ['architecture', 900], ['deep-dive', 900],
    ]);
  });

  it('scales the whole plan to --minutes, proportionally', () => {
    const plan = planStages(rubricStages, 21.5);
    expect(plan.map((stage) => stage.budgetSeconds)).toEqual([210, 180, 450, 450]);
    expect(plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0)).toBe(21.5 * 60);
  });

  it('scaled, the budgets add up to the whole: --minutes 1 is 01:00, not 01:01', () => {
    const stages = [6, 6, 13, 15].map((minutes, i) => ({ id: `s${i}`, title: `S${i}`, goal: 'g', minutes }));
    for (const total of [1, 3, 7, 11, 0.5]) {
      expect(planStages(stages, total).reduce((sum, stage) => sum + stage.budgetSeconds, 0)).toBe(Math.round(total * 60));
    }
    expect(planStages(stages, 1).map((stage) => stage.budgetSeconds)).toEqual([9, 9, 20, 22]);
  });

  it('never plans a stage of zero seconds', () => {
    expect(planStages(rubricStages, 0.01).every((stage) => stage.budgetSeconds >= 1)).toBe(true);
  });
});

describe('session clock', () => {
  const plan = planStages(rubricStages);

  it('counts down the current stage and goes into overtime without stopping', () => {
    let state = startSession(plan, s(0));
    expect(remainingSeconds(state, s(60))).toBe(360);
    expect(remainingSeconds(state, s(500))).toBe(-80);
    // 80 seconds over the 420-second budget: the time used keeps counting past it.
    expect(usedSeconds(state, 0, s(500))).toBe(500);
    state = nextStage(state, s(500));
    expect(state.current).toBe(1);
    expect(usedSeconds(state, 0, s(9999))).toBe(500);
    expect(remainingSeconds(state, s(510))).toBe(350);
  });

  it('does not count paused time', () => {
    let state = startSession(plan, s(0));
    state = pause(state, s(100));
    expect(isPaused(state)).toBe(true);
    expect(remainingSeconds(state, s(1000))).toBe(320);
    state = resume(state, s(1000));
    expect(remainingSeconds(state, s(1010))).toBe(310);
    state = togglePause(togglePause(state, s(1020)), s(2000));
    expect(usedSeconds(state, 0, s(2000))).toBe(120);
  });

  it('moves through the stages in order and finishes after the last', () => {
    let state = startSession(plan, s(0));
    for (let i = 0; i < plan.length; i++) {
      expect(state.current).toBe(i);
      state = nextStage(state, s((i + 1) * 100));
    }
    expect(isFinished(state)).toBe(true);
    expect(state.endedAt).toBe(s(400));
    expect(nextStage(state, s(999))).toBe(state);
    expect(plan.map((_, i) => usedSeconds(state, i, s(9999)))).toEqual([100, 100, 100, 100]);
  });

  it('stops wherever it is, keeping the time used so far', () => {
    const state = stop(nextStage(startSession(plan, s(0)), s(30)), s(75));
    expect(state.endedAt).toBe(s(75));
    expect(usedSeconds(state, 1, s(500))).toBe(45);
  });

  it('reveals hints one at a time, never more than there are', () => {
    let state = startSession(plan, s(0));
    state = revealHint(revealHint(revealHint(state, 2), 2), 2);
    expect(state.progress[0]!.hintsShown).toBe(2);
  });

  it('keeps notes per stage', () => {
    let state = startSession(plan, s(0));
    state = setNotes(state, 0, 'scale: 1B users\n');
    state = nextStage(state, s(10));
    expect(state.progress[0]!.notes).toBe('scale: 1B users\n');
    expect(state.progress[1]!.notes).toBe('');
  });
});

describe('curveballs', () => {
  const plan = planStages(rubricStages);
  const followups = ['Traffic grew tenfold.', 'Labels arrive a week late.'];

  it('are drawn reproducibly from the seeded source, between 30% and 70% of the stage', () => {
    const draws = [0, 0.5, 0.999].map((value) => drawCurveball(plan, 3, followups, () => value)!);
    expect(draws.map((draw) => draw.atSeconds)).toEqual([270, 450, 630]);
    expect(draws.map((draw) => draw.text)).toEqual(['Traffic grew tenfold.', 'Labels arrive a week late.', 'Labels arrive a week late.']);
    expect(drawCurveball(plan, 3, [], () => 0.5)).toBeNull();
  });

  it('come due at the drawn moment of active time in their stage, once', () => {
    let state = startSession(plan, s(0), drawCurveball(plan, 1, followups, () => 0.5));
    expect(state.curveball?.atSeconds).toBe(180);
    state = nextStage(state, s(100));
    expect(curveballDue(state, s(100 + 179))).toBe(false);
    state = pause(state, s(150));
    expect(curveballDue(state, s(100 + 400))).toBe(false);
    state = resume(state, s(500));
    expect(curveballDue(state, s(500 + 129))).toBe(false);
    expect(curveballDue(state, s(500 + 130))).toBe(true);
    state = markCurveballShown(state, s(500 + 131));
    expect(state.curveball?.shownAtSeconds).toBe(181);
    expect(curveballDue(state, s(900))).toBe(false);
  });

  it("remember how long the stage's notes were when shown, so the report can tell the notes written after", () => {
    let state = nextStage(startSession(plan, s(0), drawCurveball(plan, 1, followups, () => 0.5)), s(10));
    state = setNotes(state, 1, 'two towers\n\nann index\n');
    state = markCurveballShown(state, s(10 + 200));
    expect(state.curveball?.notesChars).toBe('two towers\n\nann index\n'.length);
    state = setNotes(state, 1, 'two towers\n\nann index\nshard it\n');
    expect(notesAfterCurveball(state)).toBe('shard it\n');
  });

  it('never come due in another stage', () => {
    const state = startSession(plan, s(0), drawCurveball(plan, 3, followups, () => 0));
    expect(curveballDue(state, s(10_000))).toBe(false);
  });
});

describe('interviewer ticks and resuming', () => {
  const plan = planStages(rubricStages);

  it('toggle items of the current stage only', () => {
    let state = startSession(plan, s(0));
    state = toggleTick(toggleTick(toggleTick(state, 'goal'), 'scale'), 'goal');
    expect(state.progress[0]!.ticked).toEqual(['scale']);
    state = toggleTick(nextStage(state, s(5)), 'metric');
    expect(state.progress.map((progress) => progress.ticked)).toEqual([['scale'], ['metric'], [], []]);
  });

  it('resume keeps the time used and does not count the time the program was gone', () => {
    const saved = settle(startSession(plan, s(0)), s(100));
    const resumed = resumeAt(saved, s(5000), false);
    expect(remainingSeconds(resumed, s(5010))).toBe(310);
    expect(isPaused(resumeAt(saved, s(5000), true))).toBe(true);
  });
});

describe('the diagram pad', () => {
  const open = setPadLine(startSession(planStages(rubricStages), T0), '');
  it('adds the line typed to the session diagram, trimmed, and skips a blank one', () => {
    const one = addPadLine(setPadLine(open, '  events -> model '));
    expect([one.diagram, one.padLine]).toEqual(['events -> model\n', '']);
    expect(addPadLine(setPadLine(one, '   '))).toEqual(setPadLine(one, ''));
  });

  it('takes the last line back to edit, and keeps the rest', () => {
    const two = addPadLine(setPadLine(addPadLine(setPadLine(open, 'a -> b')), 'b -> c'));
    const back = recallPadLine(two);
    expect([back.diagram, back.padLine]).toEqual(['a -> b\n', 'b -> c']);
    const empty = recallPadLine(back);
    expect(empty).not.toHaveProperty('diagram');
    expect(empty.padLine).toBe('a -> b');
    expect(recallPadLine(open)).toBe(open);
  });

  it('keeps a line half typed in what the record saves; closed, the pad holds no line', () => {
    const typing = setPadLine(addPadLine(setPadLine(open, 'a -> b')), 'b -> ');
    expect(diagramWithPadLine(typing)).toBe('a -> b\nb ->\n');
    expect(setPadLine(typing, undefined)).not.toHaveProperty('padLine');
    expect(diagramWithPadLine(startSession(planStages(rubricStages), T0))).toBe('');
  });
});
