// Where the AI grader's server is: MLDRILL_LLM_URL, MLDRILL_LLM_MODEL and MLDRILL_LLM_API_KEY,
// read from the injected environment. The config file's `llm` section (url, model, api_key)
// comes in as `fromFile`; the environment wins, as it does for every other setting.
import { LlmSetupError } from '../errors.js';

export interface LlmConfig {
  /** The API's base URL, without a trailing slash: `{url}/chat/completions` is posted to. */
  url: string;
  model: string;
  /** Sent as a Bearer token; never printed, logged or stored. */
  apiKey?: string;
}

/** The config file's `llm` section, as the config file gives it. */
export interface LlmSettings {
  url?: string;
  model?: string;
  api_key?: string;
}

/** The grader's configuration, or an LlmSetupError saying which setting is missing or wrong. */
export function llmConfig(env: Record<string, string | undefined>, fromFile: LlmSettings = {}): LlmConfig {
  const url = (env.MLDRILL_LLM_URL || fromFile.url || '').trim();
  const model = (env.MLDRILL_LLM_MODEL || fromFile.model || '').trim();
  // A key pasted with its line's end (`\r`, `\n`) is the key; one with a character a header cannot carry is refused
  // here, before fetch's own error, which quotes the header (and so the key), can be shown.
  const apiKey = (env.MLDRILL_LLM_API_KEY || fromFile.api_key || '').trim() || undefined;
  if (!url) throw new LlmSetupError('no-url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LlmSetupError('not-a-url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new LlmSetupError('scheme');
  }
  if (parsed.username || parsed.password) {
    throw new LlmSetupError('credentials');
  }
  if (!model) throw new LlmSetupError('no-model');
  if (apiKey !== undefined && !/^[\x21-\x7e]+$/.test(apiKey)) throw new LlmSetupError('key-chars');
  return { url: url.replace(/\/+$/, ''), model, ...(apiKey ? { apiKey } : {}) };
}

/** The OpenAI-compatible API's chat endpoint, under the base URL. */
export const CHAT_PATH = '/chat/completions';

/**
 * `{url}/chat/completions`, the path joined to the base URL's path: a query the URL holds (an
 * `api-version`, a token) stays the query, rather than taking the path into it, and a fragment,
 * which no server sees, is dropped.
 */
export function chatUrl(config: Pick<LlmConfig, 'url'>): string {
  const url = new URL(config.url);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${CHAT_PATH}`;
  url.hash = '';
  return url.href;
}

/** host[:port] of the server: what messages name (never the whole URL, whose query may hold a token). */
export function hostOf(config: Pick<LlmConfig, 'url'>): string {
  return new URL(config.url).host;
}

/** Whether the server is on this machine: localhost, 127.0.0.0/8 (also IPv4-mapped, ::ffff:127.0.0.1) or ::1. */
export function isLoopback(config: Pick<LlmConfig, 'url'>): boolean {
  const host = new URL(config.url).hostname.toLowerCase();
  // The URL parser writes every IPv6 form of these short: [::1], and [::ffff:7f00:1] for ::ffff:127.0.0.1.
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
