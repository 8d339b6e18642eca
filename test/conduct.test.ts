// The drill's loop with a scripted prompter: checkpoints that fail, Ctrl-C in the
// self-assessment, and a draft line kept apart from the notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conduct } from '../src/app/conduct.js';
import { loadBank } from './helpers/bank.js';
import { InterruptedError, UsageError } from '../src/errors.js';
import { main } from '../src/main.js';
import { seededRandom } from '../src/select/random.js';
import { askInStage, drawCurveball, isSessionState, markCurveballShown, nextStage, setDraft, setNotes, startSession, toggleTick, type SessionState } from '../src/session/engine.js';
import { buildInterview } from '../src/session/interview.js';
import { compileFacts } from '../src/session/interviewer.js';
import { listLive } from '../src/store/live.js';
import { stripControl } from '../src/text.js';
import { PLAIN } from '../src/ui/colour.js';
import type { Prompter } from '../src/ui/prompts.js';
import { fakeIo } from './helpers/fake-io.js';

const bank = loadBank(process.cwd(), {}, { bank: [path.resolve(import.meta.dirname, 'fixtures', 'e2e-bank')] });
const question = bank.questions.find((candidate) => candidate.id === 'e2e-feed')!;
const interview = buildInterview(question, bank.rubrics.get(question.rubric)!);
const newHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-conduct-'));
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const history = (home: string) => fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));

type StageConfig = Parameters<Prompter['runStage']>[0];
interface Script {
  /** Plays one stage: returns the state the stage prompt would end with. */
  stage?: (config: StageConfig, index: number) => SessionState;
  /** Answers one assessment screen (its message), or throws. */
  assess?: (message: string, index: number, preselected: ReadonlySet<string>, items: readonly { id: string; text: string }[]) => string[];
  /** Answers a choice (its message). */
  select?: (message: string) => string;
}

function scripted(io: ReturnType<typeof fakeIo>, script: Script) {
  const said: string[] = [];
  const notices: (string | undefined)[] = [];
  let stages = 0;
  let screens = 0;
  const prompter: Prompter = {
    style: PLAIN,
    columns: 80,
    say: (text) => void said.push(text),
    chooseQuestion: () => Promise.reject(new Error('not used')),
    runStage: async (config) => {
      const end = script.stage ? script.stage(config, stages++) : nextStage(config.state, io.now());
      notices.push(config.notice?.());
      return end;
    },
    assess: async (message, items, preselected = new Set()) => (script.assess ? script.assess(message, screens++, preselected, items) : []),
    input: () => Promise.reject(new Error('not used')),
    select: async <T extends string>({ message }: { message: string }) => {
      if (!script.select) throw new Error('not used');
      return script.select(message) as T;
    },
  };
  return { prompter, said, notices };
}

function options(home: string, state = startSession(interview.stages.map((stage) => stage.plan), Date.UTC(2026, 10, 22, 9, 30))) {
  return { interview, id: '20261122-0930-abcd', mode: 'self' as const, minutes: null, strict: false, save: true, stateDir: home, state };
}

