// mldrill's own V8 code cache (src/code-cache.ts), used where Node has no compile cache it can
// flush (Node 20 and 22 before 22.10): whole runs of the bin, with the temporary directory of
// each test its own. The output must be the same with the cache, without it and from a bad one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import nodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith } from './helpers/history.js';
import { BIN, ROOT } from './helpers/tmux.js';

const OURS = typeof (nodeModule as { flushCompileCache?: unknown }).flushCompileCache !== 'function';
const uid = process.getuid?.() ?? -1;

/** A temporary directory and a history of the test's own; dir is where the cache goes. */
function fresh(): { tmp: string; dir: string; env: { TMPDIR: string; MLDRILL_HOME: string } } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-cc-'));
  return { tmp, dir: path.join(tmp, `mldrill-code-cache-${uid}`), env: { TMPDIR: tmp, MLDRILL_HOME: homeWith('progress.jsonl') } };
}

function run(args: string[], env: Record<string, string>, shell?: string, bin = BIN) {
  const command = shell ? ['bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, bin, ...args]] as const : [process.execPath, [bin, ...args]] as const;
  const result = spawnSync(command[0], command[1], {
    encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: os.homedir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the built tool (its bin and bundle), whose chunks a test may rewrite: its bin. */
function copyOfTheTool(): string {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-app-'));
  for (const part of ['bin', path.join('dist', 'bundle')]) fs.cpSync(path.join(ROOT, part), path.join(app, part), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  for (const part of ['node_modules', 'questions', 'rubrics', 'schema']) fs.symlinkSync(path.join(ROOT, part), path.join(app, part));
  return path.join(app, 'bin', 'mldrill.js');
}

const chunkCache = (dir: string, chunk: string) => fs.readdirSync(dir).filter((name) => name.startsWith(`${chunk}-`)).map((name) => path.join(dir, name));
const ls = (dir: string) => fs.readdirSync(dir).sort();

describe.skipIf(!OURS || uid < 0)("mldrill's code cache (Node without a compile cache to flush)", () => {
  it('saves each chunk a run compiles, in a directory only the user may enter, and gives the same output from it', () => {
    const { dir, env } = fresh();
    const uncached = run(['history'], { ...env, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(fs.existsSync(dir)).toBe(false);
    const first = run(['history'], env);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const [core] = chunkCache(dir, 'core');
    expect(core).toBeDefined();
    const written = fs.statSync(core!);
    const second = run(['history'], env);
    expect([first, second]).toEqual([uncached, uncached]);
    expect(uncached.code).toBe(0);
    expect(uncached.stdout).toContain('20261110-0900-aaaa');
    // Accepted, so not written again.
    expect(fs.statSync(core!).mtimeMs).toBe(written.mtimeMs);
    expect(fs.statSync(core!).ino).toBe(written.ino);
    expect(ls(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('imports the ES module packages (chalk) from cached code: colour output is the same on the second run', () => {
    const { dir, env } = fresh();
    const first = run(['stats'], { ...env, FORCE_COLOR: '1' });
    expect(chunkCache(dir, 'history').length).toBeGreaterThan(0);
    const second = run(['stats'], { ...env, FORCE_COLOR: '1' });
    expect(second).toEqual(first);
    expect(second.stdout).toContain('\u001b[');
    expect(second.stderr).not.toContain('internal error');
  });

  it('compiles afresh from a cache that is garbage, truncated or another chunk\'s, and replaces it', () => {
    const { dir, env } = fresh();
    const good = run(['history'], env);
    const [core] = chunkCache(dir, 'core');
    const [history] = chunkCache(dir, 'history');
    const bad = [
      Buffer.from('not bytecode at all\n'.repeat(500)),
      fs.readFileSync(core!).subarray(0, 1000),
      fs.readFileSync(history!),
    ];
    for (const bytes of bad) {
      fs.writeFileSync(core!, bytes);
      expect(run(['history'], env)).toEqual(good);
      expect(fs.readFileSync(core!).equals(bytes)).toBe(false);
      expect(fs.statSync(core!).size).toBeGreaterThan(10_000);
    }
  });

  it('reads no cache from a FIFO or through a link, and renames over neither', () => {
    const { tmp, dir, env } = fresh();
    const good = run(['history'], env);
    const [core] = chunkCache(dir, 'core');
    fs.rmSync(core!);
    spawnSync('mkfifo', [core!]);
    expect(run(['history'], env)).toEqual(good);
    expect(fs.lstatSync(core!).isFIFO()).toBe(true);
    fs.rmSync(core!);
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.writeFileSync(elsewhere, 'kept');
    fs.symlinkSync(elsewhere, core!);
    expect(run(['history'], env)).toEqual(good);
    expect(fs.lstatSync(core!).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('kept');
  });

  it.each([
    ['a link to a directory', (dir: string, tmp: string) => { fs.mkdirSync(path.join(tmp, 'real')); fs.symlinkSync(path.join(tmp, 'real'), dir); return path.join(tmp, 'real'); }],
    ['a directory others may write', (dir: string) => { fs.mkdirSync(dir); fs.chmodSync(dir, 0o777); return dir; }],
    ['a directory group members may write', (dir: string) => { fs.mkdirSync(dir); fs.chmodSync(dir, 0o770); return dir; }],
  ])('uses no cache in %s: bytecode is code', (_, make) => {
    const { tmp, dir, env } = fresh();
    const looked = make(dir, tmp);
    const result = run(['history'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('20261110-0900-aaaa');
    expect(ls(looked)).toEqual([]);
  });

  it('runs as well where the cache cannot be made or written: a file in the way, a file-size limit', () => {
    const { dir, env } = fresh();
    const good = run(['history'], { ...env, NODE_DISABLE_COMPILE_CACHE: '1' });
    fs.writeFileSync(dir, 'a file where the directory would be');
    expect(run(['history'], env)).toEqual(good);
    fs.rmSync(dir);
    // Past `ulimit -f` a write fails (SIGXFSZ is ignored): no cache, and no half-written file left.
    const limited = run(['history'], env, 'ulimit -f 1');
    expect(limited).toEqual(good);
    // bash's `ulimit -f 1` is 1024 bytes: the small chunks' bytecode fits, core's does not.
    expect(ls(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(chunkCache(dir, 'core')).toEqual([]);
    expect(ls(dir).every((name) => fs.statSync(path.join(dir, name)).size <= 1024)).toBe(true);
  });

  it('compiles a chunk rebuilt in place, even at the same length, from its new source (V8 itself checks only the length)', () => {
    const bin = copyOfTheTool();
    const app = path.dirname(path.dirname(bin));
    const { env } = fresh();
    expect(run(['show', 'feature-store'], env, undefined, bin).stdout).toContain('Drill it: mldrill drill feature-store');
    const core = path.join(app, 'dist', 'bundle', fs.readdirSync(path.join(app, 'dist', 'bundle')).find((name) => name.startsWith('core-'))!);
    const source = fs.readFileSync(core, 'utf8');
    fs.writeFileSync(core, source.replaceAll('Drill it: ', 'Drill IT: '));
    expect(fs.statSync(core).size).toBe(Buffer.byteLength(source));
    expect(run(['show', 'feature-store'], env, undefined, bin).stdout).toContain('Drill IT: mldrill drill feature-store');
  });

  it('keeps two installs of the same build apart: neither replaces the cache of the other', () => {
    const { dir, env } = fresh();
    const other = copyOfTheTool();
    const expected = run(['history'], env);
    expect(run(['history'], env, undefined, other)).toEqual(expected);
    const files = chunkCache(dir, 'core');
    expect(files).toHaveLength(2);
    const written = files.map((file) => fs.statSync(file).ino);
    for (const bin of [BIN, other, BIN]) expect(run(['history'], env, undefined, bin)).toEqual(expected);
    expect(files.map((file) => fs.statSync(file).ino)).toEqual(written);
  });

  it('removes cache files not written for 7 days when a run saves one', () => {
    const { dir, env } = fresh();
    run(['history'], env);
    const old = path.join(dir, 'core-OLDBUILD.js.0.0.v8');
    fs.writeFileSync(old, 'stale');
    const week = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(old, week, week);
    for (const file of chunkCache(dir, 'core').filter((file) => file !== old)) fs.rmSync(file);
    run(['history'], env);
    expect(fs.existsSync(old)).toBe(false);
    expect(chunkCache(dir, 'core').length).toBe(1);
  });
});

describe.skipIf(OURS)('on a Node with its own compile cache', () => {
  it("uses Node's, and makes no directory of mldrill's", () => {
    const { dir, env } = fresh();
    expect(run(['history'], env).code).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
