import { EXIT, LlmSetupError, ServiceError, UsageError } from '../errors.js';
import { chat, redact } from '../rater/client.js';
import { hostOf, isLoopback, llmConfig } from '../rater/config.js';
import { gradingMessages } from '../rater/prompt.js';
import { parseReply } from '../rater/reply.js';
import { judge } from '../rater/verdicts.js';
import { buildInterview } from '../session/interview.js';
import { ratingsFile } from '../store/paths.js';
import { stateDirOf } from './config.js';
import { appendRating, RATING_VERSION } from '../store/ratings.js';
import { jsonText, stripControl } from '../text.js';
import { aiGradeLines, verdictsBesideTicksLines } from '../ui/ai-grade.js';
import { styleFor } from '../ui/colour.js';
const DEFAULT_TIMEOUT_SECONDS = 120;
const EXAMPLE = 'e.g. http://127.0.0.1:11434/v1 for a local Ollama';
/** What is wrong with the grader's settings, in the words of the command line. */
const SETUP_TEXT = {
    'no-url': `--ai needs a server: set MLDRILL_LLM_URL to its OpenAI-compatible base URL (${EXAMPLE})`,
    'not-a-url': `MLDRILL_LLM_URL is not a URL; set it to the API's base URL (${EXAMPLE})`,
    scheme: `MLDRILL_LLM_URL must start with http:// or https:// (${EXAMPLE})`,
    credentials: 'MLDRILL_LLM_URL must not carry a user name or password; put the key in MLDRILL_LLM_API_KEY',
    'no-model': '--ai needs a model: set MLDRILL_LLM_MODEL to one your server has (e.g. llama3.1:8b; `ollama list` shows them)',
};
/** The remedy for each way the server fails, in the words of the command line. */
const FIX_TEXT = {
    timeout: () => 'raise --timeout (a large model on a CPU can take minutes) or use a smaller model',
    'start-server': () => 'start the server (e.g. `ollama serve`) or fix the port in MLDRILL_LLM_URL',
    'host-name': () => 'check the host name in MLDRILL_LLM_URL and your network',
    'scheme-matches': () => "check the server's log, and that MLDRILL_LLM_URL is http:// or https:// as the server expects",
    secure: () => 'check the certificate, or the scheme in MLDRILL_LLM_URL',
    reach: () => 'check MLDRILL_LLM_URL and that the server is running',
    key: () => 'set MLDRILL_LLM_API_KEY to a valid key for this server',
    'pull-model': (model) => `pull it (\`ollama pull ${model}\`) or set MLDRILL_LLM_MODEL to a model the server has`,
    'base-url-v1': () => "set MLDRILL_LLM_URL to the API's base URL, usually ending in /v1",
    'url-and-model': () => 'check MLDRILL_LLM_URL and MLDRILL_LLM_MODEL',
    'json-base-url': () => "check that MLDRILL_LLM_URL is the API's base URL (usually ending in /v1)",
    'openai-api': () => 'check that MLDRILL_LLM_URL points at an OpenAI-compatible API',
};
/** The rater's errors with their remedies worded; any other error as it is. */
function worded(error) {
    if (error instanceof LlmSetupError)
        return new UsageError(SETUP_TEXT[error.problem]);
    if (error instanceof ServiceError && error.fix)
        return new ServiceError(`${error.message}; ${FIX_TEXT[error.fix](error.model ?? '')}`);
    return error;
}
/** The grader's settings, checked before a drill with --ai begins: a UsageError saying what to set. */
export function checkLlmSettings(io, llm) {
    try {
        llmConfig(io.env, llm);
    }
    catch (error) {
        throw worded(error);
    }
}
/** Grades the notes with the configured model; ServiceError (exit 2) when that cannot be done. */
export async function aiGrade(input, io, options = {}) {
    try {
        return await gradeWithModel(input, io, options);
    }
    catch (error) {
        throw worded(error);
    }
}
async function gradeWithModel(input, io, options) {
    const config = llmConfig(io.env, options.llm);
    const host = hostOf(config);
    if (!isLoopback(config))
        io.stderr.write(`mldrill: grading sends your notes to ${stripControl(host)} (MLDRILL_LLM_URL)\n`);
    const interview = buildInterview(input.question, input.rubric);
    const stages = interview.stages.map((stage) => ({ id: stage.plan.id, title: stage.plan.title, items: stage.items }));
    const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    const reply = await chat(config, (mode) => gradingMessages({ prompt: input.question.prompt, stages, notesByStage: input.notesByStage }, mode), {
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
    const notes = Object.values(input.notesByStage).join('\n');
    const judged = judge(stages, parsed.verdicts, notes, input.selfTicks);
    for (const warning of judged.warnings)
        io.stderr.write(`mldrill: warning: ${stripControl(warning)}\n`);
    return { questionId: input.question.id, rubricId: input.rubric.id, grader: 'ai', model: config.model, host, score: judged.score, stages: judged.stages, warnings: judged.warnings };
}
/**
 * Grades a recorded session's notes with the AI and keeps the rating beside the history
 * (ratings.jsonl), never touching the session record. Unsure and void verdicts fall back to the
 * record's own ticks. When the rating cannot be written, it is still returned, with a warning:
 * the grading is on screen, and nothing the user typed depends on the file.
 */
export async function aiGradeSession(record, question, rubric, io, options = {}) {
    const notesByStage = Object.fromEntries(record.stages.map((stage) => [stage.id, stage.notes]));
    const selfTicks = record.status === 'completed' ? Object.fromEntries(record.stages.map((stage) => [stage.id, stage.checked])) : undefined;
    const result = await aiGrade({ question, rubric, notesByStage, selfTicks }, io, options);
    const recordScores = new Map(record.stages.map((stage) => [stage.id, stage.score]));
    const rating = {
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
        recordScore: record.score,
        stages: result.stages.map((stage) => ({
            id: stage.id,
            score: stage.score,
            recordScore: recordScores.get(stage.id) ?? null,
            items: stage.items.map((item) => ({ id: item.id, met: item.met, evidence: item.evidence, reason: item.reason, ...(item.void ? { void: true } : {}), counted: item.counted })),
        })),
    };
    const file = ratingsFile(stateDirOf(io));
    try {
        appendRating(file, rating);
    }
    catch (error) {
        const code = error.code ?? error.message;
        io.stderr.write(`mldrill: warning: could not keep the rating in ${file} (${code}); fix the state directory's permissions and grade again to keep it\n`);
    }
    return result;
}
/**
 * What `grade --ai` does once it has the question, the rubric and the notes: grade (keeping the
 * rating beside the history when a recorded session is graded), with Ctrl-C aborting the request,
 * and print the verdicts as text or JSON. Returns the exit code.
 */
export async function runAiGrade(input, io, options = {}) {
    const controller = new AbortController();
    const stopListening = io.onSignal(() => controller.abort());
    try {
        const gradeOptions = { ...options, signal: options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal };
        const result = input.record
            ? await aiGradeSession(input.record, input.question, input.rubric, io, gradeOptions)
            : await aiGrade(input, io, gradeOptions);
        if (options.json)
            io.stdout.write(jsonText(result));
        else
            io.stdout.write(`${aiGradeLines(result, await styleFor(io.stdout, io.env), Math.min(io.stdout.columns, 100)).join('\n')}\n`);
        return EXIT.ok;
    }
    finally {
        stopListening();
    }
}
/**
 * `drill --ai`: the AI's verdict beside each of the candidate's ticks, disagreements first, once
 * the session is saved. A failure is one line and exit 2; the session and its self-assessment
 * stand, and `mldrill grade <id> --ai` can try again.
 */
export async function secondOpinion(record, question, rubric, io, options = {}) {
    const controller = new AbortController();
    const stopListening = io.onSignal(() => controller.abort());
    try {
        io.stderr.write(`Asking the AI grader for a second opinion...\n`);
        const result = await aiGradeSession(record, question, rubric, io, { ...options, signal: controller.signal });
        io.stdout.write(`\n${verdictsBesideTicksLines(result, await styleFor(io.stdout, io.env), Math.min(io.stdout.columns, 100)).join('\n')}\n`);
        return EXIT.ok;
    }
    catch (error) {
        if (!(error instanceof ServiceError))
            throw error;
        io.stderr.write(`mldrill: ${error.message}\n`);
        io.stderr.write(`Your session ${record.id} is saved as you assessed it.\nAsk again with: mldrill grade ${record.id} --ai\n`);
        return EXIT.usage;
    }
    finally {
        stopListening();
    }
}
