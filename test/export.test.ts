import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith, PROGRESS_BANK, progressWarnings } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';

async function exportRun(args: string[], options: { home?: string; env?: Record<string, string> } = {}) {
  const home = options.home ?? homeWith('progress.jsonl');
  const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'Asia/Tokyo', ...options.env }, cwd: home });
  const code = await main(['export', ...args, '--bank', PROGRESS_BANK], io);
  return { code, out: io.out(), err: io.err(), home };
}

describe('mldrill export', () => {
  it('writes a session as Markdown for a mentor: prompt, time table, notes, covered and missed with guidance', async () => {
    const { code, out, err, home } = await exportRun(['20261110-0900-aaaa']);
    expect(code).toBe(0);
    expect(err.trim().split('\n')).toEqual(progressWarnings(home));
    // Reviewed by hand: start in Tokyo time, over-time marks, a fence longer than the
    // backticks in the notes, guidance only under missed items.
    await expect(out).toMatchFileSnapshot('./__snapshots__/export-session.md');
  });

  it('gives the curveball with the notes written after it, hints and pace per stage, and every red flag with why it is suggested', async () => {
    const [first] = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'history', 'progress.jsonl'), 'utf8').split('\n');
    const record = { ...JSON.parse(first!), curveballs: [{ stageId: 'design', atSeconds: 250, text: 'Traffic grew tenfold.', linesBefore: 1 }] };
    const home = homeWith({ text: `${JSON.stringify(record)}\n` });
    const markdown = (await exportRun(['last'], { home })).out;
    expect(markdown).toContain('| Stage | Used | Budget | Over | Hints | Pacing |');
    expect(markdown).toContain('| Scope the problem | 06:00 | 05:00 | +01:00 | 1 | over by 20% |');
    // One section for the one follow-up: the notes after it counted from where it came (an older record's line count).
    expect(markdown).toContain('## Follow-up\n\n> Traffic grew tenfold.\n\nThrown in at 04:10 of `design`.\n\n### Notes after it\n\n````text\nindex with ```ann``` lookups\n````\n');
    expect(markdown).not.toContain('## Curveballs');
    expect(markdown.match(/Traffic grew tenfold/g)).toHaveLength(1);
    expect(markdown).toContain('### Red flags\n\nSuggested by this session: over by 20%, 33% covered.\n\n- Designs before asking what is being built.');
    const doc = JSON.parse((await exportRun(['last', '--format', 'json'], { home })).out);
    expect(doc.curveballs).toEqual([{ stageId: 'design', stageTitle: 'Design the system', atSeconds: 250, text: 'Traffic grew tenfold.', notesAfter: ['index with ```ann``` lookups'] }]);
    expect(doc.stages[0]).toMatchObject({ hintsShown: 1, pacing: 'over by 20%', signals: ['over by 20%', '33% covered'], redFlags: ['Designs before asking what is being built.'] });
    expect(doc.stages[1]).toMatchObject({ hintsShown: 2, pacing: null, signals: [], redFlags: [] });
  });

  it("says so when an older record kept no mark of where the follow-up came in its stage's notes, rather than calling them all 'notes after it'", async () => {
    const [first] = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'history', 'progress.jsonl'), 'utf8').split('\n');
    const record = { ...JSON.parse(first!), curveballs: [{ stageId: 'design', atSeconds: 250, text: 'Traffic grew tenfold.' }] };
    const home = homeWith({ text: `${JSON.stringify(record)}\n` });
    const markdown = (await exportRun(['last'], { home })).out;
    expect(markdown).toContain("Thrown in at 04:10 of `design`.\n\n### Notes of its stage and after\n\n*Recorded before mldrill kept where the notes stood when it came: these are all of its stage's notes, then the later stages'.*\n\n````text\ntwo towers, then a ranker\nindex with ```ann``` lookups\n````\n");
    expect(markdown).not.toContain('### Notes after it');
    const doc = JSON.parse((await exportRun(['last', '--format', 'json'], { home })).out);
    expect(doc.curveballs[0].notesAfter).toBeNull();
  });

  it('writes the same document as JSON', async () => {
    const { code, out } = await exportRun(['20261110-0900-aaaa', '--format', 'json']);
    expect(code).toBe(0);
    // --json, as history, stats and next take it; with --format markdown, a usage error.
    expect(await exportRun(['20261110-0900-aaaa', '--json'])).toMatchObject({ code: 0, out });
    const both = await exportRun(['20261110-0900-aaaa', '--json', '--format', 'markdown']);
    expect(both.code).toBe(2);
    expect(both.err.trim()).toBe('mldrill: choose one format, not markdown and json: --format markdown|json, or --json');
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({
      id: '20261110-0900-aaaa', questionId: 'fx-feed', rubricId: 'fx-interview', rubricTitle: 'Fixture interview',
      question: { title: 'A feed of posts', category: 'recommendation', difficulty: 'medium', prompt: 'Design a feed that shows people the posts they care about most.' },
      mode: 'self', status: 'completed', score: 40, localStart: '2026-11-10 18:00', timeZone: 'Asia/Tokyo',
      startedAt: '2026-11-10T09:00:00.000Z', usedSeconds: 960, budgetSeconds: 900,
    });
    expect(doc.stages[0]).toEqual({
      id: 'scope', title: 'Scope the problem', budgetSeconds: 300, usedSeconds: 360, hintsShown: 1, notes: 'users: 2B monthly\np99 under 200 ms\n', score: 33,
      covered: [{ id: 'goal', text: 'Named the business goal', guidance: 'Say what the business wants to move.', core: false }],
      missed: [
        { id: 'scale', text: 'Quantified the scale', guidance: 'Users, items and requests per second, with growth.', core: false },
        { id: 'surface', text: 'Asked where the feed appears', guidance: 'Home screen, profile or notifications each change the design.', core: false },
      ],
      pacing: 'over by 20%', signals: ['over by 20%', '33% covered'], redFlags: ['Designs before asking what is being built.'],
    });
    expect(doc.curveballs).toEqual([]);
  });

  it('carries the strong example answer in JSON (question.strongAnswer, notes by stage id) as the Markdown does', async () => {
    const [first] = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'history', 'midnight.jsonl'), 'utf8').split('\n');
    const home = homeWith({ text: `${JSON.stringify({ ...JSON.parse(first!), questionId: 'inflight-movie-recommendations' })}\n` });
    const doc = JSON.parse((await exportRun(['last', '--format', 'json'], { home })).out) as { question: { strongAnswer: Record<string, string> | null } };
    const answer = doc.question.strongAnswer!;
    expect(Object.keys(answer).length).toBeGreaterThan(1);
    const markdown = (await exportRun(['last'], { home })).out;
    const section = markdown.slice(markdown.indexOf('## What a strong answer covers'));
    expect(section).not.toBe(markdown);
    for (const notes of Object.values(answer)) expect(section).toContain(notes.trimEnd());
    // A question with no strong example: null, and no section.
    const plain = homeWith('midnight.jsonl');
    expect(JSON.parse((await exportRun(['last', '--format', 'json'], { home: plain })).out).question.strongAnswer).toBeNull();
    expect((await exportRun(['last'], { home: plain })).out).not.toContain('What a strong answer covers');
  });

  it("takes 'last' for the newest session, and a unique start of an id", async () => {
    expect((await exportRun(['last'])).out).toMatch(/^# gone-question\n[^]*`gone-question` \(no longer in the question bank\)/);
    const abandoned = await exportRun(['20261112']);
    expect(abandoned.code).toBe(0);
    expect(abandoned.out).toContain('- **Score:** not assessed');
    expect(abandoned.out).toContain('```text\nstarted, then the phone rang\n```\n\n*Not assessed: the session was abandoned.*');
  });

  it('rejects an unknown id with the closest ids (exit 1), and an ambiguous start', async () => {
    const typo = await exportRun(['20261110-0900-aaab']);
    expect(typo.code).toBe(1);
    expect(typo.out).toBe('');
    expect(typo.err.split('\n').at(-2)).toBe('mldrill: no session with id "20261110-0900-aaab"; did you mean "20261110-0900-aaaa"?');
    const far = await exportRun(['yesterday']);
    expect(far.err.split('\n').at(-2)).toBe(`mldrill: no session with id "yesterday"; run 'mldrill history' to see the ids`);
    const ambiguous = await exportRun(['2026111']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err.split('\n').at(-2)).toMatch(/^mldrill: "2026111" starts 6 session ids \(20261110-0900-aaaa, .*\); give more of the id$/);
    const empty = await exportRun(['last'], { home: homeWith({ text: '' }) });
    expect([empty.code, empty.err]).toEqual([1, "mldrill: the history has no sessions yet; run 'mldrill drill' first\n"]);
  });

  it('writes -o FILE whole, replacing an existing file, with JSON for a .json name', async () => {
    const home = homeWith('progress.jsonl');
    const markdown = await exportRun(['20261110-0900-aaaa'], { home });
    fs.writeFileSync(path.join(home, 'session.md'), 'old content');
    const written = await exportRun(['20261110-0900-aaaa', '-o', 'session.md'], { home });
    expect(written.code).toBe(0);
    expect(written.out).toBe('');
    expect(written.err).toContain(`Wrote session 20261110-0900-aaaa to ${path.join(home, 'session.md')}\n`);
    expect(fs.readFileSync(path.join(home, 'session.md'), 'utf8')).toBe(markdown.out);
    expect((await exportRun(['last', '-o', 'last.json'], { home })).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'last.json'), 'utf8')).id).toBe('20261116-0900-ffff');
    expect((await exportRun(['last', '-o', '-'], { home })).out).toMatch(/^# gone-question\n/);
    // Nothing half-written or temporary is left beside them (cache/ is the bank cache).
    expect(fs.readdirSync(home).sort()).toEqual(['cache', 'history.jsonl', 'last.json', 'session.md']);
  });

  it('fails clearly when the file cannot be written (exit 2)', async () => {
    const { code, err, home } = await exportRun(['last', '-o', 'missing-dir/out.md']);
    expect(code).toBe(2);
    expect(err.split('\n').at(-2)).toBe(`mldrill: cannot write ${path.join(home, 'missing-dir', 'out.md')} (ENOENT); check that its directory exists and is writable`);
  });

  it('says a directory is one, and an empty -o is no file name (exit 2)', async () => {
    const { code, err, home } = await exportRun(['last', '-o', '.']);
    expect(code).toBe(2);
    expect(err.split('\n').at(-2)).toBe(`mldrill: cannot write ${home}: it is a directory; name a file in it, e.g. -o ${path.join(home, '20261116-0900-ffff.md')}`);
    const empty = await exportRun(['last', '-o', '']);
    expect(empty.code).toBe(2);
    expect(empty.out).toBe('');
    expect(empty.err).toBe('mldrill: -o needs a file name (or - for standard output)\n');
  });

  it('takes a name ending in / for the directory it says, as > does: never a file of that name, nor a file there replaced (exit 2)', async () => {
    const missing = await exportRun(['last', '-o', 'new-dir/']);
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n').at(-2)).toBe(`mldrill: cannot write ${path.join(missing.home, 'new-dir')}/: a name ending in / is a directory's; name a file in it, e.g. -o ${path.join(missing.home, 'new-dir', '20261116-0900-ffff.md')}`);
    expect(fs.existsSync(path.join(missing.home, 'new-dir'))).toBe(false);
    const home = homeWith('progress.jsonl');
    fs.writeFileSync(path.join(home, 'notes.md'), 'my notes\n');
    const file = await exportRun(['last', '-o', 'notes.md/'], { home });
    expect(file.code).toBe(2);
    expect(fs.readFileSync(path.join(home, 'notes.md'), 'utf8')).toBe('my notes\n');
  });

  it('adds the diagram drawn in the session: a Mermaid block and the text drawing; JSON keeps the edge lines', async () => {
    const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'history', 'progress.jsonl'), 'utf8').split('\n')[0]!;
    const withDiagram = JSON.stringify({ ...JSON.parse(fixture), id: '20261110-0900-dddd', diagram: 'features -> model -> serving -> logs\nlogs -[labels]-> training -> model\nnot quite an edge =>\n' });
    const home = homeWith({ text: `${fixture}\n${withDiagram}\n` });
    const markdown = await exportRun(['20261110-0900-dddd'], { home });
    expect(markdown.code).toBe(0);
    const section = markdown.out.slice(markdown.out.indexOf('## Diagram'));
    expect(section).toBe(`## Diagram

\`\`\`mermaid
flowchart LR
  features["features"]
  model["model"]
  serving["serving"]
  logs["logs"]
  training["training"]
  features --> model
  model --> serving
  serving --> logs
  logs -->|"labels"| training
  training --> model
\`\`\`

\`\`\`text
${fs.readFileSync(path.join(import.meta.dirname, 'goldens', 'diagram', 'cycle-100.txt'), 'utf8').trimEnd()}
\`\`\`

Not drawn (not edges):

- line 3: not quite an edge => (not an edge: an arrow mldrill does not read)
`);
    const json = JSON.parse((await exportRun(['20261110-0900-dddd', '--format', 'json'], { home })).out);
    expect(json.diagram).toBe('features -> model -> serving -> logs\nlogs -[labels]-> training -> model\nnot quite an edge =>\n');
    // A session without one: no section, and null in JSON.
    expect((await exportRun(['20261110-0900-aaaa'], { home })).out).not.toContain('## Diagram');
    expect(JSON.parse((await exportRun(['20261110-0900-aaaa', '--format', 'json'], { home })).out).diagram).toBeNull();
  });

  it('names a POSIX TZ (JST-9) by its offset, in a real process: never "(undefined)" or a JSON without timeZone', () => {
    const home = homeWith('progress.jsonl');
    const run = (args: string[], TZ: string) =>
      spawnSync(process.execPath, [BIN, 'export', '20261110-0900-aaaa', '--bank', PROGRESS_BANK, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, MLDRILL_HOME: home, TZ }, timeout: 20_000 });
    const markdown = run([], 'JST-9');
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('- **Started:** 2026-11-10 18:00 (UTC+09:00)\n');
    expect(JSON.parse(run(['--format', 'json'], 'JST-9').stdout)).toMatchObject({ localStart: '2026-11-10 18:00', timeZone: 'UTC+09:00' });
    // A zone Node cannot read is UTC, as Date takes it.
    expect(JSON.parse(run(['--format', 'json'], 'Mars/Olympus_Mons').stdout)).toMatchObject({ localStart: '2026-11-10 09:00', timeZone: 'UTC' });
  });
});

