// A worker thread of checkFiles: takes batches of files until none are left and posts the results.
import { parentPort, workerData } from 'node:worker_threads';
import { graderFor, takeBatches, type FileToCheck, type WorkerMessage } from './check-files.js';
import type { GradingRubrics } from './grade-examples.js';

const { files, next, rubrics } = workerData as { files: FileToCheck[]; next: Int32Array; rubrics?: GradingRubrics };

async function work(): Promise<void> {
  const grade = rubrics && (await graderFor(rubrics));
  takeBatches(files, next, (start, results) => parentPort!.postMessage({ start, results: JSON.stringify(results) } satisfies WorkerMessage), grade);
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
}

// The bundle is CommonJS (no top-level await); a failure ends the worker with an error the main thread reports.
void work().catch((error: unknown) => {
  throw error;
});
