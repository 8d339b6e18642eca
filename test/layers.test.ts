// The layer rule of docs/ARCHITECTURE.md: a module imports only from its own folder or from a
// lower layer, and folders of one layer never import each other in a cycle. Type imports count:
// a type from a higher layer still ties the lower one to it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Each folder's layer, lowest first; the files directly in src/ are the leaves, except the top. */
const LAYER: Record<string, number> = {
  leaf: 0,
  bank: 1, store: 1, config: 1, diagram: 1,
  session: 2, select: 2, score: 2, lint: 2, rater: 2, completion: 2,
  ui: 3,
  app: 4,
  commands: 5,
  top: 6,
};
const TOP_FILES = new Set(['main.ts', 'cli.ts', 'code-cache.ts']);

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

/**
 * Every relative module a file names, as an absolute .ts path: imports and re-exports (type-only
 * ones included), `import()` calls and `import('...')` types, in either quote or a plain
 * template. Read with TypeScript's parser, so no spelling of an import escapes a pattern; a
 * module named any other way (a variable, an expression) cannot be checked and is refused.
 */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const named = (node: ts.Node | undefined, what: string) => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push(node.text);
    else throw new Error(`${name(file)}: ${what} names a module the layer check cannot read: ${node?.getText() ?? 'nothing'}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) named(node.moduleSpecifier, 'an import');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) named(node.moduleReference.expression, 'an import');
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) named(node.arguments[0], 'import()');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) named(node.argument.literal, 'an import type');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
}

const name = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const edges = sourceFiles(SRC).flatMap((file) => importsOf(file).map((target) => ({ file, target })));

/** Each cycle of the folder graph once, as `a -> b -> a`, found by a depth-first walk. */
function folderCycles(between: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const done = new Set<string>();
  const trail: string[] = [];
  const cycles: string[] = [];
  const walk = (folder: string): void => {
    trail.push(folder);
    for (const next of between.get(folder) ?? []) {
      if (trail.includes(next)) cycles.push([...trail.slice(trail.indexOf(next)), next].join(' -> '));
      else if (!done.has(next)) walk(next);
    }
    trail.pop();
    done.add(folder);
  };
  for (const folder of between.keys()) if (!done.has(folder)) walk(folder);
  return cycles;
}

describe('the layers', () => {
  it('puts every folder of src/ in a layer, and names no folder that is not there', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((folder) => !(folder in LAYER))).toEqual([]);
    expect(Object.keys(LAYER).filter((folder) => !folders.has(folder))).toEqual([]);
  });

  it('has no module importing a higher layer, beyond the listed debts', () => {
    const upward = edges
      .filter(({ file, target }) => LAYER[folderOf(file)]! < LAYER[folderOf(target)]!)
      .map(({ file, target }) => `${name(file)} -> ${name(target)}`);
    expect(upward.filter((edge) => !DEBTS.has(edge))).toEqual([]);
  });

  it('has no cycle between folders, of any length, beyond the listed debts', () => {
    const between = new Map<string, Set<string>>();
    for (const { file, target } of edges) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to || DEBTS.has(`${name(file)} -> ${name(target)}`)) continue;
      between.set(from, (between.get(from) ?? new Set()).add(to));
    }
    expect(folderCycles(between)).toEqual([]);
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

/**
 * What a module may ask the process itself, outside src/io.ts: facts fixed for the run (its id
 * for unique temporary names, the platform, the path of node for the completion scripts). The
 * environment, the working directory, the streams and exiting are the Io's, so that every
 * caller (a test, another command) can give its own; chdir would move every caller at once.
 */
const PROCESS_FACTS = new Set(['pid', 'platform', 'execPath']);

/**
 * Module-level collections that fill as the program runs, each a memo of a pure answer (the same
 * for every caller, so sharing it can only save time) or keyed by the caller's own object:
 * stems and compiled keywords by their text, date formatters by zone, the code stamp by module,
 * the config read by the run's Io, the findings a syntax error explains by the finding itself.
 * Anything else filled at module level would be state one caller leaves for the next.
 */
const MODULE_MEMOS = new Set([
  'words.ts: STEMS', 'score/keywords.ts: compiled', 'score/suggest.ts: compiledFor', 'score/suggest.ts: orders', 'time.ts: formatters',
  'code-stamp.ts: stamps', 'app/config.ts: loaded', 'bank/validate.ts: artefacts',
  // Keyed by parse trees (weakly): an index of each mapping's entries, so that locating thousands of findings is not quadratic.
  'bank/parse.ts: pairIndex',
]);

describe('module collections', () => {
  it('fills none at module level beyond the listed memos', () => {
    const found = sourceFiles(SRC).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/^(?:export )?const (\w+)(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet|Array)\b|^(?:export )?const (\w+)(?::[^=]+)? = (?:\[\]|\{\});?$/gm)]
        .map((match) => match[1] ?? match[2]!)
        .filter((variable) => new RegExp(`\\b${variable}\\.(?:set|add|delete|clear|push|pop|shift|unshift|splice)\\(|\\b${variable}\\[[^\\]]+\\] =`).test(text))
        .map((variable) => `${name(file)}: ${variable}`);
    });
    expect(found.filter((variable) => !MODULE_MEMOS.has(variable))).toEqual([]);
    expect([...MODULE_MEMOS].filter((variable) => !found.includes(variable))).toEqual([]);
  });
});

describe("the process's own state", () => {
  it('is read through the Io alone: no process.env, cwd, chdir, argv, streams or exit outside src/io.ts', () => {
    const found = sourceFiles(SRC).filter((file) => name(file) !== 'io.ts').flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const uses: string[] = [];
      const visit = (node: ts.Node): void => {
        // `process`, or `globalThis.process`: the expression whose member is asked for.
        const asMember = ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
        const whole = asMember && /^(globalThis|global)$/.test(node.parent.expression.getText()) ? node.parent : node;
        if (ts.isIdentifier(node) && node.text === 'process' && (whole !== node || !asMember)) {
          const member = ts.isPropertyAccessExpression(whole.parent) && whole.parent.expression === whole ? whole.parent.name.text : undefined;
          // `process` as a type (NodeJS.Platform lives elsewhere) or a bare value both count.
          if (!member || !PROCESS_FACTS.has(member)) uses.push(`${name(file)}: process${member ? `.${member}` : ''}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return uses;
    });
    expect(found).toEqual([]);
  });

  it('leaves the commands to the command table: no other module imports one', () => {
    const commands = path.join(SRC, 'commands') + path.sep;
    expect(edges.filter(({ file, target }) => target.startsWith(commands) && name(file) !== 'cli.ts').map(({ file, target }) => `${name(file)} -> ${name(target)}`)).toEqual([]);
  });
});

