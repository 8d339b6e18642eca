// The AI second rater against a real chat-completions server on 127.0.0.1: the request it sends,
// the fallbacks, retries and failures a user sees, and that the API key never leaks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aiGrade, runAiGrade, secondOpinion, type AiGradeInput } from '../src/app/ai-grade.js';
import { networkError } from '../src/rater/client.js';
import type { LoadedQuestion, LoadedRubric } from '../src/bank/schema.js';
import type { SessionRecord } from '../src/store/record.js';
import { InterruptedError, MldrillError, ServiceError } from '../src/errors.js';
import { PLAIN } from '../src/ui/colour.js';
import { aiGradeLines, verdictsBesideTicksLines } from '../src/ui/ai-grade.js';
import { fakeIo } from './helpers/fake-io.js';
import { closedPort, completion, startChatServer, type ChatServer } from './helpers/chat-server.js';

const rubric: LoadedRubric = {
  id: 'fx-rubric', title: 'Fixture rubric', file: 'rubrics/fx-rubric.yaml',
  stages: [
    { id: 'clarify', title: 'Clarify', minutes: 5, goal: 'Scope it.', checklist: [
      { id: 'users', text: 'Asked who the users are', guidance: 'Name the users and their goal.' },
      { id: 'scale', text: 'Estimated the scale', weight: 2 },
    ] },
    { id: 'metrics', title: 'Metrics', minutes: 5, goal: 'Measure it.', checklist: [
      { id: 'online', text: 'Named an online metric' },
    ] },
  ],
};
const question: LoadedQuestion = {
  id: 'fx-feed', title: 'Feed ranking', category: 'recommendation', difficulty: 'medium', rubric: 'fx-rubric', file: 'questions/fx-feed.yaml',
  prompt: 'Design a feed ranking system.', stages: { metrics: { checklist: [{ id: 'calibration', text: 'Calibrated the scores' }] } },
};
const input: AiGradeInput = {
  question, rubric,
  notesByStage: { clarify: 'Users: casual readers who want “fresh” posts.\n500M DAU — 2 billion impressions a day', metrics: 'Online: session length' },
  selfTicks: { clarify: ['users'], metrics: ['online', 'calibration'] },
};

const goodReply = {
  items: [
    { stage: 'clarify', id: 'users', met: true, evidence: 'users: casual readers who want "fresh" posts', reason: 'Names the users and their goal.' },
    { stage: 'clarify', id: 'scale', met: true, evidence: '500M DAU - 2 billion impressions', reason: 'Gives daily users and impressions.' },
    { stage: 'metrics', id: 'online', met: true, evidence: 'session length', reason: 'An online metric.' },
    { stage: 'metrics', id: 'calibration', met: false, evidence: '', reason: 'Calibration is not mentioned.' },
  ],
};

const KEY = 'sk-test-SECRET-1234567890';
const noWait = async () => {};
let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ioFor = (url: string, extra: Record<string, string> = {}) => fakeIo({ env: { MLDRILL_LLM_URL: url, MLDRILL_LLM_MODEL: 'test-model', ...extra } });

/** The error aiGrade rejects with. */
async function failure(promise: Promise<unknown>): Promise<MldrillError> {
  try {
    await promise;
  } catch (error) {
    return error as MldrillError;
  }
  throw new Error('expected aiGrade to fail');
}

