// Where the AI grader's server is: MLDRILL_LLM_URL, MLDRILL_LLM_MODEL and MLDRILL_LLM_API_KEY,
// read from the injected environment. The config file's `llm` section (url, model, api_key)
// comes in as `fromFile`; the environment wins, as it does for every other setting.
import { LlmSetupError } from '../errors.js';
/** The grader's configuration, or an LlmSetupError saying which setting is missing or wrong. */
export function llmConfig(env, fromFile = {}) {
    const url = (env.MLDRILL_LLM_URL || fromFile.url || '').trim();
    const model = (env.MLDRILL_LLM_MODEL || fromFile.model || '').trim();
    const apiKey = env.MLDRILL_LLM_API_KEY || fromFile.api_key || undefined;
    if (!url)
        throw new LlmSetupError('no-url');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new LlmSetupError('not-a-url');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new LlmSetupError('scheme');
    }
    if (parsed.username || parsed.password) {
        throw new LlmSetupError('credentials');
    }
    if (!model)
        throw new LlmSetupError('no-model');
    return { url: url.replace(/\/+$/, ''), model, ...(apiKey ? { apiKey } : {}) };
}
/** host[:port] of the server: what messages name (never the whole URL, whose query may hold a token). */
export function hostOf(config) {
    return new URL(config.url).host;
}
/** Whether the server is on this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(config) {
    const host = new URL(config.url).hostname.toLowerCase();
    return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
