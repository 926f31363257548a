/**
 * The worker thread's entry point (built as out/main/core-worker.js): the whole core runs here, so the Electron
 * main thread never waits on SQLite or JSON parsing. See core-host.ts for the main thread's side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveCore } from './serve-core';

if (!parentPort) throw new Error('core-worker.js runs only as a worker thread (see main/worker/core-host.ts)');
serveCore(parentPort, workerData);
