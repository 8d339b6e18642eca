// `mldrill grade --ai` as a user runs it: the whole CLI, spawned, against a chat-completions
// server on 127.0.0.1. The in-process tests (ai-grade.test.ts) cover every failure of the client;
// these check the command wires it: the flags, the config, the output and the exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/tmux.js';
import { closedPort, completion, startChatServer, type ChatServer } from './helpers/chat-server.js';

const BANK = path.join(ROOT, 'test', 'fixtures', 'e2e-bank');
const NOTES = '## clarify\nBusiness goal: more daily sessions.\nThe feed shows on the home screen.\n## design\nTwo stages: retrieval then ranking.\n';

/** A verdict on every item of e2e-feed's checklist, each quoting NOTES. */
const EVERY_ITEM = [
  { stage: 'clarify', id: 'goal', met: true, evidence: 'Business goal: more daily sessions.', reason: 'Names the goal.' },
  { stage: 'clarify', id: 'scale', met: false, evidence: '', reason: 'No numbers.' },
  { stage: 'clarify', id: 'surface', met: true, evidence: 'The feed shows on the home screen.', reason: 'Names the surface.' },
  { stage: 'design', id: 'diagram', met: false, evidence: '', reason: 'No diagram.' },
];

/** Runs mldrill asynchronously (the test's server shares this process's event loop). */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-grade-ai-'));
  fs.writeFileSync(path.join(dir, 'notes.md'), NOTES);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'grade', ...args], { cwd: dir, env: { PATH: process.env.PATH, MLDRILL_HOME: path.join(dir, 'home'), MLDRILL_CONFIG: path.join(dir, 'none.yaml'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

// Each test starts a whole process, several seconds on a busy machine.
describe('mldrill grade --ai', { timeout: 40_000 }, () => {
  let server: ChatServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('asks the configured model once, keeps verdicts that quote the notes and voids one that does not', async () => {
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'goal', met: true, evidence: 'Business goal: more daily sessions.', reason: 'Names the goal.' },
      { stage: 'clarify', id: 'surface', met: true, evidence: 'the feed appears in the sidebar', reason: 'Invented.' },
      { stage: 'design', id: 'diagram', met: false, evidence: '', reason: 'No diagram.' },
    ] })]);
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--json', '--bank', BANK], { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model', MLDRILL_LLM_API_KEY: 'sk-secret-key' });
    expect(result.err).not.toContain('sk-secret-key');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('sk-secret-key');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/v1/chat/completions');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-secret-key');
    const graded = JSON.parse(result.out);
    const items = graded.stages.flatMap((stage: { items: unknown[] }) => stage.items);
    const goal = items.find((item: { id: string }) => item.id === 'goal');
    const surface = items.find((item: { id: string }) => item.id === 'surface');
    expect(goal).toMatchObject({ grader: 'ai', met: true, evidence: 'Business goal: more daily sessions.' });
    expect(surface).toMatchObject({ grader: 'ai', void: true });
  });

  it('in a pipe, titles the report with the question\'s title and keeps each item, quote and reason on one line, as grade without --ai does', async () => {
    const reason = 'The notes name the business goal in plain words, more daily sessions, before anything about the model or its features is said.';
    server = await startChatServer([completion({ items: [{ stage: 'clarify', id: 'goal', met: true, evidence: 'Business goal: more daily sessions.', reason }, ...EVERY_ITEM.slice(1)] })]);
    const env = { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model' };
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--bank', BANK], env);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`AI grading · End-to-end feed question · test-model at ${server.url.slice(7, -3)}`);
    expect(lines).toContain(`      ${reason}`);
    expect(lines.some((line) => line.length > 100)).toBe(true);
    // The keyword grader's report opens with the same title.
    const keyword = await run(['e2e-feed', '--notes', 'notes.md', '--bank', BANK], {});
    expect(keyword.out.split('\n')[0]).toBe('Grade · End-to-end feed question');
  });

  it('reads the endpoint from the config file when the environment has none', async () => {
    server = await startChatServer([completion({ items: EVERY_ITEM })]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-config-'));
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(config, `llm:\n  url: ${server.url}\n  model: from-the-file\n`);
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--json', '--bank', BANK], { MLDRILL_CONFIG: config });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(server.requests[0]!.body.model).toBe('from-the-file');
  });

  it('says in one line that nothing answers on a closed port, exit 2', async () => {
    const port = await closedPort();
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--bank', BANK], { MLDRILL_LLM_URL: `http://127.0.0.1:${port}/v1`, MLDRILL_LLM_MODEL: 'm' });
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^mldrill: .*127\.0\.0\.1/);
  });

  it('says that the port is one fetch refuses (as browsers do), not that the server is down, exit 2', async () => {
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--bank', BANK], { MLDRILL_LLM_URL: 'http://127.0.0.1:6000/v1', MLDRILL_LLM_MODEL: 'm' });
    expect(result.code).toBe(2);
    expect(result.err).toBe("mldrill: cannot connect to 127.0.0.1:6000: Node's fetch refuses that port, as browsers do; run the server on another port (Ollama's is 11434) and put it in MLDRILL_LLM_URL\n");
  });

  it('without an endpoint, says how to set one, exit 2, and sends nothing', async () => {
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--bank', BANK], {});
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/MLDRILL_LLM_URL/);
  });

  it('sends a key pasted with its line end as the key, and refuses one that no header can carry without showing it', async () => {
    server = await startChatServer([completion({ items: EVERY_ITEM })]);
    const env = { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model' };
    expect((await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--json', '--bank', BANK], { ...env, MLDRILL_LLM_API_KEY: 'sk-pasted-key\r\n' })).code).toBe(0);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-pasted-key');
    for (const key of ['sk-two\nlines', 'sk-café-key', 'sk-a space']) {
      const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--bank', BANK], { ...env, MLDRILL_LLM_API_KEY: key });
      expect([result.code, result.out]).toEqual([2, '']);
      expect(result.err).toBe('mldrill: MLDRILL_LLM_API_KEY holds a space, a line break or a character outside ASCII, which an HTTP header cannot carry; copy the key again\n');
    }
    expect(server.requests).toHaveLength(1);
  });

  it('refuses --timeout without --ai, before reading anything', async () => {
    const result = await run(['e2e-feed', '--notes', 'no-such-notes.md', '--timeout', '5', '--bank', BANK], {});
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe("mldrill: --timeout is the AI rater's wait per attempt: it needs --ai\n");
  });

  it('refuses a timeout that is not a positive number of seconds', async () => {
    const result = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--timeout', '0', '--bank', BANK], {});
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/positive number of seconds/);
  });

  it('refuses a timeout over a day (Node would fire it at once), and takes a tiny one as a wait of a millisecond', async () => {
    const long = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--timeout', '3000000', '--bank', BANK], {});
    expect([long.code, long.out]).toEqual([2, '']);
    expect(long.err).toBe("error: option '--timeout <seconds>' argument '3000000' is invalid. expected a positive number of seconds, at most 86400 (a day), e.g. 60\n");
    server = await startChatServer(() => 'hang');
    const tiny = await run(['e2e-feed', '--notes', 'notes.md', '--ai', '--timeout', '0.0001', '--bank', BANK], { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'm' });
    expect([tiny.code, tiny.out]).toEqual([2, '']);
    expect(tiny.err).toMatch(/^mldrill: no reply from 127\.0\.0\.1:\d+ within 0\.001 s; raise --timeout/);
  });
});
