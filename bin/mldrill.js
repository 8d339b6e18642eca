#!/usr/bin/env node
// Thin entry point: everything testable lives in src/main.ts.
import module from 'node:module';

// Cache compiled code between runs so scripted invocations start fast (Node >= 22.1; a no-op before).
module.enableCompileCache?.();

const { main } = await import('../dist/main.js');
const { nodeIo } = await import('../dist/io.js');
process.exitCode = await main(process.argv.slice(2), nodeIo());
