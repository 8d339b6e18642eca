// `mldrill lint` on hostile files just under the size cap: each is refused with its findings,
// never a crash ("Maximum call stack size exceeded") and never a wait of minutes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../src/lint/format-stylish.js';
import { main } from '../src/main.js';
import { loadStyle } from '../src/ui/colour.js';
import { baseBank, QUESTION, writeBank } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';

const Q = path.join('questions', 'recommendation', 'feed.yaml');

async function lint(files: Record<string, string>) {
  const dir = writeBank(baseBank(files));
  const io = fakeIo({ cwd: dir });
  const code = await main(['lint', '--no-cache', dir], io);
  return { code, out: io.out(), err: io.err() };
}

describe('lint on hostile files', () => {
  it('reports 60,000 list items written among the keys of a mapping as one syntax error, not a crash or 60,000 duplicate keys', async () => {
    // 240 KB after a top-level key: the parser reports 180,000 errors in one cascade and a duplicate key "x" per line.
    const { code, out, err } = await lint({ [Q]: `${QUESTION}notes: x\n${'- x\n'.repeat(60_000)}` });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out.split('\n').filter((line) => /^ {2}\d/.test(line))).toEqual([
      expect.stringMatching(/^ {2}21:1 +error +bad indentation: the list item "- x" is among the keys of a mapping; indent it under the key it belongs to +yaml-syntax$/),
    ]);
  });

  it('reports an alias bomb of 20,000 aliases to one long list as alias-limit', async () => {
    // Each alias once sent the checker through the whole document to find its anchor.
    const { code, out, err } = await lint({ [Q]: `${QUESTION}a: &a [${'x,'.repeat(5_000)}x]\nb: [${'*a,'.repeat(20_000)}*a]\n` });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/^ {2}21:5 +error +too many alias expansions \(.*\); write the values out instead of nesting anchors +alias-limit$/m);
  });

  it('shows 200,000 findings of one file in stylish, aligned', async () => {
    const plain = await loadStyle(0);
    const findings = Array.from({ length: 200_000 }, (_, i) => ({ file: 'a.yaml', line: i + 1, column: 9, severity: 'warning' as const, rule: 'todo', message: `hints[${i}] still says TODO; finish it` }));
    const lines = formatStylish({ files: 1, findings }, plain, 80).split('\n');
    expect(lines.length).toBe(200_005);
    expect(lines[2]).toBe('  1:9       warning  hints[0] still says TODO; finish it       todo');
    expect(lines[200_001]).toBe('  200000:9  warning  hints[199999] still says TODO; finish it  todo');
    expect(lines[200_003]).toBe('✖ 1 file checked: 0 errors, 200000 warnings');
  });
});
