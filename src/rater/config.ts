// Where the AI grader's server is: MLDRILL_LLM_URL, MLDRILL_LLM_MODEL and MLDRILL_LLM_API_KEY,
// read from the injected environment. The config file's `llm` section (url, model, api_key)
// comes in as `fromFile`; the environment wins, as it does for every other setting.
import { UsageError } from '../errors.js';

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

const EXAMPLE = 'e.g. http://127.0.0.1:11434/v1 for a local Ollama';

/** The grader's configuration, or a UsageError saying which setting is missing and how to give it. */
export function llmConfig(env: Record<string, string | undefined>, fromFile: LlmSettings = {}): LlmConfig {
  const url = (env.MLDRILL_LLM_URL || fromFile.url || '').trim();
  const model = (env.MLDRILL_LLM_MODEL || fromFile.model || '').trim();
  const apiKey = env.MLDRILL_LLM_API_KEY || fromFile.api_key || undefined;
  if (!url) throw new UsageError(`--ai needs a server: set MLDRILL_LLM_URL to its OpenAI-compatible base URL (${EXAMPLE})`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`MLDRILL_LLM_URL is not a URL; set it to the API's base URL (${EXAMPLE})`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`MLDRILL_LLM_URL must start with http:// or https:// (${EXAMPLE})`);
  }
  if (parsed.username || parsed.password) {
    throw new UsageError('MLDRILL_LLM_URL must not carry a user name or password; put the key in MLDRILL_LLM_API_KEY');
  }
  if (!model) throw new UsageError('--ai needs a model: set MLDRILL_LLM_MODEL to one your server has (e.g. llama3.1:8b; `ollama list` shows them)');
  return { url: url.replace(/\/+$/, ''), model, ...(apiKey ? { apiKey } : {}) };
}

/** host[:port] of the server: what messages name (never the whole URL, whose query may hold a token). */
export function hostOf(config: Pick<LlmConfig, 'url'>): string {
  return new URL(config.url).host;
}

/** Whether the server is on this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(config: Pick<LlmConfig, 'url'>): boolean {
  const host = new URL(config.url).hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
