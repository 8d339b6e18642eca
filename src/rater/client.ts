// One chat-completions request to an OpenAI-compatible server (Ollama, llama.cpp's server,
// LM Studio, a hosted API), with Node's own fetch: non-streaming, a timeout per attempt, up to
// three retries on 429 and 5xx, and Ctrl-C aborting it. Every failure becomes one ServiceError
// line naming the cause and the fix; the API key never appears in one.
import { setTimeout as delay } from 'node:timers/promises';
import { InterruptedError, ServiceError } from '../errors.js';
import { CHAT_PATH, chatUrl, hostOf, type LlmConfig } from './config.js';
import { responseFormat, type ChatMessage, type ReplyMode } from './prompt.js';

export interface ChatOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Aborts the request (Ctrl-C): the call rejects with InterruptedError. */
  signal?: AbortSignal;
  /** Retries on 429 and 5xx; default 3. */
  maxRetries?: number;
  /** Waits before a retry; tests pass one that does not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Milliseconds to wait before retry n (0-based) when the server does not say; default 1 s, 2 s, 4 s. */
  backoffMs?: (retry: number) => number;
  /** Told about each retry and each fallback to a plainer reply mode, for a line on stderr. */
  onNote?: (note: string) => void;
  /** The clock, for a Retry-After given as a date. */
  now?: () => number;
}

export interface ChatReply {
  content: string;
  /** How JSON was asked for in the request that was answered. */
  mode: ReplyMode;
  /** The choice's finish_reason: `length` means the reply was cut off. */
  finishReason?: string;
}

/** A Retry-After longer than this is not waited for: the server is out of quota, not busy. */
const MAX_RETRY_AFTER_MS = 30_000;
const MODES: readonly ReplyMode[] = ['json_schema', 'json_object', 'prompt'];

const defaultSleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }).then(() => undefined);

/**
 * Posts the messages (built per mode by `messages`) to `{url}/chat/completions` and returns the
 * reply's content. A 400 that names the response format falls back from json_schema to
 * json_object (the schema then in the prompt) to the prompt alone.
 */
