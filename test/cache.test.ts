// The cache of the parsed bank: where it goes, when it is trusted, and that it never changes
// what a user sees except by being faster.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { baseBank, MODELINE, QUESTION, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';
import { BIN, ROOT } from './helpers/tmux.js';

const Q = 'questions/recommendation/feed.yaml';
const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A bank whose files and directories were last changed an hour ago, as a settled bank is. */
function settledBank(files = baseBank()): string {
  const dir = writeBank(files);
  const age = (entry: string) => {
    if (fs.statSync(entry).isDirectory()) for (const child of fs.readdirSync(entry)) age(path.join(entry, child));
    fs.utimesSync(entry, HOUR_AGO, HOUR_AGO);
  };
  age(dir);
  return dir;
}

/** Rewrites a file with one text replaced by another of the same size, and puts its mtime back. */
function sameStampRewrite(file: string, from: string, to: string): void {
  const content = fs.readFileSync(file, 'utf8').replace(from, to);
  const before = fs.statSync(file);
  expect(Buffer.byteLength(content)).toBe(before.size);
  fs.writeFileSync(file, content);
  fs.utimesSync(file, before.atime, before.mtime);
}

/** Replaces text in the bank cache with other text of the same length, keeping its places valid. */
function plantInCache(home: string, from: string, to: string): void {
  expect(Buffer.byteLength(to)).toBe(Buffer.byteLength(from));
  const [name] = fs.readdirSync(path.join(home, 'cache'));
  const file = path.join(home, 'cache', name!);
  const content = fs.readFileSync(file, 'latin1');
  expect(content).toContain(from);
  fs.writeFileSync(file, content.replaceAll(from, to), 'latin1');
}

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

