// `mldrill drill`: the staged, timed interview, the self-assessment, the report and the save.
import { openBank, type Catalog } from '../bank/cache.js';
import type { LoadedQuestion } from '../bank/schema.js';
import { EXIT, InterruptedError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { assess, buildReport } from '../score/report.js';
import type { SessionScore } from '../score/score.js';
import { startSession, stop, usedSeconds, type SessionState } from '../session/engine.js';
import { buildInterview, type Interview } from '../session/interview.js';
import { dailyId } from '../select/daily.js';
import { pickRandom, requireId, requireMatches, requireMatchingIds, type Filters } from '../select/filter.js';
import { appendRecord } from '../store/history.js';
import { ensureWritable, historyFile, stateDirectory } from '../store/paths.js';
import { makeRecord, sessionId, type SessionStatus } from '../store/record.js';
import { styleFor, type Style } from '../ui/colour.js';
import { createPrompter, requireTerminal, type Prompter } from '../ui/prompts.js';
import { questionHeader, reportLines } from '../ui/render.js';
import { localDate } from '../time.js';
import { reportBankErrors } from './report-findings.js';

export interface DrillOptions extends Filters {
  id?: string;
  random?: boolean;
  daily?: boolean;
  minutes?: number;
  strict?: boolean;
  /** Commander's --no-save sets this to false. */
  save?: boolean;
  rubric?: string;
  bank?: string[];
}

export async function drill(options: DrillOptions, io: Io): Promise<number> {
  const ways = [options.id && 'an id', options.random && '--random', options.daily && '--daily'].filter(Boolean);
  if (ways.length > 1) throw new UsageError(`pick the question one way, not with ${ways.join(' and ')}`);
  requireTerminal(io, 'drill');
  const style = styleFor(io.stdout, io.env);
  const save = options.save !== false;
  const stateDir = stateDirectory(io.env, io.homedir);
  // Fail before the user's work, not after it.
  if (save) ensureWritable(stateDir);

  const bank = await openBank({ cwd: io.cwd, env: io.env, homedir: io.homedir }, { bank: options.bank });
  try {
    reportBankErrors(bank.findings, io);
    return await drillWithBank(bank, options, io, style, save ? stateDir : undefined);
  } finally {
    bank.close();
  }
}

/** The drill itself, once the bank is open and the state directory checked. */
async function drillWithBank(bank: Catalog, options: DrillOptions, io: Io, style: Style, stateDir: string | undefined): Promise<number> {
  const save = stateDir !== undefined;
  const controller = new AbortController();
  const stopListening = io.onSignal(() => controller.abort());
  const prompter = createPrompter(io, style, controller.signal);
  try {
    let question: LoadedQuestion;
    try {
      question = bank.question(await chooseQuestion(bank, options, io, prompter));
    } catch (error) {
      if (error instanceof InterruptedError) return EXIT.interrupted;
      throw error;
    }
    const interview = buildInterview(question, bank.rubric(options.rubric ?? question.rubric), options.minutes);
    io.stdout.write(`\n${questionHeader(question, interview.stages.map((stage) => stage.plan), style, io.stdout.columns).join('\n')}\n\n`);
    const outcome = await runInterview(interview, options, io, prompter);

    const now = io.now();
    const status: SessionStatus = outcome.score ? 'completed' : 'abandoned';
    if (outcome.score) io.stdout.write(`\n${reportLines(buildReport(interview, outcome.state, outcome.score, now), style, Math.min(io.stdout.columns, 100)).join('\n')}\n`);
    if (save) {
      const file = historyFile(stateDir);
      const record = makeRecord({
        id: sessionId(outcome.state.startedAt, io.random),
        questionId: question.id,
        rubricId: interview.rubric.id,
        mode: 'self',
        status,
        startedAt: outcome.state.startedAt,
        endedAt: outcome.state.endedAt ?? now,
        stages: interview.stages.map((stage, i) => ({
          id: stage.plan.id,
          budgetSeconds: stage.plan.budgetSeconds,
          usedSeconds: usedSeconds(outcome.state, i, now),
          hintsShown: outcome.state.progress[i]!.hintsShown,
          notes: outcome.state.progress[i]!.notes,
        })),
        score: outcome.score,
      });
      appendRecord(file, record);
      io.stderr.write(status === 'completed'
        ? `\nSaved session ${record.id} to ${file}\n`
        : `\nInterrupted: session ${record.id} saved as abandoned, notes included, to ${file}\n`);
    } else if (status === 'abandoned') {
      io.stderr.write('\nInterrupted: nothing saved (--no-save)\n');
    }
    return status === 'completed' ? EXIT.ok : EXIT.interrupted;
  } finally {
    stopListening();
  }
}

/** The id of the question to drill: given, today's, random, or picked from a list. */
async function chooseQuestion(bank: Catalog, options: DrillOptions, io: Io, prompter: Prompter): Promise<string> {
  if (options.id) return requireId(bank.ids, options.id);
  if (options.daily) return dailyId(requireMatchingIds(bank, options), localDate(io.now(), io.env.TZ));
  if (options.random) return pickRandom(requireMatchingIds(bank, options), io.random);
  return (await prompter.chooseQuestion(requireMatches(bank.questions, options))).id;
}

interface Outcome {
  state: SessionState;
  /** Absent when the user quit before finishing the self-assessment. */
  score?: SessionScore;
}

async function runInterview(interview: Interview, options: DrillOptions, io: Io, prompter: Prompter): Promise<Outcome> {
  let latest = startSession(interview.stages.map((stage) => stage.plan), io.now());
  try {
    for (const stage of interview.stages) {
      latest = await prompter.runStage({
        state: latest,
        hints: stage.hints,
        strict: Boolean(options.strict),
        onChange: (state) => {
          latest = state;
        },
      });
    }
    io.stdout.write(`\nSelf-assessment: tick only what you really covered (space ticks, Enter confirms).\n`);
    const checked: string[][] = [];
    for (const stage of interview.stages) {
      checked.push(await prompter.assess(`${stage.plan.title}: what did you cover?`, stage.items));
    }
    return { state: latest, score: assess(interview, checked) };
  } catch (error) {
    if (error instanceof InterruptedError) return { state: stop(latest, io.now()) };
    throw error;
  }
}
