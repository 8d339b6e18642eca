// A worker thread of checkFiles: takes batches of files until none are left and posts the results.
import { parentPort, workerData } from 'node:worker_threads';
import { takeBatches, type FileToCheck, type WorkerMessage } from './check-files.js';

const { files, next } = workerData as { files: FileToCheck[]; next: Int32Array };
takeBatches(files, next, (start, results) => parentPort!.postMessage({ start, results: JSON.stringify(results) } satisfies WorkerMessage));
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
