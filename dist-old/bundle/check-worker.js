'use strict';

var node_worker_threads = require('node:worker_threads');
var checkFiles = require('./check-files-CRAs8aWh.js');
require('node:os');
require('./check-file-CKAGQGLi.js');
require('./core-DiuhDYN8.js');
require('node:fs');
require('node:path');
require('./start-DA7aRZP1.js');
require('node:url');
require('node:events');
require('node:process');
require('./fast-parse-DnjREA6l.js');
require('js-yaml');
require('./parse-C60j6b4E.js');
require('yaml');
require('./schema-BGvGW6m0.js');
require('zod');
require('./diagram-lQO3I6ij.js');

// A worker thread of checkFiles: takes batches of files until none are left and posts the results.
const { files, next, rubrics } = node_worker_threads.workerData;
// The grader is imported as the main thread imports it: statically, the bundler would move this
// entry's code into a chunk the main thread loads. A failure ends the worker with an error.
void (rubrics ? Promise.resolve().then(function () { return require('./grade-examples-pawqzrNe.js'); }).then(({ graderOf }) => graderOf(rubrics)) : Promise.resolve(undefined)).then((grade) => {
    checkFiles.takeBatches(files, next, (start, results) => node_worker_threads.parentPort.postMessage({ start, results: JSON.stringify(results) }), grade);
    node_worker_threads.parentPort.postMessage({ done: true });
});