describe('conduct', () => {
  it('goes on when checkpoints cannot be written: says why on screen, and the history still gets the record', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const { prompter, said, notices } = scripted(io, {
      stage: (config, index) => {
        if (index === 0) {
          // The sessions directory is replaced by a regular file mid-stage.
          fs.rmSync(path.join(home, 'sessions'), { recursive: true });
          fs.writeFileSync(path.join(home, 'sessions'), 'not a directory');
          const typed = setNotes(config.state, 0, 'kept in memory\n');
          config.onChange(typed);
          return nextStage(typed, io.now());
        }
        return nextStage(config.state, io.now());
      },
    });
    expect(await conduct(options(home), io, prompter)).toBe(0);
    expect(notices[1]).toMatch(/^⚠ checkpoints are failing: ENOTDIR in .*sessions; your notes are kept/);
    expect(said.join('')).toContain('checkpoints are failing: ENOTDIR');
    expect(history(home)[0]).toMatchObject({ status: 'completed', stages: [{ notes: 'kept in memory\n' }, {}] });
    expect(io.err()).toContain('Saved session 20261122-0930-abcd');
  });

  it('when neither checkpoints nor the history can be written, prints the whole record and exits 2', async () => {
    const home = newHome();
    fs.writeFileSync(path.join(home, 'sessions'), 'a file');
    fs.mkdirSync(path.join(home, 'history.jsonl'));
    const io = fakeIo({ tty: true });
    const { prompter } = scripted(io, { stage: (config) => nextStage(setNotes(config.state, config.state.current, 'precious\n'), io.now()) });
    const run = conduct(options(home), io, prompter);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/could not write the history file .*history\.jsonl \(EISDIR\); the session record is printed above and not resumable \(checkpoints are failing: ENOTDIR/);
    const record = JSON.parse(io.out().trim().split('\n').at(-1)!);
    expect(record).toMatchObject({ id: '20261122-0930-abcd', status: 'completed', stages: [{ notes: 'precious\n' }, { notes: 'precious\n' }] });
  });

  it('prints the record with every character typed: those the terminal would act on as JSON escapes, not stripped on the way out', async () => {
    const home = newHome();
    fs.mkdirSync(path.join(home, 'history.jsonl'));
    const io = fakeIo({ tty: true });
    // A paste from a web page or a PDF brings bidirectional marks and C1 controls with it.
    const typed = 'p99 \u202e< 200 ms\u202c, \u0085next\u007f\n';
    const { prompter } = scripted(io, { stage: (config) => nextStage(setNotes(config.state, config.state.current, typed), io.now()) });
    await expect(conduct(options(home), io, prompter)).rejects.toBeInstanceOf(UsageError);
    // As the terminal gets it: the real stdout (src/io.ts) passes every write through the one sanitiser.
    const shown = stripControl(io.out(), { keepStyle: true });
    const record = JSON.parse(shown.trim().split('\n').at(-1)!);
    expect(record.stages[0].notes).toBe(typed);
  });

  it('Ctrl-C in the self-assessment keeps the stages confirmed; resume goes on from the first unconfirmed one', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const first = scripted(io, {
      assess: (_, index) => {
        if (index === 0) return ['goal'];
        throw new InterruptedError('');
      },
    });
    expect(await conduct(options(home), io, first.prompter)).toBe(130);
    const [live] = listLive(home, isSessionState).sessions;
    expect(live!.assessed).toEqual([['goal']]);

    const asked: string[] = [];
    const second = scripted(io, { assess: (message) => (asked.push(message), ['diagram']) });
    expect(await conduct({ ...options(home, live!.state), assessed: live!.assessed }, io, second.prompter)).toBe(0);
    expect(asked).toEqual(['Design the ranking: what did you cover?']);
    expect(history(home).at(-1)).toMatchObject({ status: 'completed', stages: [{ checked: ['goal'] }, { checked: ['diagram'] }] });
  });

  it('Ctrl-C in the self-assessment while checkpoints fail: the abandoned record keeps the stages confirmed', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const { prompter } = scripted(io, {
      assess: (_, index) => {
        if (index === 0) {
          fs.rmSync(path.join(home, 'sessions'), { recursive: true });
          fs.writeFileSync(path.join(home, 'sessions'), 'not a directory');
          return ['goal'];
        }
        throw new InterruptedError('');
      },
    });
    expect(await conduct(options(home), io, prompter)).toBe(130);
    expect(io.err()).toMatch(/It cannot be resumed: checkpoints are failing: ENOTDIR/);
    expect(history(home)[0]).toMatchObject({ status: 'abandoned', score: null, stages: [{ checked: ['goal'], missed: [], score: null }, { checked: [], missed: [], score: null }] });
  });

  it('Ctrl-C in interviewer mode: the abandoned record keeps the partner\'s ticks so far', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const { prompter } = scripted(io, {
      stage: (config, index) => {
        if (index === 0) return nextStage(toggleTick(config.state, 'goal'), io.now());
        config.onChange(toggleTick(config.state, 'diagram'));
        throw new InterruptedError('');
      },
    });
    expect(await conduct({ ...options(home), mode: 'interviewer' as const }, io, prompter)).toBe(130);
    expect(history(home)[0]).toMatchObject({ status: 'abandoned', stages: [{ checked: ['goal'], score: null }, { checked: ['diagram'], score: null }] });
  });

  it('keeps the line being typed as a draft in the checkpoint, and as a last line of notes in the record', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const { prompter } = scripted(io, {
      stage: (config) => {
        config.onChange(setDraft(setNotes(config.state, 0, 'done line\n'), 'half a li'));
        throw new InterruptedError('');
      },
    });
    expect(await conduct(options(home), io, prompter)).toBe(130);
    const [live] = listLive(home, isSessionState).sessions;
    expect(live!.state.progress[0]).toMatchObject({ notes: 'done line\n', draft: 'half a li' });
    expect(history(home)[0].stages[0].notes).toBe('done line\nhalf a li\n');
  });
});

