// The question picker in process: the prompt driven through mock streams (keys in, screen out),
// as a real terminal would drive it, and Ctrl-Z's `fg` through the listener the prompter gives it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { QuestionSummary } from '../src/bank/catalog.js';
import type { SuspendPhase } from '../src/io.js';
import { PLAIN } from '../src/ui/colour.js';
import { loadPickPrompt } from '../src/ui/pick-prompt.js';

const question = (id: string, title: string, category: string, tags: string[] = []) => ({ id, title, category, difficulty: 'medium', tags, companies: [], rubric: 'ml-system-design', file: `${id}.yaml` }) as unknown as QuestionSummary;
const QUESTIONS = [
  question('feed', 'Newsfeed ranking', 'recommendation', ['ranking']),
  question('ads', 'Ad click prediction', 'ads', ['ranking']),
  question('spam', 'A spam filter', 'trust-safety'),
];

async function drive(keys: (tools: { type: (text: string) => void; waitFor: (text: string) => Promise<void>; suspend: (phase: SuspendPhase) => void; resize: (columns: number) => void }) => Promise<void>) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 30 });
  let shown = '';
  output.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
  let listener: ((phase: SuspendPhase) => void) | undefined;
  let resized: (() => void) | undefined;
  let columns = 80;
  const run = (await loadPickPrompt())(
    { questions: QUESTIONS, lastScores: new Map([['ads', 71]]), style: PLAIN, size: () => ({ columns, rows: 30 }), onResize: (each) => ((resized = each), () => void (resized = undefined)), onSuspend: (each) => ((listener = each), () => void (listener = undefined)) },
    { input, output },
  );
  let from = 0;
  /** Waits for text drawn from where the last one waited for was (no fixed sleeps). */
  const waitFor = async (text: string) => {
    for (let i = 0; i < 300 && !shown.slice(from).includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    if (!shown.slice(from).includes(text)) throw new Error(`never drawn: ${text}\n${shown.slice(from)}`);
    from = shown.indexOf(text, from);
  };
  await waitFor('Pick a question (type to filter)');
  const resize = (width: number) => {
    columns = width;
    resized?.();
  };
  await keys({ type: (text) => void input.write(text), waitFor, suspend: (phase) => listener?.(phase), resize });
  return { chosen: await run, listening: () => listener !== undefined, drawn: () => shown };
}

describe('the picker, driven by keys', () => {
  it('lists by title with the last score, filters as you type, moves with the arrows and picks with Enter', async () => {
    const { chosen, listening } = await drive(async ({ type, waitFor }) => {
      await waitFor('❯ A spam filter (trust-safety, medium)\n  Ad click prediction (ads, medium) · last 71%\n  Newsfeed ranking');
      type('ranking');
      await waitFor('❯ Ad click prediction');
      type('\u001b[B');
      await waitFor('❯ Newsfeed ranking');
      await waitFor('feed');
      type('\r');
    });
    expect(chosen.id).toBe('feed');
    // Done: it no longer listens for fg.
    expect(listening()).toBe(false);
  });

  it('keeps what was typed when Enter finds nothing, and Tab types nothing into the filter', async () => {
    const { chosen } = await drive(async ({ type, waitFor }) => {
      type('zz');
      await waitFor('No question matches "zz"');
      type('\r');
      type('\tz');
      await waitFor('No question matches "zzz"');
      type('\u007f\u007f\u007fspam');
      await waitFor('❯ A spam filter');
      type('\r');
    });
    expect(chosen.id).toBe('spam');
  });

  it('draws itself again when the process runs on after Ctrl-Z, with no key pressed', async () => {
    const { chosen } = await drive(async ({ type, waitFor, suspend }) => {
      type('ad');
      await waitFor('❯ Ad click prediction');
      suspend('stop');
      suspend('continue');
      await waitFor('? Pick a question (type to filter) ad');
      await waitFor('❯ Ad click prediction');
      type('\r');
    });
    expect(chosen.id).toBe('ads');
  });

  it('draws what is typed or pasted without its control characters (a bidi override)', async () => {
    const { chosen, drawn } = await drive(async ({ type, waitFor }) => {
      type('\u202ezz');
      await waitFor('No question matches "zz"');
      type('\u007f'.repeat(3));
      type('spam');
      await waitFor('❯ A spam filter');
      type('\r');
    });
    expect(drawn()).not.toContain('\u202e');
    expect(chosen.id).toBe('spam');
  });

  it('draws itself again at the new size when the terminal is resized, with no key pressed', async () => {
    const { chosen } = await drive(async ({ type, waitFor, resize }) => {
      type('ad');
      await waitFor('❯ Ad click prediction (ads, medium)');
      resize(30);
      // Cleared (the old screen has rewrapped), then drawn to fit: the short heading, the title cut, its kind left out.
      await waitFor('\u001b[H\u001b[2J');
      await waitFor('? Pick a question ad');
      await waitFor('❯ Ad click predic… · last 71%');
      type('\r');
    });
    expect(chosen.id).toBe('ads');
  });
});

