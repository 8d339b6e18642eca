// The scripting and progress commands on a real terminal (tmux): what they print for a person,
// aligned and styled, where a pipe or a file gets plain text (test/scripting-process.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { homeWith, PROGRESS_BANK } from '../helpers/history.js';
import { TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));

async function onTerminal(args: string[], env: Record<string, string> = {}) {
  const session = new TmuxSession(args, { env: { MLDRILL_HOME: homeWith('progress.jsonl'), ...env }, width: 120, height: 50 });
  sessions.push(session);
  expect(await session.exitCode()).toBe(0);
  return session;
}

describe('on a terminal', { timeout: 60_000 }, () => {
  it('list aligns its columns with spaces: every category starts in the same column', async () => {
    const session = await onTerminal(['list', '--category', 'ads']);
    const rows = session.screen().split('\n').filter((line) => / ads +(easy|medium|hard) /.test(line));
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((row) => row.indexOf(' ads ')))).toHaveProperty('size', 1);
  });

  it('show styles its text, and NO_COLOR turns the styling off', async () => {
    expect((await onTerminal(['show', 'feature-store'])).styledScreen()).toMatch(/\u001b\[[0-9;]*m/);
    expect((await onTerminal(['show', 'feature-store'], { NO_COLOR: '1' })).styledScreen()).not.toMatch(/\u001b\[[0-9;]*[1-9][0-9;]*m/);
  });

  it('stats draws its charts: score bars and the trend as a sparkline', async () => {
    const screen = (await onTerminal(['stats', '--bank', PROGRESS_BANK])).screen();
    expect(screen).toMatch(/[█░]{20}/);
    expect(screen).toMatch(/[▁▂▃▄▅▆▇█]{2,}/);
  });
});