async function run(args: string[], env: Record<string, string>, cwd?: string) {
  const io = fakeIo({ env, cwd });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const title = async (bank: string, env: Record<string, string>) => JSON.parse((await run(['show', 'feed', '--json', '--bank', bank], env)).out).title as string;

describe('the bank cache', () => {
  it('goes to $MLDRILL_HOME/cache, else $XDG_CACHE_HOME/mldrill, and leaves no temporary files', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    expect((await run(['daily', '--bank', bank], { MLDRILL_HOME: home })).code).toBe(0);
    expect(fs.readdirSync(path.join(home, 'cache'))).toEqual([expect.stringMatching(/^bank-[0-9a-f]{8}\.cache$/)]);

    const xdg = tempDir('mldrill-xdg-');
    expect((await run(['daily', '--bank', bank], { XDG_CACHE_HOME: xdg })).code).toBe(0);
    expect(fs.readdirSync(path.join(xdg, 'mldrill'))).toEqual([expect.stringMatching(/^bank-[0-9a-f]{8}\.cache$/)]);
  });

  it('serves a file from the cache while its stamp is unchanged, and reloads it when its mtime or size changes', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    const env = { MLDRILL_HOME: home };
    const file = path.join(bank, Q);
    expect(await title(bank, env)).toBe('A feed');
    // Unchanged: served from the cache, as a title planted in it shows.
    plantInCache(home, '"A feed"', '"Z feed"');
    expect(await title(bank, env)).toBe('Z feed');

    fs.utimesSync(file, new Date(), new Date(Date.now() - 60_000));
    expect(await title(bank, env)).toBe('A feed');

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: A feed', 'title: The longer feed'));
    fs.utimesSync(file, HOUR_AGO, HOUR_AGO);
    expect(await title(bank, env)).toBe('The longer feed');
  });

  it('reloads a file rewritten with the same size and its mtime put back (touch -r, git checkout, rsync -t)', async () => {
    const bank = settledBank();
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    const file = path.join(bank, Q);
    expect(await title(bank, env)).toBe('A feed');
    sameStampRewrite(file, 'title: A feed', 'title: B feed');
    expect(await title(bank, env)).toBe('B feed');

    // `touch -r` itself, from a reference file with the old times.
    const reference = path.join(tempDir('mldrill-ref-'), 'ref');
    fs.writeFileSync(reference, '');
    fs.utimesSync(reference, HOUR_AGO, HOUR_AGO);
    fs.utimesSync(file, HOUR_AGO, HOUR_AGO);
    expect(await title(bank, env)).toBe('B feed');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: B feed', 'title: C feed'));
    execFileSync('touch', ['-r', reference, file]);
    expect(fs.statSync(file).mtimeMs).toBe(fs.statSync(reference).mtimeMs);
    expect(await title(bank, env)).toBe('C feed');

    // Another file renamed over it (an editor's atomic save), with the same size and mtime.
    const replacement = `${file}.new`;
    fs.writeFileSync(replacement, fs.readFileSync(file, 'utf8').replace('title: C feed', 'title: D feed'));
    fs.utimesSync(replacement, HOUR_AGO, HOUR_AGO);
    fs.renameSync(replacement, file);
    // (The directory changed too: put its mtime back, as rsync -t would.)
    fs.utimesSync(path.dirname(file), HOUR_AGO, HOUR_AGO);
    expect(await title(bank, env)).toBe('D feed');
  });

  it('notices files added and removed', async () => {
    const bank = settledBank();
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    const ids = async () => (await run(['list', '--bank', bank, '--category', 'recommendation'], env)).out.split('\n').map((line) => line.split('\t')[0]);
    expect(await ids()).toContain('feed');
    fs.writeFileSync(path.join(bank, 'questions/recommendation/feed-two.yaml'), QUESTION.replace('id: feed', 'id: feed-two'));
    expect(await ids()).toContain('feed-two');
    fs.rmSync(path.join(bank, 'questions/recommendation/feed-two.yaml'));
    fs.rmSync(path.join(bank, Q));
    const after = await ids();
    expect(after).not.toContain('feed-two');
    expect(after).not.toContain('feed');
  });

  it('does not trust a file changed in the same moment the cache was written', async () => {
    const bank = settledBank();
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    const file = path.join(bank, Q);
    const now = new Date();
    fs.utimesSync(file, now, now);
    expect(await title(bank, env)).toBe('A feed');
    // A second edit within the same clock tick would keep size and mtime: the cache must not hide it.
    sameStampRewrite(file, 'title: A feed', 'title: B feed');
    expect(await title(bank, env)).toBe('B feed');
  });

  it('recovers from a corrupt or truncated cache file by rebuilding it', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    const env = { MLDRILL_HOME: home };
    await run(['daily', '--bank', bank], env);
    const [name] = fs.readdirSync(path.join(home, 'cache'));
    const cacheFile = path.join(home, 'cache', name!);
    const good = fs.readFileSync(cacheFile);
    // A cache from a machine of the other byte order would read its stamps as nonsense.
    const otherOrder = Buffer.from(good.toString('latin1').replace(/^(mldrill-bank-cache \d+) (LE|BE) /, (_, start: string, order: string) => `${start} ${order === 'LE' ? 'BE' : 'LE'} `), 'latin1');
    expect(otherOrder.equals(good)).toBe(false);
    for (const broken of [Buffer.from('garbage'), good.subarray(0, Math.floor(good.length / 2)), Buffer.alloc(0), otherOrder]) {
      fs.writeFileSync(cacheFile, broken);
      const { code, out, err } = await run(['show', 'feed', '--plain', '--bank', bank], env);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(/^A feed\n/);
      expect(fs.readFileSync(cacheFile).subarray(0, 18).toString()).toBe('mldrill-bank-cache');
    }
  });

  // About 250 loads of the whole shipped bank, half of them uncached, so its time grows with the
  // bank; the default 5 s was too tight for 65 questions on a loaded machine.
  it('picks the question of the day as a fresh load does, around today and far from it', { timeout: 60_000 }, async () => {
    const extra = Object.fromEntries(['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((id) => [`questions/ads/${id}.yaml`, QUESTION.replace('id: feed', `id: ${id}`)]));
    const bank = settledBank(baseBank(extra));
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    // MLDRILL_HOME naming a file: no cache can be written, so every run loads the bank afresh.
    const uncached = path.join(tempDir('mldrill-home-'), 'file');
    fs.writeFileSync(uncached, '');
    const pick = async (date: string, home: Record<string, string>) => JSON.parse((await run(['daily', '--json', '--date', date, '--bank', bank], home)).out).id as string;
    await pick('2026-01-01', env);
    // The cache hands the pick its ids as one text, never split (the pool is the shipped
    // questions and these six, so a cycle lasts a few weeks): the days must agree with a fresh
    // load, cycle edges included.
    const today = Math.floor(Date.now() / 86_400_000);
    const days = [...Array.from({ length: 121 }, (_, i) => today - 60 + i), 0, 1, 36_524];
    for (const day of days) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(await pick(date, env), date).toBe(await pick(date, { MLDRILL_HOME: uncached }));
    }
  });

  it('checks the files by their full paths, never leaving the working directory', async () => {
    const bank = settledBank();
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    const file = path.join(bank, Q);
    const chdir = vi.spyOn(process, 'chdir');
    try {
      expect(await title(bank, env)).toBe('A feed');
      expect(await title(bank, env)).toBe('A feed');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: A feed', 'title: The longer feed'));
      fs.utimesSync(file, HOUR_AGO, HOUR_AGO);
      expect(await title(bank, env)).toBe('The longer feed');
      expect(chdir).not.toHaveBeenCalled();
    } finally {
      chdir.mockRestore();
    }
  });

  it('runs without a cache when it cannot write one', async () => {
    const bank = settledBank();
    const notADirectory = path.join(tempDir('mldrill-home-'), 'file');
    fs.writeFileSync(notADirectory, '');
    const { code, out, err } = await run(['show', 'feed', '--plain', '--bank', bank], { MLDRILL_HOME: notADirectory });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^A feed\n/);
  });

  it('never writes through a link in the cache file\'s place, to a file or to nowhere', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    expect((await run(['daily', '--bank', bank], { MLDRILL_HOME: home })).code).toBe(0);
    const [name] = fs.readdirSync(path.join(home, 'cache'));
    const cacheFile = path.join(home, 'cache', name!);
    const elsewhere = path.join(tempDir('mldrill-elsewhere-'), 'notes.txt');
    fs.writeFileSync(elsewhere, 'mine');
    for (const target of [elsewhere, `${elsewhere}.new`]) {
      fs.rmSync(cacheFile);
      fs.symlinkSync(target, cacheFile);
      const { code, out } = await run(['show', 'feed', '--plain', '--bank', bank], { MLDRILL_HOME: home });
      expect(code).toBe(0);
      expect(out).toMatch(/^A feed\n/);
      expect(fs.readlinkSync(cacheFile)).toBe(target);
    }
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('mine');
    expect(fs.existsSync(`${elsewhere}.new`)).toBe(false);
  });

  it('keeps reporting broken files on every run, with paths relative to the current directory', async () => {
    const bank = settledBank(baseBank({ 'questions/ads/bad.yaml': 'id: bad\ntitle: [unclosed\n' }));
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    for (let i = 0; i < 2; i++) {
      const { code, err } = await run(['list', '--bank', bank], env, bank);
      expect(code).toBe(0);
      expect(err).toMatch(/^questions\/ads\/bad\.yaml:\d+:\d+: .*\(yaml-syntax\)$/m);
    }
    const { err } = await run(['list', '--bank', bank], env, path.join(bank, 'questions'));
    expect(err).toMatch(/^ads\/bad\.yaml:\d+:\d+: /m);
  });

  it('leaves warnings to lint: a cached run mentions none', async () => {
    const bank = settledBank(baseBank({ 'questions/ads/pointing-nowhere.yaml': QUESTION.replace(MODELINE, '# yaml-language-server: $schema=../nowhere.json').replace('id: feed', 'id: pointing-nowhere') }));
    const env = { MLDRILL_HOME: tempDir('mldrill-home-') };
    for (let i = 0; i < 2; i++) {
      const { code, out, err } = await run(['list', '--bank', bank], env, bank);
      expect([code, err]).toEqual([0, '']);
      expect(out).toContain('pointing-nowhere');
    }
    const lint = await run(['lint', bank], env, bank);
    expect(lint.out).toContain('schema-comment');
  });

  it('is never used by lint, which keeps its own cache; both see a rewrite that keeps size and mtime', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    const env = { MLDRILL_HOME: home };
    const lint = await run(['lint', '--bank', bank], env);
    expect(lint.code).toBe(0);
    expect(fs.readdirSync(path.join(home, 'cache')).map((name) => name.replace(/-\w+\.cache$/, ''))).toEqual(['lint']);

    await run(['daily', '--bank', bank], env);
    sameStampRewrite(path.join(bank, Q), 'difficulty: medium', 'difficulty: meduim');
    const show = await run(['show', 'feed', '--plain', '--bank', bank], env);
    expect([show.code, show.err]).toEqual([1, expect.stringContaining('difficulty is "meduim"')]);
    const after = await run(['lint', '--bank', bank], env);
    expect(after.code).toBe(1);
    expect(after.out).toMatch(/feed\.yaml\n\s+5:13\s+error\s+difficulty is "meduim"; did you mean "medium"/);
  });
});