describe('conduct: the interviewer\'s side', () => {
  const sheet = compileFacts(question.interviewer!.facts);
  const plan = interview.stages.map((stage) => stage.plan);
  const START = Date.UTC(2026, 10, 22, 9, 30);
  const exportOf = async (home: string, format: 'markdown' | 'json') => {
    const io = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' } });
    expect(await main(['export', 'last', '--format', format, '--bank', path.resolve(import.meta.dirname, 'fixtures', 'e2e-bank')], io)).toBe(0);
    return io.out();
  };

  it('keeps each question asked in the checkpoint, through resume, in the record, the report and the export', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const first = scripted(io, {
      stage: (config) => {
        expect(config.sheet).toBeDefined();
        config.onChange(askInStage(askInStage(config.state, 'how many people use it?', config.sheet), 'what is your favourite colour?', config.sheet));
        throw new InterruptedError('');
      },
    });
    expect(await conduct(options(home), io, first.prompter)).toBe(130);
    const [live] = listLive(home, isSessionState).sessions;
    expect(live!.state.exchanges).toEqual([
      { asked: 'how many people use it?', factId: 'scale', answer: question.interviewer!.facts.find((fact) => fact.id === 'scale')!.answer, stageId: 'clarify' },
      { asked: 'what is your favourite colour?', factId: null, answer: expect.stringContaining('make an assumption'), stageId: 'clarify' },
    ]);
    expect(history(home)[0].exchanges).toHaveLength(2);

    let suggested: ReadonlySet<string> | undefined;
    const second = scripted(io, {
      stage: (config, index) => nextStage(index === 0 ? askInStage(config.state, 'where will people see the feed?', sheet) : config.state, io.now()),
      assess: (_, index, preselected) => ((suggested ??= preselected), index === 0 ? ['goal'] : []),
    });
    expect(await conduct({ ...options(home, live!.state) }, io, second.prompter)).toBe(0);
    // Asking where the feed is shown is evidence for "Asked where the feed appears" (the surface);
    // asking how many people use it uncovered a scale fact, evidence for "Quantified scale".
    expect([...suggested!]).toEqual(['surface', 'scale']);
    const record = history(home).at(-1);
    expect(record.exchanges.map((exchange: { asked: string; factId: string | null; stageId: string }) => [exchange.stageId, exchange.factId, exchange.asked])).toEqual([
      ['clarify', 'scale', 'how many people use it?'], ['clarify', null, 'what is your favourite colour?'], ['clarify', 'surface', 'where will people see the feed?'],
    ]);
    const report = plain(io.out());
    expect(report).toContain('Questions to the interviewer');
    expect(report).toContain('You uncovered 2 of 6 facts, about scale, surface.');
    expect(report).toMatch(/✗ You never asked about latency: The whole feed must render within 300 ms p99,\s+ranking included\./);
    expect(report).toMatch(/✔ scale: About 50 million daily users/);
    expect(report).toContain('? what is your favourite colour?');

    const markdown = await exportOf(home, 'markdown');
    expect(markdown).toContain('## Questions to the interviewer\n\nYou uncovered 2 of 6 facts, about scale, surface.\n\n- **how many people use it?**\n  - About 50 million daily users');
    expect(markdown).toContain('- **what is your favourite colour?** *(no fact on the sheet: the neutral reply)*');
    // The export gives what the folded report leaves out: every fact never asked, with its answer.
    expect(markdown).toMatch(/### Never asked\n\n- You never asked about goal: [^\n]+\n- You never asked about latency: The whole feed must render within 300 ms p99, ranking included\.\n/);
    const doc = JSON.parse(await exportOf(home, 'json')) as { exchanges: unknown; facts: Array<{ id: string; topic: string; asked: boolean }> };
    expect(doc.exchanges).toEqual(record.exchanges);
    expect(doc.facts).toHaveLength(6);
    expect(doc.facts.filter((fact) => fact.asked).map((fact) => fact.id)).toEqual(['scale', 'surface']);
    expect(doc.facts.find((fact) => fact.topic === 'latency')).toMatchObject({ asked: false, answer: expect.stringContaining('300 ms p99') });
    // The history index reads the new record.
    const listing = fakeIo({ env: { MLDRILL_HOME: home } });
    expect(await main(['history'], listing)).toBe(0);
    expect(listing.out()).toMatch(/20261122-0930-abcd\s+e2e-feed\s+self\s+completed/);
  });

  it('with --no-save, gives the report whole on a short terminal: no export could give the missed items and red flags', async () => {
    for (const save of [true, false]) {
      const io = fakeIo({ tty: true });
      Object.assign(io.stdout, { rows: 12 });
      const { prompter } = scripted(io, {});
      expect(await conduct({ ...options(newHome()), save }, io, prompter)).toBe(0);
      const report = plain(io.out());
      if (save) expect(report).toMatch(/Missed: \d+ items in 2 stages; mldrill export 20261122-0930-abcd gives them with\s+guidance/);
      else {
        expect(report).not.toMatch(/Missed: \d+/);
        expect(report).toContain('Say what the business wants from the feed.');
        expect(report).toContain('Boxes for retrieval, ranking and serving.');
      }
    }
  });

  it('assesses the follow-up with its answer key: suggested from the notes after it, scored with its stage, reported and exported', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const curveball = drawCurveball(plan, 1, question.followupDetails!, seededRandom('when'));
    const state = startSession(plan, START, curveball);
    const screens: Array<{ message: string; items: string[]; preselected: string[] }> = [];
    const { prompter, said } = scripted(io, {
      stage: (config, index) => {
        if (index === 0) return nextStage(config.state, io.now());
        // The notes mention a two-tower model before the moment: the follow-up that reacts to it comes.
        const before = setNotes(config.state, 1, 'two-tower retrieval, then a ranker\n');
        const shown = markCurveballShown(before, io.now());
        const after = setNotes(shown, 1, 'two-tower retrieval, then a ranker\nuse in-batch negatives with a popularity correction\n');
        return nextStage(after, io.now());
      },
      assess: (message, _, preselected, items) => {
        screens.push({ message, items: items.map((item) => item.id), preselected: [...preselected] });
        return message.startsWith('The follow-up:') ? ['followup-1'] : ['diagram'];
      },
    });
    expect(await conduct(options(home, state), io, prompter)).toBe(0);
    const text = 'Your two-tower model retrieves stale posts. How do you sample negatives for it?';
    expect(said.join('').replace(/\s+/g, ' ')).toContain(`The interviewer’s follow-up: ${text}`);
    // Wider than the screen (80 columns), it wraps between words.
    const heading = said.join('').split('\n').filter((line) => /follow-up:|sample negatives/.test(line));
    expect(heading).toEqual(['The interviewer’s follow-up: Your two-tower model retrieves stale posts. How do', 'you sample negatives for it?']);
    // The stage's own checklist first, without the points; then the points on a screen of their own.
    expect(screens.at(-2)).toEqual({ message: 'Design the ranking: what did you cover?', items: ['diagram'], preselected: [] });
    expect(screens.at(-1)).toEqual({ message: 'The follow-up: what did your answer cover?', items: ['followup-1', 'followup-2'], preselected: ['followup-1'] });
    const record = history(home)[0];
    expect(record.curveballs).toEqual([{ stageId: 'design', atSeconds: 0, text, answer: ['In-batch negatives, corrected for popularity', 'Hard negatives mined from impressions without engagement'], notesChars: 35 }]);
    // Diagram (weight 1) and one of two points (0.25 each): 1.25 of 1.5.
    expect(record.stages[1]).toMatchObject({ checked: ['diagram', 'followup-1'], missed: ['followup-2'], score: 83 });
    const report = plain(io.out());
    expect(report).toMatch(/Follow-up · Design the ranking\n  “Your two-tower model retrieves stale posts\. How do you sample negatives for\n  it\?”/);
    expect(report).toMatch(/Your notes after it:\n\s+use in-batch negatives with a popularity correction\n\s+Answer key:\n\s+✔ In-batch negatives, corrected for popularity\n\s+✗ Hard negatives/);

    const markdown = await exportOf(home, 'markdown');
    expect(markdown).toContain(`## Follow-up\n\n> ${text}`);
    expect(markdown).toMatch(/### Notes after it\n\n```text\nuse in-batch negatives with a popularity correction\n```/);
    expect(markdown).toContain('### Answer key\n\n- [x] In-batch negatives, corrected for popularity\n- [ ] Hard negatives mined from impressions without engagement');
    // The points read as items of their stage, not as unknown ids.
    expect(markdown).toContain('- [x] In-batch negatives, corrected for popularity\n');
    const doc = JSON.parse(await exportOf(home, 'json'));
    expect(doc.followup).toMatchObject({ stageId: 'design', text, notesAfter: 'use in-batch negatives with a popularity correction\n', answer: [{ id: 'followup-1', covered: true }, { id: 'followup-2', covered: false }] });
    expect(doc.stages[1].missed).toEqual([{ id: 'followup-2', text: 'Hard negatives mined from impressions without engagement', guidance: null, core: false }]);
  });

  it('in interviewer mode, gives the partner the fact sheet to answer from, and the report claims nothing of what was asked', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true });
    const given: StageConfig[] = [];
    const { prompter } = scripted(io, { stage: (config) => (given.push(config), nextStage(config.state, io.now())), select: () => 'skip' });
    expect(await conduct({ ...options(home), mode: 'interviewer' }, io, prompter)).toBe(0);
    expect(given.map((config) => [config.facts?.length, config.sheet])).toEqual([[6, undefined], [6, undefined]]);
    expect(plain(io.out())).not.toContain('Questions to the interviewer');
  });
});

