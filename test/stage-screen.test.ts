// The stage screen in process: the pure layout at several sizes, the key table, and the prompt
// driven through mock streams (keys in, screen out), as a real terminal would drive it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { planStages, setNotes, startSession, type SessionState } from '../src/session/engine.js';
import { PLAIN } from '../src/ui/colour.js';
import { stageAction } from '../src/ui/stage-keys.js';
import { loadStagePrompt } from '../src/ui/stage-prompt.js';
import { visibleLength } from '../src/text.js';
import { stageLines, type StageView } from '../src/ui/stage-screen.js';

const NOW = Date.UTC(2026, 10, 22, 9, 30);
const plan = planStages([
  { id: 'clarify', title: 'Clarify', goal: 'Scope the problem before designing anything at all, with numbers.', minutes: 5 },
  { id: 'design', title: 'Design', goal: 'Design it.', minutes: 10 },
]);
const view = (state: SessionState, extra: Partial<StageView> = {}): StageView => ({
  state, now: NOW, hints: ['First hint.', 'Second hint.'], cursor: 0, allFollowups: false, line: '', editing: null, gated: false, save: true, ...extra,
});
const screen = (v: StageView, columns = 80, rows = 24) => {
  const { lines, help } = stageLines(v, { columns, rows }, PLAIN);
  return [...lines, ...help.split('\n')];
};

describe('the stage layout', () => {
  it('counts down from the whole budget: 5 minutes show 05:00', () => {
    expect(screen(view(startSession(plan, NOW)), 80)[0]).toMatch(/^Stage 1\/2 · Clarify\s+⏱ 05:00 left$/);
    expect(screen(view(startSession(plan, NOW), { now: NOW + 400 }))[0]).toContain('05:00 left');
  });

  it('fits 60 columns and 15 rows without a line too long, keys included', () => {
    const notes = Array.from({ length: 12 }, (_, i) => `note number ${i + 1} about the users and their requests per second`).join('\n');
    const lines = screen(view(setNotes(startSession(plan, NOW), 0, `${notes}\n`)), 60, 15);
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toMatch(/… 10 earlier lines/);
  });

  it('says "1 earlier line", not "lines"', () => {
    const notes = Array.from({ length: 9 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(screen(view(setNotes(startSession(plan, NOW), 0, `${notes}\n`)), 80, 40).join('\n')).toContain('… 1 earlier line\n');
  });

  it('with --no-save, does not say Ctrl-C saves', () => {
    expect(screen(view(startSession(plan, NOW), { save: false })).join('\n')).toContain('Ctrl-C quits (not saved)');
  });

  it('interviewer mode folds the follow-ups last, and Ctrl-F shows them all', () => {
    const checklist = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, text: `Checklist item ${i + 1}` }));
    const followups = ['Traffic grew tenfold.', 'A region went down.'];
    const folded = screen(view(startSession(plan, NOW), { checklist, followups }), 80, 20).join('\n');
    expect(folded).toMatch(/↓ \d+ more/);
    expect(folded).toContain('1. Traffic grew tenfold.');
    const tiny = screen(view(startSession(plan, NOW), { checklist, followups }), 80, 12).join('\n');
    expect(tiny).toContain('Follow-ups to ask: 2 (Ctrl-F shows them)');
    expect(screen(view(startSession(plan, NOW), { checklist, followups, allFollowups: true }), 80, 12).join('\n')).toContain('2. A region went down.');
  });

  it('at the ready gate, shows that the clock waits for Enter', () => {
    const lines = screen(view(startSession(plan, NOW), { gated: true })).join('\n');
    expect(lines).toContain('⏸ ready');
    expect(lines).toContain('The clock starts when you press Enter or start typing.');
  });
});

