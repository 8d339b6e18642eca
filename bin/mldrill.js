#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts, run here from the bundle that
// `npm run build` makes (dist/bundle/, see scripts/bundle.mjs).
import module from 'node:module';

// Cache compiled code between runs so scripted invocations start fast (Node >= 22.1; a no-op before).
module.enableCompileCache?.();

// Both at once: the loader reads the files in parallel.
const [{ main }, { nodeIo }] = await Promise.all([import('../dist/bundle/main.js'), import('../dist/bundle/io.js')]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
