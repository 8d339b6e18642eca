// Tab completion: the scripts each shell sources, and what `mldrill __complete` offers, checked
// in-process and through real bash, zsh and fish where they are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHELLS } from '../src/completion/shells.js';
import { main } from '../src/main.js';
import { startSession } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import { saveLive } from '../src/store/live.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith, PROGRESS_BANK } from './helpers/history.js';
import { BIN, TmuxSession } from './helpers/tmux.js';

const home = homeWith('midnight.jsonl');
const SESSIONS = ['20261122-1530-mmmd', '20261121-1430-mmmc', '20261120-1630-mmmb', '20261120-0730-mmma'];
/** Checkpoints: one interrupted session, and one left behind by a session the history holds as completed. */
const INTERRUPTED = '20261123-0900-mmme';
for (const id of [INTERRUPTED, SESSIONS[0]!]) {
  saveLive(home, {
    version: 1, id, questionId: 'fx-feed', rubricId: 'fx-interview', mode: 'self', minutes: null, strict: false, paused: false,
    state: startSession(planStages([{ id: 'clarify', title: 'Clarify', goal: 'Scope it.', minutes: 5 }]), Date.UTC(2026, 10, 23, 9)), savedAt: '2026-11-23T09:00:00.000Z',
  });
}

/** What `mldrill __complete` prints for the words after mldrill, the last one being completed. */
async function complete(...words: string[]): Promise<string[]> {
  const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_CONFIG: path.join(home, 'no-config.yaml') } });
  expect(await main(['__complete', String(words.length - 1), '--', ...words], io)).toBe(0);
  return io.out().split('\n').filter(Boolean);
}

