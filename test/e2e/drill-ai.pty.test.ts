// `drill --ai` in a real terminal: after the self-assessment and the save, the AI's verdicts
// beside the candidate's ticks, from a chat-completions server on 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, until } from '../helpers/tmux.js';
import { closedPort, completion, startChatServer, type ChatServer } from '../helpers/chat-server.js';
import { BANK, checkpointHolding, finishDrill, writeNote } from './fixture-flow.js';
import { homeWith, PROGRESS_BANK } from '../helpers/history.js';

let session: TmuxSession | undefined;
let server: ChatServer | undefined;
afterEach(async () => {
  session?.close();
  await server?.close();
  server = undefined;
});

function start(env: Record<string, string>, extra: string[] = []) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));
  session = new TmuxSession(['drill', 'e2e-feed', '--bank', BANK, '--no-ready', '--ai', ...extra], { env: { MLDRILL_HOME: home, ...env }, height: 40 });
  return { tmux: session, home };
}

/** A drill --ai with one note, checkpointed, then killed with -9: its state directory. */
async function killedAfter(env: Record<string, string>, note: string, extra: string[] = []): Promise<string> {
  const { tmux, home } = start(env, extra);
  await tmux.waitFor('Stage 1/2');
  await writeNote(tmux, note);
  await checkpointHolding(home, note, 'a checkpoint with the note');
  tmux.signal('KILL');
  expect(await tmux.exitCode()).toBe(137);
  tmux.close();
  return home;
}

describe('drill --ai', { timeout: 90_000 }, () => {
  it('shows the AI verdict beside each tick after the save, and keeps the rating beside the session', async () => {
    server = await startChatServer([completion({ items: [
      { stage: 'clarify', id: 'goal', met: true, evidence: 'business goal: more sessions', reason: 'States the goal.' },
      { stage: 'clarify', id: 'scale', met: false, evidence: '', reason: 'No numbers.' },
    ] })]);
    const { tmux, home } = start({ MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model' });
    await tmux.waitFor('Stage 1/2');
    tmux.type('business goal: more sessions');
    tmux.keys('Enter');
    await tmux.waitFor('business goal: more sessions');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(0);
    const screen = tmux.screen(true);
    expect(screen).toMatch(/Saved session \d{8}-\d{4}-\w{4}/);
    expect(screen).toContain('Named the business goal');
    expect(server.requests).toHaveLength(1);
    const ratings = fs.readFileSync(path.join(home, 'ratings.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ rater: 'ai', model: 'test-model' });
  });

  it('resumed after kill -9, still asks for the second opinion after the save', async () => {
    server = await startChatServer([completion({ items: [{ stage: 'clarify', id: 'goal', met: true, evidence: 'business goal: more sessions', reason: 'States the goal.' }] })]);
    const env = { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'test-model' };
    const home = await killedAfter(env, 'business goal: more sessions');
    session = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home, ...env }, height: 40 });
    // The stage on screen before the keys: on Node 22 an Enter typed while resume starts can be lost.
    await session.waitFor('Stage 1/2 · Clarify the feed');
    await finishDrill(session, 1);
    expect(await session.exitCode()).toBe(0);
    expect(session.screen(true)).toMatch(/Second opinion · test-model at 127\.0\.0\.1:\d+/);
    expect(server.requests).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, 'ratings.jsonl'), 'utf8')).toContain('"rater":"ai"');
  });

  it('waits --timeout seconds for the model, also after a kill -9 and resume, and says how to ask again with it', async () => {
    server = await startChatServer(() => 'hang');
    const env = { MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'slow-model' };
    const home = await killedAfter(env, 'business goal: more sessions', ['--timeout', '1']);
    session = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home, ...env }, width: 140, height: 40 });
    await session.waitFor('Stage 1/2 · Clarify the feed');
    await finishDrill(session, 1);
    expect(await session.exitCode()).toBe(2);
    const screen = session.screen(true);
    expect(screen).toMatch(/Asking slow-model at 127\.0\.0\.1:\d+ for a second opinion \(up to 1 s; Ctrl-C stops\)/);
    expect(screen).toMatch(/mldrill: no reply from 127\.0\.0\.1:\d+ within 1 s; raise --timeout/);
    expect(screen).toMatch(/Ask again with: mldrill grade \d{8}-\d{4}-\w{4} --ai --timeout 1\n/);
    const [record] = fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(record).toMatchObject({ status: 'completed', questionId: 'e2e-feed' });
  });

  it('resumed where the AI settings are gone, says so once and finishes without the second opinion', async () => {
    const home = await killedAfter({ MLDRILL_LLM_URL: 'http://127.0.0.1:9/v1', MLDRILL_LLM_MODEL: 'm' }, 'a first note');
    session = new TmuxSession(['resume', 'last', '--bank', BANK], { env: { MLDRILL_HOME: home }, width: 200, height: 40 });
    await session.waitFor(/mldrill: warning: session \d{8}-\d{4}-\w{4} was started with --ai, but --ai needs a server: set MLDRILL_LLM_URL[\s\S]*?;\s+it goes on without the second opinion/);
    await session.waitFor('Stage 1/2 · Clarify the feed');
    await finishDrill(session, 1);
    expect(await session.exitCode()).toBe(0);
    expect(session.screen(true)).toMatch(/Saved session \d{8}-\d{4}-\w{4}/);
    expect(fs.existsSync(path.join(home, 'ratings.jsonl'))).toBe(false);
  });

  it('refuses to start without an endpoint, before any work is done', async () => {
    const { tmux } = start({});
    expect(await tmux.exitCode()).toBe(2);
    expect(tmux.screen()).toMatch(/--ai needs a server: set MLDRILL_LLM_URL/);
  });

  it('when the server is gone at the end, says so in one line, exit 2, and the session stays saved', async () => {
    const port = await closedPort();
    const { tmux, home } = start({ MLDRILL_LLM_URL: `http://127.0.0.1:${port}/v1`, MLDRILL_LLM_MODEL: 'm' });
    await tmux.waitFor('Stage 1/2');
    await finishDrill(tmux, 1);
    expect(await tmux.exitCode()).toBe(2);
    const screen = tmux.screen(true);
    expect(screen).toMatch(/Ask again with: mldrill grade \d{8}-\d{4}-\w{4} --ai/);
    const [record] = fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(record).toMatchObject({ status: 'completed', questionId: 'e2e-feed' });
  });
});

