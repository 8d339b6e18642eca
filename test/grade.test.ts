// `mldrill grade`: in-process and as a real process; text and JSON, headings, bad files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith, PROGRESS_BANK } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';
import { makeRecord } from '../src/store/record.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-grade-'));
const write = (name: string, content: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};
const NOTES = write('notes.md', [
  'Passengers are mostly anonymous seats.',
  '## clarify',
  '- Usable viewing time: block time minus meals and the pre-landing shutdown.',
  '## Design the data, model and serving path',
  '- Score titles, then a knapsack over runtime fits the set into the usable time.',
  '## Lunch break',
  '- guardrails: early abandonment rate',
  '',
].join('\n'));
const Q = 'inflight-movie-recommendations';

async function grade(args: string[], options: { home?: string; stdin?: string; tty?: boolean } = {}) {
  const io = fakeIo({ env: { MLDRILL_HOME: options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')), NO_COLOR: '1' }, cwd: dir, tty: options.tty });
  if (options.stdin !== undefined) (io.terminal.input as unknown as NodeJS.WritableStream).end(options.stdin);
  const code = await main(['grade', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

interface Flow { from: string; to: string; description: string }
interface GradeJson {
  questionId: string; rubricId: string; grader: string; score: number; capped: boolean;
  stages: Array<{ id: string; score: number; items: Array<{ id: string; text: string; weight: number; core: boolean; met: boolean; evidence: string | null }> }>;
  diagram: null | { components: { found: number; expected: number; missing: string[]; unexpected: string[] }; flows: { found: number; expected: number; missing: Flow[]; reversed: Flow[] } };
}

/** Notes with a drawing: six of the eight components (the knapsack is the selection), four key flows, one drawn backwards, one box the reference lacks. */
const DRAWN = write('drawn.md', [
  '## architecture',
  '- everything runs on the aircraft, offline',
  '## diagram',
  'movie catalog -> ground training -> model package -> onboard ranker',
  'onboard ranker -> knapsack',
  'ground training -> viewing logs',
  'seat power monitor',
  '',
].join('\n'));

describe('mldrill grade <question-id> --notes FILE', () => {
  it('warns once about many headings that name no stage, naming the first few and the count', async () => {
    const headings = Array.from({ length: 3000 }, (_, i) => `## Topic ${i + 1}\npoint ${i + 1}`);
    write('many-headings.md', ['## clarify', 'Who are the passengers?', ...headings, ''].join('\n'));
    const { code, err } = await grade([Q, '--notes', 'many-headings.md', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('mldrill: warning: many-headings.md: 3000 headings name no stage (clarify, metrics, architecture, deep-dive): "## Topic 1" (line 3), "## Topic 2" (line 5), "## Topic 3" (line 7) and 2997 more; their text counts for every stage\n');
    write('two-headings.md', '## Lunch\nsoup\n## Dinner\nrice\n');
    expect((await grade([Q, '--notes', 'two-headings.md', '--json'])).err).toBe('mldrill: warning: two-headings.md: 2 headings name no stage (clarify, metrics, architecture, deep-dive): "## Lunch" (line 1), "## Dinner" (line 3); their text counts for every stage\n');
  });

  it('takes headings as people write them: a colon after, a number before, bold, any case', async () => {
    write('written.md', '## Clarify the problem:\nWho flies?\n## 2. **Metrics**\nwatch time\n## **ARCHITECTURE**:\ntwo towers\n## Diagram:\nlogs -> training\n');
    const { code, out, err } = await grade([Q, '--notes', 'written.md', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect((JSON.parse(out) as GradeJson).diagram).not.toBeNull();
  });

  it("takes a stage's id with a space for its hyphen, and its title with the plan's minutes after it", async () => {
    write('plan-headings.md', '## Deep dive\nmonitoring\n## deep_dive\nalerts\n## Clarify the problem (6 min)\nWho flies?\n## **Go deep on the hard parts** (15 minutes):\nre-plan\n## Deep dive (later)\nsoup\n');
    const { code, err } = await grade([Q, '--notes', 'plan-headings.md', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('mldrill: warning: plan-headings.md:9: heading "## Deep dive (later)" names no stage (clarify, metrics, architecture, deep-dive); its text counts for every stage\n');
  });

  it('prints the documented JSON: core items first, evidence from the notes, null when not met', async () => {
    const { code, out, err } = await grade([Q, '--notes', 'notes.md', '--json']);
    expect(code).toBe(0);
    expect(err).toBe(`mldrill: warning: notes.md:6: heading "## Lunch break" names no stage (clarify, metrics, architecture, deep-dive); its text counts for every stage\n`);
    const doc = JSON.parse(out) as GradeJson;
    expect(Object.keys(doc)).toEqual(['questionId', 'rubricId', 'grader', 'score', 'capped', 'stages', 'diagram']);
    expect(doc.diagram).toBeNull();
    expect(doc).toMatchObject({ questionId: Q, rubricId: 'ml-system-design', grader: 'keywords', capped: false });
    expect(doc.stages.map((stage) => stage.id)).toEqual(['clarify', 'metrics', 'architecture', 'deep-dive']);
    const clarify = doc.stages[0]!.items;
    expect(Object.keys(clarify[0]!)).toEqual(['id', 'text', 'weight', 'core', 'met', 'evidence']);
    expect(clarify[0]).toMatchObject({ id: 'usable-time-budget', core: true, met: true, evidence: 'Usable viewing time' });
    // Text before any heading and under an unknown heading counts for every stage.
    expect(clarify.find((item) => item.id === 'identity-and-history')).toMatchObject({ met: true, evidence: 'anonymous' });
    expect(doc.stages[1]!.items.find((item) => item.id === 'guardrails')).toMatchObject({ met: true, evidence: 'guardrails' });
    expect(doc.stages[2]!.items[0]).toMatchObject({ id: 'score-then-pack', core: true, met: true, evidence: 'knapsack' });
    expect(doc.stages[3]!.items.every((item) => item.met === (item.evidence !== null))).toBe(true);
    expect(doc.score).toBeGreaterThan(0);
    expect(doc.score).toBeLessThan(40);
  });

  it('prints a table per stage in text, met and missed items with their evidence', async () => {
    const { code, out } = await grade([Q, '--notes', NOTES]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Grade · In-flight movie set recommendations\nScore \d+%/);
    expect(out).toContain('\nClarify the problem  ');
    expect(out).toContain('  ✓ core Turned the flight time into a usable viewing budget and asked whether unfinished movies count as failures  "Usable viewing time"\n');
    expect(out).toMatch(/ {2}✗ Quantified scale/);
  });

  it('wraps its text to an 80-column terminal at word breaks: items, evidence and the Diagram: line', async () => {
    const { code, out } = await grade([Q, '--notes', DRAWN], { tty: true });
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    expect(lines.slice(2, 5)).toEqual([
      'Diagram: 6 of 8 components, 4 of 8 key flows; missing: passenger context,',
      'seatback screen; drawn the wrong way round: the loop: onboard viewing logs',
      'uploaded after landing and back to training',
    ]);
    // An item's further lines sit under its first word; the evidence follows where it fits.
    expect(out).toContain('  ✓ Drew a high-level diagram with both the ML and the non-ML components\n    "diagram with 6 of 8 components, 4 of 8 key flows"\n');
  });

  it('compares a ## diagram section with the reference: found, missing and reversed in JSON; its lines are not notes', async () => {
    const { code, out, err } = await grade([Q, '--notes', DRAWN, '--json']);
    expect([code, err]).toEqual([0, '']);
    const doc = JSON.parse(out) as GradeJson;
    expect(doc.diagram).toEqual({
      components: { found: 6, expected: 8, missing: ['passenger-context', 'seatback-screen'], unexpected: ['seat power monitor'] },
      flows: {
        found: 4,
        expected: 8,
        missing: expect.arrayContaining([{ from: 'viewing-logs', to: 'ground-training', description: 'the loop: onboard viewing logs uploaded after landing and back to training' }]),
        reversed: [{ from: 'viewing-logs', to: 'ground-training', description: 'the loop: onboard viewing logs uploaded after landing and back to training' }],
      },
    });
    const architecture = doc.stages.find((stage) => stage.id === 'architecture')!.items;
    // Half the components and a key flow: the diagram item is met, with the comparison as its evidence.
    expect(architecture.find((item) => item.id === 'diagram')).toMatchObject({ met: true, evidence: 'diagram with 6 of 8 components, 4 of 8 key flows' });
    // `knapsack` is drawn, not written: the core item that asks for it stays unmet.
    expect(architecture.find((item) => item.id === 'score-then-pack')).toMatchObject({ met: false });
  });

  it('prints the comparison as a Diagram: line in text', async () => {
    const { code, out } = await grade([Q, '--notes', DRAWN]);
    expect(code).toBe(0);
    expect(out.split('\n')[2]).toBe('Diagram: 6 of 8 components, 4 of 8 key flows; missing: passenger context, seatback screen; drawn the wrong way round: the loop: onboard viewing logs uploaded after landing and back to training');
  });

  it('reads a ## diagram section fenced as Markdown, or the Mermaid block an export gives: the fences and ids are no components', async () => {
    const fenced = write('fenced.md', '## clarify\n- flight time\n## diagram\n```\nmovie catalog -> ranker\n```\n```mermaid\nflowchart LR\n  ranker["ranker"]\n  seat_screen["seatback screen"]\n  ranker --> seat_screen\n```\n');
    const { code, out, err } = await grade([Q, '--notes', fenced, '--json']);
    expect([code, err]).toEqual([0, '']);
    expect((JSON.parse(out) as GradeJson).diagram).toMatchObject({ components: { found: 3, unexpected: [] } });
  });

  it('warns about a ## diagram line that is not an edge, at its line and column in the file', async () => {
    const odd = write('odd.md', '## clarify\n- flight time\n## diagram\nmovie catalog -> ranker\n\nranker => screen\n## metrics\n- recall@10\n');
    const { code, out, err } = await grade([Q, '--notes', odd, '--json']);
    expect(code).toBe(0);
    expect(err).toBe(`mldrill: warning: ${odd}:6:8: not an edge: an arrow mldrill does not read; write arrows as -> (<- backwards, -[label]-> with a label); the line is left out of the comparison\n`);
    expect((JSON.parse(out) as GradeJson).diagram).toMatchObject({ components: { found: 2 } });
  });

  it('says where escape sequences were left out of the names in a ## diagram section, as mldrill diagram does', async () => {
    const coloured = write('coloured.md', '## clarify\n- flight time\n## diagram\nmovie \u001b[31mcatalog -> ranker\n');
    const { code, err } = await grade([Q, '--notes', coloured, '--json']);
    expect(code).toBe(0);
    expect(err).toBe(`mldrill: warning: ${coloured}:4:7: control characters (an escape sequence?) are left out of the names on this line\n`);
  });

  it('compares a ## diagram section whose lines are none of them edges as a drawing of nothing, not as no section', async () => {
    const { code, out, err } = await grade([Q, '--notes', '-', '--json'], { stdin: '## clarify\n- flight time\n## diagram\nranker => screen\n' });
    expect(code).toBe(0);
    expect(err).toMatch(/not an edge/);
    expect((JSON.parse(out) as GradeJson).diagram).toMatchObject({ components: { found: 0 }, flows: { found: 0 } });
  });

  it('says when the question has no reference diagram to compare with, and prints "diagram": null', async () => {
    const { code, out, err } = await grade(['fx-feed', '--notes', '-', '--json', '--bank', PROGRESS_BANK], { stdin: '## diagram\nevents -> ranker\n' });
    expect([code, err]).toEqual([0, 'mldrill: warning: fx-feed has no reference diagram; the ## diagram section is not compared\n']);
    expect((JSON.parse(out) as GradeJson).diagram).toBeNull();
  });

  it('does not suggest the diagram item from a drawing with too few of the components', async () => {
    const sparse = write('sparse.md', '## diagram\nmovie catalog -> onboard ranker\n');
    const doc = JSON.parse((await grade([Q, '--notes', sparse, '--json'])).out) as GradeJson;
    expect(doc.diagram).toMatchObject({ components: { found: 2, expected: 8 }, flows: { found: 0 } });
    expect(doc.stages[2]!.items.find((item) => item.id === 'diagram')).toMatchObject({ met: false, evidence: null });
  });

  it('meets no core item from generic metrics notes', async () => {
    const notes = write('offpoint.md', '## metrics\n- recall@10, NDCG on replayed flights\n- guardrail: abandonment\n- baseline: route popularity\n');
    const doc = JSON.parse((await grade([Q, '--notes', notes, '--json'])).out) as GradeJson;
    expect(doc.stages.flatMap((stage) => stage.items).filter((item) => item.core).every((item) => !item.met)).toBe(true);
  });

  it('reads the notes from stdin with -', async () => {
    const { code, out } = await grade([Q, '--notes', '-', '--json'], { stdin: '## clarify\nknapsack\n' });
    expect(code).toBe(0);
    expect((JSON.parse(out) as GradeJson).stages[2]!.items[0]).toMatchObject({ id: 'score-then-pack', met: true });
  });

  it('at a terminal, refuses a mistyped question or rubric, or --ai without a server, before waiting for notes to be typed', async () => {
    const typed = { tty: true, stdin: '## clarify\n- knapsack over the usable time\n' };
    const reading = 'mldrill: reading the notes from the terminal; type or paste them, then Ctrl-D on a line of its own (Ctrl-Z, Enter on Windows)\n';
    expect(await grade(['inflight-movie-recomendations', '--notes', '-'], typed)).toMatchObject({ code: 1, err: 'mldrill: no question with id "inflight-movie-recomendations"; did you mean "inflight-movie-recommendations"?\n' });
    const rubric = await grade([Q, '--notes', '-', '--rubric', 'ml-system-desing'], typed);
    expect(rubric.code).toBe(1);
    expect(rubric.err).toMatch(/^mldrill: no rubric with id "ml-system-desing"[^\n]*\n$/);
    const ai = await grade([Q, '--notes', '-', '--ai'], typed);
    expect(ai.code).toBe(2);
    expect(ai.err).toMatch(/^mldrill: --ai needs a server: set MLDRILL_LLM_URL[^\n]*\n$/);
    // With nothing to refuse, it says it is waiting, then grades what was typed.
    const graded = await grade([Q, '--notes', '-', '--json'], typed);
    expect([graded.code, graded.err]).toEqual([0, reading]);
    expect((JSON.parse(graded.out) as GradeJson).stages[2]!.items[0]).toMatchObject({ id: 'score-then-pack', met: true });
  });

  it.each([
    ['a missing file', () => 'nowhere.md', 2, 'mldrill: nowhere.md: no such file; give the path of a notes file, or - for stdin\n'],
    ['an empty file', () => path.basename(write('empty.md', ' \n\n')), 2, 'mldrill: empty.md: the notes are empty; write what you covered, one point a line, under ## headings named after the stages\n'],
    ['a binary file', () => path.basename(write('binary.md', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))), 2, 'mldrill: binary.md: a binary file, not notes; give a Markdown or text file\n'],
    ['a directory', () => '.', 2, 'mldrill: .: a directory, not a regular file; give a notes file, or - for stdin\n'],
    // As lint, config and diagram say it: UTF-16 is no binary file, and the stray byte is named where it is.
    ['notes saved as UTF-16', () => path.basename(write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## clarify\n- knapsack\n', 'utf16le')]))), 2, 'utf16.md:1:1: the file is UTF-16, not UTF-8; save the file as UTF-8 (encoding)\nmldrill: utf16.md is not UTF-8 text; nothing was graded\n'],
    ['a Latin-1 byte', () => path.basename(write('latin1.md', Buffer.from('## clarify\n- caf\xe9 menu\n', 'latin1'))), 2, 'latin1.md:2:6: line 2 has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8 (encoding)\nmldrill: latin1.md is not UTF-8 text; nothing was graded\n'],
  ])('refuses %s with one clear line (exit 2)', async (_, file, exit, message) => {
    const { code, out, err } = await grade([Q, '--notes', file()]);
    expect([code, out, err]).toEqual([exit, '', message]);
  });

  it('names an unknown question id (exit 1), and asks for notes for a question id alone (exit 2)', async () => {
    expect(await grade(['inflight-movie-recomendations', '--notes', NOTES])).toMatchObject({ code: 1, err: 'mldrill: no question with id "inflight-movie-recomendations"; did you mean "inflight-movie-recommendations"?\n' });
    expect(await grade([Q])).toMatchObject({ code: 2, err: `mldrill: "${Q}" is a question: give its notes with --notes FILE (or --notes - for stdin)\n` });
  });

  it("says --notes '' names no file, not that the working directory is a directory (exit 2)", async () => {
    expect(await grade([Q, '--notes', ''])).toEqual({ code: 2, out: '', err: 'mldrill: --notes needs a file name (or - for stdin)\n' });
  });

  it.each(['last', '20261206-2206-cb5d'])('says a session (%s) with --notes mixes up the two forms (exit 2)', async (target) => {
    expect(await grade([target, '--notes', NOTES])).toEqual({ code: 2, out: '', err: `mldrill: "${target}" is a session: --notes grades a notes file against a question id; drop --notes to grade the session's own notes again\n` });
  });
});

describe('mldrill grade <session-id|last>', () => {
  it("grades a recorded session's notes again and leaves the history as it was", async () => {
    const home = homeWith('progress.jsonl');
    const before = fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8');
    const { code, out } = await grade(['20261110-0900-aaaa', '--json', '--bank', PROGRESS_BANK], { home });
    expect(code).toBe(0);
    const doc = JSON.parse(out) as GradeJson;
    expect(doc).toMatchObject({ questionId: 'fx-feed', rubricId: 'fx-interview', grader: 'keywords' });
    expect(doc.stages.map((stage) => stage.id)).toEqual(['scope', 'design']);
    expect(fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8')).toBe(before);
  });

  it("compares the session's saved diagram, not a ## diagram line in its notes", async () => {
    const record = makeRecord({
      id: '20261201-0900-dddd', questionId: Q, rubricId: 'ml-system-design', mode: 'self', status: 'completed', startedAt: Date.UTC(2026, 11, 1, 9), endedAt: Date.UTC(2026, 11, 1, 9, 40),
      stages: ['clarify', 'metrics', 'architecture', 'deep-dive'].map((id) => ({ id, budgetSeconds: 600, usedSeconds: 300, hintsShown: 0, notes: id === 'deep-dive' ? '## diagram\nseatback screen -> viewing logs\n' : '' })),
      diagram: 'movie catalog -> ground training -> model package -> onboard ranker\n',
    });
    const home = homeWith({ text: `${JSON.stringify(record)}\n` });
    const { code, out } = await grade(['last', '--json'], { home });
    expect(code).toBe(0);
    expect((JSON.parse(out) as GradeJson).diagram).toMatchObject({ components: { found: 4, expected: 8, unexpected: [] }, flows: { found: 3, reversed: [] } });
    const without = homeWith({ text: `${JSON.stringify({ ...record, diagram: undefined })}\n` });
    expect((JSON.parse((await grade(['last', '--json'], { home: without })).out) as GradeJson).diagram).toBeNull();
  });

  it("counts the session's questions to the interviewer: a fact's topic ticks the clarify item that names it, with the question as evidence", async () => {
    const record = makeRecord({
      id: '20261201-0900-eeee', questionId: Q, rubricId: 'ml-system-design', mode: 'self', status: 'completed', startedAt: Date.UTC(2026, 11, 1, 9), endedAt: Date.UTC(2026, 11, 1, 9, 40),
      stages: ['clarify', 'metrics', 'architecture', 'deep-dive'].map((id) => ({ id, budgetSeconds: 600, usedSeconds: 300, hintsShown: 0, notes: '' })),
      exchanges: [
        { stageId: 'clarify', asked: 'what response time do we need?', factId: 'latency', answer: '…' },
        { stageId: 'clarify', asked: 'what is your favourite film?', factId: null, answer: '…' },
      ],
    });
    const { code, out } = await grade(['last', '--json'], { home: homeWith({ text: `${JSON.stringify(record)}\n` }) });
    expect(code).toBe(0);
    const met = (JSON.parse(out) as GradeJson).stages.flatMap((stage) => stage.items.filter((item) => item.met).map((item) => [stage.id, item.id, item.evidence]));
    // Asking about latency is asking about the latency budget; the neutral reply ticks nothing.
    expect(met).toEqual([['clarify', 'scale-latency', 'what response time do we need?']]);
  });

  /** The deep-dive's follow-up points as `grade last --json` grades a session whose curveball had this answer key and reply. */
  async function followupPoints(reply: string, text: string, answer: string[]) {
    const record = makeRecord({
      id: '20261201-0900-ffff', questionId: Q, rubricId: 'ml-system-design', mode: 'self', status: 'completed', startedAt: Date.UTC(2026, 11, 1, 9), endedAt: Date.UTC(2026, 11, 1, 9, 40),
      stages: ['clarify', 'metrics', 'architecture', 'deep-dive'].map((id) => ({ id, budgetSeconds: 600, usedSeconds: 300, hintsShown: 0, notes: id === 'deep-dive' ? reply : '' })),
      curveballs: [{ stageId: 'deep-dive', atSeconds: 200, text, answer }],
    });
    const { code, out } = await grade(['last', '--json'], { home: homeWith({ text: `${JSON.stringify(record)}\n` }) });
    expect(code).toBe(0);
    return (JSON.parse(out) as GradeJson).stages.find((stage) => stage.id === 'deep-dive')!.items.slice(-2);
  }

  it("grades the follow-up's answer key points with their stage, as the drill scored the session", async () => {
    expect(await followupPoints('queue the logs until landing\n', 'The satellite link drops mid-flight. What still works?', ['Serve the titles from the onboard cache', 'Queue the logs until landing'])).toMatchObject([
      { id: 'followup-1', text: 'Serve the titles from the onboard cache', core: false, met: false, evidence: null },
      { id: 'followup-2', text: 'Queue the logs until landing', core: false, met: true, evidence: 'landing' },
    ]);
  });

  // One word a point shares with the reply is chance: two of the point's own words make it.
  it("meets a follow-up's point with two of its words, not one", async () => {
    expect(await followupPoints('retrain within minutes\nrefresh the index incrementally\n', 'A title goes viral on one route. How do you notice?', ['Stream engagement counters so candidate generators see it within minutes', 'Refresh the candidate index incrementally and watch for spam'])).toMatchObject([
      { id: 'followup-1', met: false, evidence: null },
      { id: 'followup-2', met: true, evidence: 'refresh' },
    ]);
  });

  // A short point, set apart by two words (titles, onboard): one of them makes it.
  it("meets a short follow-up point with one of its two words", async () => {
    expect(await followupPoints('serve them from the onboard cache\n', 'The satellite link drops mid-flight. What still works?', ['Serve the titles from the onboard cache', 'Queue the logs until landing'])).toMatchObject([
      { id: 'followup-1', met: true, evidence: 'onboard' },
      { id: 'followup-2', met: false, evidence: null },
    ]);
  });

  // 'offline' is a generic term the grader never counts: the point has one word of its own that can.
  it("meets a follow-up's point with its one word when its other long word is a generic term", async () => {
    expect(await followupPoints('alert on it, then replay the cycle to see why\n', 'The dispatch cycle takes twice as long. How do you find out why?', ['Alert and replay the cycle offline to find why it grew', 'Shard the matching by region'])).toMatchObject([
      { id: 'followup-1', met: true, evidence: 'replay' },
      { id: 'followup-2', met: false, evidence: null },
    ]);
  });

  // Every long word of the first point is the second's too: its own short words tell it apart.
  it("meets a follow-up's point whose long words the other points share, by its own short words", async () => {
    const answer = ['Small accounts churn more often, so probability ranks them first', 'Rank by revenue at risk: probability times the value of the accounts'];
    expect(await followupPoints('small shops churn more\n', 'The model flags almost only small customers. Is that a problem?', answer)).toMatchObject([
      { id: 'followup-1', met: true, evidence: 'small' },
      { id: 'followup-2', met: false, evidence: null },
    ]);
    expect(await followupPoints('rank them higher\n', 'The model flags almost only small customers. Is that a problem?', answer)).toMatchObject([
      { id: 'followup-1', met: false, evidence: null },
      { id: 'followup-2', met: false, evidence: null },
    ]);
  });

  it('names an unknown session (exit 1)', async () => {
    const { code, err } = await grade(['20990101-0000-zzzz'], { home: homeWith('progress.jsonl') });
    expect(code).toBe(1);
    expect(err.trim().split('\n').pop()).toMatch(/^mldrill: .*20990101-0000-zzzz/);
  });

  /** A completed session of `questionId` under `rubricId`, with notes that meet the in-flight question's core items. */
  const session = (questionId: string, rubricId: string) => makeRecord({
    id: '20261201-0900-eeee', questionId, rubricId, mode: 'self', status: 'completed', startedAt: Date.UTC(2026, 11, 1, 9), endedAt: Date.UTC(2026, 11, 1, 9, 40),
    stages: ['clarify', 'metrics'].map((id) => ({ id, budgetSeconds: 600, usedSeconds: 300, hintsShown: 0, notes: id === 'clarify' ? 'usable viewing time after meals\nknapsack over runtime' : '' })),
  });

  it("grades a session whose rubric has left the bank with the question's rubric now, and says so", async () => {
    const home = homeWith({ text: `${JSON.stringify(session(Q, 'old-rubric'))}\n` });
    const { code, out, err } = await grade(['last', '--json'], { home });
    expect(err).toBe('mldrill: warning: session 20261201-0900-eeee was drilled with rubric "old-rubric", which is no longer in the bank; graded with the question\'s rubric "ml-system-design"\n');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ questionId: Q, rubricId: 'ml-system-design', capped: false });
  });

  it('says a session whose question has left the bank cannot be graded again (exit 1)', async () => {
    const home = homeWith({ text: `${JSON.stringify(session('retired-question', 'ml-system-design'))}\n` });
    expect(await grade(['20261201-0900-eeee'], { home })).toEqual({
      code: 1, out: '', err: 'mldrill: session 20261201-0900-eeee drilled question "retired-question", which is no longer in the bank, so there is nothing to grade its notes against\n',
    });
  });
});

describe('mldrill grade as a process', { timeout: 60_000 }, () => {
  const run = (args: string[], input = '') => spawnSync(process.execPath, [BIN, 'grade', ...args], { encoding: 'utf8', input, cwd: dir, env: { PATH: process.env.PATH, MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')) }, timeout: 20_000 });

  it('prints JSON on stdout and the heading warning on stderr', () => {
    const result = run([Q, '--notes', 'notes.md', '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as GradeJson).stages[0]!.items[0]).toMatchObject({ id: 'usable-time-budget', met: true });
    expect(result.stderr).toContain('notes.md:6: heading "## Lunch break" names no stage');
  });

  it('prints text without colour when piped', () => {
    const result = run([Q, '--notes', '-'], '## clarify\nknapsack packing\n');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b/);
    expect(result.stdout).toContain('✓ core Separated preference scoring');
  });

  it.each([['nowhere.md', 2], ['empty.md', 2], ['binary.md', 2]])('%s: one line on stderr, exit %i', (file, status) => {
    const result = run([Q, '--notes', file]);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('grade --rubric with stages the question does not share', () => {
  it("warns, per question stage the rubric lacks, that its items (core ones counted) are neither asked nor scored; the shared stages are graded", async () => {
    const bank = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-grade-bank-'));
    fs.mkdirSync(path.join(bank, 'rubrics'));
    fs.writeFileSync(path.join(bank, 'rubrics', 'two-step.yaml'), [
      'id: two-step',
      'title: Two steps',
      'stages:',
      '  - id: clarify',
      '    title: Clarify',
      '    minutes: 5',
      '    goal: Ask.',
      '    checklist:',
      '      - id: asked',
      '        text: Asked about the users',
      '        keywords: [passengers]',
      '  - id: build',
      '    title: Build it',
      '    minutes: 10',
      '    goal: Build.',
      '    checklist:',
      '      - id: built',
      '        text: Built something',
      '        keywords: [knapsack]',
      '',
    ].join('\n'));
    const result = await grade([Q, '--notes', NOTES, '--rubric', 'two-step', '--bank', bank, '--json']);
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((line) => line.includes('has no stage'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^mldrill: warning: rubric "two-step" has no stage "metrics" \(its stages: clarify, build\): what question "inflight-movie-recommendations" has for that stage \(\d+ items?(, \d of them core)?\) is neither asked nor scored$/);
    // The core item left out is counted: nothing would cap an answer that misses it.
    expect(warnings.join('\n')).toMatch(/, [1-3] of them core\) is neither asked nor scored/);
    expect((JSON.parse(result.out) as GradeJson).stages.map((stage) => stage.id)).toEqual(['clarify', 'build']);
    // With the question's own rubric, nothing is left out.
    expect((await grade([Q, '--notes', NOTES])).err).not.toContain('has no stage');
  });
});
