// Lint's cache (src/lint/cache.ts): a second run over an unchanged bank reports exactly what the
// first did, and whatever a file's findings depend on (its bytes, its name, the rubrics its
// examples are graded with, the schema its modeline points at) makes lint check it again.
// That a result was reused shows by planting a finding in the cache file: lint prints it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { baseBank, QUESTION, RUBRIC, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';
import { seededRandom } from '../src/select/random.js';

const Q = path.join('questions', 'recommendation', 'feed.yaml');
const EXAMPLES = 'examples:\n  weak:\n    notes:\n      clarify: We should think about it.\n';

function setUp(overrides: Record<string, string> = {}) {
  const dir = writeBank(baseBank({ [Q]: QUESTION.replace('difficulty: medium', 'difficulty: meduim') + EXAMPLES, ...overrides }));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-lint-cache-'));
  const lint = async (...args: string[]) => {
    const io = fakeIo({ cwd: dir, env: { MLDRILL_HOME: home } });
    const code = await main(['lint', dir, '--format', 'json', ...args], io);
    return { code, findings: JSON.parse(io.out()) as Array<{ file: string; line: number; rule: string; message: string }>, err: io.err() };
  };
  const cacheFiles = () => (fs.existsSync(path.join(home, 'cache')) ? fs.readdirSync(path.join(home, 'cache')).filter((name) => name.startsWith('lint-')) : []);
  const cacheFile = () => path.join(home, 'cache', cacheFiles()[0]!);
  /** Rewrites the cached result of the file named `name` (as lint shows it). */
  const plant = (name: string, change: (result: { findings: Array<Record<string, unknown>> }) => void) => {
    const content = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { entries: Array<[string, { shown: string; result: { findings: Array<Record<string, unknown>> } }]> };
    const entry = content.entries.find(([, { shown }]) => shown === name);
    if (!entry) throw new Error(`no cache entry for ${name}`);
    change(entry[1].result);
    fs.writeFileSync(cacheFile(), JSON.stringify(content));
  };
  return { dir, home, lint, cacheFiles, cacheFile, plant };
}

/** Makes every stamp in the cache older than the racy window, as if the files had been written long before. */
function ageFiles(dir: string) {
  const old = new Date(Date.now() - 3600_000);
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(dir, name), old, old);
}

const HOUR_AGO = new Date(Date.now() - 3600_000);

/** Every entry under dir made an hour old (the same hour each time), links themselves included (a link loop cannot be followed). */
function ageEntries(dir: string) {
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.lutimesSync(path.join(dir, name), HOUR_AGO, HOUR_AGO);
}

/** What a run prints and returns, with the cache (twice: filling it, then reading it) and with --no-cache. */
async function withAndWithoutCache(dir: string, home: string, ...args: string[]) {
  const run = async (...extra: string[]) => {
    const io = fakeIo({ cwd: dir, env: { MLDRILL_HOME: home } });
    const code = await main(['lint', ...args, ...extra], io);
    return { code, out: io.out(), err: io.err() };
  };
  return { first: await run(), second: await run(), fresh: await run('--no-cache') };
}