describe('core items in the export', () => {
  it('lists a missed core item first and marks it, in Markdown and JSON', async () => {
    const { makeRecord } = await import('../src/store/record.js');
    const startedAt = Date.UTC(2026, 10, 20, 9);
    const record = makeRecord({
      id: '20261120-0900-core', questionId: 'youtube-video-recommendations', rubricId: 'ml-system-design', mode: 'self', status: 'completed',
      startedAt, endedAt: startedAt + 600_000,
      stages: [{ id: 'clarify', budgetSeconds: 360, usedSeconds: 300, hintsShown: 0, notes: 'who are the users\n' }],
      score: { total: 0, stages: [{ checked: [], missed: [{ id: 'business-goal' }, { id: 'define-new' }], score: 0 }] },
    });
    const home = homeWith({ text: `${JSON.stringify(record)}\n` });
    const markdown = (await exportRun(['last'], { home })).out;
    expect(markdown).toMatch(/### Missed\n\n- \[ \] \*\*Core:\*\* Resolved what "new" means[^\n]*\n(  - [^\n]*\n)?- \[ \] Named the business objective/);
    const doc = JSON.parse((await exportRun(['last', '--format', 'json'], { home })).out);
    expect(doc.stages[0].missed.map((item: { id: string; core: boolean }) => [item.id, item.core])).toEqual([['define-new', true], ['business-goal', false]]);
  });
});