describe('mldrill __complete', () => {
  it('completes commands, and leaves the hidden one out', async () => {
    expect(await complete('dr')).toEqual(['drill']);
    // A start no command has is the default command's: `mldrill <id>` drills the question.
    expect(await complete('you')).toEqual(['youtube-video-recommendations']);
    expect(await complete('zzz')).toEqual([]);
    expect(await complete('co')).toEqual(['config', 'completion']);
    // After help, the commands it can explain (help itself takes no argument).
    expect(await complete('help', 'co')).toEqual(['config', 'completion']);
    expect(await complete('help', '')).not.toContain('help');
    expect(await complete('help', 'drill', '')).toEqual([]);
    expect(await complete('')).not.toContain('__complete');
  });

  it('completes question ids for the commands that take one, from the bank cache', async () => {
    expect(await complete('drill', 'you')).toEqual(['youtube-video-recommendations']);
    expect(await complete('show', 'youtube-v')).toEqual(['youtube-video-recommendations']);
    // The default command: `mldrill <id>` is `mldrill drill <id>`.
    expect(await complete('--bank', PROGRESS_BANK, 'drill', '--strict', 'fx-f')).toEqual(['fx-feed']);
    // At the top, ids only where no command starts so: `n` is new and next, not newsfeed-ranking.
    expect(await complete('n')).toEqual(['next', 'new']);
  });

  it('completes a word that opens a quote as the word inside it: the shell closes the quote', async () => {
    expect(await complete('drill', "'you")).toEqual(['youtube-video-recommendations']);
    expect(await complete('show', '"youtube-v')).toEqual(['youtube-video-recommendations']);
    expect(await complete('list', '--format', "'ma")).toEqual(['markdown']);
    // Quoted words before the cursor count as the command will read them.
    expect(await complete(`--bank`, `'${PROGRESS_BANK}'`, '"drill"', 'fx-f')).toEqual(['fx-feed']);
    expect(await complete('drill', '--bank', `"${PROGRESS_BANK}"`, 'fx\-f')).toEqual(['fx-feed']);
  });

  it('takes --bank ~/DIR as the shell will expand it, and a quoted ~ as it is', async () => {
    // The shells hand over the words as typed; the command itself gets the expanded path.
    const io = fakeIo({ env: { MLDRILL_HOME: home, MLDRILL_CONFIG: path.join(home, 'no-config.yaml') } });
    io.homedir = path.dirname(PROGRESS_BANK);
    const bank = `~/${path.basename(PROGRESS_BANK)}`;
    expect(await main(['__complete', '3', '--', '--bank', bank, 'drill', 'fx-f'], io)).toBe(0);
    expect(io.out()).toBe('fx-feed\n');
    expect(await complete('--bank', `'${bank}'`, 'drill', 'fx-f')).toEqual([]);
  });

  it('completes session ids, newest first, and last for export; for resume only the sessions it takes', async () => {
    expect(await complete('export', '')).toEqual(['last', ...SESSIONS]);
    expect(await complete('export', '2026112')).toEqual(SESSIONS);
    // Completed sessions (even the one whose checkpoint outlived it) are refused by resume.
    expect(await complete('resume', '')).toEqual(['last', INTERRUPTED]);
    expect(await complete('resume', '20261122')).toEqual([]);
    // Nothing to resume: not even last (and the shell offers its file names).
    const empty = fakeIo({ env: { MLDRILL_HOME: homeWith('midnight.jsonl'), MLDRILL_CONFIG: path.join(home, 'no-config.yaml') } });
    expect(await main(['__complete', '1', '--', 'resume', ''], empty)).toBe(0);
    expect(empty.out()).toBe('');
  });

  it('completes options, and the values of options with choices or known values', async () => {
    expect(await complete('drill', '--cat')).toEqual(['--category']);
    expect(await complete('drill', '--no-')).toEqual(['--no-strict', '--no-interviewer', '--no-curveballs', '--no-ready', '--no-save']);
    expect(await complete('daily', '--bank', PROGRESS_BANK, '--js')).toEqual(['--json']);
    expect(await complete('drill', '--category', '')).toEqual(['recommendation', 'search-ranking', 'ads', 'trust-safety', 'perception', 'language', 'generative-ai', 'marketplaces', 'platforms']);
    expect(await complete('list', '-d', '')).toEqual(['easy', 'medium', 'hard']);
    expect(await complete('list', '--format', 'p')).toEqual(['plain']);
    expect(await complete('drill', '--rubric', 'ml-')).toEqual(['ml-platform-design', 'ml-system-design', 'ml-system-design-short']);
    expect(await complete('new', '--category', 'tr')).toEqual(['trust-safety']);
    expect(await complete('diagram', '--question', 'youtube-v')).toEqual(['youtube-video-recommendations']);
    expect(await complete('list', '--tag', 'retrieval-augmented')).toEqual([]);
    expect((await complete('list', '--tag', 'ra')).length).toBeGreaterThan(0);
    // bash splits --format=json at the = sign; zsh and fish keep the word whole.
    expect(await complete('list', '--format', '=', 'ma')).toEqual(['markdown']);
    // With the cursor just after the `=`, the word at the cursor is the `=` itself: every value.
    expect(await complete('lint', '--format', '=')).toEqual(['stylish', 'json', 'github']);
    expect(await complete('list', '--format=ma')).toEqual(['--format=markdown']);
    // The value after bash's `=` is the option's, not the command's argument: ids still follow.
    expect(await complete('show', '--format', '=', 'json', 'youtube-v')).toEqual(['youtube-video-recommendations']);
    expect(await complete('drill', '--category', '=', 'ads', '--difficulty', '=', 'hard', '--cat')).toEqual(['--category']);
    // And bash's `--bank`, `=`, `DIR` is the bank the command will read, as zsh's `--bank=DIR` is.
    expect(await complete('drill', '--bank', '=', PROGRESS_BANK, 'fx-f')).toEqual(['fx-feed']);
    expect(await complete('--bank', '=', PROGRESS_BANK, 'fx-f')).toEqual(['fx-feed']);
    expect(await complete('drill', `--bank=${PROGRESS_BANK}`, 'fx-f')).toEqual(['fx-feed']);
  });

  it('completes arguments with choices: schema kinds, config actions, shells', async () => {
    expect(await complete('schema', '')).toEqual(['question', 'rubric', 'config']);
    expect(await complete('config', '')).toEqual(['path', 'init']);
    expect(await complete('completion', 'p')).toEqual(['powershell']);
  });

  it('prints nothing where a file name goes, so the shell completes files', async () => {
    expect(await complete('lint', '')).toEqual([]);
    expect(await complete('export', 'last', '-o', '')).toEqual([]);
  });
});

