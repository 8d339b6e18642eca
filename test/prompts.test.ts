import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../src/errors.js';
import { planStages, startSession } from '../src/session/engine.js';
import { createPrompter } from '../src/ui/prompts.js';
import { fakeIo } from './helpers/fake-io.js';

describe('the prompt wrapper', () => {
  it('after Ctrl-C between two prompts, opens no further prompt (no readline left holding the terminal)', async () => {
    const io = fakeIo({ tty: true });
    const controller = new AbortController();
    const prompter = await createPrompter(io, controller.signal);
    controller.abort();
    const state = startSession(planStages([{ id: 'a', title: 'A', goal: 'g', minutes: 1 }]), io.now());
    await expect(prompter.runStage({ state, hints: [], strict: false, onChange: () => {} })).rejects.toBeInstanceOf(InterruptedError);
    await expect(prompter.assess('What did you cover?', [])).rejects.toBeInstanceOf(InterruptedError);
    const input = io.terminal.input as NodeJS.ReadableStream & { listenerCount(event: string): number; readableFlowing: boolean | null };
    expect(input.listenerCount('keypress')).toBe(0);
    expect(input.listenerCount('data')).toBe(0);
    expect(input.readableFlowing).not.toBe(true);
  });
});
