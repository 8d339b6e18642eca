#!/usr/bin/env node
// `npm run build`, second step: bundles tsc's output (dist/) into dist/bundle/, which bin/ runs.
//
// The bundle is CommonJS (dist/bundle/package.json says so, as bin/package.json does for the
// entry): Node's ES module loader is slow to start on Node 20 and reads each module through
// promises, while require() of a bundled file is one synchronous read (docs/ARCHITECTURE.md has
// the figures). mldrill's source stays ES modules; the
// packages that ship only as ES modules (chalk, ora, Inquirer) are loaded with import(), which
// CommonJS keeps, and never by a scripted command.
//
// Node 20 loads modules one file at a time; a command touching some thirty small modules
// spent about a tenth of its run in the loader. So the code every command needs goes into
// two chunks: `start` (what `--version` and error reporting need) and `core` (the command
// table and the scripting commands, see SCRIPTING), with the commands that read the history in
// a third, `history`, which the scripting commands never compile, and the other code that
// reaches no package (the drill, lint's run, config) in `interactive`. The rest, each module that reaches yaml, zod, Inquirer, ts-fsrs, node:crypto and the
// like, stays in chunks loaded only by the commands that use them, so `daily` never loads the
// YAML parser.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import commonjs from '@rollup/plugin-commonjs';
import { rollup } from 'rollup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/** Built-in modules whose require costs next to nothing (Node has loaded them already); any other import keeps a module out of core. */
const CHEAP = new Set(['node:fs', 'node:process', 'node:path', 'node:os', 'node:url', 'node:events']);
/**
 * main.js and what it imports itself, plus io.js: all that `mldrill --version` loads; and what
 * the code cache (code-cache.js, an entry of its own) reads and writes with, which must load
 * before core does.
 */
const START = new Set(['main.js', 'errors.js', 'text.js', 'version.js', 'lazy.js', 'package-root.js', 'io.js', 'read-file.js', 'store/atomic.js', 'file-stamp.js', 'hash.js'].map((name) => path.join(dist, name)));

/**
 * Built-in modules the bundle gets its own way, keyed by the import they replace.
 *
 * commander requires node:child_process, and with it net and dgram, for executable subcommands,
 * which mldrill has none of, on every command. Its one use, spawn, loads it when called
 * (`require` here is the bundle's own, CommonJS).
 */
const SHIMS = {
  // For commander alone (see shimmed below).
  'node:child_process': "export function spawn(...args) {\n  return require('node:child_process').spawn(...args);\n}\nexport default { spawn };\n",
};
const SHIM_PREFIX = '\0mldrill-shim:';
const isShim = (id) => id.startsWith(SHIM_PREFIX);

/** commander, CommonJS, goes into the bundle so that its require of child_process can be deferred. */
const require = createRequire(import.meta.url);
const COMMANDER_ENTRY = require.resolve('commander');
const COMMANDER_DIR = path.dirname(COMMANDER_ENTRY) + path.sep;
/** Whether the import of id from importer gets its shim; mldrill's own code imports child_process as it is. */
const shimmed = (id, importer) => id in SHIMS && (id !== 'node:child_process' || Boolean(importer?.startsWith(COMMANDER_DIR)));

const builtinShims = {
  name: 'mldrill-builtin-shims',
  resolveId: (id, importer) => (id === 'commander' ? COMMANDER_ENTRY : shimmed(id, importer) ? SHIM_PREFIX + id : null),
  load: (id) => (isShim(id) ? SHIMS[id.slice(SHIM_PREFIX.length)] : null),
};

/**
 * The store, the scoring and the history commands' own modules (relative to dist/): those that
 * neither core nor `history` reach go into `report` (lint loads its example grading from there
 * on demand), never into `interactive`. One chunk rather than one per command: Node 20 pays for
 * every file it loads.
 */
const HISTORY = /^(store\/(?!paths\.js|atomic\.js)|score\/|commands\/(history|stats|export|next|grade)\.js$|app\/(read-history|stats-tally)\.js$|ui\/(stats|history|export|next|grade)\.js$|lint\/grade-examples\.js$)/;

/**
 * The AI grader (src/rater/ and what renders and runs it): loaded with `grade --ai` and `drill
 * --ai` alone. Its pure modules reach no package, so without this they would land in core and
 * be compiled by every command; left to rollup, they go into the lazily loaded chunk of the
 * command that imports them.
 */
const AI_GRADER = /^(rater\/|(app|ui)\/ai-grade\.js$)/;

