// Checks many files, on every core when there are enough of them: each thread, this one
// included, takes the next batch of files from a shared counter until none are left, so a
// worker that starts late simply takes fewer. The cross-file checks run afterwards, here.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile, type FileResult } from '../bank/check-file.js';
import type { Finding } from '../bank/findings.js';
import { existsOnce } from '../bank/schema-comment.js';
import type { Grader, GradingRubrics } from './grade-examples.js';

export interface FileToCheck {
  /** Absolute. */
  file: string;
  /** As findings name it. */
  shown: string;
}

/** Below this many files, starting a worker costs more than it saves (npm run bench measures lint). */
const PARALLEL_FROM = 500;
const MAX_THREADS = 4;
/**
 * A worker's heap. The young generation, where each file's parse lives and dies, is held to what
 * a batch needs: V8's default lets it grow to several times that before collecting. The old
 * generation gets a limit too, far above what a worker keeps or a file of the largest size
 * needs: without one, V8 sizes a worker's heap from the machine's memory and lets the garbage of
 * promoted parses pile up longer. Each lowers the peak memory of a large run (npm run bench
 * measures it), at no cost in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 };
const BATCH = 64;

/** A file's own findings, and those of grading its examples (kept apart: they count only for a question the cross-file checks accept). */
export interface CheckedFile extends FileResult {
  graded?: Finding[];
  /** The schema paths the modeline check asked about, and whether each existed (lint's cache depends on them). */
  asked?: Array<[file: string, exists: boolean]>;
}

/**
 * What a worker posts: the results (as JSON, which V8 copies between threads several times
 * faster than a structured clone of the same objects) of the batch starting at `start`, or
 * that it is done.
 */
export type WorkerMessage = { start: number; results: string } | { done: true };

/** Checks one file, and grades its examples while its data is at hand (the data is not kept: it would be copied between threads). */
function checkOne({ file, shown }: FileToCheck, exists: (file: string) => boolean, grade?: Grader): CheckedFile {
  const asked: Array<[string, boolean]> = [];
  const recorded = (schema: string) => {
    const answer = exists(schema);
    asked.push([schema, answer]);
    return answer;
  };
  const { value, ...result } = checkFile(file, shown, { exists: recorded, keepValue: grade !== undefined });
  const graded = grade && value ? grade({ ...result, value }) : [];
  return { ...result, ...(graded.length ? { graded } : {}), ...(asked.length ? { asked } : {}) };
}

/** Claims batches from `next` until none are left, handing over each batch's results. */
export function takeBatches(files: readonly FileToCheck[], next: Int32Array, take: (start: number, results: CheckedFile[]) => void, grade?: Grader): void {
  const exists = existsOnce();
  for (let start = Atomics.add(next, 0, BATCH); start < files.length; start = Atomics.add(next, 0, BATCH)) {
    take(start, files.slice(start, start + BATCH).map((file) => checkOne(file, exists, grade)));
  }
}

/** Checks every file; with `rubrics`, grades the examples of the questions too. */
export async function checkFiles(files: readonly FileToCheck[], rubrics?: GradingRubrics): Promise<CheckedFile[]> {
  const threads = Math.min(os.availableParallelism(), MAX_THREADS, Math.ceil(files.length / PARALLEL_FROM));
  // The grader lives with the scoring code: loaded only when there are rubrics to grade with.
  const grade = rubrics && (await import('./grade-examples.js')).graderOf(rubrics);
  // Under the test runner this module is TypeScript source with no built worker beside it.
  if (threads < 2 || import.meta.url.endsWith('.ts')) {
    const exists = existsOnce();
    return files.map((file) => checkOne(file, exists, grade));
  }

  const next = new Int32Array(new SharedArrayBuffer(4));
  const results = new Array<CheckedFile>(files.length);
  const store = (start: number, batch: CheckedFile[]) => batch.forEach((result, i) => (results[start + i] = result));
  const workers = Array.from({ length: threads - 1 }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files, next, rubrics }, resourceLimits: WORKER_LIMITS });
    worker.on('message', (message: WorkerMessage) => ('done' in message ? resolve() : store(message.start, JSON.parse(message.results) as CheckedFile[])));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker exited with code ${code}`))));
  }));
  takeBatches(files, next, store, grade);
  await Promise.all(workers);
  return results;
}

