// Bank entries that are not regular files, or cannot be listed: each is a finding naming what
// it is, and the rest of the bank still loads. Never a hang, never a read of what is not a file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findYamlFiles } from '../src/bank/files.js';
import { loadFiles } from '../src/bank/load.js';
import type { UnreadableDir } from '../src/bank/files.js';
import { main } from '../src/main.js';
import { baseBank, QUESTION, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';
import { BIN } from './helpers/tmux.js';

const OTHER = path.join('questions', 'ads', 'other.yaml');
const other = QUESTION.replace('id: feed', 'id: other').replace('category: recommendation', 'category: ads');

/** The bin, killed if it runs past the timeout: a regression shows as a failure, not a hang. */
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input: '', env: { PATH: process.env.PATH, MLDRILL_HOME: path.join(cwd, '.home') }, timeout: 20_000, killSignal: 'SIGKILL' });

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bank entries that are not regular files', { timeout: 60_000 }, () => {
  it('lint names a FIFO and a link to /dev/zero as unreadable, checks the rest, and exits 1 at once', () => {
    const dir = writeBank(baseBank({ [OTHER]: other }));
    mkfifo(path.join(dir, 'questions', 'ads', 'pipe.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'questions', 'ads', 'zero.yaml'));
    const result = run(['lint', '.', '--format', 'json'], dir);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string }>;
    expect(findings.map(({ file, rule, message }) => [file, rule, message.split(';')[0]])).toEqual([
      [path.join('questions', 'ads', 'pipe.yaml'), 'unreadable', 'a FIFO, not a regular file'],
      [path.join('questions', 'ads', 'zero.yaml'), 'unreadable', 'a character device, not a regular file'],
    ]);
    expect(result.stderr).toBe('mldrill lint: 5 files checked: 2 errors, 0 warnings\n');
  });

  it('list loads the rest of the bank past a FIFO and a link to /dev/zero, warning of each', () => {
    const dir = writeBank(baseBank({ [OTHER]: other }));
    mkfifo(path.join(dir, 'questions', 'ads', 'pipe.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'questions', 'ads', 'zero.yaml'));
    const result = run(['list', '--bank', '.'], dir);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^feed\trecommendation\t/m);
    expect(result.stdout).toMatch(/^other\tads\t/m);
    expect(result.stderr).toMatch(/pipe\.yaml.*a FIFO, not a regular file/);
    expect(result.stderr).toMatch(/zero\.yaml.*a character device, not a regular file/);
  });

  it('a FIFO given to lint by name is a finding too, not a wait for a writer', () => {
    const dir = writeBank(baseBank());
    mkfifo(path.join(dir, 'given.yml'));
    const result = run(['lint', 'given.yml'], dir);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/given\.yml\n {2}1:1 +error +a FIFO, not a regular file/);
  });

  it('a Unix socket named *.yaml (open() cannot even open one) is named as a socket, not as a file to check exists', () => {
    const dir = writeBank(baseBank());
    const made = spawnSync(process.execPath, ['-e', 'require("net").createServer().listen(process.argv[1], () => process.exit(0))', path.join(dir, 'questions', 'sock.yaml')]);
    expect(made.status).toBe(0);
    const result = run(['lint', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/sock\.yaml\n {2}1:1 +error +a socket, not a regular file; only regular \.yaml files belong in a bank/);
  });

  it('refuses a 1 GiB sparse file by its size, without reading it', () => {
    const dir = writeBank(baseBank());
    const huge = path.join(dir, 'questions', 'ads', 'huge.yaml');
    fs.mkdirSync(path.dirname(huge), { recursive: true });
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 1024 ** 3);
    const readSync = vi.spyOn(fs, 'readSync');
    const bank = loadFiles(findYamlFiles([dir]), dir);
    expect(bank.findings.map(({ file, rule }) => [file, rule])).toEqual([[path.join('questions', 'ads', 'huge.yaml'), 'file-too-large']]);
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    // Two small files read; not a byte of the large one (readSync is asked for its size at most).
    for (const call of readSync.mock.calls) expect(Number((call as unknown[])[3])).toBeLessThan(1024 * 1024);
  });
});

describe('a directory of the bank that cannot be listed', () => {
  /** readdir fails with EACCES for dir, as it does for a non-root user on a chmod 000 directory. */
  const deny = (dir: string) => {
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((target: fs.PathLike, options?: unknown) => {
      if (path.resolve(String(target)) === dir) throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
      return (readdir as (target: fs.PathLike, options?: unknown) => unknown)(target, options);
    }) as typeof fs.readdirSync);
  };

  it('is an unreadable finding in lint (exit 1), and the other files are still checked', async () => {
    const dir = writeBank(baseBank({ [OTHER]: other }));
    deny(path.join(dir, 'questions', 'ads'));
    const io = fakeIo({ cwd: dir });
    expect(await main(['lint', '.', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toEqual([{
      file: path.join('questions', 'ads'), line: 1, column: 1, severity: 'error', rule: 'unreadable',
      message: 'cannot read the directory (EACCES); check that it exists and is readable',
    }]);
    expect(io.err()).toBe('mldrill lint: 2 files checked: 1 error, 0 warnings\n');
  });

  it('is a finding of the loaded bank, beside the questions that did load', () => {
    const dir = writeBank(baseBank({ [OTHER]: other }));
    deny(path.join(dir, 'questions', 'ads'));
    const unreadable: UnreadableDir[] = [];
    const bank = loadFiles(findYamlFiles([dir], { unreadable }), dir, unreadable);
    expect(bank.questions.map((question) => question.id)).toEqual(['feed']);
    expect(bank.findings.map(({ file, rule }) => [file, rule])).toEqual([[path.join('questions', 'ads'), 'unreadable']]);
  });

  it.skipIf(process.getuid?.() === 0)('is found with a real chmod 000 too (skipped as root, which reads it anyway)', async () => {
    const dir = writeBank(baseBank({ [OTHER]: other }));
    const locked = path.join(dir, 'questions', 'ads');
    fs.chmodSync(locked, 0);
    try {
      const io = fakeIo({ cwd: dir });
      expect(await main(['lint', '.'], io)).toBe(1);
      expect(io.out()).toMatch(/questions\/ads\n {2}1:1 +error +cannot read the directory \(EACCES\)/);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});
