#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts, run here from the bundle that
// `npm run build` makes (dist/bundle/, see scripts/bundle.mjs).

// Cache compiled code between runs so scripted invocations start fast (Node >= 22.1). Node 20
// has no such cache, and loading node:module only to find that out costs it half a millisecond.
if (!process.versions.node.startsWith('20.')) process.getBuiltinModule?.('node:module').enableCompileCache?.();

// Both at once: the loader reads the files in parallel.
const [{ main }, { nodeIo }] = await Promise.all([import('../dist/bundle/main.js'), import('../dist/bundle/io.js')]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