describe('aiGrade against a chat-completions server', () => {
  it('posts one non-streaming request with the json_schema response format, the checklist and the notes, and grades from the reply', async () => {
    server = await startChatServer([completion(goodReply)]);
    const io = ioFor(server.url);
    const result = await aiGrade(input, io);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toMatchObject({ model: 'test-model', stream: false, response_format: { type: 'json_schema', json_schema: { name: 'checklist_verdicts', strict: true } } });
    const prompt = request!.body.messages.map((message: { content: string }) => message.content).join('\n');
    for (const expected of ['clarify / users: Asked who the users are (Good: Name the users and their goal.)', 'metrics / calibration: Calibrated the scores', 'Online: session length', 'Design a feed ranking system.', 'quote the notes verbatim']) {
      expect(prompt).toContain(expected);
    }
    expect(result).toMatchObject({ questionId: 'fx-feed', rubricId: 'fx-rubric', grader: 'ai', model: 'test-model', host: server.url.slice(7, -3), score: 60, warnings: [] });
    expect(result.stages[0]!.items[1]).toEqual({
      id: 'scale', text: 'Estimated the scale', weight: 2, grader: 'ai', met: true, evidence: '500M DAU - 2 billion impressions',
      reason: 'Gives daily users and impressions.', self: false, counted: true,
    });
    expect(io.err()).toBe('');
  });

  it('joins chat/completions to the base URL\'s path, keeping its query (an api-version) and dropping a fragment', async () => {
    server = await startChatServer([completion(goodReply)]);
    await aiGrade(input, ioFor(`${server.url}/?api-version=2024-10-21`));
    await aiGrade(input, ioFor(`${server.url}#models`));
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/chat/completions?api-version=2024-10-21', '/v1/chat/completions']);
  });

  it('voids a met verdict whose quote is not in the notes, and counts the self tick instead', async () => {
    server = await startChatServer([completion({ items: [
      ...goodReply.items.slice(0, 3),
      { stage: 'metrics', id: 'calibration', met: true, evidence: 'we calibrate with isotonic regression', reason: 'Calibrates.' },
    ] })]);
    const io = ioFor(server.url);
    const result = await aiGrade(input, io);
    const item = result.stages[1]!.items[1]!;
    expect(item).toMatchObject({ id: 'calibration', met: true, void: true, self: true, counted: true });
    const text = aiGradeLines(result, 'Feed ranking', PLAIN, 120).join('\n');
    expect(text).toContain('! Calibrated the scores (unsupported)');
    expect(text).toContain('unsupported: "we calibrate with isotonic regression" is not in your notes; your own tick counts');
  });

  it('drops a verdict for an item the checklist does not have, with a warning, and treats missing items as unsure', async () => {
    server = await startChatServer([completion({ items: [goodReply.items[0], { stage: 'metrics', id: 'revenue', met: true, evidence: 'session length', reason: 'x' }] })]);
    const io = ioFor(server.url);
    const result = await aiGrade(input, io);
    expect(result.warnings).toEqual([
      'the model rated "metrics/revenue", which the checklist does not have; dropped',
      'the model left 3 of 4 items unrated (scale, online, calibration); they count as unsure',
    ]);
    expect(io.err()).toBe([
      'mldrill: warning: the model rated "metrics/revenue", which the checklist does not have; dropped',
      'mldrill: warning: the model left 3 of 4 items unrated (scale, online, calibration); they count as unsure',
      '',
    ].join('\n'));
    expect(result.stages[1]!.items.map((item) => item.id)).toEqual(['online', 'calibration']);
    expect(result.stages[1]!.items[0]).toMatchObject({ met: null, reason: 'not rated by the model', counted: true });
  });

  it('refuses a reply that rates none of the items (an empty list, or only items the checklist lacks): no second opinion, exit 2', async () => {
    server = await startChatServer([completion({ items: [] }), completion({ items: [{ stage: 'clarify', id: 'goal', met: true, evidence: 'session length', reason: 'x' }] })]);
    const io = ioFor(server.url);
    const empty = await failure(aiGrade(input, io));
    expect(empty).toBeInstanceOf(ServiceError);
    expect(empty.message).toMatch(/^the reply of test-model at 127\.0\.0\.1:\d+ rates none of the checklist's 4 items; try again, or use a larger model$/);
    expect((await failure(aiGrade(input, io))).message).toMatch(/rates none of the checklist's 4 items \(1 verdict for items it does not have\); try again/);
  });

  it('falls back to json_object, then to the prompt alone, when the server refuses the response format', async () => {
    server = await startChatServer((request) => {
      const format = request.body.response_format?.type;
      if (format) return { status: 400, body: { error: { message: `response_format type ${format} is not supported`, type: 'invalid_request_error' } } };
      return completion(`Here you are:\n\`\`\`json\n${JSON.stringify(goodReply)}\n\`\`\``);
    });
    const io = ioFor(server.url);
    const result = await aiGrade(input, io);
    expect(server.requests.map((request) => request.body.response_format?.type ?? 'none')).toEqual(['json_schema', 'json_object', 'none']);
    // Without the schema as response_format, the prompt carries it.
    expect(server.requests[0]!.body.messages[1].content).not.toContain('JSON Schema');
    expect(server.requests[1]!.body.messages[1].content).toContain('valid against this JSON Schema');
    expect(server.requests[2]!.body.messages[1].content).toContain('valid against this JSON Schema');
    expect(result.score).toBe(60);
    expect(io.err()).toBe([
      'mldrill: the server does not take response_format json_schema; asking again with json_object',
      'mldrill: the server does not take response_format json_object; asking again with the schema in the prompt alone',
      '',
    ].join('\n'));
  });

  it('retries after a 429, honouring Retry-After, and then grades', async () => {
    server = await startChatServer([{ status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '2' } }, completion(goodReply)]);
    const io = ioFor(server.url);
    const waits: number[] = [];
    const result = await aiGrade(input, io, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
    expect(result.score).toBe(60);
    expect(io.err()).toMatch(/^mldrill: 127\.0\.0\.1:\d+ answered 429; retrying in 2 s \(1 of 3\)\n$/);
  });

  it('gives up on a 5xx after three retries with backoff, naming the cause', async () => {
    server = await startChatServer([{ status: 503, body: 'overloaded' }]);
    const waits: number[] = [];
    const error = await failure(aiGrade(input, ioFor(server.url), { sleep: async (ms) => void waits.push(ms) }));
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ failed with 503 after retries \("overloaded"\); check the server's log, or try again later$/);
  });

  it('stops at once when Retry-After asks for longer than is reasonable', async () => {
    server = await startChatServer([{ status: 429, body: {}, headers: { 'retry-after': '3600' } }]);
    const error = await failure(aiGrade(input, ioFor(server.url), { sleep: noWait }));
    expect(server.requests).toHaveLength(1);
    expect(error.message).toMatch(/is rate-limiting requests and asks to wait 3600 s; try again later/);
  });

  it('says a 503 asking for a long wait is unavailable, not rate-limiting, and a wait of centuries is "more than a day"', async () => {
    server = await startChatServer([{ status: 503, body: {}, headers: { 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' } }]);
    const error = await failure(aiGrade(input, ioFor(server.url), { sleep: noWait }));
    expect(server.requests).toHaveLength(1);
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ is unavailable \(503\) and asks to wait more than a day; try again later/);
  });

  it('times out on a reply that never comes', async () => {
    server = await startChatServer(['hang']);
    const error = await failure(aiGrade(input, ioFor(server.url), { timeoutSeconds: 0.3 }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/^no reply from 127\.0\.0\.1:\d+ within 0.3 s; raise --timeout/);
  });

  it('aborts cleanly on Ctrl-C', async () => {
    server = await startChatServer(['hang']);
    const controller = new AbortController();
    const pending = aiGrade(input, ioFor(server.url), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toBeInstanceOf(InterruptedError);
  });

  it('says a reply that is not JSON, or not the shape, is unusable', async () => {
    server = await startChatServer([completion('I think the candidate did well overall.'), completion(`I'm sorry, but I can't help with grading. ${'Please ask something else. '.repeat(10)}`), completion({ items: [{ stage: 'clarify', id: 'users', met: 'yes' }] }), { body: '<html>gateway</html>' }]);
    const io = ioFor(server.url);
    expect((await failure(aiGrade(input, io))).message).toMatch(/^the reply of test-model at 127\.0\.0\.1:\d+ is unusable: its content is not JSON \("I think the candidate did well overall\."\); try again, or use a model that supports structured output$/);
    expect((await failure(aiGrade(input, io))).message).toContain(`is unusable: its content is not JSON ("I'm sorry, but I can't help with grading. Please ask something else. Please ask something else. Please ask something el…"); try again`);
    expect((await failure(aiGrade(input, io))).message).toContain('is unusable: its JSON is not the shape asked for (items[0].met: ');
    expect((await failure(aiGrade(input, io))).message).toMatch(/answered with something other than JSON; check that MLDRILL_LLM_URL is the API's base URL/);
  });

  it('reads the JSON after a reasoning model\'s <think> block, braces and all', async () => {
    server = await startChatServer([completion(`<think>The reply is {"items": [...]}; quote the notes.</think>\n${JSON.stringify(goodReply)}`)]);
    const result = await aiGrade(input, ioFor(server.url));
    expect(result.stages[0]!.items.map((item) => [item.id, item.met])).toEqual([['users', true], ['scale', true]]);
  });

  it('names what came instead of a message: the server\'s error in a 200, the model\'s refusal', async () => {
    server = await startChatServer([
      { body: { error: { message: 'model "test-model" is still loading' } } },
      { body: { choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot grade interview notes.' }, finish_reason: 'stop' }] } },
      { body: { choices: [] } },
    ]);
    const io = ioFor(server.url);
    expect((await failure(aiGrade(input, io))).message).toMatch(/^127\.0\.0\.1:\d+ answered with an error instead of a reply \("model "test-model" is still loading"\); check the server's log, or try again later$/);
    expect((await failure(aiGrade(input, io))).message).toMatch(/^test-model at 127\.0\.0\.1:\d+ declined to grade \("I cannot grade interview notes\."\); try again, or use another model$/);
    expect((await failure(aiGrade(input, io))).message).toMatch(/answered without a message \(no choices\[0\]\.message\.content\); check that MLDRILL_LLM_URL points at an OpenAI-compatible API$/);
  });

  it('stops reading a reply larger than 4 MiB and says so', async () => {
    server = await startChatServer([{ body: 'x'.repeat(5 * 1024 * 1024) }]);
    const error = await failure(aiGrade(input, ioFor(server.url)));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ sent a reply larger than 4 MiB, which is not a grading; check that MLDRILL_LLM_URL/);
  });

  it('says a cut-off reply was cut off', async () => {
    server = await startChatServer([completion('{"items":[{"stage":"clarify"', 'length')]);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toContain('because it was cut off');
  });

  it('names connection refused on a closed port', async () => {
    const port = await closedPort();
    const error = await failure(aiGrade(input, ioFor(`http://127.0.0.1:${port}/v1`)));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(`cannot connect to 127.0.0.1:${port} (connection refused); start the server (e.g. \`ollama serve\`) or fix the port in MLDRILL_LLM_URL`);
  });

  it('names an unknown model (404) and a wrong path (404)', async () => {
    server = await startChatServer([{ status: 404, body: { error: { message: 'model "test-model" not found, try pulling it first' } } }, { status: 404, body: '404 page not found' }]);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toMatch(/has no model "test-model" \(404 \("model "test-model" not found, try pulling it first"\)\); pull it \(`ollama pull test-model`\)/);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toMatch(/has no chat completions at \/v1\/chat\/completions \(404 \("404 page not found"\)\); set MLDRILL_LLM_URL to the API's base URL/);
  });

  it('does not follow a redirect, and names where it points and the base URL to set, not an unreachable server', async () => {
    server = await startChatServer((request) => (request.url.startsWith('/v1/') ? { status: 308, headers: { location: '/api/v1/chat/completions?token=abc' } } : completion(goodReply)));
    const error = await failure(aiGrade(input, ioFor(server.url)));
    const origin = server.url.slice(0, -'/v1'.length);
    expect(error.message).toBe(`${origin.slice(7)} redirects the request (308) to ${origin}/api/v1/chat/completions; mldrill does not follow redirects, which could send your notes elsewhere; if that is your server, set MLDRILL_LLM_URL to ${origin}/api/v1`);
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/chat/completions']);
    server.requests.length = 0;
    await server.close();
    server = await startChatServer([{ status: 302, headers: { location: 'https://login.example.invalid/sso' } }]);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toMatch(/^127\.0\.0\.1:\d+ redirects the request \(302\) to https:\/\/login\.example\.invalid\/sso; mldrill does not follow redirects, which could send your notes elsewhere; set MLDRILL_LLM_URL to the API's base URL, usually ending in \/v1$/);
  });

  it('names an unknown model of a hosted API without advising ollama pull', async () => {
    server = await startChatServer([{ status: 404, body: { error: { message: 'The model `gpt-9` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' } } }]);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toMatch(/has no model "test-model" \(404 \("The model `gpt-9` does not exist or you do not have access to it\."\)\); set MLDRILL_LLM_MODEL to one of the models the server lists at \/models$/);
  });

  it('quotes a refusal whose body is a JSON string once, not inside its own quotes', async () => {
    server = await startChatServer([{ status: 403, body: '"forbidden: this key may not use the model"' }]);
    expect((await failure(aiGrade(input, ioFor(server.url)))).message).toMatch(/^127\.0\.0\.1:\d+ refused the request \(403 \("forbidden: this key may not use the model"\)\); set MLDRILL_LLM_API_KEY/);
  });

  it('sends the API key as a Bearer header and never shows it, even when the server echoes it on a 401', async () => {
    server = await startChatServer([{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }]);
    const io = ioFor(server.url, { MLDRILL_LLM_API_KEY: KEY });
    const error = await failure(aiGrade(input, io));
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ refused the request \(401 \("Incorrect API key provided: \[API key\]"\)\); set MLDRILL_LLM_API_KEY to a valid key for this server$/);
    expect(error.message).not.toContain(KEY);
    expect(io.err() + io.out()).not.toContain(KEY);
  });

  it('says once that the notes leave the machine when the host is not the loopback', async () => {
    // Aborted before it starts, the request asks no resolver and opens no connection: no test reaches beyond the loopback.
    const io = ioFor('http://grader.invalid/v1');
    const error = await failure(aiGrade(input, io, { signal: AbortSignal.abort() }));
    expect(io.err()).toBe('mldrill: grading sends your notes to grader.invalid (MLDRILL_LLM_URL)\n');
    expect(error).toBeInstanceOf(InterruptedError);
  });

  it('names a host that does not resolve (fetch\'s failure, made here: a test asks no resolver)', () => {
    const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND grader.invalid'), { code: 'ENOTFOUND' });
    const error = networkError(new TypeError('fetch failed', { cause: lookup }), 'grader.invalid');
    expect([error.message, error.fix]).toEqual(['cannot find the host grader.invalid (DNS lookup failed)', 'host-name']);
  });

  it('takes every spelling of this machine for the loopback, and says nothing of sending the notes', async () => {
    for (const url of ['http://LOCALHOST:1/v1', 'http://127.1:1/v1', 'http://[0:0:0:0:0:0:0:1]:1/v1', 'http://[::ffff:127.0.0.1]:1/v1', 'http://2130706433:1/v1']) {
      const io = ioFor(url);
      await failure(aiGrade(input, io));
      expect(io.err(), url).toBe('');
    }
  });

  it('names the config file\'s keys, not the environment variables, when the settings came from the file', async () => {
    const port = await closedPort();
    const error = await failure(aiGrade(input, fakeIo(), { llm: { url: `http://127.0.0.1:${port}/v1`, model: 'm' } }));
    expect(error.message).toMatch(/fix the port in llm\.url in the config file$/);
    await expect(aiGrade(input, fakeIo(), { llm: { url: 'http://u:p@127.0.0.1:9/v1', model: 'm' } })).rejects.toThrow('llm.url in the config file must not carry a user name or password; put the key in MLDRILL_LLM_API_KEY');
    const io = fakeIo({ env: { MLDRILL_LLM_URL: 'http://grader.invalid/v1' } });
    await failure(aiGrade(input, io, { llm: { url: 'http://127.0.0.1:9/v1', model: 'm' }, signal: AbortSignal.abort() }));
    expect(io.err()).toBe('mldrill: grading sends your notes to grader.invalid (MLDRILL_LLM_URL)\n');
  });

  it('asks for the URL and the model when they are not set', async () => {
    await expect(aiGrade(input, fakeIo())).rejects.toThrow('--ai needs a server: set MLDRILL_LLM_URL');
    await expect(aiGrade(input, fakeIo({ env: { MLDRILL_LLM_URL: 'http://127.0.0.1:1/v1' } }))).rejects.toThrow('--ai needs a model: set MLDRILL_LLM_MODEL');
    await expect(aiGrade(input, fakeIo({ env: { MLDRILL_LLM_URL: 'ftp://x', MLDRILL_LLM_MODEL: 'm' } }))).rejects.toThrow('must start with http:// or https://');
  });

  it('takes the config file section when the environment says nothing, the environment first', async () => {
    server = await startChatServer([completion(goodReply)]);
    const result = await aiGrade(input, fakeIo(), { llm: { url: server.url, model: 'from-file' } });
    expect(result.model).toBe('from-file');
    const again = await aiGrade(input, ioFor(server.url), { llm: { url: 'http://127.0.0.1:1/v1', model: 'from-file' } });
    expect(again.model).toBe('test-model');
  });
});

describe('the verdicts beside the self ticks', () => {
  it('lists the disagreements first, then the rest', async () => {
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'users', met: false, evidence: '', reason: 'No user is named.' },
      { stage: 'clarify', id: 'scale', met: true, evidence: '500M DAU', reason: 'Gives the scale.' },
      { stage: 'metrics', id: 'online', met: null, evidence: '', reason: 'Too vague.' },
      { stage: 'metrics', id: 'calibration', met: true, evidence: 'isotonic', reason: 'Calibrates.' },
    ] })]);
    const result = await aiGrade(input, ioFor(server.url));
    expect(verdictsBesideTicksLines(result, PLAIN, 80)).toEqual([
      `Second opinion · test-model at ${result.host}`,
      'AI score 85%  2 of 4 items rated differently from you',
      '',
      'You  AI',
      'Rated differently',
      ' ✓   ✗   Clarify: Asked who the users are',
      '         No user is named.',
      ' ✗   ✓   Clarify: Estimated the scale',
      '         “500M DAU”',
      '         Gives the scale.',
      '',
      'The rest',
      ' ✓   ?   Metrics: Named an online metric',
      '         unsure; your own tick counts',
      '         Too vague.',
      ' ✓   !   Metrics: Calibrated the scores',
      '         unsupported: "isotonic" is not in your notes; your own tick counts',
      '         Calibrates.',
    ]);
  });

  it('in interviewer mode, sets the verdicts beside the partner\'s ticks and says so, the marks under their heads', async () => {
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'users', met: false, evidence: '', reason: 'No user is named.' },
      { stage: 'metrics', id: 'online', met: null, evidence: '', reason: 'Too vague.' },
    ] })]);
    const result = await aiGrade(input, ioFor(server.url));
    const lines = verdictsBesideTicksLines(result, PLAIN, 80, 'partner');
    expect(lines.slice(1, 7)).toEqual([
      'AI score 55%  1 of 4 items rated differently from your partner',
      '',
      'Partner  AI',
      'Rated differently',
      '   ✓     ✗   Clarify: Asked who the users are',
      '             No user is named.',
    ]);
    expect(lines).toContain('             unsure; your partner\'s tick counts');
    expect(lines.join('\n')).not.toContain('your own tick');
    expect(aiGradeLines(result, 'Feed ranking', PLAIN, 80, 'partner')[2]).toBe('Met only with a quote from your notes; where the AI is unsure or its quote is not in your notes, your partner\'s tick counts.');
  });
});

