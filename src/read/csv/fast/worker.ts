/** Worker thread of the fast path: scans one byte range of a ledger and posts its exact totals. */
import { parentPort, workerData } from 'node:worker_threads';
import { scanTask, type WorkerTask } from './parallel.js';

parentPort?.postMessage(scanTask(workerData as WorkerTask));
