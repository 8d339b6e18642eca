#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts, run here from the bundle that
// `npm run build` makes (dist/bundle/, see scripts/bundle.mjs). CommonJS, like the bundle
// (bin/package.json): Node's ES module loader would slow every run's start.

// Cache compiled code between runs so scripted invocations start fast. Node >= 22.10 has a
// compile cache of its own. It is written on exit: left to Node's own teardown, after our
// SIGXFSZ handler is gone, a write past `ulimit -f` kills the run; flushed from the 'exit'
// event, it fails quietly. Node 20 (and 22 before 22.10, which cannot flush early) gets
// mldrill's (src/code-cache.ts), in a directory of the user's own under the temporary one, as
// Node's is; NODE_DISABLE_COMPILE_CACHE turns either off.
const nodeModule = require('node:module');
if (nodeModule.enableCompileCache && nodeModule.flushCompileCache) {
  nodeModule.enableCompileCache();
  process.on('exit', () => nodeModule.flushCompileCache());
} else if (process.getuid && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  const path = require('node:path');
  const { cacheCompiledCode } = require('../dist/bundle/code-cache.js');
  const uid = process.getuid();
  const cache = cacheCompiledCode(path.join(__dirname, '..', 'dist', 'bundle'), path.join(require('node:os').tmpdir(), `mldrill-code-cache-${uid}`), uid, process.versions.v8);
  process.on('exit', () => cache.save());
}

const { main, crash } = require('../dist/bundle/main.js');
const { nodeIo } = require('../dist/bundle/io.js');
const io = nodeIo();

// Whatever escapes main (a timer's exception, a promise nobody awaited) ends the run as main's
// own errors do: one line, exit 2, and a terminal left as it was found.
const die = (error) => {
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  } catch {
    // The terminal is gone (EIO after a hang-up): there is nothing left to restore.
  }
  const code = crash(error, io);
  if (!io.exitAfterHangUp()) process.exit(code);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
  io.exitAfterHangUp();
}, die);
