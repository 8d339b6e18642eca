// `mldrill drill`: picks a question and runs the staged, timed interview (see conduct.ts).
import { loadBank, type Bank } from '../bank/load.js';
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import { EXIT, InterruptedError, NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { drawCurveball, startSession } from '../session/engine.js';
import { buildInterview } from '../session/interview.js';
import { findQuestion, pickRandom, requireMatches, type Filters } from '../select/filter.js';
import { seededRandom } from '../select/random.js';
import { ensureWritable, stateDirectory } from '../store/paths.js';
import { sessionId } from '../store/record.js';
import { createPrompter, requireTerminal, type Prompter } from '../ui/prompts.js';
import { questionHeader } from '../ui/render.js';
import { conduct, followupStage } from './conduct.js';
import { readHistoryFor } from './read-history.js';
import { reportBankErrors } from './report-findings.js';

export interface DrillOptions extends Filters {
  id?: string;
  random?: boolean;
  minutes?: number;
  strict?: boolean;
  /** Commander's --no-save sets this to false. */
  save?: boolean;
  /** Commander's --no-curveballs sets this to false. */
  curveballs?: boolean;
  interviewer?: boolean;
  seed?: string;
  rubric?: string;
  bank?: string[];
  /** Pick by spaced repetition. */
  next?: boolean;
}

export async function drill(options: DrillOptions, io: Io): Promise<number> {
  const ways = [options.id && 'an id', options.random && '--random', options.next && '--next'].filter(Boolean);
  if (ways.length > 1) throw new UsageError(`give only one of ${ways.join(', ')}: each picks the question`);
  requireTerminal(io, 'drill');
  const save = options.save !== false;
  const stateDir = stateDirectory(io.env, io.homedir);
  // Fail before the user's work, not after it.
  if (save) ensureWritable(stateDir);
  const random = options.seed === undefined ? io.random : seededRandom(options.seed);

  const bank = loadBank(io.cwd, io.env, { bank: options.bank });
  reportBankErrors(bank.findings, io);

  const controller = new AbortController();
  const stopListening = io.onSignal(() => controller.abort());
  const prompter = createPrompter(io, controller.signal);
  const { style } = prompter;
  try {
    let question: LoadedQuestion;
    try {
      question = await chooseQuestion(bank, options, random, prompter, io);
    } catch (error) {
      if (error instanceof InterruptedError) return EXIT.interrupted;
      throw error;
    }
    const interview = buildInterview(question, rubricFor(bank, question, options.rubric), options.minutes);
    const mode = options.interviewer ? 'interviewer' : 'self';
    const plan = interview.stages.map((stage) => stage.plan);
    const header = questionHeader(question, plan, style, prompter.columns);
    prompter.say(`\n${header.join('\n')}\n${mode === 'interviewer' ? style.dim('\nInterviewer mode: read the prompt out, then tick the checklist as the candidate covers each item.\n') : ''}\n`);
    const now = io.now();
    const curveball = mode === 'self' && options.curveballs !== false ? drawCurveball(plan, followupStage(interview), question.followups ?? [], random) : null;
    return await conduct(
      {
        interview, mode, save, stateDir,
        id: sessionId(now, io.random),
        minutes: options.minutes ?? null,
        strict: Boolean(options.strict),
        state: startSession(plan, now, curveball),
      },
      io, prompter,
    );
  } finally {
    stopListening();
  }
}

export function rubricFor(bank: Bank, question: LoadedQuestion, override?: string): LoadedRubric {
  const id = override ?? question.rubric;
  const rubric = bank.rubrics.get(id);
  if (!rubric) throw new NotFoundError(`no rubric with id "${id}"; known rubrics: ${[...bank.rubrics.keys()].join(', ') || 'none'}`);
  return rubric;
}

async function chooseQuestion(bank: Bank, options: DrillOptions, random: () => number, prompter: Prompter, io: Io): Promise<LoadedQuestion> {
  if (options.id) return findQuestion(bank.questions, options.id);
  const matches = requireMatches(bank.questions, options);
  if (options.next) return nextQuestion(matches, io);
  if (options.random) return pickRandom(matches, random);
  return prompter.chooseQuestion(matches);
}

/** The head of the spaced-repetition queue among the matching questions, said on stderr. */
async function nextQuestion(matches: LoadedQuestion[], io: Io): Promise<LoadedQuestion> {
  const { practiceQueue } = await import('../select/schedule.js');
  const { reasonText } = await import('../ui/next.js');
  const { records } = readHistoryFor(io);
  const now = io.now();
  const [first] = practiceQueue(matches, records, now);
  io.stderr.write(`Next by spaced repetition: ${first!.questionId} (${reasonText(first!, now)})\n`);
  return matches.find((question) => question.id === first!.questionId)!;
}