export async function chat(config: LlmConfig, messages: (mode: ReplyMode) => ChatMessage[], options: ChatOptions): Promise<ChatReply> {
  for (const [i, mode] of MODES.entries()) {
    const response = await postWithRetries(config, mode, messages(mode), options);
    if (response.status === 400 && i < MODES.length - 1 && namesResponseFormat(response.body)) {
      options.onNote?.(`the server does not take response_format ${mode}; asking again ${MODES[i + 1] === 'prompt' ? 'with the schema in the prompt alone' : `with ${MODES[i + 1]}`}`);
      continue;
    }
    if (response.status >= 200 && response.status < 300) return { ...completionContent(response.body, config), mode };
    throw statusError(response, config);
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

interface RawResponse {
  status: number;
  body: string;
  retryAfter: string | null;
  /** Where a 3xx points, resolved against the URL asked. */
  location: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function postWithRetries(config: LlmConfig, mode: ReplyMode, messages: ChatMessage[], options: ChatOptions): Promise<RawResponse> {
  const maxRetries = options.maxRetries ?? 3;
  const format = responseFormat(mode);
  const body = JSON.stringify({ model: config.model, messages, stream: false, temperature: 0, ...(format ? { response_format: format } : {}) });
  for (let retry = 0; ; retry++) {
    const response = await post(config, body, options);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || retry >= maxRetries) return response;
    const asked = retryAfterMs(response.retryAfter, options.now ?? Date.now);
    if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
      // A 503 is a server down for maintenance, not a rate limit; a wait of years is no number to show.
      const what = response.status === 429 ? 'is rate-limiting requests' : `is unavailable (${response.status})`;
      const wait = asked > DAY_MS ? 'more than a day' : `${Math.ceil(asked / 1000)} s`;
      throw new ServiceError(`${hostOf(config)} ${what} and asks to wait ${wait}; try again later, or use another model or server`);
    }
    const wait = asked ?? (options.backoffMs ?? ((n) => 1000 * 2 ** n))(retry);
    options.onNote?.(`${hostOf(config)} answered ${response.status}; retrying in ${Math.max(1, Math.round(wait / 1000))} s (${retry + 1} of ${maxRetries})`);
    try {
      await (options.sleep ?? defaultSleep)(wait, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw new InterruptedError();
      throw error;
    }
  }
}

async function post(config: LlmConfig, body: string, options: ChatOptions): Promise<RawResponse> {
  const host = hostOf(config);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const url = chatUrl(config);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body,
      signal,
      // Not followed: a redirect could take the notes (and the key) to another server. It is named instead.
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    // The body under the same deadline: a server may send headers and then stall.
    return { status: response.status, body: await cappedText(response, host), retryAfter: response.headers.get('retry-after'), location: location === null ? null : resolved(location, url) };
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (options.signal?.aborted) throw new InterruptedError();
    if (timeout.aborted) {
      throw new ServiceError(`no reply from ${host} within ${Number((options.timeoutMs / 1000).toFixed(3))} s`, 'timeout');
    }
    throw networkError(error, host);
  }
}

/** The most of a reply read: a verdict per item of a checklist is tens of KiB, so more is not a grading. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** The body as text, refused once it passes MAX_REPLY_BYTES (a server streaming without end would fill the memory). */
async function cappedText(response: Response, host: string): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ServiceError(`${host} sent a reply larger than ${MAX_REPLY_BYTES / 1024 / 1024} MiB, which is not a grading`, 'json-base-url');
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What fetch's failure to connect says, as one ServiceError (exported for the DNS case, which no test may ask a resolver for). */
export function networkError(error: unknown, host: string): ServiceError {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return new ServiceError(`cannot connect to ${host} (connection refused)`, 'start-server');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ServiceError(`cannot find the host ${host} (DNS lookup failed)`, 'host-name');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new ServiceError(`${host} closed the connection before answering`, 'scheme-matches');
  // fetch, like browsers, will not connect to ports of other protocols (9, 25, 6000...): the port, not the server, is the trouble.
  if (cause?.message === 'bad port') return new ServiceError(`cannot connect to ${host}: Node's fetch refuses that port, as browsers do`, 'blocked-port');
  if (typeof code === 'string' && /CERT|TLS|SSL/.test(code)) return new ServiceError(`cannot make a secure connection to ${host} (${code})`, 'secure');
  return new ServiceError(`cannot reach ${host} (${code ?? (cause?.message || (error as Error).message)})`, 'reach');
}

/** A 400 that is about response_format: servers that lack json_schema (or JSON mode) say so. */
function namesResponseFormat(body: string): boolean {
  return /response_format|response format|json_schema|json_object|json schema/i.test(body);
}

/** Milliseconds the server asks to wait: Retry-After as seconds or as an HTTP date. */
function retryAfterMs(value: string | null, now: () => number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

/** The server's own words from an error body (OpenAI's `{error: {message}}` and the like), short, the key removed. */
function serverMessage(body: string, config: LlmConfig): string {
  let message = body;
  try {
    const value = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown } | string | null;
    // A JSON string body ("forbidden") is its text, without the quotes around it.
    const found = typeof value === 'string' ? value : typeof value?.error === 'string' ? value.error : value?.error?.message ?? value?.message ?? value?.detail;
    if (typeof found === 'string') message = found;
  } catch {
    // Not JSON: the text itself.
  }
  return redact(message.replace(/\s+/g, ' ').trim(), config).slice(0, 200);
}

/** text with the API key, were the server to echo it, replaced. */
export function redact(text: string, config: Pick<LlmConfig, 'apiKey'>): string {
  return config.apiKey ? text.split(config.apiKey).join('[API key]') : text;
}

/** A Location header as an absolute URL, or as it came when it is none. */
function resolved(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/**
 * The error for a redirect: where it points (scheme, host and path only: a query may hold a
 * token) and, when that is a chat-completions URL, the base URL to set instead.
 */
function redirectError(status: number, location: string | null, host: string): ServiceError {
  let target: URL | undefined;
  try {
    target = location === null ? undefined : new URL(location);
  } catch {
    // Not a URL: the redirect is named without a place.
  }
  if (!target) return new ServiceError(`${host} redirects the request (${status}) without a usable address to go to; mldrill does not follow redirects`, 'base-url-v1');
  const shown = `${target.origin}${target.pathname}`;
  const base = target.pathname.endsWith(CHAT_PATH) ? `${target.origin}${target.pathname.slice(0, -CHAT_PATH.length)}` : undefined;
  const message = `${host} redirects the request (${status}) to ${shown}; mldrill does not follow redirects, which could send your notes elsewhere`;
  return base ? new ServiceError(message, 'redirected', base) : new ServiceError(message, 'base-url-v1');
}

function statusError(response: RawResponse, config: LlmConfig): ServiceError {
  const host = hostOf(config);
  const { status } = response;
  if (status >= 300 && status < 400) return redirectError(status, response.location, host);
  const said = serverMessage(response.body, config);
  const quoted = said ? ` ("${said}")` : '';
  if (status === 401 || status === 403) {
    return new ServiceError(`${host} refused the request (${status}${quoted})`, 'key');
  }
  if (status === 404) {
    // Ollama says to pull a model it lacks; a hosted API has no pulling, only other names.
    if (/model/i.test(said)) return new ServiceError(`${host} has no model "${config.model}" (404${quoted})`, /\bpull/i.test(said) ? 'pull-model' : 'model-name', config.model);
    return new ServiceError(`${host} has no chat completions at ${new URL(chatUrl(config)).pathname} (404${quoted})`, 'base-url-v1');
  }
  if (status === 413) return new ServiceError(`${host} finds the request too large (413${quoted}); shorten the notes or use a model with a longer context`);
  if (status === 429) return new ServiceError(`${host} is still rate-limiting after retries (429${quoted}); try again later`);
  if (status >= 500) return new ServiceError(`${host} failed with ${status} after retries${quoted}; check the server's log, or try again later`);
  return new ServiceError(`${host} refused the request (${status}${quoted})`, 'url-and-model');
}

/** The first choice's message content from a chat completion body. */
function completionContent(body: string, config: LlmConfig): { content: string; finishReason?: string } {
  const host = hostOf(config);
  let value: { choices?: Array<{ message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }>; error?: unknown };
  try {
    value = JSON.parse(body) as typeof value;
  } catch {
    throw new ServiceError(`${host} answered with something other than JSON`, 'json-base-url');
  }
  const choice = Array.isArray(value?.choices) ? value.choices[0] : undefined;
  const content = choice?.message?.content;
  if (typeof content !== 'string') {
    // What the server or the model said instead is the cause: a model still loading, a refusal.
    const refusal = choice?.message?.refusal;
    if (typeof refusal === 'string' && refusal.trim()) throw new ServiceError(`${config.model} at ${host} declined to grade ("${redact(refusal.replace(/\s+/g, ' ').trim(), config).slice(0, 200)}"); try again, or use another model`);
    if (value?.error !== undefined) throw new ServiceError(`${host} answered with an error instead of a reply ("${serverMessage(body, config)}"); check the server's log, or try again later`);
    throw new ServiceError(`${host} answered without a message (no choices[0].message.content)`, 'openai-api');
  }
  return { content, ...(typeof choice?.finish_reason === 'string' ? { finishReason: choice.finish_reason } : {}) };
}