describe('lint cache', () => {
  it('reports the same findings from the cache as from the files, and reuses an unchanged file', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    const first = await bank.lint();
    expect(first.code).toBe(1);
    expect(first.findings.map((finding) => finding.rule)).toEqual(['enum']);
    expect(bank.cacheFiles()).toHaveLength(1);
    const second = await bank.lint();
    expect(second).toEqual(first);
    // Reused, not read again: a finding planted in the cache (with an escape sequence in it) is printed, made safe.
    bank.plant(Q, (result) => result.findings.push({ file: Q, line: 1, column: 1, severity: 'warning', rule: 'planted', message: 'from the cache \u001b[31mred' }));
    const third = await bank.lint();
    expect(third.findings.map((finding) => finding.rule)).toEqual(['planted', 'enum']);
    const io = fakeIo({ cwd: bank.dir, env: { MLDRILL_HOME: bank.home } });
    await main(['lint', bank.dir], io);
    expect(io.out()).toContain('from the cache');
    expect(io.out()).not.toContain('\u001b');
  });

  it('checks a file again when its bytes change, even with the size and mtime it had', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    await bank.lint();
    const file = path.join(bank.dir, Q);
    const { size, mtime } = fs.statSync(file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('difficulty: meduim', 'difficulty: hard  '));
    fs.utimesSync(file, mtime, mtime);
    expect(fs.statSync(file).size).toBe(size);
    const after = await bank.lint();
    expect(after.code).toBe(0);
    expect(after.findings).toEqual([]);
  });

  it('does not trust a stamp taken in the same second as the cache was written', async () => {
    const bank = setUp();
    // Modified within the second before the cache is written, whatever the machine's speed: a
    // time a little ahead is always inside that window (a slow run could leave "just now" behind).
    const soon = new Date(Date.now() + 30_000);
    fs.utimesSync(path.join(bank.dir, Q), soon, soon);
    await bank.lint();
    // Its entry is stored as unknown, so a planted finding is never shown.
    bank.plant(Q, (result) => result.findings.push({ file: Q, line: 1, column: 1, severity: 'warning', rule: 'planted', message: 'stale' }));
    expect((await bank.lint()).findings.map((finding) => finding.rule)).toEqual(['enum']);
  });

  it('grades the examples again when a rubric changes', async () => {
    const rubricFile = path.join('rubrics', 'mini.yaml');
    const bank = setUp({
      [Q]: QUESTION + EXAMPLES.replace('We should think about it.', 'Our north star is weekly active readers.'),
      [rubricFile]: RUBRIC.replace('        weight: 2\n', '        weight: 2\n        keywords: [north star]\n'),
    });
    ageFiles(bank.dir);
    expect((await bank.lint()).findings.map((finding) => finding.rule)).toEqual(['grading-example']);
    // The goal item now wants words the weak example does not say: it grades to 0%, in its range.
    const rubric = path.join(bank.dir, rubricFile);
    fs.writeFileSync(rubric, fs.readFileSync(rubric, 'utf8').replace('keywords: [north star]', 'keywords: [business goal]'));
    expect(await bank.lint()).toEqual({ code: 0, findings: [], err: expect.any(String) });
  });

  it('warns again when the schema a modeline points at is removed', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    expect((await bank.lint()).findings.map((finding) => finding.rule)).toEqual(['enum']);
    const modeline = /\$schema=(\S+)/.exec(fs.readFileSync(path.join(bank.dir, Q), 'utf8'))![1]!;
    const schema = path.resolve(path.dirname(path.join(bank.dir, Q)), modeline);
    const saved = fs.readFileSync(schema);
    fs.rmSync(schema);
    try {
      expect((await bank.lint()).findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['enum', 'schema-comment']));
    } finally {
      fs.writeFileSync(schema, saved);
    }
  });

  it('shows the name a file is given under each time, not the one it was cached under', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    await bank.lint();
    const io = fakeIo({ cwd: path.join(bank.dir, 'questions'), env: { MLDRILL_HOME: bank.home } });
    await main(['lint', bank.dir, '--format', 'json'], io);
    expect((JSON.parse(io.out()) as Array<{ file: string }>).map((finding) => finding.file)).toEqual([path.join('recommendation', 'feed.yaml')]);
  });

  it('lints as usual past a damaged cache, and replaces it', async () => {
    for (const damage of ['{"magic": "mldrill-lint-cache", "format": 1, "entries": [[1, 2], ["x", {"stamp": "no"}]]}', 'not json at all', '\u0000\u0001binary']) {
      const bank = setUp();
      ageFiles(bank.dir);
      const first = await bank.lint();
      fs.writeFileSync(bank.cacheFile(), damage);
      expect(await bank.lint()).toEqual(first);
      expect(fs.readFileSync(bank.cacheFile(), 'utf8')).toContain('mldrill-lint-cache');
    }
  });

  it('drops a hand-edited entry that is not a lint result', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    await bank.lint();
    bank.plant(Q, (result) => result.findings.push({ file: Q, line: 0, column: 1, severity: 'fatal', rule: 'planted', message: 'bad' }));
    expect((await bank.lint()).findings.map((finding) => finding.rule)).toEqual(['enum']);
    // A finding that names another file would be printed under that file.
    bank.plant(Q, (result) => result.findings.push({ file: 'rubrics/mini.yaml', line: 1, column: 1, severity: 'error', rule: 'planted', message: 'elsewhere' }));
    expect((await bank.lint()).findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual([`${Q} enum`]);
  });

  it('leaves a cache path that is not a regular file alone, and lints without it', async () => {
    const bank = setUp();
    const first = await bank.lint();
    const cacheFile = bank.cacheFile();
    fs.rmSync(cacheFile);
    fs.mkdirSync(cacheFile);
    expect(await bank.lint()).toEqual(first);
    expect(fs.statSync(cacheFile).isDirectory()).toBe(true);
  });

  it('neither reads nor writes through a link in the cache file\'s place, to a file or to nowhere', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    const first = await bank.lint();
    const cacheFile = bank.cacheFile();
    const elsewhere = path.join(bank.home, 'notes.txt');
    fs.renameSync(cacheFile, elsewhere);
    for (const target of [elsewhere, `${elsewhere}.new`]) {
      fs.symlinkSync(target, cacheFile);
      // Not read: a finding planted in the file it leads to is not printed.
      fs.writeFileSync(elsewhere, fs.readFileSync(elsewhere, 'utf8').replace('"rule":"enum"', '"rule":"planted"'));
      const saved = fs.readFileSync(elsewhere, 'utf8');
      expect(await bank.lint()).toEqual(first);
      expect(fs.readlinkSync(cacheFile)).toBe(target);
      expect(fs.readFileSync(elsewhere, 'utf8')).toBe(saved);
      fs.rmSync(cacheFile);
    }
    expect(fs.existsSync(`${elsewhere}.new`)).toBe(false);
  });

  it('neither reads nor writes the cache with --no-cache', async () => {
    const bank = setUp();
    ageFiles(bank.dir);
    expect((await bank.lint('--no-cache')).code).toBe(1);
    expect(bank.cacheFiles()).toEqual([]);
    await bank.lint();
    bank.plant(Q, (result) => result.findings.push({ file: Q, line: 1, column: 1, severity: 'warning', rule: 'planted', message: 'cached' }));
    expect((await bank.lint('--no-cache')).findings.map((finding) => finding.rule)).toEqual(['enum']);
  });

  it('prints what --no-cache prints for entries that cannot be read: a link loop, a dangling link, a FIFO, a device', async () => {
    const bank = setUp();
    const q = path.join(bank.dir, 'questions', 'recommendation');
    fs.symlinkSync('loop.yaml', path.join(q, 'loop.yaml'));
    fs.symlinkSync('nowhere.yaml', path.join(q, 'dangling.yaml'));
    fs.symlinkSync('/dev/null', path.join(q, 'null.yaml'));
    execFileSync('mkfifo', [path.join(q, 'fifo.yaml')]);
    ageEntries(bank.dir);
    const { first, second, fresh } = await withAndWithoutCache(bank.dir, bank.home, bank.dir);
    expect(fresh.code).toBe(1);
    expect(fresh.out).toMatch(/loop\.yaml\n {2}1:1 {2}error {2}cannot read the file \(ELOOP\)/);
    // A dangling link is named for where it points, which is what its author has to fix.
    expect(fresh.out).toMatch(/dangling\.yaml\n {2}1:1 {2}error {2}a link to \/.*\/nowhere\.yaml, which does not exist; point it at the file, or remove the link/);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
  });

  // The property: whatever happens to the files between runs, a run with the cache prints
  // exactly what a run without it prints. Each step does one thing an author, an editor, git or a
  // script does, sometimes backdating what it wrote so that the cache trusts it, and compares.
  it('prints what --no-cache prints after any sequence of edits, links, renames and rubric changes', { timeout: 120_000 }, async () => {
    const rubricFile = path.join('rubrics', 'mini.yaml');
    const bank = setUp({
      [Q]: QUESTION + EXAMPLES.replace('We should think about it.', 'Our north star is weekly active readers.'),
      [rubricFile]: RUBRIC.replace('        weight: 2\n', '        weight: 2\n        keywords: [north star]\n'),
    });
    const dir = path.join(bank.dir, 'questions', 'recommendation');
    // The questions' modelines point at a schema of the bank's own, which a step takes away.
    fs.mkdirSync(path.join(bank.dir, 'schema'));
    fs.copyFileSync(path.join(PACKAGE_ROOT, 'schema', 'question.schema.json'), path.join(bank.dir, 'schema', 'question.schema.json'));
    const feed = fs.readFileSync(path.join(bank.dir, Q), 'utf8').replace(/\$schema=\S+/, '$schema=../../schema/question.schema.json');
    fs.writeFileSync(path.join(bank.dir, Q), feed);
    fs.writeFileSync(path.join(dir, 'other.yaml'), feed.replace('id: feed', 'id: other'));
    // One question no step touches, so that some examples are always graded when the rubric changes.
    fs.mkdirSync(path.join(bank.dir, 'questions', 'ads'));
    fs.writeFileSync(path.join(bank.dir, 'questions', 'ads', 'steady.yaml'), feed.replace('id: feed', 'id: steady'));
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const files = () => fs.readdirSync(dir).map((name) => path.join(dir, name));
    // What can be read: never a FIFO (a read would wait for a writer) or a link loop.
    const regular = () => files().filter((file) => fs.lstatSync(file).isFile());
    const backdate = (file: string) => fs.lutimesSync(file, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000 * (1 + random())));
    /** Rewrites text in a file to text of the same length, with the file's mtime put back. */
    const sameSize = (file: string, from: string, to: string) => {
      const { atime, mtime } = fs.statSync(file);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
      fs.utimesSync(file, atime, mtime);
    };
    const steps: Array<[string, () => void]> = [
      // A warning, not an error: the examples of a question with an error are not graded, and the rubric steps need them graded.
      ['a hint that says TODO, same size and mtime', () => regular().forEach((file) => sameSize(file, 'Two stages.', 'TODO later.'))],
      ['the hint finished, same size and mtime', () => regular().forEach((file) => sameSize(file, 'TODO later.', 'Two stages.'))],
      ['touch -d', () => regular().slice(0, 1).forEach(backdate)],
      ['cp -p over another file', () => {
        const [from, to] = [pick(regular()), pick(files())];
        if (from && to && from !== to) execFileSync('cp', ['-p', '--remove-destination', from, to]);
      }],
      ['a file replaced by a link to another', () => {
        const [from, to] = [pick(files()), pick(files())];
        if (!from || !to || from === to) return;
        fs.rmSync(to);
        fs.symlinkSync(path.basename(from), to);
      }],
      ['a rename', () => {
        const file = pick(files());
        if (file) fs.renameSync(file, path.join(dir, `${pick(['feed', 'other', 'third'])}.yaml`));
      }],
      ['a rewrite as a new file (git checkout)', () => {
        const file = pick(files()) ?? path.join(dir, 'feed.yaml');
        const text = fs.lstatSync(file, { throwIfNoEntry: false })?.isFile() ? fs.readFileSync(file, 'utf8') : QUESTION.replace('id: feed', `id: ${path.basename(file, '.yaml')}`);
        fs.rmSync(file, { force: true });
        fs.writeFileSync(file, text.replace('Traffic grew tenfold.', 'Traffic grew 10-fold.'));
      }],
      ['the rubric\'s keywords changed', () => {
        const file = path.join(bank.dir, rubricFile);
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.includes('[north star]') ? text.replace('[north star]', '[business goal]') : text.replace('[business goal]', '[north star]'));
      }],
      ['the schema of the modelines removed or put back', () => {
        const schema = path.join(bank.dir, 'schema', 'question.schema.json');
        if (fs.existsSync(schema)) fs.renameSync(schema, `${schema}.off`);
        else if (fs.existsSync(`${schema}.off`)) fs.renameSync(`${schema}.off`, schema);
      }],
      ['a file replaced by a link loop', () => {
        const file = pick(files());
        if (!file) return;
        fs.rmSync(file);
        fs.symlinkSync(path.basename(file), file);
      }],
      ['a file replaced by a FIFO', () => {
        const file = pick(files());
        if (!file) return;
        fs.rmSync(file);
        execFileSync('mkfifo', [file]);
      }],
      ['everything backdated', () => ageEntries(bank.dir)],
    ];
    const run = async (cwd: string, ...args: string[]) => {
      const io = fakeIo({ cwd, env: { MLDRILL_HOME: bank.home } });
      const code = await main(['lint', ...args], io);
      return { code, out: io.out(), err: io.err() };
    };
    const done: string[] = [];
    // Every step twice, in a shuffled order.
    const order = [...steps, ...steps].map((step) => ({ step, key: random() })).sort((a, b) => a.key - b.key).map(({ step }) => step);
    for (const [name, act] of order) {
      // The whole bank, or one directory of it with the rest as context; the names stay (another name is another test's).
      const [cwd, args] = pick([[bank.dir, [bank.dir]], [bank.dir, ['--bank', bank.dir, dir]], [bank.dir, ['--format', 'json', '--bank', bank.dir]]] as const)!;
      // A settled bank and a cache that trusts it, then the step, sometimes backdated too.
      ageEntries(bank.dir);
      await run(cwd, ...args);
      act();
      if (random() < 0.5) ageEntries(bank.dir);
      done.push(name);
      const cached = await run(cwd, ...args);
      expect({ done, ...cached }).toEqual({ done, ...(await run(cwd, ...args, '--no-cache')) });
    }
  });

  it('lints when the cache directory cannot be written', async () => {
    const bank = setUp();
    const io = fakeIo({ cwd: bank.dir, env: { MLDRILL_HOME: path.join(bank.dir, Q) } });
    expect(await main(['lint', bank.dir, '--format', 'json'], io)).toBe(1);
    expect(io.err()).toMatch(/1 error/);
  });

});
