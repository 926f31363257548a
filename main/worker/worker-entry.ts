import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** What `new Worker()` is given to run the core: a file, or (from source) a small bootstrap. */
export interface WorkerEntry {
  script: string | URL;
  options?: Pick<WorkerOptions, 'eval' | 'execArgv'>;
}

export const CORE_WORKER_FILE = 'core-worker.js';

/** The built app: electron-vite emits out/main/core-worker.js next to the main bundle. */
export function builtWorkerEntry(outDir: string): WorkerEntry {
  return { script: join(outDir, CORE_WORKER_FILE) };
}

/**
 * Tests, benchmarks and `tsx` scripts: runs a .ts worker entry from source (by default the real one). tsx 4
 * registers its loader only on the main thread on Node 20, so `execArgv: ['--import', 'tsx']` fails inside a
 * worker with ERR_UNKNOWN_FILE_EXTENSION; instead a one-line bootstrap registers tsx's API in the worker and
 * then imports the entry. It works from CommonJS and ESM evaluation alike (dynamic imports only).
 */
export function sourceWorkerEntry(file: string | URL = new URL('./core-worker.ts', import.meta.url)): WorkerEntry {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = (typeof file === 'string' ? pathToFileURL(file) : file).href;
  const bootstrap = `import(${JSON.stringify(tsx)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { script: bootstrap, options: { eval: true } };
}