describe('secondOpinion, as drill --ai runs it', () => {
  const record: SessionRecord = {
    version: 1, id: '20261110-0900-abcd', questionId: 'fx-feed', rubricId: 'fx-rubric', mode: 'self', startedAt: '2026-11-10T09:00:00.000Z', endedAt: '2026-11-10T09:30:00.000Z', status: 'completed', score: 50,
    stages: [
      { id: 'clarify', budgetSeconds: 300, usedSeconds: 200, hintsShown: 0, notes: 'Users: casual readers', checked: ['users'], missed: ['scale'], score: 33 },
      { id: 'metrics', budgetSeconds: 300, usedSeconds: 200, hintsShown: 0, notes: 'Online: session length', checked: ['online'], missed: ['calibration'], score: 50 },
    ],
  };

  it('says a failure in one line with the server\'s control characters taken out, and that the session stands', async () => {
    server = await startChatServer([{ status: 401, body: { error: { message: 'bad key\u001b]0;owned\u0007\u001b[2J here' } } }]);
    const io = ioFor(server.url, { MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-ai-')) });
    expect(await secondOpinion(record, question, rubric, io)).toBe(2);
    expect(io.err()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(io.err().split('\n')).toEqual([
      expect.stringMatching(/^mldrill: 127\.0\.0\.1:\d+ refused the request \(401 \("bad key here"\)\); set MLDRILL_LLM_API_KEY to a valid key for this server$/),
      'Your session 20261110-0900-abcd is saved as you assessed it.',
      'Ask again with: mldrill grade 20261110-0900-abcd --ai',
      '',
    ]);
  });
});

describe('the key stays out of files', () => {
  it('writes nothing to the state directory while grading', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-ai-'));
    server = await startChatServer([completion(goodReply)]);
    await aiGrade(input, ioFor(server.url, { MLDRILL_LLM_API_KEY: KEY, MLDRILL_HOME: home }));
    expect(fs.readdirSync(home)).toEqual([]);
  });
});

describe('runAiGrade, as grade --ai runs it', () => {
  it('prints the JSON document on stdout', async () => {
    server = await startChatServer([completion(goodReply)]);
    const io = ioFor(server.url);
    expect(await runAiGrade(input, io, { json: true })).toBe(0);
    const printed = JSON.parse(io.out());
    expect(printed).toMatchObject({ grader: 'ai', score: 60, stages: [{ id: 'clarify', items: [{ id: 'users', grader: 'ai', met: true, evidence: 'users: casual readers who want "fresh" posts', counted: true }, { id: 'scale' }] }, { id: 'metrics' }] });
  });

  it('prints the verdicts as text, plain in a pipe', async () => {
    server = await startChatServer([completion(goodReply)]);
    const io = ioFor(server.url);
    expect(await runAiGrade(input, io)).toBe(0);
    expect(io.out().split('\n').slice(1, 9)).toEqual([
      'Score 60%',
      'Met only with a quote from your notes; where the AI is unsure or its quote is not in your notes, your own tick counts.',
      '',
      'Clarify  100%',
      '  ✓ Asked who the users are (met)',
      '      “users: casual readers who want "fresh" posts”',
      '      Names the users and their goal.',
      '  ✓ Estimated the scale (met)',
    ]);
  });

  it('caps the AI score when its verdicts miss every core item, as a self-assessment is capped, and says so', async () => {
    const cored: AiGradeInput = { ...input, question: { ...question, stages: { metrics: { checklist: [{ id: 'calibration', text: 'Calibrated the scores', core: true }, { id: 'fresh', text: 'Measured freshness' }] } } } };
    const reply = { items: [...goodReply.items, { stage: 'metrics', id: 'fresh', met: true, evidence: 'session length', reason: 'Close enough.' }] };
    server = await startChatServer([completion(reply), completion(reply)]);
    const json = ioFor(server.url);
    expect(await runAiGrade(cored, json, { json: true })).toBe(0);
    // 80% of the weight is met, but not the core item: the cap holds it at 60%.
    expect(JSON.parse(json.out())).toMatchObject({ grader: 'ai', score: 60, capped: true });
    const text = ioFor(server.url);
    expect(await runAiGrade(cored, text)).toBe(0);
    expect(text.out().split('\n')[1]).toBe('Score 60%  capped: core items missed');
  });

  it('aborts the request on SIGINT', async () => {
    server = await startChatServer(['hang']);
    const io = ioFor(server.url);
    const pending = runAiGrade(input, io);
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.raise('SIGINT');
    await expect(pending).rejects.toBeInstanceOf(InterruptedError);
    expect(io.out()).toBe('');
  });
});
