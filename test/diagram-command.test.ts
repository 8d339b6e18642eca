// `mldrill diagram` as a real process: stdin and files, the three formats, exit codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import { BIN } from './helpers/tmux.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-diagram-'));
});

const run = (args: string[], input = '') =>
  spawnSync(process.execPath, [BIN, 'diagram', ...args], { encoding: 'utf8', input, cwd: dir, env: { PATH: process.env.PATH, MLDRILL_HOME: dir }, timeout: 20_000 });

const LOOP = 'features -> model -> serving -> logs\nlogs -[labels]-> training -> model\n';

describe('mldrill diagram', { timeout: 60_000 }, () => {
  it('draws stdin as boxes, fitted to --width, with the feedback loop', () => {
    const result = run(['--width', '100'], LOOP);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(fs.readFileSync(path.join(import.meta.dirname, 'goldens', 'diagram', 'cycle-100.txt'), 'utf8'));
  });

  it('draws at 80 columns when piped, top-down when left-to-right is too wide', () => {
    fs.writeFileSync(path.join(dir, 'design.txt'), `events -> stream processor -> feature store\n${LOOP}`);
    const result = run(['design.txt']);
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\n');
    expect(Math.max(...rows.map((row) => [...row].length))).toBeLessThanOrEqual(80);
    expect(rows[1]).toContain('│ events │');
    expect(result.stdout).toContain('│ feature store │');
  });

  it('says where escape sequences and control characters were left out of the names, and draws the rest', () => {
    const result = run(['--format', 'json'], 'ev\u001b[31mil -> b\r\nx -> y\r\nc\u0007d -> e\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe([
      'mldrill: warning: <stdin>:1:3: control characters (an escape sequence?) are left out of the names on this line',
      'mldrill: warning: <stdin>:3:2: control characters (an escape sequence?) are left out of the names on this line',
      '',
    ].join('\n'));
    expect(JSON.parse(result.stdout).components.map((component: { name: string }) => component.name)).toEqual(['evil', 'b', 'x', 'y', 'cd', 'e']);
  });

  it('writes Mermaid', () => {
    const result = run(['-', '--format', 'mermaid'], 'ranker -[top 500]-> re-ranker\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('flowchart LR\n  ranker["ranker"]\n  re_ranker["re-ranker"]\n  ranker -->|"top 500"| re_ranker\n');
  });

  it('writes JSON with where each part was written', () => {
    const result = run(['--format', 'json'], 'a -> b\n\nc\n');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      components: [{ name: 'a', line: 1, column: 1 }, { name: 'b', line: 1, column: 6 }, { name: 'c', line: 3, column: 1 }],
      edges: [{ from: 'a', to: 'b', label: null, line: 1, column: 1 }],
    });
  });

  it('exits 2 naming file:line:col for each line that is not an edge, and draws nothing', () => {
    fs.writeFileSync(path.join(dir, 'bad.txt'), 'a -> b\nthen we retrain it nightly.\nmodel => serving\n');
    const result = run(['bad.txt']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^bad\.txt:2:1: not an edge: this reads as a sentence/),
      expect.stringMatching(/^bad\.txt:3:7: not an edge: an arrow mldrill does not read; write arrows as ->/),
      '',
    ]);
  });

  it('says so when there is nothing to draw', () => {
    const result = run([], '# just a comment\n\n');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mldrill: <stdin> has no edges or components to draw; write one chain per line, e.g. events -> feature store -> model\n');
  });

  it('reads only regular files', () => {
    const result = run([dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a regular file');
  });

  it('refuses a file or stdin that is not UTF-8, naming the line, rather than drawing U+FFFD or NULs', () => {
    const file = path.join(dir, 'latin1.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('events -> ranker\ncaf'), Buffer.from([0xe9]), Buffer.from(' -> feed\n')]));
    const result = run([file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('latin1.txt:2:4: line 2 has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8 (encoding)\nmldrill: latin1.txt is not UTF-8 text; nothing was drawn\n');
    const piped = spawnSync(process.execPath, [BIN, 'diagram', '-'], { input: Buffer.from('\ufeffa -> b\n', 'utf16le'), encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, MLDRILL_HOME: dir }, timeout: 20_000 });
    expect(piped.status).toBe(2);
    expect(piped.stdout).toBe('');
    expect(piped.stderr).toContain('<stdin>:1:1: the file is UTF-16, not UTF-8; save the file as UTF-8 (encoding)');
  });

  it('draws the first 80 edges of a larger diagram, says on stderr what was left out and where to see it whole, and exits 0', () => {
    const many = Array.from({ length: 85 }, (_, i) => `source ${i % 5} -> sink ${i % 17}`).join('\n');
    const result = run(['--width', '200'], many);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('source 0');
    expect(result.stdout).toContain('sink 16');
    expect(result.stderr).toBe('mldrill: too large to draw here (--format mermaid or --format json gives it whole): showing the first 80 of 85 edges; a picture here holds at most 80 edges and 60 components\n');
    // The other formats have every edge.
    expect(JSON.parse(run(['--format', 'json'], many).stdout).edges).toHaveLength(85);

    const chain = Array.from({ length: 300 }, (_, i) => `stage ${i} -> stage ${i + 1}`).join('\n');
    const long = run([], chain);
    expect(long.status).toBe(0);
    expect(long.stdout).toContain('stage 59 ');
    expect(long.stdout).not.toContain('stage 60 ');
    expect(long.stderr).toBe('mldrill: too large to draw here (--format mermaid or --format json gives it whole): showing the first 59 of 300 edges; a picture here holds at most 80 edges and 60 components\n');
  });

  it("compares the drawing with a question's reference diagram", () => {
    const drawn = 'uploads -> video encoder -> ANN index -> ranking model\nfilters -> ranking model\nfilters -> home page -> watch logs -> kafka -> model training -> ranking model\n';
    const text = run(['--question', 'youtube-video-recommendations', '--width', '100'], drawn);
    expect(text.status).toBe(0);
    expect(text.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      '',
      'Diagram: 8 of 9 components, 7 of 10 key flows; missing: feature store; drawn the wrong way round: from ranker to re-ranker',
      'Not in the reference (not counted): kafka',
    ]);
    const json = JSON.parse(run(['--question', 'youtube-video-recommendations', '--format', 'json'], drawn).stdout);
    expect(json.comparison.components).toEqual({ found: 8, expected: 9, missing: ['feature-store'], unexpected: ['kafka'] });
    expect(json.comparison.flows.reversed).toEqual([{ from: 'ranker', to: 're-ranker', description: 'from ranker to re-ranker' }]);
    const mermaid = run(['-q', 'youtube-video-recommendations', '-f', 'mermaid'], drawn);
    expect(mermaid.stdout).toMatch(/\n%% Diagram: 8 of 9 components.*\n%% Not in the reference \(not counted\): kafka\n$/);
  });

  it('exits 1 for an unknown question, with the closest ids', () => {
    const result = run(['--question', 'youtube'], 'a -> b\n');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/did you mean "?youtube-video-recommendations"?\?/);
  });

  it('does not wait on a terminal for edges: without a file it asks for one (in-process)', async () => {
    const io = fakeIo({ tty: true });
    expect(await main(['diagram'], io)).toBe(2);
    expect(io.err()).toBe('mldrill: give a file of edges, or pipe them in: mldrill diagram design.txt, or echo "events -> model" | mldrill diagram\n');
    expect(io.out()).toBe('');
  });

  it('refuses a file over 256 KiB before reading it', () => {
    fs.writeFileSync(path.join(dir, 'huge.txt'), `a -> b\n${'#'.repeat(256 * 1024)}\n`);
    const result = run(['huge.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mldrill: huge.txt is larger than 256 KiB; a diagram that large is not one to draw\n');
  });
});
