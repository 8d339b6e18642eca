// The drill's loop with a scripted prompter: checkpoints that fail, Ctrl-C in the
// self-assessment, and a draft line kept apart from the notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conduct } from '../src/app/conduct.js';
import { loadBank } from './helpers/bank.js';
import { InterruptedError, UsageError } from '../src/errors.js';
import { nextStage, setDraft, setNotes, startSession, type SessionState } from '../src/session/engine.js';
import { buildInterview } from '../src/session/interview.js';
import { listLive } from '../src/store/live.js';
import { PLAIN } from '../src/ui/colour.js';
import type { Prompter } from '../src/ui/prompts.js';
import { fakeIo } from './helpers/fake-io.js';

const bank = loadBank(process.cwd(), {}, { bank: [path.resolve(import.meta.dirname, 'fixtures', 'e2e-bank')] });
const question = bank.questions.find((candidate) => candidate.id === 'e2e-feed')!;
const interview = buildInterview(question, bank.rubrics.get(question.rubric)!);
const newHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-conduct-'));
const history = (home: string) => fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));

type StageConfig = Parameters<Prompter['runStage']>[0];
interface Script {
  /** Plays one stage: returns the state the stage prompt would end with. */
  stage?: (config: StageConfig, index: number) => SessionState;
  /** Answers one assessment screen (its message), or throws. */
  assess?: (message: string, index: number) => string[];
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
    assess: async (message) => (script.assess ? script.assess(message, screens++) : []),
    input: () => Promise.reject(new Error('not used')),
    select: () => Promise.reject(new Error('not used')),
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
    const [live] = listLive(home).sessions;
    expect(live!.assessed).toEqual([['goal']]);

    const asked: string[] = [];
    const second = scripted(io, { assess: (message) => (asked.push(message), ['diagram']) });
    expect(await conduct({ ...options(home, live!.state), assessed: live!.assessed }, io, second.prompter)).toBe(0);
    expect(asked).toEqual(['Design the ranking: what did you cover?']);
    expect(history(home).at(-1)).toMatchObject({ status: 'completed', stages: [{ checked: ['goal'] }, { checked: ['diagram'] }] });
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
    const [live] = listLive(home).sessions;
    expect(live!.state.progress[0]).toMatchObject({ notes: 'done line\n', draft: 'half a li' });
    expect(history(home)[0].stages[0].notes).toBe('done line\nhalf a li\n');
  });
});
