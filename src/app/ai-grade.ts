// The AI second rater, as `grade --ai` and `drill --ai` run it: one request to the configured
// server, the verdicts checked against the notes (no verdict without evidence), and the score
// that follows. Loaded only by commands that grade with --ai.
import type { LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import { EXIT, LlmSetupError, ServiceError, systemErrorCode, systemErrorText, UsageError, type LlmFix } from '../errors.js';
import type { Io } from '../io.js';
import { NotRegularError } from '../read-file.js';
import { chat, redact } from '../rater/client.js';
import { hostOf, isLoopback, llmConfig, type LlmSettings } from '../rater/config.js';
import { diagramLines, gradingMessages } from '../rater/prompt.js';
import { parseReply } from '../rater/reply.js';
import { judge, type AiStage } from '../rater/verdicts.js';
import { withRecordedFollowup } from '../score/dialogue.js';
import { buildInterview } from '../session/interview.js';
import { ratingsFile } from '../store/paths.js';
import { colourOf, stateDirOf } from './config.js';
import { appendRating, RATING_VERSION, type RatingRecord } from '../store/ratings.js';
import type { CurveballRecord, SessionRecord } from '../store/record.js';
import { jsonText, plural, stripControl } from '../text.js';
import { aiGradeLines, verdictsBesideTicksLines, type TicksBy } from '../ui/ai-grade.js';
import { styleFor } from '../ui/colour.js';

const DEFAULT_TIMEOUT_SECONDS = 120;

const EXAMPLE = 'e.g. http://127.0.0.1:11434/v1 for a local Ollama';

/**
 * How a message names the grader's settings: by the environment variable where one is set (it
 * wins), else by the config file's key where that is set, else the variable (the usual way).
 */
interface SettingNames {
  url: string;
  model: string;
  key: string;
}

function settingNames(env: Record<string, string | undefined>, llm: LlmSettings = {}): SettingNames {
  const name = (variable: string, key: string, fromFile: string | undefined) => (!env[variable] && fromFile ? `${key} in the config file` : variable);
  return { url: name('MLDRILL_LLM_URL', 'llm.url', llm.url), model: name('MLDRILL_LLM_MODEL', 'llm.model', llm.model), key: name('MLDRILL_LLM_API_KEY', 'llm.api_key', llm.api_key) };
}

/** What is wrong with the grader's settings, in the words of the command line. */
const SETUP_TEXT: Record<LlmSetupError['problem'], (names: SettingNames) => string> = {
  'no-url': ({ url }) => `--ai needs a server: set ${url} to its OpenAI-compatible base URL (${EXAMPLE})`,
  'not-a-url': ({ url }) => `${url} is not a URL; set it to the API's base URL (${EXAMPLE})`,
  scheme: ({ url }) => `${url} must start with http:// or https:// (${EXAMPLE})`,
  credentials: ({ url, key }) => `${url} must not carry a user name or password; put the key in ${key}`,
  'key-chars': ({ key }) => `${key} holds a space, a line break or a character outside ASCII, which an HTTP header cannot carry; copy the key again`,
  'no-model': ({ model }) => `--ai needs a model: set ${model} to one your server has (e.g. llama3.1:8b; \`ollama list\` shows them)`,
};

/** The remedy for each way the server fails, in the words of the command line. */
const FIX_TEXT: Record<LlmFix, (subject: string, names: SettingNames) => string> = {
  timeout: () => 'raise --timeout (a large model on a CPU can take minutes) or use a smaller model',
  'start-server': (_, { url }) => `start the server (e.g. \`ollama serve\`) or fix the port in ${url}`,
  'host-name': (_, { url }) => `check the host name in ${url} and your network`,
  'scheme-matches': (_, { url }) => `check the server's log, and that ${url} is http:// or https:// as the server expects`,
  secure: (_, { url }) => `check the certificate, or the scheme in ${url}`,
  reach: (_, { url }) => `check ${url} and that the server is running`,
  key: (_, { key }) => `set ${key} to a valid key for this server`,
  'pull-model': (model, { model: setting }) => `pull it (\`ollama pull ${model}\`) or set ${setting} to a model the server has`,
  'model-name': (_, { model: setting }) => `set ${setting} to one of the models the server lists at /models`,
  'base-url-v1': (_, { url }) => `set ${url} to the API's base URL, usually ending in /v1`,
  'url-and-model': (_, { url, model }) => `check ${url} and ${model}`,
  'json-base-url': (_, { url }) => `check that ${url} is the API's base URL (usually ending in /v1)`,
  'openai-api': (_, { url }) => `check that ${url} points at an OpenAI-compatible API`,
  'blocked-port': (_, { url }) => `run the server on another port (Ollama's is 11434) and put it in ${url}`,
  redirected: (base, { url }) => `if that is your server, set ${url} to ${base}`,
};

/** The rater's errors with their remedies worded; any other error as it is. */
function worded(error: unknown, names: SettingNames): unknown {
  if (error instanceof LlmSetupError) return new UsageError(SETUP_TEXT[error.problem](names));
  if (error instanceof ServiceError && error.fix) return new ServiceError(`${error.message}; ${FIX_TEXT[error.fix](error.subject ?? '', names)}`);
  return error;
}

/** The grader's settings, checked before a drill with --ai begins: a UsageError saying what to set. */
export function checkLlmSettings(io: Io, llm: LlmSettings | undefined): void {
  try {
    llmConfig(io.env, llm);
  } catch (error) {
    throw worded(error, settingNames(io.env, llm));
  }
}

export interface AiGradeInput {
  question: LoadedQuestion;
  rubric: LoadedRubric;
  /** Notes per stage id; '' holds text before any stage heading (it counts for every stage). */
  notesByStage: Readonly<Record<string, string>>;
  /** The candidate's ticked item ids per stage: unsure and void verdicts fall back to them. */
  selfTicks?: Readonly<Record<string, readonly string[]>>;
  /** The diagram drawn (edge lines): the model sees it, and a quote of it is evidence. */
  diagram?: string;
  /** A recorded session's follow-up: its answer key points were scored with their stage, so they are rated with it. */
  followup?: Pick<CurveballRecord, 'stageId' | 'text' | 'answer'>;
}

export interface AiGradeOptions {
  /** Per attempt; default 120. */
  timeoutSeconds?: number;
  /** Ctrl-C: aborts the request (InterruptedError). */
  signal?: AbortSignal;
  /** The config file's `llm` section, once there is a config file; the environment wins over it. */
  llm?: LlmSettings;
  /** For tests: waiting between retries. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  backoffMs?: (retry: number) => number;
}

/** `grade --ai --json`'s document. */
export interface AiGradeResult {
  questionId: string;
  rubricId: string;
  grader: 'ai';
  model: string;
  /** host[:port] of the server that graded. */
  host: string;
  /** Weighted coverage of what is counted (the AI's verdicts, self ticks where it is unsure or void), percent. */
  score: number;
  /** Whether missed core items capped the score (60% with none covered, as for the self-assessment). */
  capped: boolean;
  stages: AiStage[];
  /** Verdicts dropped (unknown items) and other remarks, one line each. */
  warnings: string[];
}

/** Grades the notes with the configured model; ServiceError (exit 2) when that cannot be done. */
export async function aiGrade(input: AiGradeInput, io: Io, options: AiGradeOptions = {}): Promise<AiGradeResult> {
  try {
    return await gradeWithModel(input, io, options);
  } catch (error) {
    throw worded(error, settingNames(io.env, options.llm));
  }
}

async function gradeWithModel(input: AiGradeInput, io: Io, options: AiGradeOptions): Promise<AiGradeResult> {
  const config = llmConfig(io.env, options.llm);
  const host = hostOf(config);
  if (!isLoopback(config)) io.stderr.write(`mldrill: grading sends your notes to ${stripControl(host)} (${settingNames(io.env, options.llm).url})\n`);
  const interview = withRecordedFollowup(buildInterview(input.question, input.rubric), input.followup);
  const stages = interview.stages.map((stage) => ({ id: stage.plan.id, title: stage.plan.title, items: stage.items }));
  // Whole milliseconds from one to what a Node timer holds (about 24 days; longer fires at once): the abort timer takes nothing else.
  const timeoutMs = Math.min(2 ** 31 - 1, Math.max(1, Math.round((options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000)));
  // A model on a CPU can take minutes: a person at a terminal is told what the wait is for.
  if (io.errorTerminal?.isTTY) io.stderr.write(`Asking ${stripControl(config.model)} at ${stripControl(host)} for a second opinion (up to ${timeoutMs / 1000} s; Ctrl-C stops)...\n`);
  const reply = await chat(config, (mode) => gradingMessages({ prompt: input.question.prompt, stages, notesByStage: input.notesByStage, diagram: input.diagram }, mode), {
    timeoutMs,
    signal: options.signal,
    sleep: options.sleep,
    backoffMs: options.backoffMs,
    now: () => io.now(),
    onNote: (note) => io.stderr.write(`mldrill: ${stripControl(redact(note, config))}\n`),
  });
  const parsed = parseReply(reply.content);
  if ('problem' in parsed) {
    const cut = reply.finishReason === 'length' ? ', because it was cut off (the model\'s context or output limit is too small; for Ollama, raise OLLAMA_CONTEXT_LENGTH)' : '';
    throw new ServiceError(`the reply of ${config.model} at ${host} is unusable: ${parsed.problem}${cut}; try again, or use a model that supports structured output`);
  }
  const notes = [...Object.values(input.notesByStage), diagramLines(input.diagram)].join('\n');
  const judged = judge(stages, parsed.verdicts, notes, input.selfTicks);
  // No verdict is no second opinion: kept, it would read as an AI score equal to the candidate's own.
  if (judged.rated === 0) {
    const count = stages.reduce((sum, stage) => sum + stage.items.length, 0);
    throw new ServiceError(`the reply of ${config.model} at ${host} rates none of the checklist's ${count} items${judged.warnings.length ? ` (${plural(judged.warnings.length, 'verdict')} for items it does not have)` : ''}; try again, or use a larger model`);
  }
  for (const warning of judged.warnings) io.stderr.write(`mldrill: warning: ${stripControl(warning)}\n`);
  return { questionId: input.question.id, rubricId: input.rubric.id, grader: 'ai', model: config.model, host, score: judged.score, capped: judged.capped, stages: judged.stages, warnings: judged.warnings };
}

/** An interviewer-mode session's record holds the partner's ticks, not the candidate's. */
const ticksBy = (record: SessionRecord | undefined): TicksBy => (record?.mode === 'interviewer' ? 'partner' : 'self');

/**
 * Grades a recorded session's notes with the AI and keeps the rating beside the history
 * (ratings.jsonl), never touching the session record. Unsure and void verdicts fall back to the
 * record's own ticks. When the rating cannot be written, it is still returned, with a warning:
 * the grading is on screen, and nothing the user typed depends on the file.
 */
export async function aiGradeSession(record: SessionRecord, question: LoadedQuestion, rubric: LoadedRubric, io: Io, options: AiGradeOptions = {}): Promise<AiGradeResult> {
  const notesByStage = Object.fromEntries(record.stages.map((stage) => [stage.id, stage.notes]));
  const selfTicks = record.status === 'completed' ? Object.fromEntries(record.stages.map((stage) => [stage.id, stage.checked])) : undefined;
  const followup = record.curveballs?.[0];
  const result = await aiGrade({ question, rubric, notesByStage, selfTicks, ...(record.diagram ? { diagram: record.diagram } : {}), ...(followup ? { followup } : {}) }, io, options);
  // Graded on another rubric (--rubric), the record's scores are of another checklist: no gap to measure, so none is kept.
  const sameChecklist = rubric.id === record.rubricId;
  const recordScores = new Map(sameChecklist ? record.stages.map((stage) => [stage.id, stage.score]) : []);
  const rating: RatingRecord = {
    version: RATING_VERSION,
    sessionId: record.id,
    rater: 'ai',
    ratedAt: new Date(io.now()).toISOString(),
    model: result.model,
    host: result.host,
    questionId: result.questionId,
    rubricId: result.rubricId,
    mode: record.mode,
    score: result.score,
    recordScore: sameChecklist ? record.score : null,
    stages: result.stages.map((stage) => ({
      id: stage.id,
      score: stage.score,
      recordScore: recordScores.get(stage.id) ?? null,
      items: stage.items.map((item) => ({ id: item.id, met: item.met, evidence: item.evidence, reason: item.reason, ...(item.void ? { void: true as const } : {}), counted: item.counted })),
    })),
  };
  const file = ratingsFile(stateDirOf(io));
  try {
    appendRating(file, rating);
  } catch (error) {
    // A FIFO or a directory in its place is no matter of permissions: say what is there.
    const kind = error instanceof NotRegularError ? error.kind : systemErrorCode(error) === 'EISDIR' ? 'a directory' : undefined;
    const cause = kind ? `it is ${kind}, not a regular file; move it away` : `${systemErrorText(error)}; fix the state directory's permissions`;
    io.stderr.write(`mldrill: warning: could not keep the rating in ${file} (${cause} and grade again to keep it)\n`);
  }
  return result;
}

/**
 * What `grade --ai` does once it has the question, the rubric and the notes: grade (keeping the
 * rating beside the history when a recorded session is graded), with Ctrl-C aborting the request,
 * and print the verdicts as text or JSON. Returns the exit code.
 */
export async function runAiGrade(input: AiGradeInput & { record?: SessionRecord }, io: Io, options: AiGradeOptions & { json?: boolean } = {}): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onSignal(() => controller.abort());
  try {
    const gradeOptions = { ...options, signal: options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal };
    const result = input.record
      ? await aiGradeSession(input.record, input.question, input.rubric, io, gradeOptions)
      : await aiGrade(input, io, gradeOptions);
    if (options.json) io.stdout.write(jsonText(result));
    else io.stdout.write(`${aiGradeLines(result, input.question.title, await styleFor(io.stdout, io.env, colourOf(io)), io.stdout.isTTY ? Math.min(io.stdout.columns, 100) : undefined, ticksBy(input.record)).join('\n')}\n`);
    return EXIT.ok;
  } finally {
    stopListening();
  }
}

/**
 * `drill --ai`: the AI's verdict beside each of the candidate's ticks, disagreements first, once
 * the session is saved. A failure is one line and exit 2; the session and its self-assessment
 * stand, and `mldrill grade <id> --ai` can try again.
 */
export async function secondOpinion(record: SessionRecord, question: LoadedQuestion, rubric: LoadedRubric, io: Io, options: AiGradeOptions = {}): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onSignal(() => controller.abort());
  try {
    const result = await aiGradeSession(record, question, rubric, io, { ...options, signal: controller.signal });
    io.stdout.write(`\n${verdictsBesideTicksLines(result, await styleFor(io.stdout, io.env, colourOf(io)), Math.min(io.stdout.columns, 100), ticksBy(record)).join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // The server's and the model's words are in it: untrusted text, as main's one line takes it.
    io.stderr.write(`mldrill: ${stripControl(error.message)}\n`);
    io.stderr.write(`Your session ${record.id} is saved as you assessed it.\nAsk again with: mldrill grade ${record.id} --ai${options.timeoutSeconds !== undefined ? ` --timeout ${options.timeoutSeconds}` : ''}\n`);
    return EXIT.usage;
  } finally {
    stopListening();
  }
}