describe('the stage keys', () => {
  const context = { line: '', interviewer: false, gated: false, canGoBack: true };
  it.each([
    ['a letter goes to the notes', { name: 'h' }, context, 'type'],
    ['n goes to the notes', { name: 'n' }, context, 'type'],
    ['Tab: a hint', { name: 'tab' }, context, 'hint'],
    ['Ctrl-P: pause', { name: 'p', ctrl: true }, context, 'pause'],
    ['Enter on an empty line: next stage', { name: 'return' }, context, 'next'],
    ['Enter on a line: commit it', { name: 'return' }, { ...context, line: 'alpha' }, 'commit'],
    ['Esc-Enter (Alt-Enter) on a line: commit it, once', { name: 'return', meta: true }, { ...context, line: 'alpha' }, 'commit'],
    ['Esc alone: nothing but typing', { name: 'escape' }, context, 'type'],
    ['Up: edit the line above', { name: 'up' }, context, 'edit-up'],
    ['Ctrl-B: the previous stage', { name: 'b', ctrl: true }, context, 'back'],
    ['Ctrl-B on the first stage: nothing', { name: 'b', ctrl: true }, { ...context, canGoBack: false }, 'type'],
    ['Space on an empty line in interviewer mode: tick', { name: 'space' }, { ...context, interviewer: true }, 'tick'],
    ['Space in a line in interviewer mode: a space', { name: 'space' }, { ...context, interviewer: true, line: 'a' }, 'type'],
    ['at the gate, Enter starts the clock', { name: 'return' }, { ...context, gated: true }, 'start'],
    ['at the gate, typing starts the clock', { name: 'w' }, { ...context, gated: true }, 'start'],
  ] as const)('%s', (_, key, keyContext, action) => {
    expect(stageAction(key, keyContext)).toBe(action);
  });
});

describe('the stage prompt, driven by keys', () => {
  async function drive(state: SessionState, keys: (type: (text: string) => Promise<void>) => Promise<void>, extra: { gated?: boolean } = {}) {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 30 });
    let shown = '';
    output.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    const changes: SessionState[] = [];
    const clock = { now: NOW };
    const run = (await loadStagePrompt())(
      { state, hints: ['First hint.'], strict: false, now: () => clock.now, style: PLAIN, size: () => ({ columns: 80, rows: 30 }), onChange: (next) => void changes.push(next), ...extra },
      { input, output },
    );
    const type = async (text: string) => {
      input.write(text);
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await new Promise((resolve) => setTimeout(resolve, 20));
    await keys(type);
    return { end: await run, screen: () => shown, changes };
  }

  it('typing straight away writes notes; no letter is a command', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      await type('how many users per day');
      await type('\r');
      await type('\r');
    });
    expect(end.current).toBe(1);
    expect(end.progress[0]).toMatchObject({ notes: 'how many users per day\n', hintsShown: 0 });
  });

  it('Esc then Enter commits the line once', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      await type('alpha');
      await type('\u001b\r');
      await type('beta\r');
      await type('\r');
    });
    expect(end.progress[0]!.notes).toBe('alpha\nbeta\n');
  });

  it('Tab reveals a hint without touching the line being typed', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      await type('abc');
      await type('\t');
      await type('d\r\r');
    });
    expect(end.progress[0]).toMatchObject({ hintsShown: 1, notes: 'abcd\n' });
  });

  it('Up edits an earlier line in place; Down comes back to the new line', async () => {
    const { end } = await drive(setNotes(startSession(plan, NOW), 0, 'first\nsecnd\n'), async (type) => {
      await type('new');
      await type('\u001b[A'); // up: "secnd"
      await type('\u007f\u007f\u007fcond'); // backspace x3, retype
      await type('\u001b[B'); // down: back to "new"
      await type('!\r\r');
    });
    expect(end.progress[0]!.notes).toBe('first\nsecond\nnew!\n');
  });

  it('the ready gate holds the clock until the first key, which is kept as typed', async () => {
    const started = startSession(plan, NOW);
    const gated = { ...started, runningSince: null };
    const { end, changes } = await drive(gated, async (type) => {
      await type('q');
      await type('ps\r\r');
    }, { gated: true });
    expect(changes.some((state) => state.runningSince !== null)).toBe(true);
    expect(end.progress[0]!.notes).toBe('qps\n');
  });
});
