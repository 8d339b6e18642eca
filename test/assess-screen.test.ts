// The self-assessment in process: the pure layout at several sizes, and the prompt driven
// through mock streams (keys in, screen out), as a real terminal would drive it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ScoredItem } from '../src/session/interview.js';
import { evidenceSources, suggestForStages, suggestFromNotes, type EvidenceSource } from '../src/score/suggest.js';
import { visibleLength } from '../src/text.js';
import { assessIntro, assessLines, type AssessView } from '../src/ui/assess-screen.js';
import { loadAssessPrompt } from '../src/ui/assess-prompt.js';
import { PLAIN } from '../src/ui/colour.js';
import type { SuspendPhase } from '../src/io.js';
import { until } from './helpers/tmux.js';

const item = (id: string, text: string, keywords?: string[], source: 'rubric' | 'question' = 'rubric'): ScoredItem => ({ id, text, weight: 1, source, keywords });
const items = [
  ...Array.from({ length: 12 }, (_, i) => item(`r${i}`, `Rubric item number ${i + 1}`, [`kw${i}`])),
  item('q1', 'Asked where the feed appears', ['surface'], 'question'),
  item('q2', 'Named the cold-start users', ['cold start'], 'question'),
];
const notes = 'users: 2B monthly\npeak 20k QPS, KW11 matters\nwhere on the surface?\n';
const suggested = suggestFromNotes(items, notes);
const view = (extra: Partial<AssessView> = {}): AssessView => ({
  message: 'Clarify: what did you cover?', items, ticked: new Set(suggested.keys()), cursor: 0, evidence: suggested, notes, ...extra,
});
const screen = (v: AssessView, columns = 80, rows = 24) => {
  const { lines, help } = assessLines(v, { columns, rows }, PLAIN);
  return [...lines, ...help.split('\n')];
};

describe('the self-assessment layout', () => {
  it('shows notes and their matched words without the colour sequences a note holds (a paste, a checkpoint)', () => {
    const painted = 'peak 20k \u001b[41mQPS\u001b[0m at noon\n';
    const lines = screen(view({ notes: painted, evidence: new Map([['r0', 'k \u001b[41mQPS']]) }));
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.join('\n')).toContain('peak 20k QPS at noon');
    expect(lines.join('\n')).toContain('✦ “k QPS”');
  });

  it('shows every item when they fit, the notes above them, and each suggestion with the words that suggested it', () => {
    const text = screen(view(), 80, 40).join('\n');
    expect(text).toContain('Clarify: what did you cover? (2 of 14 ticked)');
    expect(text).toContain('Your notes:\n  users: 2B monthly · peak 20k QPS, KW11 matters · where on the surface?');
    expect(text).toContain('◉ Rubric item number 12 ✦ “KW11”');
    expect(text).toContain('── specific to this question ──\n  ◉ Asked where the feed appears ✦ “surface”');
    expect(text).toContain('◯ Named the cold-start users\n');
    expect(text).not.toMatch(/more/);
  });

  it('keeps a question item that replaces a rubric item among the rubric items, the separator above the question\'s own items only', () => {
    // buildInterview puts a replacement in the place of the rubric item it replaces.
    const replaced = [item('r0', 'Named the goal'), item('costs', 'Weighed a late arrival against an early one', [], 'question'), item('r2', 'Raised privacy constraints'), item('r3', 'Restated the problem'), item('legs', 'Split the trip into its legs', [], 'question')];
    const text = screen(view({ items: replaced, ticked: new Set(), evidence: new Map(), notes: '' }), 80, 40).join('\n');
    expect(text).toContain('◯ Named the goal\n  ◯ Weighed a late arrival against an early one\n  ◯ Raised privacy constraints\n  ◯ Restated the problem\n  ── specific to this question ──\n  ◯ Split the trip into its legs');
    expect(text.match(/specific to this question/g)).toHaveLength(1);
  });

  it('says where a suggestion\'s words are when they are not in this stage\'s notes: another stage, or a question to the interviewer', () => {
    // The notes of any stage, and the questions put to the interviewer, suggest items of every stage.
    const stages = ['where on the surface?\n', 'peak 20k QPS, KW11 matters\n', 'a cold start plan\n'];
    const all = suggestForStages([[], items, []], `${stages.join('\n')}\nhow many users? kw3\n`);
    const sources = evidenceSources(all, stages, ['how many users? kw3']);
    expect(sources[1]).toEqual(new Map<string, EvidenceSource>([['q1', 0], ['q2', 2], ['r3', 'asked']]));
    const text = screen(view({ evidence: all[1]!, evidenceFrom: sources[1]!, notes: stages[1]!, ticked: new Set(all[1]!.keys()) }), 80, 40).join('\n');
    expect(text).toContain('◉ Rubric item number 12 ✦ “KW11”\n');
    expect(text).toContain('◉ Rubric item number 4 ✦ “kw3” (your question)');
    expect(text).toContain('◉ Asked where the feed appears ✦ “surface” (stage 1 notes)');
    expect(text).toContain('◉ Named the cold-start users ✦ “cold start” (stage 3 notes)');
  });

  it('on a short terminal, fits its height and counts what is below, ticked items included', () => {
    const lines = screen(view(), 80, 15);
    expect(lines.length).toBeLessThanOrEqual(14);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(80);
    expect(lines[0]).toContain('Clarify: what did you cover?');
    expect(lines.join('\n')).toMatch(/↓ \d+ more · 2 ticked/);
    expect(lines.join('\n')).toContain('❯ ◯ Rubric item number 1');
  });

  it('keeps the cursor in view, with what is above it counted', () => {
    const text = screen(view({ cursor: 13 }), 80, 15).join('\n');
    expect(text).toContain('❯ ◯ Named the cold-start users');
    expect(text).toMatch(/↑ \d+ more\n/);
    expect(text).not.toMatch(/↓ \d+ more/);
  });

  it('never runs wider than 40 columns when the terminal is that narrow', () => {
    const lines = screen(view(), 40, 20);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(40);
    expect(lines.length).toBeLessThanOrEqual(19);
  });

  it('says when the stage has no notes', () => {
    expect(screen(view({ notes: '', evidence: new Map(), ticked: new Set() }), 80, 40).join('\n')).toContain('Your notes: none in this stage.');
  });
});

