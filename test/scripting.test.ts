// daily, random, list and show, run in-process through main() with a fake Io.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { baseBank, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';

const ESCAPE = /\u001b/;
const ESCAPE_ALL = /\u001b\[[0-9;]*m/g;
let home: string;
let bank: string;

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  // The shipped bank plus two questions of our own, so assertions can name exact content.
  bank = writeBank(baseBank({
    'questions/ads/ad-feed.yaml': QUESTION.replace('id: feed', 'id: ad-feed').replace('title: A feed', 'title: An ad feed').replace('category: recommendation', 'category: ads').replace('difficulty: medium', 'difficulty: easy\ntags: [only-here]'),
  }));
});

async function run(args: string[], options: { env?: Record<string, string>; tty?: boolean; now?: number } = {}) {
  const io = fakeIo({ env: { MLDRILL_HOME: home, ...options.env }, tty: options.tty, now: options.now });
  const code = await main([...args, '--bank', bank], io);
  return { code, out: io.out(), err: io.err() };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;
// 2026-11-22 07:30 UTC: still the 21st in Los Angeles, already the 22nd in Tokyo.
const NOW = Date.UTC(2026, 10, 22, 7, 30);

describe('daily', () => {
  it('prints the JSON object documented in the README', async () => {
    const { code, out, err } = await run(['daily', '--json', '--date', '2026-11-22']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const question = json(out);
    expect(Object.keys(question)).toEqual(['id', 'title', 'category', 'difficulty', 'companies', 'tags', 'prompt', 'rubric', 'stages', 'date', 'file']);
    expect(question.date).toBe('2026-11-22');
    expect(Array.isArray(question.companies) && Array.isArray(question.tags)).toBe(true);
    expect(fs.existsSync(question.file as string)).toBe(true);
    for (const stage of question.stages as Array<Record<string, unknown>>) {
      expect(Object.keys(stage)).toEqual(['id', 'title', 'minutes']);
      expect(stage.minutes).toBeGreaterThan(0);
    }
  });

  it("uses the local date of the user's time zone, and --date overrides it", async () => {
    const la = json((await run(['daily', '--json'], { env: { TZ: 'America/Los_Angeles' }, now: NOW })).out);
    const tokyo = json((await run(['daily', '--json'], { env: { TZ: 'Asia/Tokyo' }, now: NOW })).out);
    expect(la.date).toBe('2026-11-21');
    expect(tokyo.date).toBe('2026-11-22');
    expect(json((await run(['daily', '--json', '--date', '2026-11-21'], { env: { TZ: 'Asia/Tokyo' }, now: NOW })).out)).toEqual(la);
    expect(json((await run(['daily', '--json', '--date', '2026-11-22'])).out)).toEqual(tokyo);
  });

  it('gives the same question for the same date every run', async () => {
    const first = await run(['daily', '--plain', '--date', '2027-01-05']);
    const second = await run(['daily', '--plain', '--date', '2027-01-05']);
    expect(second.out).toBe(first.out);
  });

  it('narrows the pool with the filters', async () => {
    for (let day = 1; day <= 5; day++) {
      const question = json((await run(['daily', '--json', '--category', 'ads', '--difficulty', 'easy', '--date', `2026-12-0${day}`])).out);
      expect(question).toMatchObject({ category: 'ads', difficulty: 'easy' });
    }
    expect(json((await run(['daily', '--json', '--tag', 'only-here'])).out).id).toBe('ad-feed');
  });

  it('rejects a date that is not a real day (exit 2)', async () => {
    for (const date of ['2026-13-45', '2026-02-29', 'tomorrow']) {
      const { code, out, err } = await run(['daily', '--date', date]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/--date .*is invalid.*YYYY-MM-DD/);
    }
  });

  it('takes any real day, the first century too, and answers for that day', async () => {
    for (const date of ['0001-01-01', '0004-02-29', '1969-12-31', '9999-12-31']) {
      const { code, out } = await run(['daily', '--json', '--date', date]);
      expect(code).toBe(0);
      expect(json(out).date).toBe(date);
    }
  });

  it('says which filters matched nothing (exit 1)', async () => {
    const { code, out, err } = await run(['daily', '--category', 'ads', '--tag', 'no-such-tag']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe("mldrill: no question matches --category ads --tag no-such-tag; run 'mldrill list' to see what there is\n");
  });

  it('names each tag as it would be typed again: quoted when empty or spaced, a control character spelled out', async () => {
    const { code, err } = await run(['random', '--tag', 'no such', '--tag', '', '--tag', 'only\u001b[31m-here']);
    expect(code).toBe(1);
    // Bare, the three read as the tags "no", "such" and "only-here", which is there.
    expect(err).toBe("mldrill: no question matches --tag 'no such' --tag '' --tag 'only\\u001b[31m-here'; run 'mldrill list' to see what there is\n");
  });

  it('prints a few plain lines for a shell greeting', async () => {
    const { out } = await run(['daily', '--plain', '--tag', 'only-here', '--date', '2026-11-22']);
    expect(out).toBe(`Question of the day, 2026-11-22: An ad feed\nDesign a feed that shows people posts they care about.\nDrill it: mldrill drill ad-feed --bank ${bank}\n`);
  });

  it("repeats the --bank a question came from in the commands it suggests, quoted for the shell, and none for a shipped question", async () => {
    const spaced = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-')), "it's mine");
    fs.cpSync(bank, spaced, { recursive: true });
    const io = fakeIo({ env: { MLDRILL_HOME: home }, cwd: path.dirname(spaced) });
    expect(await main(['show', 'ad-feed', '--plain', '--bank', "it's mine"], io)).toBe(0);
    expect(io.out().split('\n')[2]).toBe(`Drill it: mldrill drill ad-feed --bank 'it'\\''s mine'`);
    const text = fakeIo({ env: { MLDRILL_HOME: home }, cwd: path.dirname(spaced) });
    expect(await main(['show', 'ad-feed', '--bank', "it's mine", '--bank', bank], text)).toBe(0);
    expect(text.out()).toContain(`Drill it: mldrill drill ad-feed --bank 'it'\\''s mine'\n`);
    const shipped = fakeIo({ env: { MLDRILL_HOME: home }, cwd: path.dirname(spaced) });
    expect(await main(['show', 'ad-budget-pacing', '--bank', "it's mine"], shipped)).toBe(0);
    expect(shipped.out()).toContain('Hints: mldrill show ad-budget-pacing --hints\n');
    expect(shipped.out()).toContain('Drill it: mldrill drill ad-budget-pacing\n');
  });

  it('prints Markdown ready for a chat', async () => {
    const { out } = await run(['daily', '--format', 'markdown', '--tag', 'only-here', '--date', '2026-11-22']);
    expect(out).toBe([
      '**Question of the day, 2026-11-22: An ad feed**',
      '_ads · easy_',
      '',
      '> Design a feed that shows people posts they care about.',
      '',
      'Plan (15 min): Clarify 5 min · Design 10 min',
      '',
      `Drill it: \`mldrill drill ad-feed --bank ${bank}\``,
      '',
    ].join('\n'));
  });

  it('refuses two different output formats (exit 2)', async () => {
    for (const args of [['--json', '--plain'], ['--format', 'markdown', '--json']]) {
      const { code, err } = await run(['daily', ...args]);
      expect(code).toBe(2);
      expect(err).toMatch(/^mldrill: choose one output format/);
    }
    expect((await run(['daily', '--format', 'json', '--json'])).code).toBe(0);
    expect((await run(['daily', '--format', 'yaml'])).code).toBe(2);
  });

  it('show --plain refuses --hints, --followups and --answer (exit 2) rather than drop what they ask for', async () => {
    for (const [flags, named] of [[['--followups'], '--followups asks'], [['--hints', '--answer'], '--hints and --answer ask']] as const) {
      const { code, out, err } = await run(['show', 'ad-feed', '--plain', ...flags]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`mldrill: --plain gives the three lines of a greeting, without what ${named} for; drop --plain, or use --json or --format markdown\n`);
    }
    expect((await run(['show', 'ad-feed', '--plain'])).code).toBe(0);
    expect((await run(['show', 'ad-feed', '--followups', '--format', 'markdown'])).code).toBe(0);
  });

  it('--plain stays three lines, and list one line a question, when the YAML writes the prompt or the title in paragraphs', async () => {
    const paragraphs = writeBank(baseBank({
      'questions/recommendation/long-feed.yaml': QUESTION.replace('id: feed', 'id: long-feed').replace('title: A feed', 'title: |\n  A feed\n  in two lines').replace('prompt: Design a feed that shows people posts they care about.', 'prompt: |\n  Design a feed that shows people posts they care about.\n\n  Assume\t10M daily users.\n'),
    }));
    const io = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main(['show', 'long-feed', '--plain', '--bank', paragraphs], io)).toBe(0);
    expect(io.out()).toBe(`A feed in two lines\nDesign a feed that shows people posts they care about. Assume 10M daily users.\nDrill it: mldrill drill long-feed --bank ${paragraphs}\n`);
    const list = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main(['list', '--plain', '--bank', paragraphs], list)).toBe(0);
    expect(list.out().split('\n').filter((line) => line.startsWith('long-feed\t'))).toEqual(['long-feed\trecommendation\tmedium\tA feed in two lines']);
    expect(list.out().split('\n').filter(Boolean).every((line) => line.split('\t').length === 4)).toBe(true);
  });

  it('show --json --hints adds the hints by stage, as the text and Markdown do; without --hints the object is as documented', async () => {
    const { code, out, err } = await run(['show', 'ad-feed', '--json', '--hints']);
    expect([code, err]).toEqual([0, '']);
    expect(json(out).hints).toEqual([
      { stage: 'clarify', title: 'Clarify', hints: ['Ask who the users are.'] },
      { stage: 'design', title: 'Design', hints: ['Two stages.'] },
    ]);
    expect(Object.keys(json((await run(['show', 'ad-feed', '--json'])).out))).toEqual(['id', 'title', 'category', 'difficulty', 'companies', 'tags', 'prompt', 'rubric', 'stages', 'file']);
  });
});

describe('random', () => {
  it('is reproducible with --seed and varies with it', async () => {
    const pick = async (seed: string) => json((await run(['random', '--json', '--seed', seed])).out).id;
    expect(await pick('42')).toBe(await pick('42'));
    const picks = new Set(await Promise.all(['1', '2', '3', '4', '5', '6', '7', '8'].map(pick)));
    expect(picks.size).toBeGreaterThan(1);
  });

  it('honours the filters, and names them when nothing matches (exit 1)', async () => {
    expect(json((await run(['random', '--json', '--tag', 'only-here'])).out).id).toBe('ad-feed');
    const { code, err } = await run(['random', '--difficulty', 'easy', '--category', 'platforms']);
    expect(code).toBe(1);
    expect(err).toMatch(/no question matches --category platforms --difficulty easy/);
  });

  it('prints no date', async () => {
    expect(json((await run(['random', '--json'])).out)).not.toHaveProperty('date');
  });
});

describe('list', () => {
  it('prints one tab-separated line per question, sorted by id, when piped', async () => {
    const { code, out } = await run(['list']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const ids = lines.map((line) => line.split('\t')[0]!);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('ad-feed');
    expect(lines).toContain('feed\trecommendation\tmedium\tA feed');
    for (const line of lines) expect(line.split('\t')).toHaveLength(4);
    expect(out).not.toMatch(ESCAPE);
  });

  it('aligns columns on a terminal', async () => {
    const { out } = await run(['list', '--category', 'ads'], { tty: true, env: { NO_COLOR: '1' } });
    const lines = out.trimEnd().split('\n');
    expect(out).not.toMatch(/\t|\u001b/);
    expect(lines.find((line) => line.startsWith('ad-feed '))).toMatch(/^ad-feed +ads +easy +An ad feed$/);
    // Every title starts in the same column.
    const titleStarts = new Set(lines.map((line) => /^(\S+ +\S+ +\S+ +)/.exec(line)![1]!.length));
    expect(titleStarts.size).toBe(1);
  });

  it('prints the same JSON objects with --json', async () => {
    const { out } = await run(['list', '--json', '--category', 'ads']);
    const questions = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(questions.length).toBeGreaterThan(1);
    expect(questions.every((question) => question.category === 'ads')).toBe(true);
    expect(Object.keys(questions[0]!)).toEqual(['id', 'title', 'category', 'difficulty', 'companies', 'tags', 'prompt', 'rubric', 'stages', 'file']);
    const one = json((await run(['show', 'ad-feed', '--json'])).out);
    expect(questions.find((question) => question.id === 'ad-feed')).toEqual(one);
  });

  it('says which filters matched nothing (exit 1)', async () => {
    const { code, out, err } = await run(['list', '--tag', 'no-such-tag']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/no question matches --tag no-such-tag/);
  });
});

describe('show', () => {
  it('prints the prompt, the stage plan with minutes and the follow-ups, but hints only on request', async () => {
    const { code, out } = await run(['show', 'feed']);
    expect(code).toBe(0);
    expect(out).toContain('Design a feed that shows people posts they care about.');
    expect(out).toMatch(/Plan \(15 min\)\n {2}1\. Clarify +5 min\n {2}2\. Design +10 min/);
    expect(out).toContain('Follow-ups\n  - Traffic grew tenfold.');
    expect(out).not.toContain('Ask who the users are.');
    expect(out).toContain('Hints: mldrill show feed --hints');
    const withHints = (await run(['show', 'feed', '--hints'])).out;
    expect(withHints).toMatch(/Hints\n {2}Clarify\n {4}- Ask who the users are\.\n {2}Design\n {4}- Two stages\./);
  });

  it('suggests the closest ids for an unknown one (exit 1)', async () => {
    const { code, out, err } = await run(['show', 'ad-fed']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^mldrill: no question with id "ad-fed"; did you mean "ad-feed"/);
    // Ids are lower case; one typed in capitals still finds its question to suggest.
    const capitals = await run(['show', 'AD-FEED']);
    expect(capitals.code).toBe(1);
    expect(capitals.err).toMatch(/^mldrill: no question with id "AD-FEED"; did you mean "ad-feed"/);
    // An id typed by some of its words, or by its initials, still finds the question it means.
    const words = await run(['drill', 'llm-serving']);
    expect(words.code).toBe(1);
    expect(words.err).toBe('mldrill: no question with id "llm-serving"; did you mean "llm-chat-serving"?\n');
    expect((await run(['drill', 'pymk'])).err).toBe('mldrill: no question with id "pymk"; did you mean "people-you-may-know"?\n');
    // An empty id is near no id: the first ids in order are no suggestion.
    expect(await run(['show', ''])).toMatchObject({ code: 1, err: expect.stringMatching(/^mldrill: no question with id ""; run 'mldrill list'/) });
  });

  it.each([
    [['drill', 'half-written']],
    [['show', 'half-written']],
    [['show', 'half-written', '--json']],
    [['ask', 'half-written', 'how many users']],
    [['diagram', '--question', 'half-written', 'NOTES']],
    [['grade', 'half-written', '--notes', 'NOTES']],
  ])('%j says a question asked for by id was left out for the errors of its file, rather than that there is no such question', async (args) => {
    const broken = writeBank(baseBank({ 'questions/ads/half-written.yaml': QUESTION.replace('id: feed', 'id: half-written').replace('title: A feed\n', '') }));
    const notes = path.join(broken, 'notes.md');
    fs.writeFileSync(notes, '## Clarify\nevents -> model\n');
    const io = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main([...args.map((arg) => (arg === 'NOTES' ? notes : arg)), '--bank', broken], io)).toBe(1);
    expect(io.out()).toBe('');
    // The file as the line of its error names it, then the same name in the verdict.
    const file = /^(\S*questions\/ads\/half-written\.yaml):\d+:\d+: missing required field "title"/.exec(io.err())?.[1];
    expect(file, io.err()).toBeDefined();
    expect(io.err()).toContain(`mldrill: question "half-written" was left out: its file ${file} has the errors above; fix them and run this again\n`);
    expect(io.err()).not.toContain('no question with id');
  });

  it.each([
    [['drill', 'feed']],
    [['show', 'feed']],
    [['ask', 'feed', 'how many users']],
  ])('%j says a sound question left out with its broken rubric was left out, naming the rubric\'s file, from the cache too', async (args) => {
    const broken = writeBank(baseBank({ 'rubrics/mini.yaml': RUBRIC.replace('title: Mini rubric\n', '') }));
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
    // The first run loads the YAML and writes the bank cache; the second reads the cache.
    for (const _ of [1, 2]) {
      const io = fakeIo({ env: { MLDRILL_HOME: own } });
      expect(await main([...args, '--bank', broken], io)).toBe(1);
      const file = /^(\S*rubrics\/mini\.yaml):\d+:\d+: missing required field "title"/.exec(io.err())?.[1];
      expect(file, io.err()).toBeDefined();
      expect(io.err()).toContain(`mldrill: question "feed" was left out with its rubric "mini": the rubric's file ${file} has the errors above; fix them and run this again\n`);
      expect(io.err()).not.toContain('no question with id');
    }
    expect(fs.readdirSync(path.join(own, 'cache')).some((name) => name.startsWith('bank-'))).toBe(true);
  });

  it('puts follow-ups and hints in Markdown too', async () => {
    const { out } = await run(['show', 'feed', '--hints', '--format', 'markdown']);
    expect(out).toContain('**Follow-ups**\n\n- Traffic grew tenfold.');
    expect(out).toContain('**Hints: Clarify**\n\n- Ask who the users are.');
  });
});

describe('colour', () => {
  const commands = [['daily'], ['random', '--seed', '1'], ['show', 'feed', '--hints'], ['list']];

  it('never writes escape codes when stdout is not a terminal', async () => {
    for (const args of commands) expect((await run(args)).out, args.join(' ')).not.toMatch(ESCAPE);
  });

  it('styles a terminal unless NO_COLOR or TERM=dumb says not to; FORCE_COLOR forces it', async () => {
    for (const args of commands) {
      expect((await run(args, { tty: true, env: { TERM: 'xterm-256color' } })).out, args.join(' ')).toMatch(ESCAPE);
      expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(ESCAPE);
      expect((await run(args, { tty: true, env: { TERM: 'dumb' } })).out).not.toMatch(ESCAPE);
    }
    expect((await run(['daily'], { env: { FORCE_COLOR: '1' } })).out).toMatch(ESCAPE);
  });

  it('FORCE_COLOR styles every command in a pipe, list too, whose fields stay tab-separated', async () => {
    for (const args of commands) expect((await run(args, { env: { FORCE_COLOR: '1' } })).out, args.join(' ')).toMatch(ESCAPE);
    const rows = (await run(['list'], { env: { FORCE_COLOR: '1' } })).out.split('\n').filter(Boolean);
    for (const row of rows) expect(row.replace(ESCAPE_ALL, '').split('\t')).toHaveLength(4);
    expect(rows[0]!.replace(ESCAPE_ALL, '').split('\t')[0]).toBe((await run(['list'])).out.split('\t')[0]);
    // plain stays plain even so.
    expect((await run(['list', '--plain'], { env: { FORCE_COLOR: '1' } })).out).not.toMatch(ESCAPE);
  });

  it('never styles JSON, plain or Markdown', async () => {
    for (const format of ['json', 'plain', 'markdown']) {
      expect((await run(['daily', '--format', format], { tty: true, env: { FORCE_COLOR: '3' } })).out).not.toMatch(ESCAPE);
    }
  });
});
