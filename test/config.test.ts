// The config file: where it is, how it is checked, and how it ranks against flags, the
// environment and the defaults.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, typedOptions } from '../src/cli.js';
import { loadConfig, withDrillDefaults } from '../src/app/config.js';
import { configPath } from '../src/config/locate.js';
import { cacheDirectory, stateDirectory } from '../src/store/paths.js';
import { configSchemaText } from '../src/config/document.js';
import { main } from '../src/main.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { fakeIo } from './helpers/fake-io.js';
import { homeWith, PROGRESS_BANK } from './helpers/history.js';
import { BIN } from './helpers/tmux.js';

const tempDir = (prefix = 'mldrill-config-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A config file holding text, in a directory of its own. */
function configFile(text: string | Uint8Array, mode = 0o600): string {
  const file = path.join(tempDir(), 'config.yaml');
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
  return file;
}

async function run(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const io = fakeIo({ env: { MLDRILL_HOME: tempDir('mldrill-home-'), ...env }, cwd });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err(), io };
}

const settingsOf = async (env: Record<string, string>, args: string[] = [], cwd?: string) => {
  const { code, out, err } = await run(['config', '--json', ...args], env, cwd);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as { file: string; settings: Record<string, { value: unknown; source: string }> };
};

describe('where the config file is', () => {
  it('is MLDRILL_CONFIG, else under XDG_CONFIG_HOME, else ~/.config (APPDATA on Windows)', () => {
    expect(configPath({ MLDRILL_CONFIG: '/etc/my.yaml', XDG_CONFIG_HOME: '/x' }, '/home/u', '/w')).toBe(path.resolve('/etc/my.yaml'));
    expect(configPath({ XDG_CONFIG_HOME: '/x' }, '/home/u', '/w')).toBe(path.join('/x', 'mldrill', 'config.yaml'));
    expect(configPath({}, '/home/u', '/w', 'linux')).toBe(path.join('/home/u', '.config', 'mldrill', 'config.yaml'));
    expect(configPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u', 'C:\\w', 'win32')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'mldrill', 'config.yaml'));
  });

  it('a relative MLDRILL_CONFIG or MLDRILL_HOME is relative to the run\'s directory (io.cwd), not the process\'s', async () => {
    const cwd = tempDir('mldrill-cwd-');
    expect(cwd).not.toBe(process.cwd());
    fs.writeFileSync(path.join(cwd, 'my-config.yaml'), 'strict: true\n');
    fs.mkdirSync(path.join(cwd, 'state'));
    fs.copyFileSync(path.join(homeWith('midnight.jsonl'), 'history.jsonl'), path.join(cwd, 'state', 'history.jsonl'));
    const env = { MLDRILL_CONFIG: 'my-config.yaml', MLDRILL_HOME: 'state' };
    expect((await run(['config', 'path'], env, cwd)).out).toBe(`${path.join(cwd, 'my-config.yaml')}\n`);
    const { settings } = JSON.parse((await run(['config', '--json'], env, cwd)).out) as { settings: Record<string, { value: unknown; source: string }> };
    expect(settings.strict).toEqual({ value: true, source: `config ${path.join(cwd, 'my-config.yaml')}:1` });
    expect(settings.state_dir).toEqual({ value: path.join(cwd, 'state'), source: 'env MLDRILL_HOME' });
    // The history is read from there.
    const history = await run(['history', '--json'], env, cwd);
    expect(history.err).toBe('');
    expect((JSON.parse(history.out) as unknown[]).length).toBe(4);
  });

  it('config path prints it', async () => {
    const { code, out } = await run(['config', 'path'], { XDG_CONFIG_HOME: '/somewhere' });
    expect(code).toBe(0);
    expect(out).toBe(`${path.join('/somewhere', 'mldrill', 'config.yaml')}\n`);
  });

  it('config path --json and config init --json give the path as data, for scripts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-config-json-'));
    const file = path.join(dir, 'config.yaml');
    expect(JSON.parse((await run(['config', 'path', '--json'], { MLDRILL_CONFIG: file })).out)).toEqual({ file, exists: false });
    const init = await run(['config', 'init', '--json'], { MLDRILL_CONFIG: file });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toEqual({ file });
    expect(init.err).toContain('Wrote ');
    expect(JSON.parse((await run(['config', 'path', '--json'], { MLDRILL_CONFIG: file })).out)).toEqual({ file, exists: true });
    // Refused (a file is there): nothing on stdout, exit 1.
    const again = await run(['config', 'init', '--json'], { MLDRILL_CONFIG: file });
    expect([again.code, again.out]).toEqual([1, '']);
  });

  it('ignores a relative XDG_CONFIG_HOME, XDG_STATE_HOME or XDG_CACHE_HOME, as the XDG specification says', async () => {
    const env = { XDG_CONFIG_HOME: 'relative/config', XDG_STATE_HOME: 'relative/state', XDG_CACHE_HOME: './cache' };
    expect((await run(['config', 'path'], env)).out).toBe(`${path.join('/nonexistent-home', '.config', 'mldrill', 'config.yaml')}\n`);
    expect(stateDirectory(env, '/home/u', '/w')).toBe(path.join('/home/u', '.local', 'state', 'mldrill'));
    expect(cacheDirectory(env, '/home/u', '/w')).toBe(path.join('/home/u', '.local', 'state', 'mldrill', 'cache'));
    expect(cacheDirectory({ ...env, XDG_CACHE_HOME: '/var/cache/u' }, '/home/u', '/w')).toBe(path.join('/var/cache/u', 'mldrill'));
  });

  it('an empty or relative HOME is no home: the account\'s own directory is, not the directory mldrill runs in', () => {
    const cwd = tempDir();
    const home = os.userInfo().homedir;
    for (const HOME of ['', 'relative']) {
      const shown = spawnSync(process.execPath, [BIN, 'config', 'path'], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME }, timeout: 20_000 });
      expect(shown.stdout).toBe(`${path.join(home, '.config', 'mldrill', 'config.yaml')}\n`);
    }
  });

  it('a missing file is no error: every setting is at its default', async () => {
    const { file, settings } = await settingsOf({ MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml') });
    expect(file).toMatch(/none\.yaml$/);
    expect(settings.strict).toEqual({ value: false, source: 'default' });
    expect(settings.minutes).toEqual({ value: null, source: 'default' });
    expect((await run(['list', '--plain'], { MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml') })).code).toBe(0);
  });
});

describe('precedence: flags over the environment over the file over the defaults', () => {
  it('the file overrides a default and says where', async () => {
    const file = configFile('# mine\nstrict: true\nminutes: 40\nllm:\n  model: llama3.1:8b\n');
    const { settings } = await settingsOf({ MLDRILL_CONFIG: file });
    expect(settings.strict).toEqual({ value: true, source: `config ${file}:2` });
    expect(settings.minutes).toEqual({ value: 40, source: `config ${file}:3` });
    expect(settings['llm.model']).toEqual({ value: 'llama3.1:8b', source: `config ${file}:5` });
    expect(settings.curveballs).toEqual({ value: true, source: 'default' });
  });

  it('the environment overrides the file', async () => {
    const stateDir = tempDir();
    const file = configFile(`state_dir: ${stateDir}\ncolour: never\nllm:\n  url: http://127.0.0.1:1/v1\n`);
    // MLDRILL_HOME empty is MLDRILL_HOME unset.
    const inFile = await settingsOf({ MLDRILL_CONFIG: file, MLDRILL_HOME: '' });
    expect(inFile.settings.state_dir).toEqual({ value: stateDir, source: `config ${file}:1` });
    expect(inFile.settings.colour).toEqual({ value: 'never', source: `config ${file}:2` });
    const home = tempDir();
    const { code, out } = await run(['config', '--json'], { MLDRILL_CONFIG: file, MLDRILL_LLM_URL: 'http://127.0.0.1:2/v1', FORCE_COLOR: '1' });
    expect(code).toBe(0);
    const { settings } = JSON.parse(out);
    expect(settings['llm.url']).toEqual({ value: 'http://127.0.0.1:2/v1', source: 'env MLDRILL_LLM_URL' });
    expect(settings.colour).toEqual({ value: 'always', source: 'env FORCE_COLOR' });
    const withHome = await settingsOf({ MLDRILL_CONFIG: file, MLDRILL_HOME: home });
    expect(withHome.settings.state_dir).toEqual({ value: home, source: 'env MLDRILL_HOME' });
  });

  it('flags override the file: --no-strict, --curveballs, --minutes', async () => {
    const file = configFile('strict: true\ncurveballs: false\ninterviewer: true\nminutes: 40\nready: false\n');
    const io = fakeIo({ env: { MLDRILL_CONFIG: file } });
    await loadConfig(io);
    const given = await drillOptions(['drill', '--no-strict', '--curveballs', '--no-interviewer', '--minutes', '25']);
    expect(withDrillDefaults(io, given)).toMatchObject({ strict: false, curveballs: true, interviewer: false, minutes: 25, ready: false });
    expect(withDrillDefaults(io, await drillOptions(['drill', '--no-ready']))).toMatchObject({ ready: false });
    // ready: false in the file, and the gate wanted back for one drill.
    expect(withDrillDefaults(io, await drillOptions(['drill', '--ready']))).toMatchObject({ ready: true });
    const readyOn = fakeIo({ env: { MLDRILL_CONFIG: configFile('ready: true\n') } });
    await loadConfig(readyOn);
    expect(withDrillDefaults(readyOn, await drillOptions(['drill', '--no-ready']))).toMatchObject({ ready: false });
    expect(withDrillDefaults(readyOn, await drillOptions(['drill']))).toMatchObject({ ready: true });
    // No flags: the file's values.
    expect(withDrillDefaults(io, await drillOptions(['drill']))).toMatchObject({ strict: true, curveballs: false, interviewer: true, minutes: 40, ready: false });
    // No file: the defaults, which leave minutes to the rubric.
    const bare = fakeIo({ env: { MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml') } });
    await loadConfig(bare);
    expect(withDrillDefaults(bare, await drillOptions(['drill']))).toMatchObject({ strict: false, curveballs: true, interviewer: false, minutes: undefined, ready: true });
  });

  it('bank directories add up, in the order they load: the file, then --bank, then MLDRILL_BANK', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'mine'));
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, 'bank: mine\n');
    const { settings } = await settingsOf({ MLDRILL_CONFIG: file, MLDRILL_BANK: PROGRESS_BANK }, ['--bank', 'elsewhere'], dir);
    expect(settings.bank).toEqual({ value: [path.join(dir, 'mine'), 'elsewhere', PROGRESS_BANK], source: `config ${file}:1, flag, env MLDRILL_BANK` });
  });

  /** What a command prints on a terminal with these variables. */
  async function onTerminal(args: string[], env: Record<string, string>) {
    const io = fakeIo({ env: { MLDRILL_HOME: tempDir('mldrill-home-'), TERM: 'xterm-256color', ...env }, tty: true });
    const code = await main(args, io);
    return { code, out: io.out(), err: io.err() };
  }

  it('colour: never keeps every command plain on a terminal, grade too', async () => {
    const never = configFile('colour: never\n');
    const notes = path.join(tempDir(), 'notes.md');
    fs.writeFileSync(notes, '## clarify\nThe business goal is more sales; 1M users and a 100 ms latency budget.\n');
    for (const args of [['show', 'also-bought'], ['grade', 'also-bought', '--notes', notes]]) {
      const { code, out } = await onTerminal(args, { MLDRILL_CONFIG: never });
      expect(code).toBe(0);
      expect(out).toContain('Customers who bought this also bought');
      expect(out).not.toContain('\u001b[');
    }
    // And the same commands are in colour on a terminal without the file.
    expect((await onTerminal(['grade', 'also-bought', '--notes', notes], {})).out).toContain('\u001b[');
  });

  it('a rubric the bank lacks is a problem in the file, at its place (exit 2), before anything is drilled', async () => {
    const file = configFile('strict: true\nrubric: ml-system-desing\n');
    for (const args of [['drill', 'also-bought'], ['drill', '--random']]) {
      const { code, out, err } = await onTerminal(args, { MLDRILL_CONFIG: file });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`${file}:2:1: rubric "ml-system-desing" is not in the bank; did you mean "ml-system-design"? (unknown-rubric)\nmldrill: fix the config file ${file} (see mldrill config --help), or point MLDRILL_CONFIG at another file\n`);
    }
    // mldrill config, which is how a user checks the file, says the same.
    const checked = await run(['config'], { MLDRILL_CONFIG: file });
    expect(checked.code).toBe(2);
    expect(checked.out).toBe('');
    expect(checked.err).toContain(`${file}:2:1: rubric "ml-system-desing" is not in the bank; did you mean "ml-system-design"? (unknown-rubric)\n`);
    expect((await run(['config', '--json'], { MLDRILL_CONFIG: configFile('rubric: ml-system-design-short\n') })).code).toBe(0);
    // On the command line it is an unknown id, as before (exit 1), and --rubric beats the file's.
    const flag = await onTerminal(['drill', 'also-bought', '--rubric', 'nope'], { MLDRILL_CONFIG: file });
    expect(flag.code).toBe(1);
    expect(flag.err).toMatch(/^mldrill: no rubric with id "nope"; known rubrics: /);
  });

  it('TERM=dumb, like NO_COLOR, beats colour: always (the environment beats the file)', async () => {
    const always = configFile('colour: always\n');
    expect((await onTerminal(['show', 'also-bought'], { MLDRILL_CONFIG: always })).out).toContain('\u001b[');
    for (const env of [{ TERM: 'dumb' }, { NO_COLOR: '1' }] as Array<Record<string, string>>) {
      const { code, out } = await onTerminal(['show', 'also-bought'], { MLDRILL_CONFIG: always, ...env });
      expect(code).toBe(0);
      expect(out).toContain('Customers who bought this also bought');
      expect(out).not.toContain('\u001b[');
    }
    const { settings } = await settingsOf({ MLDRILL_CONFIG: always, TERM: 'dumb' });
    expect(settings.colour).toEqual({ value: 'never', source: 'env TERM' });
  });
});

/** The options commander hands the drill for argv, without running it. */
async function drillOptions(argv: string[]): Promise<Record<string, unknown>> {
  const program = await buildProgram(fakeIo(), { exitCode: 0 }, argv);
  let captured: Record<string, unknown> = {};
  const drill = program.commands.find((command) => command.name() === 'drill')!;
  // A lone --no- flag, as the drill's ready gate has: commander implies true without it.
  if (!drill.options.some((option) => option.long === '--no-ready')) drill.option('--no-ready', 'start the clock at once');
  drill.action((_id, _options, command) => {
    captured = typedOptions(command);
  });
  await program.parseAsync(argv, { from: 'user' });
  return captured;
}

describe('checking the file like a question file', () => {
  const cases: Array<[string, string, string]> = [
    ['an unknown key, with the key meant', 'strict: true\ncolor: never\n', '2:1: unknown key "color"; did you mean "colour"? (unknown-key)'],
    ['an unknown key in a section', 'llm:\n  modle: x\n', '2:3: unknown key "llm.modle"; did you mean "model"? (unknown-key)'],
    ['a section key at the top', 'url: http://localhost:1/v1\n', '1:1: unknown key "url"; did you mean "llm.url"? (unknown-key)'],
    ['a wrong type', 'minutes: 40\nstrict: maybe\n', '2:9: strict must be true or false, not text ("maybe") (type)'],
    ['a YAML 1.1 boolean, which YAML 1.2 reads as text', 'minutes: 40\nstrict: yes\n', '2:9: strict must be true or false, not text ("yes"); YAML reads yes as text, so write true (type)'],
    ['a number out of range', 'minutes: 0\n', '1:10: minutes must be between 1 and 600, not 0 (range)'],
    ['a YAML NaN', 'minutes: .nan\n', '1:10: minutes must be between 1 and 600, not NaN (range)'],
    ['a YAML infinity', 'minutes: -.inf\n', '1:10: minutes must be between 1 and 600, not -Infinity (range)'],
    ['a value not among the choices', 'colour: sometimes\n', '1:9: colour is "sometimes"; use one of auto, always, never (enum)'],
    ['a URL that is not one', 'llm:\n  url: localhost:11434\n', '2:8: llm.url must be an http:// or https:// URL, not "localhost:11434" (url)'],
    ['an empty boolean', 'strict:\n', '1:1: strict is empty; give it a value (default false) or remove the line (empty)'],
    ['a section that is not a mapping', 'llm: http://x\n', '1:6: llm must be a mapping (url: …, model: …, api_key: …, schedule_from: …), not text ("http://x") (type)'],
    ['a list instead of a mapping', '- strict\n', '1:1: the config file must be a mapping of settings (key: value), not a list (type)'],
    ['a bank directory that does not exist', 'bank:\n  - nowhere\n', '2:5: bank names nowhere, which does not exist'],
    ['a bank entry that is not a directory, at its place', 'bank:\n  - /tmp\n  - 5\n', '3:5: bank[1] must be a directory, not a number (5) (type)'],
    ['an empty bank entry (~ is YAML for nothing)', 'bank: [/tmp, ~]\n', '1:14: bank[1] must be a directory, not nothing (type)'],
    ['a blank bank entry', 'bank: ["  "]\n', '1:8: bank[0] is empty; write a directory or remove the entry (empty)'],
    ['a blank bank, not a list', 'bank: "  "\n', '1:7: bank is empty; write a directory or remove the line (empty)'],
    ['a bank that is neither', 'bank: 5\n', '1:7: bank must be a directory or a list of directories, not a number (5) (type)'],
    ['a YAML syntax error', 'strict: true\n  minutes: [\n', '2:3: bad indentation: "minutes" is indented 2 spaces, its siblings 0; line it up with them (yaml-syntax)'],
    ['a key given twice', 'strict: true\nstrict: false\n', '2:1: key "strict" appears twice'],
  ];
  it.each(cases)('%s: file:line:col: message, exit 2', async (_name, text, expected) => {
    const file = configFile(text);
    for (const args of [['list', '--plain'], ['config']]) {
      const { code, out, err } = await run(args, { MLDRILL_CONFIG: file });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`${file}:${expected}`);
      expect(err).toMatch(/^mldrill: fix the config file .* or point MLDRILL_CONFIG at another file$/m);
    }
  });

  it('reports every problem in one run', async () => {
    const { err } = await run(['config'], { MLDRILL_CONFIG: configFile('minutes: -5\ncolour: blue\ntheme: dark\n') });
    expect(err.split('\n').filter((line) => line.includes('config.yaml:'))).toHaveLength(3);
  });

  it('reports every problem in one run after a key given twice, a quote never closed, a tab or a value holding ": "', async () => {
    const lines = async (text: string) => {
      const file = configFile(text);
      const { code, err } = await run(['config'], { MLDRILL_CONFIG: file });
      expect(code).toBe(2);
      return err.split('\n').filter((line) => line.startsWith(file)).map((line) => line.slice(file.length));
    };
    // Each stopped the check at the YAML mistake: the misspelt key and the bad colour went unsaid.
    expect(await lines('minutes: 40\nminutes: 50\nstrictt: true\ncolour: blue\n')).toEqual([
      ':2:1: key "minutes" appears twice in the same mapping; remove or rename one (duplicate-key)',
      ':3:1: unknown key "strictt"; did you mean "strict"? (unknown-key)',
      ':4:9: colour is "blue"; use one of auto, always, never (enum)',
    ]);
    expect(await lines('rubric: "ml-system-design\nstrictt: true\n')).toEqual([
      ':1:9: YAML syntax error: this quoted string is never closed; add the closing quote (yaml-syntax)',
      ':2:1: unknown key "strictt"; did you mean "strict"? (unknown-key)',
    ]);
    expect(await lines('minutes: 40\n\tstrict: true\ncolour: blue\n')).toEqual([
      ':2:1: YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces (yaml-syntax)',
      ':3:9: colour is "blue"; use one of auto, always, never (enum)',
    ]);
    expect(await lines('rubric: ml: short\nstrict: yes\ncolour: blue\n')).toEqual([
      ':1:9: YAML syntax error: the value "ml: short" holds ": ", which starts a mapping; put the value in quotes (yaml-syntax)',
      ':2:9: strict must be true or false, not text ("yes"); YAML reads yes as text, so write true (type)',
      ':3:9: colour is "blue"; use one of auto, always, never (enum)',
    ]);
  });

  it('a directory or a FIFO in its place is an error, not a hang', async () => {
    const dir = tempDir();
    const { code, err } = await run(['list'], { MLDRILL_CONFIG: dir });
    expect(code).toBe(2);
    expect(err).toContain(`${dir}:1:1: the config file is not a regular file; replace it with a YAML file or point MLDRILL_CONFIG elsewhere (not-a-file)\n`);
    const fifo = path.join(tempDir(), 'config.yaml');
    execFileSync('mkfifo', [fifo]);
    const piped = await run(['list'], { MLDRILL_CONFIG: fifo });
    expect(piped.code).toBe(2);
    expect(piped.err).toContain('not a regular file');
    // Nothing else that reads the temporary directory should meet it.
    fs.rmSync(fifo);
  });

  it('a byte that is not UTF-8 is an error at its line, not a U+FFFD loaded silently; UTF-16 says to save as UTF-8', async () => {
    const latin1 = configFile(Buffer.concat([Buffer.from('minutes: 40\nrubric: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    const { code, out, err } = await run(['config'], { MLDRILL_CONFIG: latin1 });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${latin1}:2:13: line 2 has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8 (encoding)\n`);
    const utf16 = configFile(Buffer.from('\ufeffminutes: 40\n', 'utf16le'));
    const wide = await run(['list', '--plain'], { MLDRILL_CONFIG: utf16 });
    expect(wide.code).toBe(2);
    expect(wide.err).toContain(`${utf16}:1:1: the file is UTF-16, not UTF-8; save the file as UTF-8 (encoding)\n`);
  });

  it('an empty file, or one with only comments, sets nothing', async () => {
    expect((await settingsOf({ MLDRILL_CONFIG: configFile('') })).settings.strict!.source).toBe('default');
    expect((await settingsOf({ MLDRILL_CONFIG: configFile('# nothing yet\n') })).settings.strict!.source).toBe('default');
  });

  it('control characters in a value or a key are an error that shows them as escapes, never raw (an API key not at all)', async () => {
    const file = configFile('colour: "\\e[31mred"\nllm:\n  model: "m\\u202eodel"\n  api_key: "sk-secret\\a"\n"foo\\e]52;c;aGk=\\a": 1\n');
    const { code, err } = await run(['config'], { MLDRILL_CONFIG: file });
    expect(code).toBe(2);
    expect(err).toContain(`${file}:1:9: colour "\\u001b[31mred" contains the control character U+001B; remove it (terminal escape sequences and invisible characters are not allowed) (control-chars)\n`);
    expect(err).toContain(`${file}:3:10: llm.model "m\\u202eodel" contains the bidirectional override U+202E, which reorders the text on screen;`);
    expect(err).toContain(`${file}:4:12: llm.api_key contains the control character U+0007;`);
    expect(err).toContain(`${file}:5:1: unknown key "foo\\u001b]52;c;aGk=\\u0007";`);
    expect(err).not.toContain('sk-secret');
    expect(err).not.toMatch(/[\u0007\u001b\u202e]/);
  });
});

describe('paths in the file are relative to it', () => {
  it('loads questions from a bank directory named relative to the config file, from any working directory', async () => {
    const dir = tempDir();
    fs.cpSync(PROGRESS_BANK, path.join(dir, 'bank'), { recursive: true });
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, 'bank: [bank]\n');
    const { code, out } = await run(['list', '--plain'], { MLDRILL_CONFIG: file }, os.tmpdir());
    expect(code).toBe(0);
    expect(out).toMatch(/^fx-feed\t/m);
  });

  it('keeps the history in the state_dir it names (relative to the file, or from ~)', async () => {
    const home = homeWith('midnight.jsonl');
    const file = path.join(path.dirname(home), `${path.basename(home)}.yaml`);
    fs.writeFileSync(file, `state_dir: ${path.basename(home)}\n`);
    const io = fakeIo({ env: { MLDRILL_CONFIG: file, TZ: 'UTC' } });
    expect(await main(['history', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out()).map((session: { id: string }) => session.id)).toContain('20261122-1530-mmmd');
    expect((await settingsOf({ MLDRILL_CONFIG: configFile('state_dir: ~/drills\n'), MLDRILL_HOME: '' })).settings.state_dir!.value).toBe(path.join('/nonexistent-home', 'drills'));
  });
});

describe('mldrill config', () => {
  it('prints each setting, its value and where it comes from', async () => {
    const file = configFile('minutes: 45\n');
    const { code, out } = await run(['config'], { MLDRILL_CONFIG: file });
    expect(code).toBe(0);
    expect(out).toContain(`Config file: ${file}\n`);
    expect(out).toMatch(new RegExp(`^minutes +45 +config ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1$`, 'm'));
    expect(out).toMatch(/^strict +false +default$/m);
  });

  it('a --bank or MLDRILL_BANK that names nothing exits 2 naming it, as the file\'s bank does and every other command does; one that exists is shown', async () => {
    const none = path.join(tempDir(), 'nowhere');
    for (const [args, env, said] of [
      [['config', '--bank', none], {}, `mldrill: --bank names ${none}, which does not exist; check the path (relative to the current directory)\n`],
      [['config', '--json'], { MLDRILL_BANK: none }, `mldrill: MLDRILL_BANK names ${none}, which does not exist; fix the path or unset MLDRILL_BANK\n`],
    ] as const) {
      const { code, out, err } = await run([...args], { MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml'), ...env });
      expect([code, out, err]).toEqual([2, '', said]);
    }
    const there = tempDir();
    const { settings } = await settingsOf({ MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml') }, ['--bank', there]);
    expect(settings.bank).toEqual({ value: [there], source: 'flag' });
    // `config path` only names the file: nothing about the bank stops it.
    expect((await run(['config', 'path', '--bank', none])).code).toBe(0);
  });

  it('--json gives { file, settings: { key: { value, source } } } for every key', async () => {
    const { file, settings } = await settingsOf({ MLDRILL_CONFIG: configFile('rubric: ml-system-design-short\n') });
    expect(Object.keys(settings)).toEqual(['minutes', 'rubric', 'strict', 'curveballs', 'ready', 'interviewer', 'bank', 'colour', 'state_dir', 'llm.url', 'llm.model', 'llm.api_key', 'llm.schedule_from']);
    expect(settings.rubric).toEqual({ value: 'ml-system-design-short', source: `config ${file}:1` });
  });

  it('never shows an API key, and warns when others can read the file that holds one', async () => {
    const open = configFile('llm:\n  api_key: sk-secret-123\n', 0o644);
    const { code, out, err } = await run(['config', '--json'], { MLDRILL_CONFIG: open });
    expect(code).toBe(0);
    expect(out).not.toContain('sk-secret');
    expect(JSON.parse(out).settings['llm.api_key'].value).toBe('(hidden)');
    expect(err).toBe(`mldrill: warning: ${open} holds llm.api_key and others can read it; run chmod 600 ${open}, or move the key to MLDRILL_LLM_API_KEY\n`);
    const text = await run(['config'], { MLDRILL_CONFIG: open });
    expect(text.out).not.toContain('sk-secret');
    const closed = configFile('llm:\n  api_key: sk-secret-123\n', 0o600);
    expect((await run(['config'], { MLDRILL_CONFIG: closed })).err).toBe('');
  });

  it('init writes a commented file with every key at its default, which reads back as the defaults', async () => {
    const file = path.join(tempDir(), 'deep', 'config.yaml');
    const { code, err } = await run(['config', 'init'], { MLDRILL_CONFIG: file });
    expect(code).toBe(0);
    expect(err).toBe(`Wrote ${file}; every setting in it is at its default\n`);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${path.join(PACKAGE_ROOT, 'schema', 'config.schema.json')}`);
    for (const key of ['minutes', 'rubric', 'strict', 'curveballs', 'ready', 'interviewer', 'bank', 'colour', 'state_dir', 'url', 'model', 'api_key']) expect(text).toMatch(new RegExp(`^ *#? ?${key}:`, 'm'));
    expect(text).not.toMatch(/^\s*api_key:/m);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const home = tempDir();
    const { settings } = await settingsOf({ MLDRILL_CONFIG: file, MLDRILL_HOME: home });
    const defaults = await settingsOf({ MLDRILL_CONFIG: path.join(tempDir(), 'none.yaml'), MLDRILL_HOME: home });
    for (const [key, { value }] of Object.entries(defaults.settings)) expect(settings[key]!.value, key).toEqual(value);
  });

  it('init never overwrites: exit 1 and the file as it was', async () => {
    const file = configFile('strict: true\n');
    const { code, err } = await run(['config', 'init'], { MLDRILL_CONFIG: file });
    expect(code).toBe(1);
    expect(err).toContain(`mldrill: ${file} already exists; nothing was written`);
    expect(fs.readFileSync(file, 'utf8')).toBe('strict: true\n');
  });

  it('init past the file-size limit (ulimit -f 0: EFBIG, as on a full disk) leaves no empty file behind, so trying again works', () => {
    const file = path.join(tempDir(), 'config.yaml');
    // A fresh compile cache (Node >= 22) is written at exit, past the limit too: it must not kill the run.
    const env = { PATH: process.env.PATH!, MLDRILL_CONFIG: file, NODE_COMPILE_CACHE: tempDir() };
    const limited = spawnSync('sh', ['-c', 'ulimit -f 0; exec "$0" "$@"', process.execPath, BIN, 'config', 'init'], { encoding: 'utf8', env, timeout: 20_000 });
    expect(limited.status).toBe(2);
    expect(limited.stderr).toBe(`mldrill: cannot write ${file}: the file would exceed the file-size limit (see ulimit -f) (EFBIG); nothing was written (check that its directory is writable and has room, or set MLDRILL_CONFIG to another path)\n`);
    expect(fs.existsSync(file)).toBe(false);
    const again = spawnSync(process.execPath, [BIN, 'config', 'init'], { encoding: 'utf8', env, timeout: 20_000 });
    expect(again.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('minutes:');
  });

  it('a dangling symbolic link as the config file: config says where it points, init writes nothing through it (exit 1)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.yaml');
    const target = path.join(dir, 'dotfiles', 'mldrill.yaml');
    fs.symlinkSync(target, file);
    const shown = await run(['config'], { MLDRILL_CONFIG: file });
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')[0]).toBe(`Config file: ${file} (a link to ${target}, which does not exist: built-in defaults)`);
    const init = await run(['config', 'init'], { MLDRILL_CONFIG: file });
    expect(init.code).toBe(1);
    expect(init.err).toBe(`mldrill: ${file} is a symbolic link to ${target}, which does not exist; nothing was written (create ${target}, or remove the link and run mldrill config init again)\n`);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readlinkSync(file)).toBe(target);
  });

  it('a dangling link with a relative target is named from the link\'s directory; a loop of links is no dangling link; a newline in the target stays on the line', async () => {
    const dir = tempDir();
    const relative = path.join(dir, 'relative.yaml');
    fs.symlinkSync(path.join('dotfiles', 'mldrill.yaml'), relative);
    expect((await run(['config'], { MLDRILL_CONFIG: relative })).out.split('\n')[0]).toBe(`Config file: ${relative} (a link to ${path.join(dir, 'dotfiles', 'mldrill.yaml')}, which does not exist: built-in defaults)`);
    const loop = path.join(dir, 'loop.yaml');
    fs.symlinkSync(loop, loop);
    const init = await run(['config', 'init'], { MLDRILL_CONFIG: loop });
    expect(init.code).toBe(1);
    expect(init.err).toBe(`mldrill: ${loop} already exists; nothing was written (edit it, or move it away and run mldrill config init again)\n`);
    const odd = path.join(dir, 'odd.yaml');
    fs.symlinkSync(path.join(dir, 'x\nSETTING  VALUE'), odd);
    const shown = await run(['config'], { MLDRILL_CONFIG: odd });
    expect(shown.out.split('\n')[0]).toBe(`Config file: ${odd} (a link to ${dir}/x\\nSETTING  VALUE, which does not exist: built-in defaults)`);
    expect(shown.out.split('\n')[1]).toBe('');
  });

  it('an error message naming a path with escape sequences in it prints them as nothing', async () => {
    const dir = path.join(tempDir(), 'a\u001b[31mb\u001b]0;title\u0007');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'config.yaml'), 'strict: true\n');
    const { code, err } = await run(['config', 'init'], { MLDRILL_CONFIG: path.join(dir, 'config.yaml') });
    expect(code).toBe(1);
    expect(err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(err).toContain('ab/config.yaml already exists');
  });

  it('init under a file where a directory should be: a usage error, not "already exists"', async () => {
    const file = configFile('strict: true\n');
    const { code, err } = await run(['config', 'init'], { MLDRILL_CONFIG: path.join(file, 'config.yaml') });
    expect(code).toBe(2);
    expect(err).toBe(`mldrill: cannot create the directory of ${path.join(file, 'config.yaml')} (a file stands in its path); set MLDRILL_CONFIG to another path\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('strict: true\n');
  });
});

describe('reading the file cheaply', () => {
  it('daily reads a clean config file without the YAML parser with positions, or zod', () => {
    const home = tempDir('mldrill-home-');
    const trace = path.join(home, 'imports.txt');
    const traced = (config: string) => {
      fs.writeFileSync(trace, '');
      const result = spawnSync(process.execPath, ['--import', path.join(PACKAGE_ROOT, 'test/fixtures/trace-imports.mjs'), BIN, 'daily', '--json'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, MLDRILL_HOME: home, MLDRILL_TRACE_IMPORTS: trace, MLDRILL_CONFIG: config },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return fs.readFileSync(trace, 'utf8').split('\n');
    };
    traced(path.join(home, 'none.yaml'));
    // The bank cache is current now: without a file, neither parser; with one, js-yaml only.
    expect(traced(path.join(home, 'none.yaml'))).not.toContain('js-yaml');
    const withFile = traced(configFile('strict: true\nminutes: 40\n'));
    expect(withFile).toContain('js-yaml');
    expect(withFile).not.toContain('yaml');
    expect(withFile).not.toContain('zod');
  });
});

describe('mldrill schema config', () => {
  it('prints the committed schema/config.schema.json (else run npm run schema)', async () => {
    const { code, out } = await run(['schema', 'config']);
    expect(code).toBe(0);
    expect(out).toBe(configSchemaText());
    expect(fs.readFileSync(path.join(PACKAGE_ROOT, 'schema', 'config.schema.json'), 'utf8'), 'schema/config.schema.json is stale: run npm run schema').toBe(out);
    const schema = JSON.parse(out);
    expect(schema.properties.colour.enum).toEqual(['auto', 'always', 'never']);
    expect(schema.properties.llm.properties.url.type).toEqual(['string', 'null']);
  });
});