describe('mldrill completion', () => {
  it.each(SHELLS)('prints the %s script, which calls back mldrill __complete', async (shell) => {
    const io = fakeIo();
    expect(await main(['completion', shell], io)).toBe(0);
    expect(io.out()).toContain(' __complete ');
    // mldrill from PATH, else this one (PowerShell always calls it by name).
    if (shell !== 'powershell') expect(io.out()).toContain(`'${BIN}'`);
    expect(io.out()).toMatch(/^# mldrill tab completion for/);
  });

  it('refuses a shell it has no script for', async () => {
    const io = fakeIo();
    expect(await main(['completion', 'tcsh'], io)).toBe(2);
    expect(io.err()).toContain("'tcsh' is invalid");
  });
});

/** A directory with an `mldrill` on PATH that runs the built bin, as an installed one would. */
function pathWithMldrill(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-path-'));
  fs.writeFileSync(path.join(dir, 'mldrill'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return `${dir}${path.delimiter}${process.env.PATH}`;
}

const shellEnv = () => ({ PATH: pathWithMldrill(), MLDRILL_HOME: home, HOME: home, MLDRILL_CONFIG: path.join(home, 'no-config.yaml') });
const installed = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const script = (shell: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-completion-')), `mldrill.${shell}`);
  fs.writeFileSync(file, execFileSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' }));
  return file;
};
const lines = (text: string) => text.split('\n').filter(Boolean);
/** A word as a POSIX shell reads it back unchanged, quotes in it included. */
const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

describe('in bash', () => {
  const file = script('bash');
  /** Sources the script and calls its function as bash's completion would for this command line. */
  const bashComplete = (line: string) => {
    const words = line.split(' ');
    const program = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map(shellQuote).join(' ')}); COMP_CWORD=${words.length - 1}; _mldrill_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', env: shellEnv() });
    expect(result.stderr).toBe('');
    return lines(result.stdout);
  };

  it('registers its function for mldrill', () => {
    const result = spawnSync('bash', ['--norc', '-c', `source ${JSON.stringify(file)}; complete -p mldrill`], { encoding: 'utf8', env: shellEnv() });
    expect(result.stdout.trim()).toBe('complete -o default -F _mldrill_complete mldrill');
  });

  it('completes mldrill dr, mldrill drill you, mldrill drill --category and mldrill export', () => {
    expect(bashComplete('mldrill dr')).toEqual(['drill']);
    expect(bashComplete('mldrill drill you')).toEqual(['youtube-video-recommendations']);
    expect(bashComplete('mldrill drill --category ')).toEqual(['recommendation', 'search-ranking', 'ads', 'trust-safety', 'perception', 'language', 'generative-ai', 'marketplaces', 'platforms']);
    expect(bashComplete('mldrill export ')).toEqual(['last', ...SESSIONS]);
    expect(bashComplete('mldrill resume ')).toEqual(['last', INTERRUPTED]);
    expect(bashComplete("mldrill drill 'you")).toEqual(['youtube-video-recommendations']);
    expect(bashComplete('mldrill show "youtube-v')).toEqual(['youtube-video-recommendations']);
    // `--format=` then TAB: bash's words end `--format`, `=`; readline puts the value after the `=`.
    expect(bashComplete('mldrill lint --format =')).toEqual(['stylish', 'json', 'github']);
    expect(bashComplete('mldrill drill --category = tr')).toEqual(['trust-safety']);
    // `--bank=DIR` and `--format=json` before the word: bash splits them at the `=` too.
    expect(bashComplete(`mldrill drill --bank = ${PROGRESS_BANK} fx-f`)).toEqual(['fx-feed']);
    expect(bashComplete('mldrill show --format = json youtube-v')).toEqual(['youtube-video-recommendations']);
  });
});

describe.skipIf(!installed('zsh'))('in zsh (skipped when zsh is not installed)', () => {
  it('offers what __complete prints through compadd, and files when there is nothing', () => {
    const file = script('zsh');
    // compadd and _files only work inside the completion system; stand-ins print what they were given.
    const program = (line: string) => {
      const words = line.split(' ');
      return `compdef() { :; }; compadd() { shift 2; print -l -- "$@"; }; _files() { print FILES; }
source ${JSON.stringify(file)}
words=(${words.map(shellQuote).join(' ')}); CURRENT=${words.length}; _mldrill_complete`;
    };
    const zsh = (line: string) => {
      const result = spawnSync('zsh', ['-f', '-c', program(line)], { encoding: 'utf8', env: shellEnv() });
      expect(result.stderr).toBe('');
      return lines(result.stdout);
    };
    expect(zsh('mldrill dr')).toEqual(['drill']);
    expect(zsh('mldrill drill you')).toEqual(['youtube-video-recommendations']);
    expect(zsh('mldrill export ')).toEqual(['last', ...SESSIONS]);
    expect(zsh('mldrill resume ')).toEqual(['last', INTERRUPTED]);
    expect(zsh('mldrill lint ')).toEqual(['FILES']);
    expect(zsh("mldrill drill 'you")).toEqual(['youtube-video-recommendations']);
    expect(zsh('mldrill show "youtube-v')).toEqual(['youtube-video-recommendations']);
  });
});

describe.skipIf(!installed('fish'))('in fish (skipped when fish is not installed)', () => {
  it('completes through complete -C', () => {
    const file = script('fish');
    const fish = (line: string) => {
      const result = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8', env: shellEnv() });
      expect(result.stderr).toBe('');
      return lines(result.stdout);
    };
    expect(fish('mldrill dr')).toEqual(['drill']);
    expect(fish('mldrill drill you')).toEqual(['youtube-video-recommendations']);
    expect(fish('mldrill drill --category ')).toContain('trust-safety');
    expect(fish("mldrill drill 'you")).toEqual(['youtube-video-recommendations']);
    expect(fish('mldrill show "youtube-v')).toEqual(['youtube-video-recommendations']);
    // fish sorts the candidates itself.
    expect(fish('mldrill export ')).toEqual([...SESSIONS].reverse().concat('last'));
    expect(fish('mldrill resume ')).toEqual([INTERRUPTED, 'last']);
  });
});

describe('without mldrill on PATH (run through npx, or from a clone)', () => {
  // The shells stay on PATH; no directory that holds an mldrill does.
  const bare = () => ({ ...shellEnv(), PATH: (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !fs.existsSync(path.join(dir, 'mldrill'))).join(path.delimiter) });
  const run = (shell: string, args: string[]) => {
    const result = spawnSync(shell, args, { encoding: 'utf8', env: bare() });
    expect(result.stderr).toBe('');
    return lines(result.stdout);
  };

  it('bash completes through the mldrill that printed the script', () => {
    const file = script('bash');
    expect(run('bash', ['--norc', '--noprofile', '-c', `source ${shellQuote(file)}; COMP_WORDS=(mldrill drill you); COMP_CWORD=2; _mldrill_complete; printf '%s\\n' "\${COMPREPLY[@]}"`])).toEqual(['youtube-video-recommendations']);
  });

  it.skipIf(!installed('zsh'))('zsh too', () => {
    const file = script('zsh');
    expect(run('zsh', ['-f', '-c', `compdef() { :; }; compadd() { shift 2; print -l -- "$@"; }; _files() { print FILES; }\nsource ${shellQuote(file)}\nwords=(mldrill dr); CURRENT=2; _mldrill_complete`])).toEqual(['drill']);
  });

  it.skipIf(!installed('fish'))('fish too', () => {
    const file = script('fish');
    expect(run('fish', ['--no-config', '-c', `source ${shellQuote(file)}; complete -C 'mldrill drill --category tr'`])).toEqual(['trust-safety']);
  });
});

/** Each shell at its own prompt in a real terminal, the script sourced as its start-up line says. */
const PROMPTS: Record<'bash' | 'zsh' | 'fish', { program: string[]; setup: (file: string) => string }> = {
  bash: { program: ['bash', '--norc', '--noprofile', '-i'], setup: (file) => `source ${shellQuote(file)}` },
  zsh: { program: ['zsh', '-f', '-i'], setup: (file) => `autoload -U compinit && compinit -u && source ${shellQuote(file)}` },
  fish: { program: ['fish', '--no-config', '-i'], setup: (file) => `source ${shellQuote(file)}` },
};

describe('TAB at a real prompt', { timeout: 60_000 }, () => {
  const sessions: TmuxSession[] = [];
  afterEach(() => sessions.splice(0).forEach((session) => session.close()));

  it.each(Object.keys(PROMPTS).filter(installed) as Array<keyof typeof PROMPTS>)('%s completes a word that opens a quote, and closes the quote', async (shell) => {
    const { program, setup } = PROMPTS[shell];
    const cases: Array<[string, string]> = [["mldrill drill 'you", "mldrill drill 'youtube-video-recommendations'"], ['mldrill show "youtube-v', 'mldrill show "youtube-video-recommendations"']];
    for (const [typed, shown] of cases) {
      const tmux = new TmuxSession([], { program, env: { ...shellEnv(), PS1: '$ ' }, width: 120 });
      sessions.push(tmux);
      tmux.type(`${setup(script(shell))}; echo ready`);
      tmux.keys('Enter');
      await tmux.waitFor(/^ready$/m);
      tmux.type(typed);
      tmux.keys('Tab');
      await tmux.waitFor(shown);
    }
  });
});
