// Entry of a parse worker thread (see engine/bucket/parse-pool.ts); not meant to be imported.
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseWorkerData, serveParseJobs } from './engine/bucket/parse-worker-main.js';

if (!parentPort) throw new Error('@wazuh-aws/core/parse-worker runs only as a worker thread');
serveParseJobs(parentPort, workerData as ParseWorkerData);
