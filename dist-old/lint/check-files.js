// Checks many files, on every core when there are enough of them: each thread, this one
// included, takes the next batch of files from a shared counter until none are left, so a
// worker that starts late simply takes fewer. The cross-file checks run afterwards, here.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile } from '../bank/check-file.js';
import { existsOnce } from '../bank/schema-comment.js';
/** Below this many files, starting a worker costs more than it saves (npm run bench measures lint). */
const PARALLEL_FROM = 500;
const MAX_THREADS = 4;
const BATCH = 64;
/** Checks one file, and grades its examples while its data is at hand (the data is not kept: it would be copied between threads). */
function checkOne({ file, shown }, exists, grade) {
    const { value, ...result } = checkFile(file, shown, { exists, keepValue: grade !== undefined });
    const graded = grade && value ? grade({ ...result, value }) : [];
    return graded.length ? { ...result, graded } : result;
}
/** Claims batches from `next` until none are left, handing over each batch's results. */
export function takeBatches(files, next, take, grade) {
    const exists = existsOnce();
    for (let start = Atomics.add(next, 0, BATCH); start < files.length; start = Atomics.add(next, 0, BATCH)) {
        take(start, files.slice(start, start + BATCH).map((file) => checkOne(file, exists, grade)));
    }
}
/** Checks every file; with `rubrics`, grades the examples of the questions too. */
export async function checkFiles(files, rubrics) {
    const threads = Math.min(os.availableParallelism(), MAX_THREADS, Math.ceil(files.length / PARALLEL_FROM));
    // The grader lives with the scoring code: loaded only when there are rubrics to grade with.
    const grade = rubrics && (await import('./grade-examples.js')).graderOf(rubrics);
    // Under the test runner this module is TypeScript source with no built worker beside it.
    if (threads < 2 || import.meta.url.endsWith('.ts')) {
        const exists = existsOnce();
        return files.map((file) => checkOne(file, exists, grade));
    }
    const next = new Int32Array(new SharedArrayBuffer(4));
    const results = new Array(files.length);
    const store = (start, batch) => batch.forEach((result, i) => (results[start + i] = result));
    const workers = Array.from({ length: threads - 1 }, () => new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files, next, rubrics } });
        worker.on('message', (message) => ('done' in message ? resolve() : store(message.start, JSON.parse(message.results))));
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker exited with code ${code}`))));
    }));
    takeBatches(files, next, store, grade);
    await Promise.all(workers);
    return results;
}