describe('grade --ai at a terminal', { timeout: 90_000 }, () => {
  it('says what it is waiting for, and Ctrl-C stops the wait (exit 130) with nothing kept', async () => {
    server = await startChatServer(() => 'hang');
    const home = homeWith('progress.jsonl');
    session = new TmuxSession(['grade', '20261110-0900-aaaa', '--ai', '--bank', PROGRESS_BANK], { env: { MLDRILL_HOME: home, MLDRILL_LLM_URL: server.url, MLDRILL_LLM_MODEL: 'slow-model' }, width: 140, height: 20 });
    await session.waitFor(/Asking slow-model at 127\.0\.0\.1:\d+ for a second opinion \(up to 120 s; Ctrl-C stops\)\.\.\./);
    // The line is written before the request is sent: Ctrl-C once the server holds it.
    await until(() => server!.requests.length > 0 || undefined, 'the request to reach the server');
    session.keys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(server.requests).toHaveLength(1);
    expect(fs.existsSync(path.join(home, 'ratings.jsonl'))).toBe(false);
  });
});

describe('grade --notes - at a terminal', { timeout: 60_000 }, () => {
  it('says it is reading the notes from the terminal and how to end them, then grades what was typed', async () => {
    session = new TmuxSession(['grade', 'e2e-feed', '--notes', '-', '--bank', BANK], { env: { MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')) }, width: 140, height: 30 });
    await session.waitFor('mldrill: reading the notes from the terminal; type or paste them, then Ctrl-D on a line of its own');
    session.type('## clarify');
    session.keys('Enter');
    session.type('Business goal: more daily sessions');
    session.keys('Enter');
    session.keys('C-d');
    expect(await session.exitCode()).toBe(0);
    expect(session.screen(true)).toMatch(/Grade · [^\n]+\nScore \d+%/);
  });
});
