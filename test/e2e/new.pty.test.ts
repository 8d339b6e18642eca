// `mldrill new` asking for what the flags leave out, in a real pseudo-terminal (tmux).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.close());

describe('mldrill new in a terminal', { timeout: 30_000 }, () => {
  it('asks for the title, id, category and rubric, then writes the file', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-new-'));
    const tmux = (session = new TmuxSession(['new'], { cwd, width: 100 }));
    await tmux.waitFor('Title (a short name for the question)');
    tmux.type('Ad budget pacing for small advertisers');
    tmux.keys('Enter');
    await tmux.waitFor('(ad-budget-pacing-for-small-advertisers)');
    tmux.keys('C-u');
    tmux.type('ad-budget-pacing'); // taken by a shipped question
    tmux.keys('Enter');
    await tmux.waitFor('question id "ad-budget-pacing" is already used by');
    tmux.type('-small');
    tmux.keys('Enter');
    await tmux.waitFor('Category');
    tmux.keys('Down', 'Down'); // recommendation, search-ranking, ads
    await tmux.waitFor('❯ ads (Ads)');
    tmux.keys('Enter');
    await tmux.waitFor(/Rubric[\s\S]*❯ ml-system-design: /);
    tmux.keys('Enter');
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.screen(true)).toContain('Created questions/ads/ad-budget-pacing-small.yaml: replace the TODOs');
    const text = fs.readFileSync(path.join(cwd, 'questions', 'ads', 'ad-budget-pacing-small.yaml'), 'utf8');
    expect(text).toContain('id: ad-budget-pacing-small\ntitle: Ad budget pacing for small advertisers\ncategory: ads\ndifficulty: medium\nrubric: ml-system-design\n');
  });

  it('Ctrl-C at a prompt writes nothing and exits 130', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-new-'));
    const tmux = (session = new TmuxSession(['new', '--title', 'Something'], { cwd }));
    await tmux.waitFor('Id (kebab-case');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(tmux.screen(true)).not.toMatch(/at .*\.js:\d+/);
  });
});