/**
 * Modules of the diagram pad and `mldrill diagram`, and the lint checks of reference diagrams
 * (which need the comparison's word forms): a chunk of their own, loaded by the commands that
 * draw and by validation, never by core (the renderer package loads later still, on the first
 * drawing).
 */
const DIAGRAM = /^(diagram\/|commands\/diagram\.js$|bank\/diagram-check\.js$)/;

/**
 * The commands scripts run, a prompt at a time or every morning (daily, random, list, show, ask
 * for a chat bot, and the completion a shell asks for at every Tab): core holds only what they reach through static
 * imports, with the command table. The drill's screens and engine, lint, config and the other
 * interactive commands reach no package either, and `daily` compiled all of them on every run;
 * they go into `interactive`, loaded by the commands that use them.
 */
const SCRIPTING = ['main.js', 'cli.js', 'commands/daily.js', 'commands/random.js', 'commands/list.js', 'commands/show.js', 'commands/ask.js', 'commands/__complete.js'];
/**
 * The commands that read the history: what `history` and `stats` reach and core does not (the
 * store, the engine that reads checkpoints, the tallies) is their chunk, `history`; what `export`,
 * `next` and `grade` reach besides (the report's renderer, the interviewer, the grader) is
 * `report`. So `history` and `stats` compile neither the drill's screens nor the report.
 */
const HISTORY_COMMANDS = ['commands/history.js', 'commands/stats.js'];
const REPORT_COMMANDS = ['commands/export.js', 'commands/next.js', 'commands/grade.js'];
const reached = new Map();
/** Modules the entries reach through static imports (computed once per list, on the first module placed). */
function reachedFrom(entries, getModuleInfo) {
  if (reached.has(entries)) return reached.get(entries);
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const dep of getModuleInfo(id)?.importedIds ?? []) visit(dep);
  };
  for (const entry of entries) {
    const id = path.join(dist, entry);
    if (!getModuleInfo(id)) throw new Error(`bundle: scripts/bundle.mjs names ${entry}, which is not in the build`);
    visit(id);
  }
  reached.set(entries, seen);
  return seen;
}

const costly = new Map();
/** Whether a module, through its static imports, reaches a package or a costly built-in. */
function isCostly(id, getModuleInfo, seen = new Set()) {
  if (costly.has(id)) return costly.get(id);
  if (seen.has(id)) return false;
  seen.add(id);
  const result = getModuleInfo(id).importedIds.some((dep) => (isShim(dep) ? false : getModuleInfo(dep)?.isExternal ? !CHEAP.has(dep) : isCostly(dep, getModuleInfo, seen)));
  costly.set(id, result);
  return result;
}

/**
 * Every import() of a package (chalk, ora, Inquirer: ES modules only) goes through one function
 * in an entry of its own, `import-package.js`, which Node compiles itself: code that the V8 code
 * cache of src/code-cache.ts compiled cannot import() on Node 20 (V8 knows no loader for it).
 */
const IMPORT_PACKAGE = '\0mldrill-import-package';
const importThroughEntry = {
  name: 'mldrill-import-package',
  resolveId: (id) => (id === IMPORT_PACKAGE ? id : null),
  load: (id) => (id === IMPORT_PACKAGE ? 'export function importPackage(id) {\n  return import(id);\n}\n' : null),
  renderDynamicImport: ({ moduleId, targetChunk }) => (moduleId === IMPORT_PACKAGE || targetChunk ? null : { left: "require('./import-package.js').importPackage(", right: ')' }),
};