const FG = 'fg';

describe('the self-assessment prompt, driven by keys', () => {
  async function drive(keys: string[], rows = 12, shownNotes = notes) {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows });
    let shown = '';
    output.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
    let suspend: ((phase: SuspendPhase) => void) | undefined;
    const run = (await loadAssessPrompt())(
      { message: 'Clarify: what did you cover?', title: 'Clarify', items, preselected: new Set(suggested.keys()), evidence: suggested, notes: shownNotes, style: PLAIN, size: () => ({ columns: 80, rows }), onSuspend: (listener) => ((suspend = listener), () => void (suspend = undefined)) },
      { input, output },
    );
    await until(() => (shown.includes('what did you cover?') ? true : undefined), 'the first screen');
    for (const key of keys) {
      const before = shown.length;
      // Ctrl-Z, then `fg`: no key reaches the prompt.
      if (key === FG) ['stop', 'continue'].forEach((phase) => suspend?.(phase as SuspendPhase));
      else input.write(key);
      // Every key but Enter redraws the screen: wait for that, not for a fixed time.
      if (key !== '\r') await until(() => (shown.length > before ? true : undefined), `the screen after ${JSON.stringify(key)}`);
    }
    return { ids: await run, screen: () => shown };
  }

  it('draws itself again when the process runs on after Ctrl-Z, before any key', async () => {
    const { ids, screen } = await drive([FG, '\r']);
    expect(screen().split('what did you cover?')).toHaveLength(3);
    expect(ids).toEqual(['r11', 'q1']);
  });

  it('Enter confirms the suggestions it showed, and leaves one line: the stage and its count', async () => {
    const { ids, screen } = await drive(['\r']);
    expect(ids).toEqual(['r11', 'q1']);
    expect(screen()).toContain('↓ ');
    expect(screen()).toMatch(/✔ Clarify: 2 of 14 covered/);
  });

  it('shows the notes without a bidi override or control character (a checkpoint anyone may have edited)', async () => {
    const { screen } = await drive(['\r'], 24, 'users\u202e 2B\u009b2J monthly\n');
    expect(screen()).toContain('users 2B monthly');
    expect(screen()).not.toMatch(/[\u202e\u009b]/);
  });

  it('Space ticks and unticks the item under the cursor; arrows move it, and the list scrolls', async () => {
    const down = '\u001b[B';
    const { ids, screen } = await drive([' ', down, ' ', ...Array(11).fill(down), ' ', '\r']);
    expect(ids).toEqual(['r0', 'r1', 'r11']);
    expect(screen()).toMatch(/↑ \d+ more/);
    expect(screen()).toMatch(/✔ Clarify: 3 of 14 covered/);
  });
});

describe('the intro above the checklist', () => {
  it.each([80, 60, 40])('fits %i columns, breaking lines between words only', (width) => {
    const lines = assessIntro(true, PLAIN, width).split('\n');
    for (const line of lines) expect(visibleLength(line), line).toBeLessThanOrEqual(width);
    expect(lines.join(' ')).toBe('Self-assessment: tick what you really covered (Space ticks, Enter confirms). ✦ marks an item your notes mention, ticked for you: untick what you did not cover.');
  });

  it('explains the marker only when something is suggested', () => {
    expect(assessIntro(false, PLAIN, 80)).toBe('Self-assessment: tick what you really covered (Space ticks, Enter confirms).');
    expect(assessIntro(false, PLAIN, 120, 'type the numbers to tick or untick, an empty line confirms')).toBe('Self-assessment: tick what you really covered (type the numbers to tick or untick, an empty line confirms).');
  });
});
