// The layer rule of docs/ARCHITECTURE.md: a module imports only from its own folder or from a
// lower layer, and folders of one layer never import each other in a cycle. Type imports count:
// a type from a higher layer still ties the lower one to it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Each folder's layer, lowest first; the files directly in src/ are the leaves, except the top. */
const LAYER: Record<string, number> = {
  leaf: 0,
  bank: 1, store: 1, history: 1, config: 1, diagram: 1,
  session: 2, select: 2, score: 2, lint: 2, interviewer: 2, rater: 2, completion: 2,
  ui: 3,
  app: 4,
  commands: 5,
  top: 6,
};
const TOP_FILES = new Set(['main.ts', 'cli.ts']);

/**
 * Imports that break the rule today, each to be removed by moving the code to where it belongs.
 * The test fails when one is fixed and still listed, so the list only shrinks.
 */
const DEBTS = new Set<string>([
]);

function folderOf(file: string): string {
  const relative = path.relative(SRC, file).split(path.sep);
  if (relative.length === 1) return TOP_FILES.has(relative[0]!) ? 'top' : 'leaf';
  return relative[0]!;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import of a file, static, dynamic or type-only, as an absolute .ts path. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
}

const edges = sourceFiles(SRC).flatMap((file) => importsOf(file).map((target) => ({ file, target })));
const name = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('the layers', () => {
  it('puts every folder of src/ in a layer', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((folder) => !(folder in LAYER))).toEqual([]);
  });

  it('has no module importing a higher layer, beyond the listed debts', () => {
    const upward = edges
      .filter(({ file, target }) => LAYER[folderOf(file)]! < LAYER[folderOf(target)]!)
      .map(({ file, target }) => `${name(file)} -> ${name(target)}`);
    expect(upward.filter((edge) => !DEBTS.has(edge))).toEqual([]);
  });

  it('has no cycle between folders of one layer, beyond the listed debts', () => {
    const between = new Map<string, Set<string>>();
    for (const { file, target } of edges) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to || LAYER[from] !== LAYER[to] || DEBTS.has(`${name(file)} -> ${name(target)}`)) continue;
      between.set(from, (between.get(from) ?? new Set()).add(to));
    }
    const cycles = [...between].flatMap(([from, tos]) => [...tos].filter((to) => between.get(to)?.has(from)).map((to) => `${from} <-> ${to}`));
    expect(cycles).toEqual([]);
  });

  it('lists only debts that still exist', () => {
    const present = new Set(edges.map(({ file, target }) => `${name(file)} -> ${name(target)}`));
    expect([...DEBTS].filter((debt) => !present.has(debt))).toEqual([]);
  });
});

/**
 * The module-level variables allowed: a counter that only makes temporary file names unique.
 * (A fact of the running process, the same for every caller, is kept by lazy() in src/lazy.ts.) Anything else a module keeps would be shared by every caller.
 */
const MODULE_VARIABLES = new Set(['store/atomic.ts: written']);

describe('module state', () => {
  it('has no module-level variable beyond the listed process facts', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^(?:export )?(?:let|var) (\w+)/gm)].map((match) => `${name(file)}: ${match[1]}`),
    );
    expect(found.filter((variable) => !MODULE_VARIABLES.has(variable))).toEqual([]);
    expect([...MODULE_VARIABLES].filter((variable) => !found.includes(variable))).toEqual([]);
  });
});