const bundle = await rollup({
  input: { main: path.join(dist, 'main.js'), io: path.join(dist, 'io.js'), 'code-cache': path.join(dist, 'code-cache.js'), 'import-package': IMPORT_PACKAGE, 'check-worker': path.join(dist, 'lint', 'check-worker.js') },
  plugins: [builtinShims, importThroughEntry, commonjs({ include: [`${COMMANDER_DIR}**`], requireReturnsDefault: (id) => isShim(id) })],
  // Other packages stay in node_modules, imported where they were.
  external: (id, importer) => id !== 'commander' && !shimmed(id, importer) && !id.startsWith('\0') && (id.startsWith('node:') || (!id.startsWith('.') && !path.isAbsolute(id))),
});
fs.rmSync(outdir, { recursive: true, force: true });
await bundle.write({
  dir: outdir,
  format: 'cjs',
  // Built-in modules are CommonJS and have a default export of their own.
  interop: 'default',
  entryFileNames: '[name].js',
  // The hash covers a chunk's code and the names of the chunks it imports: the bank cache takes
  // its own chunk's name as the stamp of the loader's code, and lint's cache its own (src/code-stamp.ts).
  chunkFileNames: '[name]-[hash].js',
  manualChunks: (id, { getModuleInfo }) => {
    if (START.has(id) || isShim(id)) return 'start';
    if (!(id.startsWith(dist) || id.startsWith(COMMANDER_DIR)) || isCostly(id, getModuleInfo)) return undefined;
    const relative = path.relative(dist, id).split(path.sep).join('/');
    if (AI_GRADER.test(relative)) return undefined;
    if (DIAGRAM.test(relative)) return 'diagram';
    // The leaves (src/*.ts: text, words, time...), which every layer imports, stay in core: in
    // another chunk, one such as words.js (the scoring's, the diagram comparison's) made a cycle.
    if (reachedFrom(SCRIPTING, getModuleInfo).has(id) || !relative.includes('/')) return 'core';
    if (reachedFrom(HISTORY_COMMANDS, getModuleInfo).has(id)) return 'history';
    return HISTORY.test(relative) || reachedFrom(REPORT_COMMANDS, getModuleInfo).has(id) ? 'report' : 'interactive';
  },
});
await bundle.close();
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');

/**
 * A chunk's non-ASCII characters (a `…` in a message, a `–` in a comment) as \u escapes, which
 * mean the same in strings, templates, regular expressions and comments. One such character makes
 * Node decode the whole file as UTF-8 into a two-byte string, slower to read and to compile than
 * an ASCII one. A character escaped already (`\…`) reuses its
 * backslash. Names stay as they are, so the chunk stamps (src/code-stamp.ts) do too.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\0-\x7f])/gu, (_, slashes, char) => {
    const units = Array.from({ length: char.length }, (_, i) => `u${char.charCodeAt(i).toString(16).padStart(4, '0')}`);
    // An odd run of backslashes escapes the character: the last one starts the first \u.
    return slashes.length % 2 === 1 ? `${slashes}${units.join('\\')}` : `${slashes}\\${units.join('\\')}`;
  });
}
for (const name of fs.readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
  const file = path.join(outdir, name);
  const code = fs.readFileSync(file, 'utf8');
  const ascii = asciiOnly(code);
  if (ascii !== code) fs.writeFileSync(file, ascii);
}

// The split pays only while core never imports history itself: a module that core needs,
// moved into history by the pattern above, would load history with every command.
const written = fs.readdirSync(outdir);
const core = fs.readFileSync(path.join(outdir, written.find((name) => name.startsWith('core-'))), 'utf8');
// Every chunk of each name: the `history` command's own chunk is named `history-*` too, and
// checking only the first found once let a static import of the HISTORY chunk through (every
// command then failed to load: core -> history -> diagram -> core, half loaded).
const named = (prefix, where) => written.filter((name) => name.startsWith(prefix)).map((chunk) => [chunk, where]);
for (const [chunk, where] of [...named('history-', 'HISTORY'), ...named('diagram-', 'DIAGRAM'), ...named('interactive-', 'SCRIPTING'), ...named('report-', 'REPORT_COMMANDS')]) {
  if (new RegExp(`^(var \\w+ = )?require\\('\\./${chunk}'\\);`, 'm').test(core)) {
    console.error(`bundle: the core chunk imports ${chunk}; keep the modules core needs out of ${where} in scripts/bundle.mjs`);
    process.exit(1);
  }
}

// start is what every run loads first: a static require of another chunk from it (a module of
// START importing one outside it) makes a cycle that Node warns about on every run.
const startChunk = fs.readFileSync(path.join(outdir, written.find((name) => name.startsWith('start-'))), 'utf8');
const startImports = startChunk.match(/^(?:var \w+ = )?require\('\.\/[\w-]+\.js'\);/gm);
if (startImports) {
  console.error(`bundle: the start chunk imports ${startImports.join(' ')}; add what START's modules import to START in scripts/bundle.mjs`);
  process.exit(1);
}

// The AI grader stays out of what every command (core) and the history commands load.
for (const name of written.filter((file) => /^(core|history|start)-/.test(file))) {
  if (fs.readFileSync(path.join(outdir, name), 'utf8').includes('checklist_verdicts')) {
    console.error(`bundle: ${name} holds the AI grader's code; keep src/rater out of it (AI_GRADER in scripts/bundle.mjs)`);
    process.exit(1);
  }
}
