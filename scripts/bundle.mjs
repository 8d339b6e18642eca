#!/usr/bin/env node
// `npm run build`, second step: bundles tsc's output (dist/) into dist/bundle/, which bin/ runs.
// Node 20 loads ES modules one file at a time; a command touching some thirty small modules
// spent about a tenth of its run in the loader. So the code every command needs goes into
// two chunks: `start` (what `--version` and error reporting need) and `core` (the command
// table and every command whose code reaches no package and no costly built-in module). The
// rest, each module that reaches yaml, zod, Inquirer, ts-fsrs, node:crypto and the like, stays
// in chunks loaded only by the commands that use them, so `daily` never loads the YAML parser.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/** Built-in modules whose import costs next to nothing; any other import keeps a module out of core. */
const CHEAP = new Set(['node:fs', 'node:path', 'node:os', 'node:url', 'node:module']);
/** main.js and what it imports itself, plus io.js: all that `mldrill --version` loads. */
const START = new Set(['main.js', 'errors.js', 'text.js', 'version.js', 'package-root.js', 'io.js'].map((name) => path.join(dist, name)));

const costly = new Map();
/** Whether a module, through its static imports, reaches a package or a costly built-in. */
function isCostly(id, getModuleInfo, seen = new Set()) {
  if (costly.has(id)) return costly.get(id);
  if (seen.has(id)) return false;
  seen.add(id);
  const result = getModuleInfo(id).importedIds.some((dep) => (getModuleInfo(dep)?.isExternal ? !CHEAP.has(dep) : isCostly(dep, getModuleInfo, seen)));
  costly.set(id, result);
  return result;
}

const bundle = await rollup({
  input: { main: path.join(dist, 'main.js'), io: path.join(dist, 'io.js'), 'check-worker': path.join(dist, 'lint', 'check-worker.js') },
  // Packages stay in node_modules, imported where they were.
  external: (id) => id.startsWith('node:') || (!id.startsWith('.') && !path.isAbsolute(id)),
  onwarn: (warning, warn) => {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
  },
});
fs.rmSync(outdir, { recursive: true, force: true });
await bundle.write({
  dir: outdir,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  manualChunks: (id, { getModuleInfo }) => (START.has(id) ? 'start' : id.startsWith(dist) && !isCostly(id, getModuleInfo) ? 'core' : undefined),
});
await bundle.close();
