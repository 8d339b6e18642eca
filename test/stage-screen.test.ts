// The stage screen in process: the pure layout at several sizes, the key table, and the prompt
// driven through mock streams (keys in, screen out), as a real terminal would drive it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openPad } from '../src/diagram/pad.js';
import { addExchange, revealHint, setNotes, setPadLine, setQuestion, startSession, togglePause, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { compileFacts, NEUTRAL_REPLY } from '../src/session/interviewer.js';
import { PLAIN } from '../src/ui/colour.js';
import { stageAction } from '../src/ui/stage-keys.js';
import { loadStagePrompt, type StagePromptConfig } from '../src/ui/stage-prompt.js';
import { visibleLength } from '../src/text.js';
import { finishedLine, stageLines, type StageView } from '../src/ui/stage-screen.js';
import { assessedLine } from '../src/ui/assess-screen.js';

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

  it('paused past the budget, says how far over it is, not time left', () => {
    const paused = togglePause(startSession(plan, NOW), NOW + 304_000);
    expect(screen(view(paused, { now: NOW + 310_000 }))[0]).toMatch(/⏸ paused · \+00:04 over time$/);
    expect(screen(view(togglePause(startSession(plan, NOW), NOW + 60_000), { now: NOW + 90_000 }))[0]).toMatch(/⏸ paused · 04:00 left$/);
  });

  it('the key line offers Ctrl-P to pause while the clock runs, and to resume while it is paused', () => {
    const running = screen(view(startSession(plan, NOW))).join('\n');
    expect(running).toContain('Ctrl-P  pause');
    expect(running).not.toContain('resume');
    const paused = screen(view(togglePause(startSession(plan, NOW), NOW + 60_000), { now: NOW + 90_000 })).join('\n');
    expect(paused).toContain('Ctrl-P  resume');
    expect(paused).not.toContain('Ctrl-P  pause');
  });

  it('interviewer mode: the question to read out, whole, then on one line when the screen is short', () => {
    const question = 'Design a feed that shows people the posts they care about most, for a social network with a billion users.';
    const checklist = [{ id: 'goal', text: 'Named the goal' }, { id: 'scale', text: 'Quantified scale' }];
    const tall = screen(view(startSession(plan, NOW), { checklist, question }), 80, 40).join('\n');
    expect(tall).toContain('Question\n  Design a feed that shows people the posts they care about most, for a social\n  network with a billion users.');
    const short = screen(view(startSession(plan, NOW), { checklist, question, followups: ['What breaks at ten times the traffic?'] }), 80, 20);
    expect(short.length).toBeLessThanOrEqual(20);
    expect(short.join('\n')).toMatch(/Question\n  Design a feed that shows people the posts they care about most, for a social …\n/);
    expect(screen(view(startSession(plan, NOW)), 80, 40).join('\n')).not.toContain('Question');
  });

  it('shows the notes and the line being typed without the colour sequences they hold (a paste, a checkpoint)', () => {
    const state = setNotes(startSession(plan, NOW), 0, 'plain \u001b[41mRED\u001b[0m note\n');
    const lines = screen(view(state, { line: 'draft \u001b[42mGREEN' }));
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.join('\n')).toContain('plain RED note');
    expect(lines.join('\n')).toContain('> draft GREEN');
  });

  it('keeps the indentation of a note line, so an outline stays one, its wrapped rows under its words', () => {
    const state = setNotes(startSession(plan, NOW), 0, '- serving path\n    - two-tower retrieval from a 10M-item catalogue, refreshed nightly by the batch job\n');
    const lines = screen(view(state), 60, 30);
    expect(lines).toContain('  - serving path');
    expect(lines).toContain('      - two-tower retrieval from a 10M-item catalogue,');
    expect(lines).toContain('      refreshed nightly by the batch job');
    expect(lines.every((line) => visibleLength(line) <= 60)).toBe(true);
  });

  it('a note line taller than the screen (a paragraph pasted whole) shows its last rows, saying what is above, rather than no notes at all', () => {
    const paragraph = Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
    const lines = screen(view(setNotes(startSession(plan, NOW), 0, `short note\n${paragraph}\n`)), 80, 24);
    expect(lines.length).toBeLessThanOrEqual(24);
    const notes = lines.indexOf('Notes');
    expect(notes).toBeGreaterThan(0);
    expect(lines[notes + 1]).toMatch(/^ {2}… \d+ rows above and 1 earlier line$/);
    expect(lines.slice(notes + 2).join(' ')).toMatch(/w598 w599\s/);
    expect(lines[0]).toMatch(/^Stage 1\/2 · Clarify/);
  });

  it('shows the hint key while a hint is left to reveal, and not once all are on screen or there are none', () => {
    const one = revealHint(startSession(plan, NOW), 2);
    expect(screen(view(one)).join('\n')).toMatch(/Tab\s+hint/);
    expect(screen(view(revealHint(one, 2))).join('\n')).not.toMatch(/Tab\s+hint/);
    expect(screen(view(startSession(plan, NOW), { hints: [] })).join('\n')).not.toMatch(/Tab\s+hint/);
  });

  it('fits 60 columns and 15 rows without a line too long, keys included', () => {
    const notes = Array.from({ length: 12 }, (_, i) => `note number ${i + 1} about the users and their requests per second`).join('\n');
    const lines = screen(view(setNotes(startSession(plan, NOW), 0, `${notes}\n`)), 60, 15);
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toMatch(/… 11 earlier lines/);
  });

  it('fits 60 columns and 15 rows with a long answer from the interviewer: the latest answer on one line', () => {
    const notes = Array.from({ length: 12 }, (_, i) => `note number ${i + 1}`).join('\n');
    const answer = 'About 200 million daily users; the home feed is requested 5 billion times a day; p99 under 200 ms for the whole page.';
    const state = addExchange(setNotes(startSession(plan, NOW), 0, `${notes}\n`), { asked: 'how many users and how much traffic?', factId: 'scale', answer, stageId: 'clarify' });
    const lines = screen(view(state), 60, 15);
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toMatch(/\n  › About 200 million daily users; the home feed is request…\n/);
    expect(lines.join('\n')).toContain('note number 12');
  });

  it('on a short terminal (40x12, 80x10, 40x10) folds the goal and the keys: the clock stays on screen, the screen fits', () => {
    const longGoal = planStages([{ id: 'clarify', title: 'Clarify the problem', goal: 'Pin down the business goal, users, scale, latency, data and constraints before designing anything - and whether ML is needed at all.', minutes: 6 }]);
    const notes = Array.from({ length: 5 }, (_, i) => `note ${i + 1}`).join('\n');
    const state = addExchange(setNotes(startSession(longGoal, NOW), 0, `${notes}\n`), { asked: 'latency?', factId: 'latency', answer: 'Under 300 ms at p99.', stageId: 'clarify' });
    for (const [columns, rows] of [[40, 12], [80, 10], [40, 10]] as const) {
      for (const gated of [false, true]) {
        const lines = screen(view(state, { gated }), columns, rows);
        expect(lines.length, `${columns}x${rows}:\n${lines.join("\n")}`).toBeLessThanOrEqual(rows);
        expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(columns);
        expect(lines[0]).toMatch(gated ? /⏸ ready · 06:00 left$/ : /⏱ 06:00 left$/);
        expect(lines.join('\n')).toContain('note 5');
        expect(lines.join('\n')).toContain('Enter');
      }
    }
    // With room, nothing of the frame folds.
    expect(screen(view(state), 40, 40).join('\n')).toContain('Ctrl-C quits (saved)');
  });

  it('the lines left for a finished stage and an assessed one fit 40 columns, the title cut, the figures whole', () => {
    const long = planStages([{ id: 'design', title: 'Design the data, model and serving path', goal: 'Design it.', minutes: 13 }]);
    expect(finishedLine(startSession(long, NOW), 0, NOW + 61_000, PLAIN, 40)).toBe('✔ Design the data, mod… · 01:01 of 13:00');
    expect(finishedLine(startSession(long, NOW), 0, NOW + 61_000, PLAIN)).toBe('✔ Design the data, model and serving path · 01:01 of 13:00');
    const items = Array.from({ length: 11 }, (_, i) => ({ id: `i${i}`, text: `item ${i}`, weight: 1, source: 'rubric' as const }));
    expect(assessedLine('Design the data, model and serving path', items, new Set(['i1']), PLAIN, 40)).toBe('✔ Design the data, mod…: 1 of 11 covered');
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

  it('at the ready gate, shows that the clock waits for Enter, and the budget it will count down', () => {
    const lines = screen(view(startSession(plan, NOW), { gated: true })).join('\n');
    expect(lines).toMatch(/Stage 1\/2 · Clarify +⏸ ready · 05:00 left\n/);
    expect(lines).toContain('The clock starts when you press Enter or start typing.');
  });
});

