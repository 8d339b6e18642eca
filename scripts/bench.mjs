#!/usr/bin/env node
// `npm run bench`: whole-process timings of mldrill against baselines, measured in one run on
// this machine. Never run in CI. Each scripts/bench/*.mjs exports a default async function
// (ctx) that measures one area and prints its own lines through ctx.report.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'mldrill.js');
const only = process.argv.slice(2);

/** Runs a command to completion, sampling its peak resident memory (VmHWM) from /proc. */
function runOnce(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', options.stderr ? 'inherit' : 'ignore'] });
    let peakKb = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // gone already
      }
    };
    const timer = setInterval(sample, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 && !options.allowFailure) reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
      else resolve({ ms, peakMb: peakKb / 1024, code });
    });
  });
}

/** Median wall time over runs (after one warm-up), and the highest peak memory seen. */
async function measure(command, args, options = {}) {
  const runs = options.runs ?? 10;
  if (options.warmup !== false) await runOnce(command, args, options);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await runOnce(command, args, options));
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], peakMb: Math.max(...samples.map((sample) => sample.peakMb)) };
}

const ctx = {
  root,
  bin,
  tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-bench-')),
  measure,
  runOnce,
  node: (args, options) => measure(process.execPath, args, options),
  mldrill: (args, options) => measure(process.execPath, [bin, ...args], options),
  report: (line) => console.log(line),
  ratio: (a, b) => `${(a.medianMs / b.medianMs).toFixed(2)}x`,
  ms: (result) => `${result.medianMs.toFixed(0)} ms`,
};

console.log(`mldrill bench on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
const modules = fs.readdirSync(path.join(root, 'scripts', 'bench')).filter((name) => name.endsWith('.mjs')).sort();
async function runModules(names) {
  for (const name of names) {
    if (only.length && !only.some((word) => name.includes(word))) continue;
    console.log(`\n## ${name.replace(/^\d+-|\.mjs$/g, '')}`);
    const { default: bench } = await import(path.join(root, 'scripts', 'bench', name));
    await bench(ctx);
  }
}
await runModules(modules);

// Node 20 reads the whole NODE_EXTRA_CA_CERTS bundle at start-up (Node 22 waits for the first
// TLS connection): on a machine that sets it, every Node 20 process, `node -e ""` included, starts
// some 40 ms later, which flatters every ratio above. The ratios again without it, mldrill
// making no TLS connections:
if (process.env.NODE_EXTRA_CA_CERTS && process.versions.node.startsWith('20.')) {
  console.log(`\n# again without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}; Node 20 loads it at every start)`);
  delete process.env.NODE_EXTRA_CA_CERTS;
  // Fresh caches, so that the first runs are timed as first runs again.
  fs.rmSync(ctx.tmp, { recursive: true, force: true });
  ctx.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-bench-'));
  await runModules(modules.filter((name) => !name.includes('lint')));
}
fs.rmSync(ctx.tmp, { recursive: true, force: true });
