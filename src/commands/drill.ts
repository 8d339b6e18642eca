// `mldrill drill`: picks a question and runs the staged, timed interview (see conduct.ts).
import type { Catalog, QuestionSummary } from '../bank/catalog.js';
import type { LoadedQuestion } from '../bank/schema.js';
import { EXIT, InterruptedError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { drawCurveball, pause, startSession } from '../session/engine.js';
import { buildInterview } from '../session/interview.js';
import { dailyPick } from '../select/daily.js';
import { hasFilters, pickRandom, requireId, requireMatches, requireMatchingIds, requireMatchingPool, type Filters } from '../select/filter.js';
import { seededRandom } from '../select/random.js';
import { givenBankDirectories } from '../bank/files.js';
import { sessionId } from '../store/record.js';
import { requireTerminal, type Prompter } from '../ui/prompts.js';
import { questionHeader } from '../ui/question-header.js';
import { localDate } from '../time.js';
import { leftOutWarnings } from '../app/left-out.js';
import { conduct, followupStage } from '../app/conduct.js';
import { ensureSaveable, readHistoryFor, reviewScoresFor } from '../app/read-history.js';
import { withCatalog } from '../app/with-catalog.js';
import { aiTimeoutOf, llmOf, requireConfigRubric, stateDirOf, withDrillDefaults } from '../app/config.js';
import { withPrompter } from '../app/prompter.js';

export interface DrillOptions extends Filters {
  id?: string;
  random?: boolean;
  minutes?: number;
  strict?: boolean;
  /** Commander's --no-save sets this to false. */
  save?: boolean;
  /** Commander's --no-ready sets this to false: no ready gate, the clock starts at once. */
  ready?: boolean;
  /** Commander's --no-curveballs sets this to false. */
  curveballs?: boolean;
  interviewer?: boolean;
  seed?: string;
  rubric?: string;
  bank?: string[];
  /** Pick by spaced repetition. */
  next?: boolean;
  /** Today's question (see `mldrill daily`). */
  daily?: boolean;
  /** After the self-assessment, a second opinion from the configured language model. */
  ai?: boolean;
  /** With --ai: seconds the AI grader waits for each attempt of its request. */
  timeout?: number;
  /** The report lists every red flag of the rubric. */
  allRedFlags?: boolean;
}

export async function drill(given: DrillOptions, io: Io): Promise<number> {
  // The config file's drill defaults, under whatever flags were given.
  const options = withDrillDefaults(io, given);
  const timeout = aiTimeoutOf(options);
  const ways = [options.id && 'an id', options.random && '--random', options.next && '--next', options.daily && '--daily'].filter(Boolean);
  if (ways.length > 1) throw new UsageError(`pick the question one way, not with ${ways.join(' and ')}`);
  // An id names the question: filters beside it would be dropped without a word (`drill feed --difficulty hard` sets no difficulty).
  if (options.id && hasFilters(options)) throw new UsageError('--category, --difficulty and --tag choose among questions, not with an id; drop the id or the filters');
  // Without a terminal, what was typed wrong (an id, a rubric, filters that match nothing) is
  // still the first thing to hear about, with the exit code a terminal would give.
  if (!io.terminal.input.isTTY) {
    await withCatalog(io, options.bank, (bank) => {
      if (options.id) requireId(bank, options.id);
      else if (hasFilters(options)) requireMatches(bank.questions, options);
      if (given.rubric !== undefined) bank.rubric(given.rubric);
    });
  }
  requireTerminal(io, 'drill');
  const save = options.save !== false;
  const stateDir = stateDirOf(io);
  // Fail before the user's work, not after it.
  if (save) ensureSaveable(io, true);
  if (options.ai && !save) throw new UsageError('--ai rates the saved session: drop --no-save');
  if (options.ai) (await import('../app/ai-grade.js')).checkLlmSettings(io, llmOf(io));
  const random = options.seed === undefined ? io.random : seededRandom(options.seed);

  return withCatalog(io, options.bank, async (bank) => {
    // Before the picker: a rubric the bank lacks is no reason to choose a question first.
    if (given.rubric !== undefined) bank.rubric(given.rubric);
    else await requireConfigRubric(io, bank);
    return drillWithBank(bank, options, io, random, save, stateDir, timeout);
  });
}

/** The drill itself, once the bank is open and the state directory checked. */
async function drillWithBank(bank: Catalog, options: DrillOptions, io: Io, random: () => number, save: boolean, stateDir: string, timeout: { timeoutSeconds?: number }): Promise<number> {
  return withPrompter(io, async (prompter) => {
    const { style } = prompter;
    let question: LoadedQuestion;
    try {
      question = bank.question(await chooseQuestion(bank, options, random, prompter, io));
    } catch (error) {
      if (error instanceof InterruptedError) return EXIT.interrupted;
      throw error;
    }
    const interview = buildInterview(question, bank.rubric(options.rubric ?? question.rubric), options.minutes);
    for (const warning of leftOutWarnings(interview)) io.stderr.write(warning);
    const mode = options.interviewer ? 'interviewer' : 'self';
    const plan = interview.stages.map((stage) => stage.plan);
    const header = questionHeader(question, plan, style, prompter.columns);
    prompter.say(`\n${header.join('\n')}\n${mode === 'interviewer' ? style.dim('\nInterviewer mode: read the prompt out, then tick the checklist as the candidate covers each item.\n') : ''}\n`);
    const now = io.now();
    const curveball = mode === 'self' && options.curveballs !== false ? drawCurveball(plan, followupStage(interview), question.followupDetails ?? [], random) : null;
    return await conduct(
      {
        interview, mode, save, stateDir,
        id: sessionId(now, io.random),
        minutes: options.minutes ?? null,
        strict: Boolean(options.strict),
        gated: options.ready !== false,
        allRedFlags: Boolean(options.allRedFlags),
        state: options.ready === false ? startSession(plan, now, curveball) : pause(startSession(plan, now, curveball), now),
        ai: Boolean(options.ai),
        ...(options.ai ? timeout : {}),
        bank: givenBankDirectories(io.cwd, io.env, options.bank),
      },
      io, prompter,
    );
  });
}

/** The id of the question to drill: given, today's, due, random, or picked from a list. */
async function chooseQuestion(bank: Catalog, options: DrillOptions, random: () => number, prompter: Prompter, io: Io): Promise<string> {
  if (options.id) return requireId(bank, options.id);
  if (options.daily) return dailyPick(requireMatchingPool(bank, options), localDate(io.now(), io.timeZone));
  if (options.next) return nextQuestion(requireMatches(bank.questions, options), io);
  if (options.random) return pickRandom(requireMatchingIds(bank, options), random);
  return (await prompter.chooseQuestion(requireMatches(bank.questions, options), lastScores(io))).id;
}

/** Each drilled question's latest completed score, for the picker; none when the history cannot be read. */
function lastScores(io: Io): Map<string, number> {
  const scores = new Map<string, number>();
  try {
    const completed = readHistoryFor(io).records.filter((record) => record.status === 'completed' && record.score !== null);
    for (const record of completed.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))) scores.set(record.questionId, record.score!);
  } catch {
    // The picker works without marks; history and stats say what is wrong with the file.
  }
  return scores;
}

/** The head of the spaced-repetition queue among the matching questions, said on stderr. */
async function nextQuestion(matches: QuestionSummary[], io: Io): Promise<string> {
  const { practiceQueue } = await import('../select/schedule.js');
  const { reasonText } = await import('../ui/next.js');
  const { records } = readHistoryFor(io);
  const now = io.now();
  const [first] = practiceQueue(matches, records, now, reviewScoresFor(io));
  io.stderr.write(`Next by spaced repetition: ${first!.questionId} (${reasonText(first!, now)})\n`);
  return first!.questionId;
}