describe('the interviewer on the stage screen', () => {
  const asked = (state: SessionState, question: string, answer: string, stageId = 'clarify') => addExchange(state, { asked: question, factId: 'f', answer, stageId });

  it('shows the answers under the stage, the latest last, and folds earlier questions for space', () => {
    let state = startSession(plan, NOW);
    for (let i = 1; i <= 4; i++) state = asked(state, `question ${i}?`, `Answer number ${i}, with a number: ${i}00 ms.`);
    const roomy = screen(view(state), 80, 40).join('\n');
    expect(roomy).toMatch(/Interviewer\n\s+… 1 earlier question\n\s+You: question 2\?\n\s+› Answer number 2/);
    expect(roomy).toContain('› Answer number 4, with a number: 400 ms.');
    const tight = screen(view(setNotes(state, 0, 'a\nb\nc\n')), 80, 18);
    expect(tight.length).toBeLessThanOrEqual(18);
    expect(tight.join('\n')).toMatch(/… 3 earlier questions\n\s+You: question 4\?/);
  });

  it('keeps each stage\'s questions to it', () => {
    const state = asked(startSession(plan, NOW), 'latency?', 'Under 200 ms.', 'design');
    expect(screen(view(state)).join('\n')).not.toContain('Under 200 ms.');
  });

  it('without a fact sheet, says so once, in the heading', () => {
    const state = asked(asked(startSession(plan, NOW), 'one?', NEUTRAL_REPLY), 'two?', NEUTRAL_REPLY);
    const text = screen(view(state, { noFactSheet: true }), 100, 40).join('\n');
    expect(text.match(/no fact sheet/g)).toHaveLength(1);
  });

  it('while asking, the line is a question and the keys say Enter asks and Esc goes back', () => {
    const lines = screen(view(startSession(plan, NOW), { lineMode: 'ask', line: 'how many users' }));
    expect(lines.join('\n')).toContain('? ask the interviewer> how many users');
    expect(lines.join('\n')).toMatch(/ Enter  ask\s+ Esc  back to the notes/);
    expect(lines.join('\n')).not.toContain('Tab');
  });

  it('interviewer mode shows the fact sheet, folded to fit, and hidden with Ctrl-O', () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = [{ id: 'a', text: 'Asked about scale' }];
    const full = screen(view(startSession(plan, NOW), { checklist, facts }), 80, 60).join('\n');
    expect(full).toContain('Fact sheet: answer only what is asked');
    expect(full).toMatch(/scale: Fact 7: about 7 million daily users, each with a long answer that\n\s+wraps/);
    expect(full).toContain('Ctrl-O  fact sheet');
    const folded = screen(view(startSession(plan, NOW), { checklist, facts }), 80, 22);
    expect(folded.length).toBeLessThanOrEqual(22);
    expect(folded.join('\n')).toMatch(/scale: Fact 7: about 7 million .*…/);
    expect(folded.join('\n')).toContain('Fact sheet: answer only what is asked (cut to fit: Ctrl-O shows it whole)');
    expect(screen(view(startSession(plan, NOW), { checklist, facts }), 80, 14).join('\n')).toContain('Fact sheet: 7 facts (folded for space: Ctrl-O shows it whole)');
    expect(screen(view(startSession(plan, NOW), { checklist, facts, factsView: 'hidden' }), 80, 60).join('\n')).toContain('Fact sheet: 7 facts (Ctrl-O shows it)');
  });

  it('with the fact sheet asked for whole, every answer stays whole and the rest folds first', () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `Checklist item ${i + 1}` }));
    const state = startSession(plan, NOW);
    const fit = stageLines(view(state, { checklist, facts }), { columns: 80, rows: 30 }, PLAIN);
    expect(fit.factsCut).toBe(true);
    const whole = stageLines(view(state, { checklist, facts, factsView: 'whole' }), { columns: 80, rows: 30 }, PLAIN);
    expect(whole.factsCut).toBe(false);
    const text = whole.lines.join('\n');
    expect(whole.lines.length + whole.help.split('\n').length).toBeLessThanOrEqual(30);
    expect(text).toContain('Fact sheet: answer only what is asked (Ctrl-O hides it)');
    for (let i = 1; i <= 7; i++) expect(text).toMatch(new RegExp(`scale: Fact ${i}: about ${i} million daily users, each with a long answer that\\n\\s+wraps past the width\\.`));
    expect(text).not.toContain('…');
    expect(text).toMatch(/Checklist \(0 of 8 covered\)\n❯ ◯ Checklist item 1\n  ↓ 7 more/);
  });

  // 80x16: the sheet and the checklist do not fit together.
  it('with the fact sheet asked for whole on a short screen: the checklist folds to its count and the sheet comes a screenful at a time, whole facts first', () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `Checklist item ${i + 1}` }));
    const state = startSession(plan, NOW);
    const page = (factsPage: number, rows = 16) => stageLines(view(state, { checklist, facts, factsView: 'whole', factsPage }), { columns: 80, rows }, PLAIN);
    const first = page(0);
    expect(first.factsPages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let i = 0; i < first.factsPages; i++) {
      const { lines, help, factsPages } = page(i);
      expect(factsPages).toBe(first.factsPages);
      expect(lines.length + help.split('\n').length, `page ${i + 1}`).toBeLessThanOrEqual(16);
      const text = lines.join('\n');
      expect(text).toContain('Checklist: 0 of 8 covered (folded for the fact sheet)');
      expect(text).toMatch(i + 1 < factsPages ? /  lines \d+-\d+ of 14; Ctrl-O shows the next/ : /  lines \d+-14 of 14; Ctrl-O hides the sheet/);
      // Each fact is two lines here, never split between two screenfuls.
      const sheet = lines.filter((line) => /^ {2}scale: |^ {4}wraps/.test(line));
      expect(sheet.length % 2, `page ${i + 1}`).toBe(0);
      seen.push(...sheet);
    }
    // Every line of the sheet, once, in order.
    expect(seen).toEqual(facts.flatMap((fact) => [`  scale: ${fact.answer.replace(' wraps past the width.', '')}`, '    wraps past the width.']));
    // A page past the end (the terminal grew taller) shows the last one.
    expect(page(99).lines.join('\n')).toMatch(/lines \d+-14 of 14; Ctrl-O hides the sheet/);
    // Tall enough: the whole sheet at once, the checklist back.
    expect(page(0, 40).factsPages).toBe(1);
    expect(page(0, 40).lines.join('\n')).toContain('Checklist (0 of 8 covered)');
  });

  it('with the fact sheet asked for whole, splits an answer longer than a screenful, and no line is lost', () => {
    const long = Array.from({ length: 12 }, (_, i) => `clause ${i + 1} of a very long answer`).join(', ');
    const facts = [{ topic: 'data', answer: long }, { topic: 'scale', answer: 'About a billion users.' }];
    const state = startSession(plan, NOW);
    const page = (factsPage: number) => stageLines(view(state, { checklist: [{ id: 'a', text: 'Asked about scale' }], facts, factsView: 'whole', factsPage }), { columns: 60, rows: 14 }, PLAIN);
    const pages = page(0).factsPages;
    expect(pages).toBeGreaterThan(1);
    // The sheet's lines of each screenful: between its heading and the line that says where they are.
    const sheetOf = (lines: string[]) => lines.slice(lines.findIndex((line) => line.startsWith('Fact sheet')) + 1, lines.findIndex((line) => line.startsWith('  lines ')));
    const text = Array.from({ length: pages }, (_, i) => sheetOf(page(i).lines).join(' ')).join(' ');
    expect(text.replace(/\s+/g, ' ')).toContain(`data: ${long} scale: About a billion users.`);
  });

  it('with the fact sheet asked for whole, is never taller than the screen where the sheet cut to fit is not', () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `Checklist item ${i + 1}` }));
    const followups = ['What breaks at ten times the traffic?'];
    const state = addExchange(setNotes(startSession(plan, NOW), 0, 'one\ntwo\nthree\n'), { stageId: 'clarify', asked: 'how many users?', answer: 'About a billion.', factId: null });
    for (const rows of [12, 14, 15, 16, 18, 20]) {
      const height = (factsView: 'fit' | 'whole') => screen(view(state, { checklist, facts, followups, factsView, question: 'Design a feed for a billion users.' }), 80, rows).length;
      if (height('fit') <= rows) expect(height('whole'), `${rows} rows`).toBeLessThanOrEqual(rows);
    }
    // At the shortest, the sheet is its heading alone, saying why.
    expect(screen(view(state, { checklist, facts, followups, factsView: 'whole' }), 80, 15).join('\n')).toContain('Fact sheet: 7 facts (folded for space: a taller terminal shows it)');
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
    ['? on an empty line: ask the interviewer', { sequence: '?' }, context, 'ask'],
    ['? in a line: a question mark in the notes', { sequence: '?' }, { ...context, line: 'why' }, 'type'],
    ['? in interviewer mode: typed (the partner is the interviewer)', { sequence: '?' }, { ...context, interviewer: true }, 'type'],
    ['? at the gate: asks, and starts the clock', { sequence: '?' }, { ...context, gated: true }, 'ask'],
    ['asking, Enter: put the question', { name: 'return' }, { ...context, lineMode: 'ask' as const, line: 'how many users' }, 'send'],
    ['asking, Esc: back to the notes', { name: 'escape' }, { ...context, lineMode: 'ask' as const }, 'cancel'],
    ['asking, Ctrl-P: typed, not a pause', { name: 'p', ctrl: true }, { ...context, lineMode: 'ask' as const }, 'type'],
    ['asking, Tab: no hint', { name: 'tab' }, { ...context, lineMode: 'ask' as const }, 'type'],
    ['Ctrl-O in interviewer mode: the fact sheet', { name: 'o', ctrl: true }, { ...context, interviewer: true, facts: true }, 'facts'],
    ['Ctrl-G: the diagram pad', { name: 'g', ctrl: true }, context, 'pad'],
    ['Ctrl-G in a line of notes: the pad (the line waits as the draft)', { name: 'g', ctrl: true }, { ...context, line: 'half' }, 'pad'],
    ['Ctrl-G in interviewer mode: the pad', { name: 'g', ctrl: true }, { ...context, interviewer: true }, 'pad'],
    ['Ctrl-G at the gate: the pad, and the clock starts', { name: 'g', ctrl: true }, { ...context, gated: true }, 'pad'],
    ['Ctrl-G while asking: typed', { name: 'g', ctrl: true }, { ...context, lineMode: 'ask' as const }, 'type'],
    ['in the pad, Enter: add the line', { name: 'return' }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'send'],
    ['in the pad, Esc: back to the notes', { name: 'escape' }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'cancel'],
    ['in the pad, Esc-Enter on an empty line: back to the notes, not swallowed', { name: 'return', meta: true }, { ...context, lineMode: 'pad' as const }, 'cancel'],
    ['in the pad, Esc-Enter on a line: add it, once', { name: 'return', meta: true }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'send'],
    ['in the pad, Up on an empty line: take back the last line', { name: 'up' }, { ...context, lineMode: 'pad' as const }, 'recall'],
    ['in the pad, Backspace on an empty line: take back the last line', { name: 'backspace' }, { ...context, lineMode: 'pad' as const }, 'recall'],
    ['in the pad, Backspace in a line: deletes', { name: 'backspace' }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'type'],
    ['in the pad, Tab: no hint', { name: 'tab' }, { ...context, lineMode: 'pad' as const }, 'type'],
    ['in the pad, Ctrl-B: typed, not the previous stage', { name: 'b', ctrl: true }, { ...context, lineMode: 'pad' as const }, 'type'],
    ['in the pad, Esc and a letter at once: back to the notes (the letter typed there)', { name: 'w', meta: true, sequence: '\u001bw' }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'cancel'],
    ['asking, Esc and ? at once: back to the notes', { meta: true, sequence: '\u001b?' }, { ...context, lineMode: 'ask' as const, line: 'how' }, 'cancel'],
    ['in the pad, Alt-b: a word back, as readline does', { name: 'b', meta: true, sequence: '\u001bb' }, { ...context, lineMode: 'pad' as const, line: 'a -> b' }, 'type'],
    ['pasted, Enter on a line: commit it', { name: 'return' }, { ...context, pasting: true, line: 'alpha' }, 'commit'],
    ['pasted, a blank line: a paragraph break, not the next stage', { name: 'return' }, { ...context, pasting: true }, 'type'],
    ['pasted, ? on an empty line: text, not a question', { sequence: '?' }, { ...context, pasting: true }, 'type'],
    ['pasted, Tab: text, not a hint', { name: 'tab' }, { ...context, pasting: true }, 'type'],
    ['pasted, a BEL: text, not the pad', { name: 'g', ctrl: true }, { ...context, pasting: true }, 'type'],
    ['pasted into the pad, Enter: add the line', { name: 'return' }, { ...context, pasting: true, lineMode: 'pad' as const, line: 'a -> b' }, 'send'],
    ['pasted at the gate: starts the clock', { name: 'w' }, { ...context, pasting: true, gated: true }, 'start'],
    ['Ctrl-C at the gate: types nothing, so the clock stays unstarted as the run quits', { name: 'c', ctrl: true, sequence: '\u0003' }, { ...context, gated: true }, 'type'],
    ['Ctrl-L at the gate: no binding, no start', { name: 'l', ctrl: true }, { ...context, gated: true }, 'type'],
  ] as const)('%s', (_, key, keyContext, action) => {
    expect(stageAction(key, keyContext)).toBe(action);
  });
});