describe("docs/ARCHITECTURE.md's map of the folders", () => {
  it('names every folder of src/ and every module directly in it', () => {
    const doc = fs.readFileSync(path.join(SRC, '..', 'docs', 'ARCHITECTURE.md'), 'utf8');
    const map = doc.slice(doc.indexOf('## The folders'), doc.indexOf('## One drill'));
    const places = [...new Set(sourceFiles(SRC).map((file) => (folderOf(file) === 'leaf' || folderOf(file) === 'top' ? `src/${name(file)}` : `src/${folderOf(file)}/`)))];
    expect(places.filter((place) => !map.includes(`\`${place}\``))).toEqual([]);
  });
});

/**
 * One helper per idea: each pattern below is that idea written out by hand, allowed only in the
 * module that owns it (and in the listed places not yet moved to it).
 */
const HELPERS: ReadonlyArray<{ idea: string; pattern: RegExp; home: readonly string[] }> = [
  { idea: '"did you mean" (didYouMean)', pattern: /did you mean/i, home: ['text.ts'] },
  // A noun by its count: the branch for many has the s (a verb's agreement, `> 1 ? 'ask' : 'asks'`, is another idea).
  { idea: 'a plural (plural, pluralOf)', pattern: /=== 1 \? '(\w*)' : '\1e?s'|=== 1 \? '' : 'e?s'|(?:!== 1|> 1) \? '(\w*)e?s' : '\2'|(?:!== 1|> 1) \? 'e?s' : ''/, home: ['text.ts'] },
  { idea: 'a code-point comparison (compareText)', pattern: /localeCompare\(|\? -1 : [\w.]+ > [\w.]+ \? 1/, home: ['text.ts'] },
  // A pattern for escape sequences is what a stripper or a measurer of visible width is made of.
  { idea: 'matching escape sequences (stripControl, visibleLength)', pattern: /\\(?:u001b|x1b|033|e)\\\[|\\(?:u001b|x1b|033)\(\?:\\\[/, home: ['text.ts'] },
  { idea: 'reading a byte range (readRange, readFully)', pattern: /\bfs\.readSync\(|\breadSync\(/, home: ['read-file.ts'] },
  { idea: 'an atomic write (writeFileAtomic)', pattern: /\brenameSync\(/, home: ['store/atomic.ts', 'store/lock.ts'] },
  { idea: 'a plan\'s budget (totalBudgetSeconds)', pattern: /sum \+ \w+\.budgetSeconds/, home: ['session/plan.ts'] },
];

/** A module's code without its comments, which may name an idea without writing it. */
function withoutComments(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const ranges: Array<[number, number]> = [];
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) ranges.push([range.pos, range.end]);
    for (const range of ts.getTrailingCommentRanges(text, node.getEnd()) ?? []) ranges.push([range.pos, range.end]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  let code = text;
  for (const [from, to] of [...new Set(ranges.map(String))].map((range) => range.split(',').map(Number) as [number, number]).sort((a, b) => b[0] - a[0])) code = code.slice(0, from) + ' '.repeat(to - from) + code.slice(to);
  return code;
}

describe('one helper per idea', () => {
  it.each(HELPERS)('writes $idea in its home alone', ({ pattern, home }) => {
    const found = sourceFiles(SRC).filter((file) => !home.includes(name(file)) && pattern.test(withoutComments(file))).map(name);
    expect(found).toEqual([]);
  });
});

/** The core and data folders, whose errors carry data and leave the remedy to the commands. */
const CORE = new Set(['bank', 'store', 'config', 'diagram', 'session', 'select', 'score', 'lint', 'rater', 'completion']);

describe('errors below the app', () => {
  it('name no flag, environment variable or command line to run: the commands word the remedy', () => {
    const found = sourceFiles(SRC).filter((file) => CORE.has(folderOf(file))).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const worded: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText())) {
          const text = (node.arguments ?? []).map((argument) => argument.getText()).join(' ');
          if (/(?:^|[\s'"`(])--[a-z]|\bMLDRILL_|\brun '?mldrill\b|'mldrill [a-z]/.test(text)) worded.push(`${name(file)}: ${node.getText().slice(0, 100)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return worded;
    });
    expect(found).toEqual([]);
  });
});
