import { emitKeypressEvents } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { InterruptedError } from '../src/errors.js';
import { startSession } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { loadStyle } from '../src/ui/colour.js';
import { createPrompter } from '../src/ui/prompts.js';
import { loadStagePrompt } from '../src/ui/stage-prompt.js';
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

  // Node's readline waits half a second after a lone Esc for the rest of an escape sequence, and
  // its timer is its own (fake timers do not reach it): the Esc must come well before that.
  it('hands over a lone Esc before Node\'s half a second, and a sequence that arrives whole as one key', async () => {
    const io = fakeIo({ tty: true });
    await createPrompter(io, new AbortController().signal);
    const input = io.terminal.input as NodeJS.ReadableStream & { write(chunk: string): void };
    // As Inquirer's readline does: only the first call on a stream sets its decoder up.
    emitKeypressEvents(input);
    const keys: string[] = [];
    let escaped: () => void = () => {};
    const escape = new Promise<void>((resolve) => (escaped = resolve));
    const listener = (_: unknown, key: { name?: string; sequence?: string }) => {
      keys.push(key.name ?? key.sequence ?? '');
      if (key.name === 'escape') escaped();
    };
    input.on('keypress', listener);
    try {
      input.write('\u001b[A');
      const sent = performance.now();
      input.write('\u001b');
      await escape;
      expect(performance.now() - sent).toBeLessThan(480);
      expect(keys).toEqual(['up', 'escape']);
    } finally {
      input.off('keypress', listener);
    }
  });

  it('says a path or message between prompts without its escape sequences or bidi overrides, keeping its own colour', async () => {
    const io = fakeIo({ tty: true, env: { FORCE_COLOR: '1' } });
    let shown = '';
    io.terminal.output.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    const prompter = await createPrompter(io, new AbortController().signal);
    prompter.say(`${prompter.style.warn('could not be kept in /tmp/x\u001b]0;pwned\u0007\u202eevil (ENOSPC)')}\n`);
    expect(shown).toBe('\u001b[33mcould not be kept in /tmp/xevil (ENOSPC)\u001b[39m\n');
  });

  it('leaves no timer behind when Ctrl-C cuts a stage short before its first render', async () => {
    // Inquirer renders a prompt first a tick after opening it; an abort in that tick closes the
    // prompt before the stage's clock starts, and a clock started after that would keep Node
    // running once the drill is over.
    const io = fakeIo({ tty: true });
    const started = new Set<unknown>();
    const realSet = globalThis.setInterval;
    const realClear = globalThis.clearInterval;
    const setSpy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((...args: Parameters<typeof setInterval>) => {
      const timer = realSet(...args);
      started.add(timer);
      return timer;
    }));
    const clearSpy = vi.spyOn(globalThis, 'clearInterval').mockImplementation((timer) => {
      started.delete(timer);
      realClear(timer);
    });
    try {
      const controller = new AbortController();
      const state = startSession(planStages([{ id: 'a', title: 'A', goal: 'g', minutes: 1 }]), io.now());
      const config = { state, hints: [], strict: false, now: io.now, style: await loadStyle(0), size: () => ({ columns: 80, rows: 24 }), onChange: () => {}, tickMs: 10 };
      const stage = (await loadStagePrompt())(config, { input: io.terminal.input, output: io.terminal.output, signal: controller.signal });
      controller.abort();
      await expect(stage).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([...started]).toEqual([]);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
      for (const timer of started) realClear(timer as NodeJS.Timeout);
    }
  });
});