describe('the stage prompt, driven by keys', () => {
  async function drive(state: SessionState, keys: (type: (text: string) => Promise<void>, waitFor: (text: string) => Promise<void>) => Promise<void>, extra: Partial<Pick<StagePromptConfig, 'gated' | 'sheet' | 'checklist' | 'facts' | 'size'>> = {}) {
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
    /** Waits for text to be drawn after what is on screen now (no fixed sleeps). */
    const waitFor = async (text: string) => {
      const from = shown.length;
      for (let i = 0; i < 200 && !shown.slice(from).includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      if (!shown.slice(from).includes(text)) throw new Error(`never drawn: ${text}\n${shown.slice(-1500)}`);
    };
    await keys(type, waitFor);
    return { end: await run, screen: () => shown, changes };
  }

  it('interviewer mode: Ctrl-O shows a fact sheet cut to fit whole, then hides it, then shows it as before', async () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `Checklist item ${i + 1}` }));
    await drive(startSession(plan, NOW), async (type, waitFor) => {
      await waitFor('Fact sheet: answer only what is asked (cut to fit: Ctrl-O shows it whole)');
      await type('\u000f');
      await waitFor('scale: Fact 7: about 7 million daily users, each with a long answer that\n    wraps past the width.');
      await type('\u000f');
      await waitFor('Fact sheet: 7 facts (Ctrl-O shows it)');
      await type('\u000f');
      await waitFor('(cut to fit: Ctrl-O shows it whole)');
      await type('\r\r');
    }, { checklist, facts });
  });

  it('interviewer mode on a short screen: Ctrl-O turns the whole fact sheet a screenful at a time, then hides it', async () => {
    const facts = Array.from({ length: 7 }, (_, i) => ({ topic: 'scale', answer: `Fact ${i + 1}: about ${i + 1} million daily users, each with a long answer that wraps past the width.` }));
    const checklist = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `Checklist item ${i + 1}` }));
    const size = () => ({ columns: 80, rows: 16 });
    // Where each screenful says it is, as the layout pages the sheet at this size.
    const state = startSession(plan, NOW);
    const whole = (factsPage: number) => stageLines(view(state, { checklist, facts, factsView: 'whole', factsPage }), size(), PLAIN).lines.join('\n');
    const pages = stageLines(view(state, { checklist, facts, factsView: 'whole' }), size(), PLAIN).factsPages;
    const markers = Array.from({ length: pages }, (_, i) => /lines \d+-\d+ of 14; Ctrl-O \S+/.exec(whole(i))![0]);
    expect(markers.at(-1)).toMatch(/lines \d+-14 of 14; Ctrl-O hides/);
    await drive(state, async (type, waitFor) => {
      await waitFor('Fact sheet: 7 facts (folded for space: Ctrl-O shows it whole)');
      for (const marker of markers) {
        await type('\u000f');
        await waitFor(marker);
      }
      await type('\u000f');
      await waitFor('Fact sheet: 7 facts (Ctrl-O shows it)');
      await type('\u000f');
      await waitFor('Fact sheet: 7 facts (folded for space: Ctrl-O shows it whole)');
      await type('\r\r');
    }, { checklist, facts, size });
  });

  it('typing straight away writes notes; no letter is a command', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      await type('how many users per day');
      await type('\r');
      await type('\r');
    });
    expect(end.current).toBe(1);
    expect(end.progress[0]).toMatchObject({ notes: 'how many users per day\n', hintsShown: 0 });
  });

  // Esc then a key arrives as Alt and that key: Enter commits the line once, a letter is typed, never dropped.
  it.each([
    ['Esc then Enter commits the line once', ['alpha', '\u001b\r', 'beta\r'], 'alpha\nbeta\n'],
    ['Esc then a letter types the letter', ['al', '\u001bp', 'ha\u001b?\r'], 'alpha?\n'],
  ])('%s', async (_name, keys, notes) => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      for (const key of [...keys, '\r']) await type(key);
    });
    expect(end.progress[0]!.notes).toBe(notes);
  });

  // A paste reaches the prompt as one read of many keys: each is kept, and the screen is drawn
  // after them, not once per key (which made a few kilobytes take seconds to settle).
  it('a paste is typed whole, lines, edits and a question to the interviewer included, and drawn a few times, not once a key', async () => {
    const long = 'two tower retrieval then a ranker '.repeat(60);
    const { end, screen: shown, changes } = await drive(startSession(plan, NOW), async (type) => {
      await type(`${long}\rabc\u007f\u007fz\r?what latency budget do we have\rlast`);
      await type('\r\r');
    }, { sheet });
    expect(end.progress[0]!.notes).toBe(`${long}\naz\nlast\n`);
    expect((end.exchanges ?? []).map((exchange) => exchange.factId)).toEqual(['latency']);
    // Some 2,100 keys: a handful of frames (each has the stage's title), and every key's state handed on.
    expect(shown().split('Stage 1/2 · Clarify').length - 1).toBeLessThan(12);
    expect(changes.length).toBeGreaterThan(2000);
  });

  it('a bracketed paste is text: its blank lines, a ? and a BEL are no commands; after it, keys are', async () => {
    const { end, screen: shown } = await drive(startSession(plan, NOW), async (type) => {
      await type('\u001b[200~para one\r\r? not a question\u0007\rpara two\r\u001b[201~');
      await type('\r');
    });
    expect(end.current).toBe(1);
    expect(end.progress[0]).toMatchObject({ notes: 'para one\n? not a question\npara two\n', hintsShown: 0 });
    expect(end).not.toHaveProperty('padLine');
    // The screen asks the terminal to mark pastes, and stops asking when the stage ends.
    expect(shown()).toContain('\u001b[?2004h');
    expect(shown().lastIndexOf('\u001b[?2004l')).toBeGreaterThan(shown().lastIndexOf('\u001b[?2004h'));
  });

  it('a pasted tab is spaces to the next tab stop: the words it parts stay apart, and the screen shows what it counts', async () => {
    const { end, screen: shown } = await drive(startSession(plan, NOW), async (type) => {
      await type('\u001b[200~\tindented\rusers\t50M\tdaily\u001b[201~');
      await type('\r\r');
    });
    expect(end.progress[0]!.notes).toBe('        indented\nusers   50M     daily\n');
    // The line being typed, as readline now holds it.
    expect(shown()).toContain('users   50M     daily');
    expect(shown()).not.toContain('\t');
  });

  it('a tab typed in the middle of a pad line leaves the cursor after its spaces, where the next key goes', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      // Ctrl-G, "ab -> cd", the cursor back after "ab", a tab (text in the pad), then "X".
      await type('\u0007');
      await type('ab -> cd');
      await type('\u001b[D'.repeat(6));
      await type('\t');
      // Alone: readline puts a chunk of several characters (a paste) at the line's end, wherever its cursor is.
      await type('X');
      await type('\r');
      await type('\u001b\r');
    });
    expect(end.diagram).toBe('ab      X -> cd\n');
  });

  it('Esc and a key at once in the pad or a question: back to the notes, the key the first of a new line', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      // Ctrl-G, a pad line, Esc-w; a question begun, Esc-?.
      for (const keys of ['\u0007', 'a -> b\r', '\u001bw', 'e see it\r', '?how many', '\u001b?', ' later\r\r']) await type(keys);
    });
    expect(end.diagram).toBe('a -> b\n');
    expect(end).not.toHaveProperty('padLine');
    expect(end.progress[0]!.notes).toBe('we see it\n? later\n');
    expect(end.exchanges ?? []).toEqual([]);
  });

  // A user who presses Esc and then Enter within readline's half second gets one key, Enter with
  // meta: each acts as pressed one after the other, never the Enter dropped.
  it.each([
    ['on an empty line: the pad closes and the stage ends', ['\u0007', 'a -> b\r', '\u001b\r'], 1, ''],
    ['with a line set aside in the notes: the pad closes and that line is committed', ['half a note', '\u0007', 'a -> b\r', '\u001b\r', '\r'], 1, 'half a note\n'],
  ])('in the pad, Esc then Enter at once %s', async (_name, keys, current, notes) => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      for (const key of keys) await type(key);
    });
    expect(end.current).toBe(current);
    expect(end.diagram).toBe('a -> b\n');
    expect(end).not.toHaveProperty('padLine');
    expect(end.progress[0]!.notes).toBe(notes);
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

  const sheet = compileFacts([
    { id: 'scale', topic: 'scale' as const, ask: ['how many users'], answer: 'About 50 million daily users.' },
    { id: 'latency', topic: 'latency' as const, ask: ['latency budget'], answer: '300 ms p99 for the whole feed.' },
  ]);

  it('? opens a question to the interviewer; Enter asks it, the answer shows, the notes stay as they were', async () => {
    const { end, screen: shown } = await drive(startSession(plan, NOW), async (type) => {
      await type('a note\r');
      await type('?');
      await type('what response time do we need');
      await type('\r');
      await type('after\r');
      await type('\r');
    }, { sheet });
    expect(end.progress[0]!.notes).toBe('a note\nafter\n');
    expect(end.exchanges).toEqual([{ asked: 'what response time do we need', factId: 'latency', answer: '300 ms p99 for the whole feed.', stageId: 'clarify' }]);
    expect(shown()).toContain('? ask the interviewer> what response time do we need');
    expect(shown()).toContain('› 300 ms p99 for the whole feed.');
  });

  it('Esc leaves the question unasked and goes back to the notes; an off-topic one gets the neutral reply', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type, waitFor) => {
      await type('?');
      await type('never mind');
      // A lone Esc is told from the start of a sequence by a pause: wait for the notes prompt.
      const back = waitFor('\n  > ');
      await type('\u001b');
      await back;
      await type('notes\r');
      await type('?what is your favourite colour\r');
      await type('\r');
    }, { sheet });
    expect(end.progress[0]!.notes).toBe('notes\n');
    expect(end.exchanges).toEqual([{ asked: 'what is your favourite colour', factId: null, answer: NEUTRAL_REPLY, stageId: 'clarify' }]);
  });

  // As in the pad: Esc and Enter pressed within readline's half second arrive as one key, Enter with meta.
  it('Esc then Enter at once on an empty question goes back to the notes and ends the stage, as they would a moment apart', async () => {
    const { end } = await drive(startSession(plan, NOW), async (type) => {
      await type('a note\r');
      await type('?');
      await type('\u001b\r');
    }, { sheet });
    expect(end.current).toBe(1);
    expect(end.progress[0]!.notes).toBe('a note\n');
    expect(end.exchanges ?? []).toEqual([]);
    expect(end.progress[0]).not.toHaveProperty('question');
  });

  it('keeps the question being typed in the session (so a checkpoint holds it), and opens it again when resumed', async () => {
    const { changes } = await drive(startSession(plan, NOW), async (type) => {
      await type('?how many');
      await type('\r\r');
    }, { sheet });
    expect(changes.some((state) => state.progress[0]!.question === 'how many')).toBe(true);
    const resumed = setQuestion(startSession(plan, NOW), 'how many');
    const { end, screen: shown, changes: edits } = await drive(resumed, async (type) => {
      await type(' users');
      await type('\r');
      await type('\r');
    }, { sheet });
    expect(shown()).toContain('? ask the interviewer> how many');
    expect(edits.some((state) => state.progress[0]!.question === 'how many users')).toBe(true);
    expect(end.exchanges).toEqual([{ asked: 'how many users', factId: 'scale', answer: 'About 50 million daily users.', stageId: 'clarify' }]);
    expect(end.progress[0]).not.toHaveProperty('question');
    expect(end.progress[0]!.notes).toBe('');
  });
  it('Ctrl-G opens the diagram pad; Enter adds lines, drawn live; Backspace on an empty line takes the last back to edit; Esc gives the notes line back', async () => {
    const { end, screen: shown, changes } = await drive(startSession(plan, NOW), async (type, waitFor) => {
      await type('half a note');
      await type('\u0007');
      const logs = waitFor('│ logs ├');
      await type('events -> features\r');
      await type('logs -> features\r');
      await logs;
      const typo = waitFor('│ rankr │');
      await type('features -> rankr\r');
      await typo;
      const fixed = waitFor('│ ranker │');
      await type('\u007f');
      await type('\u007fer\r');
      await fixed;
      // A lone Esc is told from the start of a sequence by a pause: wait for the notes prompt.
      const back = waitFor('\n  > half a note');
      await type('\u001b');
      await back;
      await type('\r');
      await type('\r');
    });
    expect(end.diagram).toBe('events -> features\nlogs -> features\nfeatures -> ranker\n');
    expect(end).not.toHaveProperty('padLine');
    expect(end.progress[0]!.notes).toBe('half a note\n');
    expect(shown()).toContain('◇ diagram> features -> rankr');
    expect(shown()).toContain('Diagram (3 lines)');
    // Every change is the session's: a checkpoint holds the line being typed in the pad.
    expect(changes.some((state) => state.padLine === 'features -> rank')).toBe(true);
  });

  it('opens the pad again as it was when resumed with it open, and Esc adds a line half typed rather than lose it', async () => {
    const resumed = setPadLine({ ...startSession(plan, NOW), diagram: 'events -> features\n' }, 'features -> ran');
    const { end, screen: shown } = await drive(resumed, async (type, waitFor) => {
      await type('ker');
      const back = waitFor('\n  > ');
      await type('\u001b');
      await back;
      await type('\r');
    });
    expect(shown()).toContain('◇ diagram> features -> ran');
    expect(shown()).toMatch(/│ events ├/);
    expect(end.diagram).toBe('events -> features\nfeatures -> ranker\n');
  });

  // A checkpoint is a file anyone may have edited, and a paste can carry a bidirectional
  // override (it reorders the rest of the line on screen) or a C1 control: none reaches the terminal.
  it('draws notes, a pad line and pasted text without their control characters or bidi overrides', async () => {
    const hostile = '\u202e\u009b2J\u0085';
    const resumed = setPadLine(setNotes(startSession(plan, NOW), 0, `old${hostile} note\n`), `feed${hostile} -> lo`);
    const { end, screen: shown } = await drive(resumed, async (type, waitFor) => {
      const back = waitFor('\n  > ');
      await type('\u001b');
      await back;
      const typed = waitFor('> pasted text');
      await type(`pasted${hostile} text`);
      await typed;
      await type('\r\r');
    });
    expect(shown()).toContain('old note');
    expect(shown()).toContain('◇ diagram> feed -> lo');
    expect(shown()).not.toMatch(/[\u202e\u0085\u009b]/);
    // The text itself is kept as typed: it is the user's, and every other output sanitises it.
    expect(end.progress[0]!.notes).toContain(`pasted${hostile} text`);
  });
});

