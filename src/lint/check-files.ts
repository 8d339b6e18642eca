// Checks many files, on every core when there are enough of them: each thread, this one
// included, takes the next batch of files from a shared counter until none are left, so a
// worker that starts late simply takes fewer. The cross-file checks run afterwards, here.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile, type FileResult } from '../bank/check-file.js';
import { existsOnce } from '../bank/schema-comment.js';

export interface FileToCheck {
  /** Absolute. */
  file: string;
  /** As findings name it. */
  shown: string;
}

/** Below this many files, starting a worker costs more than it saves (npm run bench measures lint). */
const PARALLEL_FROM = 500;
const MAX_THREADS = 4;
const BATCH = 64;

/**
 * What a worker posts: the results (as JSON, which V8 copies between threads several times
 * faster than a structured clone of the same objects) of the batch starting at `start`, or
 * that it is done.
 */
export type WorkerMessage = { start: number; results: string } | { done: true };

/** Claims batches from `next` until none are left, handing over each batch's results. */
export function takeBatches(files: readonly FileToCheck[], next: Int32Array, take: (start: number, results: FileResult[]) => void): void {
  const exists = existsOnce();
  for (let start = Atomics.add(next, 0, BATCH); start < files.length; start = Atomics.add(next, 0, BATCH)) {
    take(start, files.slice(start, start + BATCH).map(({ file, shown }) => checkFile(file, shown, { exists })));
  }
}

export async function checkFiles(files: readonly FileToCheck[]): Promise<FileResult[]> {
  const threads = Math.min(os.availableParallelism(), MAX_THREADS, Math.ceil(files.length / PARALLEL_FROM));
  // Under the test runner this module is TypeScript source with no built worker beside it.
  if (threads < 2 || import.meta.url.endsWith('.ts')) {
    const exists = existsOnce();
    return files.map(({ file, shown }) => checkFile(file, shown, { exists }));
  }

  const next = new Int32Array(new SharedArrayBuffer(4));
  const results = new Array<FileResult>(files.length);
  const store = (start: number, batch: FileResult[]) => batch.forEach((result, i) => (results[start + i] = result));
  const workers = Array.from({ length: threads - 1 }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files, next } });
    worker.on('message', (message: WorkerMessage) => ('done' in message ? resolve() : store(message.start, JSON.parse(message.results) as FileResult[])));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker exited with code ${code}`))));
  }));
  takeBatches(files, next, store);
  await Promise.all(workers);
  return results;
}