describe('conduct: the candidate\'s own ticks in interviewer mode', () => {
  const E2E_BANK = path.resolve(import.meta.dirname, 'fixtures', 'e2e-bank');
  const ratings = (home: string) => {
    const file = path.join(home, 'ratings.jsonl');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
  };
  // The partner ticks the goal and the surface while clarifying (4.5 of 5.5 weight: 82%), and the diagram.
  const partnerTicks = (config: StageConfig, index: number) =>
    nextStage((index === 0 ? ['goal', 'surface'] : ['diagram']).reduce(toggleTick, config.state), Date.UTC(2026, 10, 22, 9, 40));

  it('after the partner, the candidate ticks the same checklists: kept as a self rating, the record keeps the partner\'s score, and stats shows the gap', async () => {
    const home = newHome();
    const io = fakeIo({ tty: true, now: Date.UTC(2026, 10, 22, 10) });
    const screens: Array<{ message: string; items: string[]; preselected: string[] }> = [];
    const { prompter, said } = scripted(io, {
      stage: partnerTicks,
      select: (message) => (expect(message).toMatch(/^Candidate: tick your own checklist too\?/), 'rate'),
      assess: (message, index, preselected, items) => {
        screens.push({ message, items: items.map((item) => item.id), preselected: [...preselected] });
        return index === 0 ? ['goal', 'scale', 'surface'] : ['diagram'];
      },
    });
    expect(await conduct({ ...options(home), mode: 'interviewer' }, io, prompter)).toBe(0);
    // The same screen as the self-assessment, titled as the candidate's, nothing pre-ticked (not the partner's ticks).
    expect(screens).toEqual([
      { message: 'Candidate, your own ticks: Clarify the feed', items: ['goal', 'scale', 'surface'], preselected: [] },
      { message: 'Candidate, your own ticks: Design the ranking', items: ['diagram'], preselected: [] },
    ]);
    expect(said.join('')).toContain('Your own ticks: 100% · your partner’s: 85%');
    const [record] = history(home);
    expect(record).toMatchObject({ mode: 'interviewer', score: 85, stages: [{ checked: ['goal', 'surface'], score: 82 }, { checked: ['diagram'], score: 100 }] });
    expect(ratings(home)).toEqual([{
      version: 1, sessionId: record.id, rater: 'self', ratedAt: '2026-11-22T10:00:00.000Z', questionId: 'e2e-feed', rubricId: 'e2e-rubric', mode: 'interviewer',
      score: 100, recordScore: 85,
      stages: [
        { id: 'clarify', score: 100, recordScore: 82, items: ['goal', 'scale', 'surface'].map((id) => ({ id, met: true, evidence: null, reason: '', counted: true })) },
        { id: 'design', score: 100, recordScore: 100, items: [{ id: 'diagram', met: true, evidence: null, reason: '', counted: true }] },
      ],
    }]);

    const text = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: Date.UTC(2026, 10, 22, 12) });
    expect(await main(['stats', '--bank', E2E_BANK], text)).toBe(0);
    // Wrapped to the 80 columns of the screen.
    expect(text.out()).toContain('Calibration (your own rating against another rater\'s, per stage)\n  Clarify the feed: you rate yourself 18 points above your partner (1\n    session).\n');
    expect(text.out()).toMatch(/\n {2}Design the ranking: you rate yourself the same as your partner \(1 session\)\.\n/);
    const json = fakeIo({ env: { MLDRILL_HOME: home, TZ: 'UTC' }, now: Date.UTC(2026, 10, 22, 12) });
    expect(await main(['stats', '--bank', E2E_BANK, '--json'], json)).toBe(0);
    expect(JSON.parse(json.out()).calibration).toEqual({
      ai: [],
      partner: [
        { id: 'clarify', title: 'Clarify the feed', sessions: 1, averageGap: 18, trend: null },
        { id: 'design', title: 'Design the ranking', sessions: 1, averageGap: 0, trend: null },
      ],
    });
  });

  it('is skipped by choice, or by Ctrl-C on its screens: no rating, and the session is saved complete with the partner\'s ticks', async () => {
    for (const script of [{ select: () => 'skip' }, { select: () => 'rate', assess: () => { throw new InterruptedError(''); } }]) {
      const home = newHome();
      const io = fakeIo({ tty: true });
      const { prompter, said } = scripted(io, { stage: partnerTicks, ...script });
      expect(await conduct({ ...options(home), mode: 'interviewer' }, io, prompter)).toBe(0);
      expect(ratings(home)).toEqual([]);
      expect(history(home)).toMatchObject([{ status: 'completed', score: 85 }]);
      if (script.assess) expect(said.join('')).toContain('Your own ticks: skipped; the session is saved with your partner’s.');
    }
  });

  it('is not asked for with --no-save', async () => {
    const io = fakeIo({ tty: true });
    const { prompter } = scripted(io, { stage: partnerTicks });
    expect(await conduct({ ...options(newHome()), mode: 'interviewer', save: false }, io, prompter)).toBe(0);
  });
});