describe('notes in a script of wide characters (CJK: two columns each)', () => {
  /** Columns as a terminal draws them, measured apart from the code under test: a CJK ideograph takes two. */
  const drawn = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].reduce((sum, char) => sum + (/[\u3000-\u9fff]/.test(char) ? 2 : 1), 0);
  const CJK = '每天有多少用户访问这个论坛以及有多少垃圾帖子需要处理我们的目标是什么';

  it('no line is wider than the terminal, so the screen is as tall as its layout counts', () => {
    const state = setNotes(startSession(plan, NOW), 0, Array.from({ length: 6 }, (_, i) => `第${i + 1}行${CJK}`).join('\n') + '\n');
    for (const [columns, rows] of [[40, 20], [80, 24], [20, 10]] as const) {
      const lines = screen(view(state), columns, rows);
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const line of lines) expect(drawn(line), line).toBeLessThanOrEqual(columns);
      expect(lines[0]).toMatch(/⏱ 05:00 left$/);
    }
    // A line with no spaces wraps inside, at the width, and is kept whole in the session.
    expect(screen(view(state), 40, 20).join('\n')).toContain('\n  第6行每天有多少用户访问这个论坛以及\n  有多少垃圾帖子需要处理我们的目标是什\n  么\n');
  });
});

describe('the diagram pad on the stage screen', () => {
  const FOUR = 'events -> features\nlogs -> features\nfeatures -> ranker\nranker -> feed\n';
  const padView = async (state: SessionState, extra: Partial<StageView> = {}) => {
    const pad = await openPad();
    return view(state, { lineMode: 'pad', diagram: FOUR, drawDiagram: (source, size) => pad.view(source, size).lines, ...extra });
  };

  it('draws the diagram under the notes, the pad line and its keys under it', async () => {
    const lines = screen(await padView(setNotes(startSession(plan, NOW), 0, 'a note\n'), { line: 'feed -> lo' }), 80, 40);
    const text = lines.join('\n');
    expect(text).toMatch(/Notes\n {2}a note\n\nDiagram \(4 lines\)\n/);
    // Fan-in: two boxes into features.
    for (const name of ['events', 'logs', 'features', 'ranker', 'feed']) expect(text).toMatch(new RegExp(`│ ${name} +[│├]`));
    expect(text).toContain('◇ diagram> feed -> lo');
    expect(text).toMatch(/ Enter  add the line\s+ ↑  take back the last line\s+ Esc  back to the notes/);
    expect(text).not.toContain('Tab');
    expect(lines.every((line) => visibleLength(line) <= 80)).toBe(true);
  });

  it('shows a line that is not an edge with its hint, never drops it', async () => {
    const text = screen(await padView(startSession(plan, NOW), { diagram: `${FOUR}the ranker is a GBDT.\n` }), 100, 40).join('\n');
    expect(text).toContain('line 5: not an edge: this reads as a sentence, not a component;');
    expect(text).toMatch(/│ ranker +[│├]/);
  });

  it('fits 60 columns and 18 rows: it says what does not fit and shows what does', async () => {
    const lines = screen(await padView(setNotes(startSession(plan, NOW), 0, 'one\ntwo\nthree\n')), 60, 18);
    expect(lines.length).toBeLessThanOrEqual(18);
    expect(lines.every((line) => visibleLength(line) <= 60)).toBe(true);
    expect(lines.join('\n')).toMatch(/does not fit in/);
    expect(lines.join('\n')).toContain('◇ diagram>');
  });

  it('on a short terminal (40x12, 40x10, 80x10, 20x10), open or closed, the screen fits with the clock on its first line', async () => {
    // A question asked and notes written: with the pad open, the answer and the folded notes give way to the picture.
    const state = addExchange(setNotes(startSession(plan, NOW), 0, 'one\ntwo\n'), { asked: 'latency?', factId: 'latency', answer: 'Under 300 ms at p99 for the whole page.', stageId: 'clarify' });
    for (const [columns, rows] of [[40, 12], [40, 10], [80, 10], [20, 10]] as const) {
      for (const open of [true, false]) {
        const lines = screen(open ? await padView(state) : view(state, { diagram: FOUR }), columns, rows);
        const shown = `${columns}x${rows}, pad ${open ? 'open' : 'closed'}:\n${lines.join('\n')}`;
        expect(lines.length, shown).toBeLessThanOrEqual(rows);
        expect(lines[0], shown).toMatch(/⏱ 05:00 left$/);
        expect(lines.join('\n'), shown).toContain(open ? '◇ diagram>' : 'two');
      }
    }
    // Shorter still (30x9, 20x8, 30x7): the answer and the notes give way too, the clock's line stays.
    for (const [columns, rows] of [[30, 9], [20, 8], [30, 7]] as const) {
      const lines = screen(view(state, { diagram: FOUR }), columns, rows);
      const shown = `${columns}x${rows}:\n${lines.join('\n')}`;
      expect(lines.length, shown).toBeLessThanOrEqual(rows);
      expect(lines[0], shown).toMatch(/⏱ 05:00 left$/);
      expect(lines.join('\n'), shown).toContain('>');
    }
    // At 40x12 the pad shows the part of the picture that fits; at 40x10 there is no room for a box, and it says so.
    expect(screen(await padView(state), 40, 12).join('\n')).toMatch(/│ events ├───▶│ features │\n.*\n {2}showing the first 1 of 4 edges/);
    expect(screen(await padView(state), 40, 10).join('\n')).toContain('no room to draw 4 edges here');
    // At 60x15 the answer gives way to a picture, not to a note that there is no room for one.
    const chain = screen(await padView(state, { diagram: 'events -> features -> ranker\n' }), 60, 15);
    expect(chain.length).toBeLessThanOrEqual(15);
    expect(chain.join('\n')).toMatch(/│ events ├───▶│ features ├───▶│ ranker │/);
  });

  it('before the renderer has loaded, says so; closed, a line says how many lines the diagram has', () => {
    expect(screen(view(startSession(plan, NOW), { lineMode: 'pad', diagram: FOUR })).join('\n')).toContain('loading the drawing…');
    const closed = screen(view(startSession(plan, NOW), { diagram: FOUR })).join('\n');
    expect(closed).toContain('Diagram: 4 lines (Ctrl-G opens the pad)');
    expect(closed).toContain('Ctrl-G  diagram');
    expect(screen(view(startSession(plan, NOW))).join('\n')).not.toContain('Diagram');
  });
});