describe('the bank cache across processes', { timeout: 60_000 }, () => {
  const spawnBin = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => resolve({ code, out, err }));
    });

  it('survives concurrent first runs: every run succeeds and one whole cache file remains', async () => {
    const bank = settledBank();
    const home = tempDir('mldrill-home-');
    const runs = await Promise.all(Array.from({ length: 6 }, () => spawnBin(['daily', '--json', '--date', '2026-11-22', '--bank', bank], { MLDRILL_HOME: home })));
    for (const result of runs) {
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toBe(runs[0]!.out);
    }
    expect(fs.readdirSync(path.join(home, 'cache'))).toHaveLength(1);
    const again = await spawnBin(['daily', '--json', '--date', '2026-11-22', '--bank', bank], { MLDRILL_HOME: home });
    expect(again.out).toBe(runs[0]!.out);
  });

  it.each([[['daily', '--json']], [['ask', 'feature-store', 'How many features are served?', '--json']]])('imports neither yaml nor zod when the cache is current: %j', (args) => {
    const home = tempDir('mldrill-home-');
    const trace = path.join(home, 'imports.txt');
    const traced = () => {
      fs.writeFileSync(trace, '');
      const result = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/fixtures/trace-imports.mjs'), BIN, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, MLDRILL_HOME: home, MLDRILL_TRACE_IMPORTS: trace },
      });
      expect(result.status).toBe(0);
      return fs.readFileSync(trace, 'utf8').split('\n');
    };
    const first = traced();
    expect(first).toContain('yaml');
    expect(first).toContain('zod');
    const second = traced();
    expect(second).not.toContain('yaml');
    expect(second).not.toContain('zod');
  });

});
