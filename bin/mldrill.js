#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts.
import module from 'node:module';

// Cache compiled code between runs so scripted invocations start fast (Node >= 22.1; a no-op before).
module.enableCompileCache?.();

// Both at once: the loader reads the files in parallel.
const [{ main }, { nodeIo }] = await Promise.all([import('../dist/main.js'), import('../dist/io.js')]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
