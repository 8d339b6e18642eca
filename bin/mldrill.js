#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts, run here from the bundle that
// `npm run build` makes (dist/bundle/, see scripts/bundle.mjs). CommonJS, like the bundle
// (bin/package.json): Node's ES module loader would slow every run's start.

// Cache compiled code between runs so scripted invocations start fast (Node >= 22.10). Node 20
// has no such cache, and loading node:module only to find that out costs it half a millisecond.
// The cache is written on exit: left to Node's own teardown, after our SIGXFSZ handler is gone,
// a write past `ulimit -f` kills the run; flushed from the 'exit' event, it fails quietly.
// Node 22.1-22.9 cannot flush early, so they go without the cache.
if (!process.versions.node.startsWith('20.')) {
  const nodeModule = require('node:module');
  if (nodeModule.flushCompileCache && nodeModule.enableCompileCache) {
    nodeModule.enableCompileCache();
    process.on('exit', () => nodeModule.flushCompileCache());
  }
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
