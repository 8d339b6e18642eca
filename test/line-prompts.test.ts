// The TERM=dumb drill (a line at a time) after Ctrl-Z and `fg`, in-process: the Io's suspend
// listener is driven by hand and the clock is the fake Io's, so the time stopped is exact.
import type { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuspendPhase } from '../src/io.js';
import { resume, startSession, type Curveball, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { createLinePrompter } from '../src/ui/line-prompts.js';
import { fakeIo } from './helpers/fake-io.js';

const START = Date.UTC(2026, 10, 22, 9, 30);

/** Everything written to the terminal so far, as text. */
function screenOf(output: PassThrough): () => string {
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A five-minute stage of the line prompter, its clock running from START, and Ctrl-Z or fg at call. */
function dumbStage(onChange: (state: SessionState) => void = () => {}, curveball: Curveball | null = null) {
  const io = fakeIo({ tty: true, now: START });
  const listeners: Array<(phase: SuspendPhase) => void> = [];
  io.onSuspend = (listener) => {
    listeners.push(listener);
    return () => listeners.splice(listeners.indexOf(listener), 1);
  };
  const suspend = (phase: SuspendPhase) => [...listeners].forEach((listener) => listener(phase));
  const screen = screenOf(io.terminal.output as PassThrough);
  const prompter = createLinePrompter(io, new AbortController().signal);
  const state = resume(startSession(planStages([{ id: 'clarify', title: 'Clarify', goal: 'Scope it.', minutes: 5 }]), START, curveball), START);
  const stage = prompter.runStage({ state, hints: [], strict: false, onChange });
  const type = (text: string) => (io.terminal.input as PassThrough).write(text);
  return { io, suspend, screen, stage, type };
}

describe('a TERM=dumb stage after Ctrl-Z and fg', () => {
  it('does not count the time stopped, and asks for the line again with the time left as it is then', async () => {
    let latest: SessionState | undefined;
    const { io, suspend, screen, stage, type } = dumbStage((next) => (latest = next));
    await settled();
    expect(screen().endsWith('[05:00 left] > ')).toBe(true);

    io.clock.now = START + 60_000; // a minute of the interview
    suspend('stop');
    io.clock.now = START + 3_660_000; // an hour stopped
    suspend('continue');
    await settled();
    // Asked again after the shell's lines, with the minute gone and not the hour.
    expect(screen().endsWith('[05:00 left] > [04:00 left] > ')).toBe(true);

    io.clock.now += 30_000;
    type('a note\n\n');
    const done = await stage;
    expect(done.progress[0]).toMatchObject({ usedMs: 90_000, notes: 'a note\n' });
    expect(latest?.progress[0]!.usedMs).toBe(90_000);
  });

  it('a clock paused with /p stays paused through Ctrl-Z and fg', async () => {
    const { io, suspend, screen, stage, type } = dumbStage();
    await settled();
    type('/p\n');
    await settled();
    expect(screen()).toContain('Paused: /p resumes.');
    suspend('stop');
    io.clock.now += 600_000;
    suspend('continue');
    await settled();
    expect(screen().endsWith('Paused: /p resumes.\n[paused, 05:00 left] > [paused, 05:00 left] > ')).toBe(true);
    type('\n');
    expect((await stage).progress[0]!.usedMs).toBe(0);
  });
});

describe('a TERM=dumb stage says what happens between lines, then asks for the line again', () => {
  // The drill's once-a-second check is a timer; the clock it reads is the fake Io's.
  afterEach(() => void vi.useRealTimers());

  it('after the curveball, the prompt comes again under it, with the time left as it is then', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const curveball: Curveball = { stage: 0, atSeconds: 60, text: 'Traffic just grew tenfold: what breaks first?', shownAtSeconds: null };
    const { io, screen, stage, type } = dumbStage(() => {}, curveball);
    await settled();
    io.clock.now = START + 61_000;
    vi.advanceTimersByTime(1000);
    await settled();
    expect(screen().endsWith('⚡ The interviewer cuts in:\n  Traffic just grew tenfold: what breaks first?\n[03:59 left] > ')).toBe(true);
    type('shard the index\n\n');
    expect((await stage).curveball).toMatchObject({ shownAtSeconds: 61 });
  });

  it('says once that the time is up, with the prompt again showing the time over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { io, screen, stage, type } = dumbStage();
    await settled();
    io.clock.now = START + 299_000;
    vi.advanceTimersByTime(1000);
    expect(screen()).not.toContain('Time is up');
    io.clock.now = START + 302_000;
    vi.advanceTimersByTime(1000);
    await settled();
    expect(screen().endsWith('[05:00 left] > \nTime is up for Clarify: the time over it is counted; an empty line finishes.\n[+00:02 over time] > ')).toBe(true);
    io.clock.now = START + 310_000;
    vi.advanceTimersByTime(3000);
    expect(screen().match(/Time is up/g)).toHaveLength(1);
    type('\n');
    expect((await stage).progress[0]!.usedMs).toBe(310_000);
  });
});

describe('a TERM=dumb stage behind the ready gate', () => {
  /** A five-minute stage waiting at the gate, its clock not started. */
  function gatedStage() {
    const io = fakeIo({ tty: true, now: START });
    const screen = screenOf(io.terminal.output as PassThrough);
    const prompter = createLinePrompter(io, new AbortController().signal);
    const state = startSession(planStages([{ id: 'clarify', title: 'Clarify', goal: 'Scope it.', minutes: 5 }]), START);
    const stage = prompter.runStage({ state, hints: ['Ask about scale.'], strict: false, gated: true, onChange: () => {} });
    const type = (text: string) => (io.terminal.input as PassThrough).write(text);
    return { io, screen, stage, type };
  }

  it('keeps a line typed at the gate as the first note, and starts the clock', async () => {
    const { io, screen, stage, type } = gatedStage();
    await settled();
    expect(screen().endsWith('Press Enter to start the clock > ')).toBe(true);
    type('how many posts a day\n');
    await settled();
    expect(screen().endsWith('[05:00 left] > ')).toBe(true);
    io.clock.now += 20_000;
    type('second note\n\n');
    expect((await stage).progress[0]).toMatchObject({ usedMs: 20_000, notes: 'how many posts a day\nsecond note\n' });
  });

  // At the gate a command runs as it would in the stage; an empty line there only starts the clock.
  it.each([['a command typed at the gate', ['/h\n']], ['a command after an empty line at the gate', ['\n', '/h\n']]])('runs %s', async (_, lines) => {
    const { screen, stage, type } = gatedStage();
    for (const line of lines) {
      await settled();
      type(line);
    }
    await settled();
    expect(screen()).toContain('Hint 1: Ask about scale.');
    type('\n');
    expect((await stage).progress[0]).toMatchObject({ notes: '', hintsShown: 1 });
  });
});

describe('a TERM=dumb choice (mldrill new asks for the category and rubric)', () => {
  it('takes a choice typed by its name, and says why a line that is neither a number nor a name is asked again', async () => {
    const io = fakeIo({ tty: true, now: START });
    const screen = screenOf(io.terminal.output as PassThrough);
    const prompter = createLinePrompter(io, new AbortController().signal);
    const choices = ['recommendation', 'search-ranking', 'ads'].map((value) => ({ value, name: value }));
    const chosen = prompter.select({ message: 'Category', choices });
    const type = (text: string) => (io.terminal.input as PassThrough).write(text);
    await settled();
    type('9\n');
    await settled();
    expect(screen()).toContain('(9: not one of the choices; type its number, 1 to 3, or Enter for 1)');
    type('Ads\n');
    expect(await chosen).toBe('ads');
  });
});
