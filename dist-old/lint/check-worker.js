// A worker thread of checkFiles: takes batches of files until none are left and posts the results.
import { parentPort, workerData } from 'node:worker_threads';
import { takeBatches } from './check-files.js';
const { files, next, rubrics } = workerData;
// The grader is imported as the main thread imports it: statically, the bundler would move this
// entry's code into a chunk the main thread loads. A failure ends the worker with an error.
void (rubrics ? import('./grade-examples.js').then(({ graderOf }) => graderOf(rubrics)) : Promise.resolve(undefined)).then((grade) => {
    takeBatches(files, next, (start, results) => parentPort.postMessage({ start, results: JSON.stringify(results) }), grade);
    parentPort.postMessage({ done: true });
});
