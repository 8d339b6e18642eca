// What each key of the stage screen does, without a terminal: the pure step (src/ui/stage-step.ts)
// from the screen's state and an action of the key table to the next state and the effects the
// prompt applies. The prompt driven by keys is in stage-screen.test.ts; the real terminal in e2e/.
import { describe, expect, it } from 'vitest';
import { setDraft, setNotes, setPadLine, setQuestion, startSession, togglePause, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { compileFacts, NEUTRAL_REPLY } from '../src/session/interviewer.js';
import { stageAction, type Key } from '../src/ui/stage-keys.js';
import { keyContext, openingLine, openStage, shownLine, stepStage, suspendStage, tickStage, type StageModel, type StepInput } from '../src/ui/stage-step.js';

const NOW = Date.UTC(2026, 10, 22, 9, 30);
const LATER = NOW + 60_000;
const plan = planStages([
  { id: 'clarify', title: 'Clarify', goal: 'Scope the problem.', minutes: 5 },
  { id: 'design', title: 'Design', goal: 'Design it.', minutes: 10 },
]);
const sheet = compileFacts([
  { id: 'scale', topic: 'scale' as const, ask: ['how many users'], answer: 'About 50 million daily users.' },
]);
const checklist = [{ id: 'goal' }, { id: 'scale' }, { id: 'latency' }];

const ENTER: Key = { name: 'return', sequence: '\r' };
const ESC: Key = { name: 'escape', sequence: '\u001b' };
const ESC_ENTER: Key = { name: 'return', meta: true, sequence: '\u001b\r' };
const ESC_Z: Key = { name: 'z', meta: true, sequence: '\u001bz' };

const fresh = () => startSession(plan, NOW);
/** A session paused at the ready gate, as drill starts one with the gate. */
const atGate = () => togglePause(fresh(), NOW);
/** Stage 1 with two lines of notes. */
const withNotes = (session = fresh()) => setNotes(session, session.current, 'one\ntwo\n');
const model = (session: SessionState = fresh(), extra: Partial<StageModel> = {}): StageModel => ({ ...openStage(session, false), ...extra });
const step = (from: StageModel, action: Parameters<typeof stepStage>[1], extra: Partial<StepInput> = {}) =>
  stepStage(from, action, { key: {}, readline: '', now: LATER, hints: 2, factsCut: false, factsPages: 1, ...extra });
const stage = (session: SessionState) => session.progress[session.current]!;

describe('opening a stage', () => {
  it('a resumed draft is the line being typed, in readline and on screen', () => {
    const resumed = setDraft(fresh(), 'half a line');
    expect(openStage(resumed, true)).toMatchObject({ typing: 'half a line', gated: true, editing: null, cursor: 0, factsView: 'fit', factsPage: 0 });
    expect(openingLine(resumed)).toBe('half a line');
  });

  it('a resumed question is typed again in readline, and the notes line waits empty', () => {
    const resumed = setQuestion(setDraft(fresh(), 'notes draft'), 'how many');
    expect(openStage(resumed, false).typing).toBe('');
    expect(openingLine(resumed)).toBe('how many');
    expect(shownLine(openStage(resumed, false))).toBe('how many');
  });

  it('a resumed pad line is typed again in readline, even when empty (no draft typed over it)', () => {
    expect(openingLine(setPadLine(setDraft(fresh(), 'draft'), 'a -> b'))).toBe('a -> b');
    expect(openingLine(setPadLine(setDraft(fresh(), 'draft'), ''))).toBe('');
  });

  it('the key table reads the line shown (the question, the pad\'s line or the notes\' line) and the line mode open', () => {
    const screen = { interviewer: false, facts: false, pasting: false };
    expect(keyContext(model(fresh(), { typing: 'abc' }), screen)).toMatchObject({ line: 'abc', lineMode: undefined, canGoBack: false, gated: false });
    expect(keyContext(model(setPadLine(fresh(), 'x'), { typing: 'abc' }), screen)).toMatchObject({ line: 'x', lineMode: 'pad' });
    expect(keyContext(model(setQuestion(fresh(), 'how'), { typing: '' }), screen)).toMatchObject({ line: 'how', lineMode: 'ask' });
    expect(keyContext(model({ ...fresh(), current: 1 }, { gated: true }), { ...screen, pasting: true })).toMatchObject({ canGoBack: true, gated: true, pasting: true });
  });
});

describe('stepping the stage screen with each action', () => {
  describe('ask (? on an empty line)', () => {
    it('opens an empty question, the line cleared, the clock as it was', () => {
      const { model: next, effects } = step(model(), 'ask', { readline: '?' });
      expect(stage(next.session).question).toBe('');
      expect(next.session.runningSince).toBe(NOW);
      expect(next.typing).toBe('');
      expect(effects).toEqual({ line: '', draw: 'now' });
    });

    it('at the ready gate, starts the clock too', () => {
      const { model: next } = step(model(atGate(), { gated: true }), 'ask', { readline: '?' });
      expect(next.gated).toBe(false);
      expect(next.session.runningSince).toBe(LATER);
      expect(stage(next.session).question).toBe('');
    });

    it('while editing an earlier line, is only a typed ?', () => {
      const from = model(withNotes(), { editing: 0, typing: '' });
      const { model: next, effects } = step(from, 'ask', { readline: '?' });
      expect(stage(next.session).question).toBeUndefined();
      expect(next.session).toBe(from.session);
      expect(next.typing).toBe('?');
      expect(effects).toEqual({ draw: 'now' });
    });
  });

  describe('pad (Ctrl-G)', () => {
    it('opens the pad, the new line kept as the draft, and loads its code', () => {
      const { model: next, effects } = step(model(fresh(), { typing: 'half' }), 'pad', { readline: 'half' });
      expect(next.session.padLine).toBe('');
      expect(stage(next.session).draft).toBe('half');
      expect(next.typing).toBe('');
      expect(effects).toEqual({ line: '', draw: 'now', loadPad: true });
    });

    it('at the ready gate, starts the clock too', () => {
      const { model: next } = step(model(atGate(), { gated: true }), 'pad');
      expect([next.gated, next.session.runningSince, next.session.padLine]).toEqual([false, LATER, '']);
    });

    it('while editing an earlier line, does not open', () => {
      const { model: next, effects } = step(model(withNotes(), { editing: 1, typing: 'two' }), 'pad', { readline: 'two' });
      expect(next.session.padLine).toBeUndefined();
      expect(effects.loadPad).toBeUndefined();
      expect(next.typing).toBe('two');
    });
  });

  describe('send (Enter in a line mode)', () => {
    it('in the pad, adds the line to the diagram and keeps the pad open, empty', () => {
      const { model: next, effects } = step(model(setPadLine(fresh(), ' events -> ranker ')), 'send', { key: ENTER });
      expect(next.session.diagram).toBe('events -> ranker\n');
      expect(next.session.padLine).toBe('');
      expect(effects).toEqual({ line: '', draw: 'now' });
    });

    it('in the pad, a blank line adds nothing', () => {
      const { model: next } = step(model(setPadLine(fresh(), '  ')), 'send', { key: ENTER });
      expect(next.session.diagram).toBeUndefined();
      expect(next.session.padLine).toBe('');
    });

    it('asking, asks the question: answered from the fact sheet, or with the neutral reply', () => {
      const asked = step(model(setQuestion(fresh(), 'how many users are there')), 'send', { key: ENTER, sheet });
      expect(asked.model.session.exchanges).toEqual([{ asked: 'how many users are there', factId: 'scale', answer: 'About 50 million daily users.', stageId: 'clarify' }]);
      expect(stage(asked.model.session).question).toBeUndefined();
      expect(asked.effects).toEqual({ line: '', draw: 'now' });
      expect(step(model(setQuestion(fresh(), 'favourite colour')), 'send', { key: ENTER }).model.session.exchanges).toEqual([{ asked: 'favourite colour', factId: null, answer: NEUTRAL_REPLY, stageId: 'clarify' }]);
    });

    it('asking, an empty question closes unasked', () => {
      const { model: next } = step(model(setQuestion(fresh(), '')), 'send', { key: ENTER, sheet });
      expect(next.session.exchanges).toBeUndefined();
      expect(stage(next.session).question).toBeUndefined();
    });
  });

  describe('cancel (Esc in a line mode)', () => {
    const inPad = (padLine: string, draft: string) => model(setPadLine(setDraft(fresh(), draft), padLine), { typing: '' });

    it('in the pad: the half-typed line goes to the diagram, and the notes\' draft is the line again', () => {
      const { model: next, effects } = step(inPad('a -> b', 'half'), 'cancel', { key: ESC });
      expect(next.session.diagram).toBe('a -> b\n');
      expect(next.session.padLine).toBeUndefined();
      expect(stage(next.session).draft).toBe('half');
      expect(next.typing).toBe('half');
      expect(effects).toEqual({ line: 'half', draw: 'now' });
    });

    it('in the pad, Esc and a key at once: the key goes on the draft', () => {
      const { model: next, effects } = step(inPad('', 'ab'), 'cancel', { key: ESC_Z });
      expect(stage(next.session).draft).toBe('abz');
      expect(effects.line).toBe('abz');
    });

    it('in the pad, Esc then Enter on an empty draft: the stage ends, the pad\'s line kept', () => {
      const { model: next, effects } = step(inPad('a -> b', ''), 'cancel', { key: ESC_ENTER });
      expect(effects.end).toBe(next.session);
      expect(effects.line).toBe('');
      expect(next.session.current).toBe(1);
      expect(next.session.diagram).toBe('a -> b\n');
      expect(next.session.padLine).toBeUndefined();
    });

    it('in the pad, Esc then Enter on a draft: the draft is committed to the notes, the stage goes on', () => {
      const { model: next, effects } = step(inPad('', 'half'), 'cancel', { key: ESC_ENTER });
      expect(effects).toEqual({ line: '', draw: 'now' });
      expect(next.session.current).toBe(0);
      expect(stage(next.session)).toMatchObject({ notes: 'half\n', draft: '' });
      expect(next.typing).toBe('');
    });

    it('asking: the question closes unasked, the notes line empty, or the key typed with the Esc', () => {
      const esc = step(model(setQuestion(fresh(), 'how many users')), 'cancel', { key: ESC, sheet });
      expect(esc.model.session.exchanges).toBeUndefined();
      expect(stage(esc.model.session).question).toBeUndefined();
      expect(stage(esc.model.session).draft ?? '').toBe('');
      expect(esc.effects).toEqual({ line: '', draw: 'now' });
      const withKey = step(model(setQuestion(fresh(), 'how')), 'cancel', { key: ESC_Z });
      expect(stage(withKey.model.session).draft).toBe('z');
      expect(withKey.model.typing).toBe('z');
      expect(withKey.effects.line).toBe('z');
    });

    it('asking, Esc then Enter: the question closes unasked and the stage ends', () => {
      const { model: next, effects } = step(model(setQuestion(fresh(), '')), 'cancel', { key: ESC_ENTER, sheet });
      expect(effects).toEqual({ end: next.session, draw: 'now' });
      expect(next.session.current).toBe(1);
      expect(next.session.exchanges).toBeUndefined();
      expect(next.session.progress[0]!.question).toBeUndefined();
    });

    it('asking, Esc then Enter with a draft under the question (a resumed checkpoint): the draft goes to the notes, the question unasked', () => {
      const { model: next, effects } = step(model(setQuestion(setDraft(fresh(), 'half'), 'how many users')), 'cancel', { key: ESC_ENTER, sheet });
      expect(effects.end).toBe(next.session);
      expect(next.session.progress[0]!.notes).toBe('half\n');
      expect(next.session.exchanges).toBeUndefined();
    });
  });

  describe('from the key: the key table reads the line shown, the question when asking', () => {
    const screen = { interviewer: false, facts: false, pasting: false };
    const press = (from: StageModel, key: Key) => step(from, stageAction(key, keyContext(from, screen)), { key, sheet, readline: shownLine(from) });

    it('asking, Alt-Enter (or Esc then Enter at once) on a typed question asks it, and the stage goes on', () => {
      const { model: next, effects } = press(model(setQuestion(fresh(), 'how many users')), ESC_ENTER);
      expect(effects.end).toBeUndefined();
      expect(next.session.current).toBe(0);
      expect(next.session.exchanges).toEqual([expect.objectContaining({ asked: 'how many users', answer: 'About 50 million daily users.' })]);
      expect(next.session.progress[0]!.question).toBeUndefined();
    });

    it('asking, Esc then Enter at once on an empty question: back to the notes, and the Enter ends the stage', () => {
      const { model: next, effects } = press(model(setQuestion(fresh(), '')), ESC_ENTER);
      expect(effects.end).toBe(next.session);
      expect(next.session.current).toBe(1);
    });
  });

  describe('recall (↑ or Backspace on the pad\'s empty line)', () => {
    it('takes the diagram\'s last line back to edit', () => {
      const { model: next, effects } = step(model({ ...setPadLine(fresh(), ''), diagram: 'a -> b\nc -> d\n' }), 'recall');
      expect(next.session.diagram).toBe('a -> b\n');
      expect(next.session.padLine).toBe('c -> d');
      expect(effects).toEqual({ line: 'c -> d', draw: 'now' });
    });

    it('with no diagram, leaves the line empty', () => {
      const from = model(setPadLine(fresh(), ''));
      const { model: next, effects } = step(from, 'recall');
      expect(next.session).toBe(from.session);
      expect(effects.line).toBe('');
    });
  });

  describe('facts (Ctrl-O)', () => {
    it.each([
      ['fit', 0, true, 1, 'whole', 0],
      ['fit', 0, false, 1, 'hidden', 0],
      ['whole', 0, true, 3, 'whole', 1],
      ['whole', 1, true, 3, 'whole', 2],
      ['whole', 2, true, 3, 'hidden', 0],
      ['whole', 0, false, 1, 'hidden', 0],
      ['hidden', 0, true, 1, 'fit', 0],
    ] as const)('shown %s at page %i (cut: %s, %i pages): %s at page %i', (view, page, cut, pages, nextView, nextPage) => {
      const from = model(fresh(), { factsView: view, factsPage: page });
      const { model: next, effects } = step(from, 'facts', { factsCut: cut, factsPages: pages });
      expect([next.factsView, next.factsPage]).toEqual([nextView, nextPage]);
      expect(next.session).toBe(from.session);
      expect(effects).toEqual({ draw: 'now' });
    });
  });

  describe('start (the ready gate)', () => {
    it('Enter starts the clock and types nothing', () => {
      const { model: next, effects } = step(model(atGate(), { gated: true }), 'start', { key: ENTER });
      expect(next.gated).toBe(false);
      expect(next.session.runningSince).toBe(LATER);
      expect(stage(next.session).draft).toBeUndefined();
      expect(effects).toEqual({ line: '', draw: 'now' });
    });

    it('a letter starts the clock and is the first of the draft', () => {
      const { model: next, effects } = step(model(atGate(), { gated: true }), 'start', { key: { name: 'w', sequence: 'w' }, readline: 'w' });
      expect(stage(next.session).draft).toBe('w');
      expect(next.typing).toBe('w');
      expect(effects.line).toBe('w');
    });

    it('Tab starts the clock; its tab is not typed', () => {
      const { model: next, effects } = step(model(atGate(), { gated: true }), 'start', { key: { name: 'tab', sequence: '\t' }, readline: '\t' });
      expect(next.session.runningSince).toBe(LATER);
      expect(stage(next.session).draft).toBeUndefined();
      expect(effects.line).toBe('');
    });
  });

  describe('commit (Enter on a line with text)', () => {
    it('adds the new line to the notes and clears it', () => {
      const { model: next, effects } = step(model(withNotes(), { typing: 'three' }), 'commit', { key: ENTER, readline: '' });
      expect(stage(next.session)).toMatchObject({ notes: 'one\ntwo\nthree\n', draft: '' });
      expect(next.typing).toBe('');
      expect(effects).toEqual({ line: '', draw: 'now' });
    });

    it('puts an edited line back and gives the new line set aside back', () => {
      const { model: next, effects } = step(model(withNotes(), { editing: 0, typing: 'ONE', aside: 'three' }), 'commit', { key: ENTER });
      expect(stage(next.session)).toMatchObject({ notes: 'ONE\ntwo\n', draft: 'three' });
      expect(next.editing).toBeNull();
      expect(next.typing).toBe('three');
      expect(effects).toEqual({ line: 'three', draw: 'now' });
    });
  });

  describe('next (Enter on an empty line)', () => {
    it('ends the stage', () => {
      const { model: next, effects } = step(model(setDraft(withNotes(), '')), 'next', { key: ENTER });
      expect(next.session.current).toBe(1);
      expect(next.session.progress[0]!.usedMs).toBe(60_000);
      expect(effects).toEqual({ end: next.session, draw: 'now' });
    });

    it('while editing, leaves the line as it was and gives the new line back', () => {
      const from = model(withNotes(), { editing: 1, typing: '', aside: 'three' });
      const { model: next, effects } = step(from, 'next', { key: ENTER });
      expect(next.session).toBe(from.session);
      expect(next.editing).toBeNull();
      expect(next.typing).toBe('three');
      expect(effects).toEqual({ line: 'three', draw: 'now' });
    });
  });

  describe('back (Ctrl-B)', () => {
    const second = () => ({ ...fresh(), current: 1 });

    it('keeps the line being typed in the notes and goes back a stage', () => {
      const { model: next, effects } = step(model(second(), { typing: 'half' }), 'back', { readline: 'half' });
      expect(next.session.current).toBe(0);
      expect(next.session.progress[1]!.notes).toBe('half\n');
      expect(effects.end).toBe(next.session);
    });

    it('while editing, keeps the edited line and the new line set aside', () => {
      const { model: next } = step(model(withNotes(second()), { editing: 1, typing: 'TWO', aside: 'three' }), 'back', { readline: 'TWO' });
      expect(next.session.progress[1]!.notes).toBe('one\nTWO\nthree\n');
      expect(next.session.current).toBe(0);
    });
  });

  describe('hint (Tab)', () => {
    it('reveals the next hint, the tab taken out of the line', () => {
      const { model: next, effects } = step(model(fresh(), { typing: 'ab' }), 'hint', { readline: 'ab\t' });
      expect(stage(next.session).hintsShown).toBe(1);
      expect(next.typing).toBe('ab');
      expect(effects).toEqual({ line: 'ab', draw: 'now' });
    });

    it('with every hint shown, reveals nothing', () => {
      expect(stage(step(model(), 'hint', { hints: 0 }).model.session).hintsShown).toBe(0);
    });
  });

  describe('pause (Ctrl-P)', () => {
    it('pauses a running clock and runs a paused one, drawn at once', () => {
      const paused = step(model(), 'pause');
      expect(paused.model.session.runningSince).toBeNull();
      expect(paused.model.session.progress[0]!.usedMs).toBe(60_000);
      expect(paused.effects).toEqual({ draw: 'now' });
      expect(step(paused.model, 'pause', { now: LATER + 5000 }).model.session.runningSince).toBe(LATER + 5000);
    });
  });

  describe('followups (Ctrl-F)', () => {
    it('shows every follow-up, then folds them again', () => {
      const shown = step(model(), 'followups');
      expect(shown.model.allFollowups).toBe(true);
      expect(shown.effects).toEqual({ draw: 'now' });
      expect(step(shown.model, 'followups').model.allFollowups).toBe(false);
    });
  });

  describe('tick (Space on an empty line, interviewer mode)', () => {
    it('ticks the item under the cursor, then unticks it', () => {
      const ticked = step(model(fresh(), { cursor: 1 }), 'tick', { checklist, readline: ' ' });
      expect(stage(ticked.model.session).ticked).toEqual(['scale']);
      expect(ticked.effects).toEqual({ line: '', draw: 'now' });
      expect(stage(step(ticked.model, 'tick', { checklist }).model.session).ticked).toEqual([]);
    });
  });

  describe('edit-up and edit-down', () => {
    it.each([
      ['edit-up', 0, 2],
      ['edit-up', 2, 1],
      ['edit-down', 1, 2],
      ['edit-down', 2, 0],
    ] as const)('interviewer mode: %s moves the cursor from %i to %i, wrapping', (action, cursor, next) => {
      const { model: moved, effects } = step(model(fresh(), { cursor, typing: 'ab' }), action, { checklist, readline: 'ab' });
      expect(moved.cursor).toBe(next);
      expect(effects).toEqual({ line: 'ab', draw: 'now' });
    });

    it('with no notes yet, keeps the line being typed', () => {
      const from = model(fresh(), { typing: 'new' });
      const { model: next, effects } = step(from, 'edit-up', { readline: 'new' });
      expect(next.editing).toBeNull();
      expect(next.session).toBe(from.session);
      expect(effects).toEqual({ line: 'new', draw: 'now' });
    });

    it('up from the new line edits the last line, the new line set aside as the draft', () => {
      const { model: next, effects } = step(model(withNotes(), { typing: 'three' }), 'edit-up');
      expect([next.editing, next.typing, next.aside]).toEqual([1, 'two', 'three']);
      expect(stage(next.session).draft).toBe('three');
      expect(effects).toEqual({ line: 'two', draw: 'now' });
    });

    it('up again puts the edited line back changed and stops at the first', () => {
      const up = step(model(withNotes(), { editing: 1, typing: 'TWO', aside: 'three' }), 'edit-up').model;
      expect([up.editing, up.typing, stage(up.session).notes]).toEqual([0, 'one', 'one\nTWO\n']);
      const top = step(up, 'edit-up').model;
      expect([top.editing, top.typing]).toEqual([0, 'one']);
    });

    it('down past the last line gives the new line back', () => {
      const { model: next, effects } = step(model(withNotes(), { editing: 1, typing: 'two!', aside: 'three' }), 'edit-down');
      expect([next.editing, next.typing]).toEqual([null, 'three']);
      expect(stage(next.session)).toMatchObject({ notes: 'one\ntwo!\n', draft: 'three' });
      expect(effects).toEqual({ line: 'three', draw: 'now' });
    });

    it('down on the new line stays there', () => {
      const { model: next } = step(model(withNotes(), { typing: 'three' }), 'edit-down');
      expect([next.editing, next.typing, next.aside]).toEqual([null, 'three', 'three']);
      expect(stage(next.session)).toMatchObject({ notes: 'one\ntwo\n', draft: 'three' });
    });
  });

  describe('type (anything else)', () => {
    it('on the new line, the line is the draft, drawn once the keys read with it are handled', () => {
      const { model: next, effects } = step(model(), 'type', { readline: 'abc' });
      expect(next.typing).toBe('abc');
      expect(stage(next.session).draft).toBe('abc');
      expect(effects).toEqual({ draw: 'soon' });
    });

    it('editing an earlier line, the draft stays the new line set aside', () => {
      const from = model(setDraft(withNotes(), 'three'), { editing: 0, typing: 'one', aside: 'three' });
      const { model: next } = step(from, 'type', { readline: 'one!' });
      expect(next.typing).toBe('one!');
      expect(next.session).toBe(from.session);
    });

    it('asking, the line is the question, a tab as spaces to the next tab stop (typed in readline too); the notes line stays', () => {
      const { model: next, effects } = step(model(setQuestion(fresh(), 'how'), { typing: '' }), 'type', { readline: 'how\tmany' });
      expect(stage(next.session).question).toBe('how     many');
      expect(stage(next.session).draft).toBeUndefined();
      expect(next.typing).toBe('');
      // readline's cursor at the line's end: after the spaces too.
      expect(effects).toEqual({ line: 'how     many', lineCursor: 12, draw: 'soon' });
    });

    it('in the pad, the line is the pad\'s line, a tab as spaces', () => {
      const { model: next } = step(model(setPadLine(fresh(), 'a -'), { typing: '' }), 'type', { readline: 'a ->\t' });
      expect(next.session.padLine).toBe('a ->    ');
      expect(next.typing).toBe('');
    });

    it('on the new line, a pasted tab is spaces: the words it parts stay apart', () => {
      const { model: next, effects } = step(model(), 'type', { readline: 'users\t50M' });
      expect(next.typing).toBe('users   50M');
      expect(stage(next.session).draft).toBe('users   50M');
      expect(effects).toEqual({ line: 'users   50M', lineCursor: 11, draw: 'soon' });
    });

    it('a tab typed mid-line: the cursor stays after its spaces, where the next key goes', () => {
      const { effects } = step(model(setPadLine(fresh(), 'ab -> cd'), { typing: '' }), 'type', { readline: 'ab\t -> cd', readlineCursor: 3 });
      expect(effects).toEqual({ line: 'ab       -> cd', lineCursor: 8, draw: 'soon' });
    });
  });
});

describe('the clock\'s tick', () => {
  const timeUp = NOW + 5 * 60_000;

  it('with --strict, ends the stage when its time is up: the question being typed is asked, the draft kept', () => {
    const typing = setQuestion(setDraft(fresh(), 'half'), 'how many users');
    const tick = tickStage(typing, timeUp, true, sheet);
    expect(tick.end).toBe(true);
    expect(tick.session.current).toBe(1);
    expect(tick.session.progress[0]!.notes).toBe('half\n');
    expect(tick.session.exchanges?.map((exchange) => exchange.factId)).toEqual(['scale']);
  });

  it('ends nothing before the time is up, without --strict, or paused', () => {
    expect(tickStage(fresh(), timeUp - 1000, true, sheet).end).toBeUndefined();
    expect(tickStage(fresh(), timeUp, false, sheet)).toEqual({ session: fresh() });
    expect(tickStage(togglePause(fresh(), NOW + 1000), timeUp, true, sheet).end).toBeUndefined();
  });

  it('shows the curveball when its moment comes, with a bell, once', () => {
    const session = { ...fresh(), curveball: { stage: 0, atSeconds: 30, text: 'What if the traffic doubles?', shownAtSeconds: null } };
    expect(tickStage(session, NOW + 29_000, false, undefined).bell).toBeUndefined();
    const tick = tickStage(session, NOW + 30_000, false, undefined);
    expect(tick.bell).toBe(true);
    expect(tick.session.curveball).toMatchObject({ shownAtSeconds: 30, notesChars: 0 });
    expect(tickStage(tick.session, NOW + 31_000, false, undefined).bell).toBeUndefined();
  });
});

describe('Ctrl-Z and fg', () => {
  it('the time stopped is not counted: the clock pauses on stop and runs again on fg', () => {
    const stopped = suspendStage(model(), 'stop', NOW + 10_000);
    expect(stopped.stopped).toBe(true);
    expect(stopped.session.runningSince).toBeNull();
    const back = suspendStage(stopped, 'continue', NOW + 70_000);
    expect(back.stopped).toBe(false);
    expect(back.session.runningSince).toBe(NOW + 70_000);
    expect(back.session.progress[0]!.usedMs).toBe(10_000);
  });

  it('a clock paused with Ctrl-P stays paused after fg', () => {
    const stopped = suspendStage(model(togglePause(fresh(), NOW + 10_000)), 'stop', NOW + 20_000);
    expect(stopped.stopped).toBe(false);
    expect(suspendStage(stopped, 'continue', NOW + 70_000).session.runningSince).toBeNull();
  });
});
