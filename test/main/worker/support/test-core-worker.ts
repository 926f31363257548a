/**
 * The real core worker plus a few operations only tests can call, answered before the real dispatcher:
 * ways for the worker to die or misbehave, heavy SQLite work, and a heartbeat file that grows for as long as
 * the thread runs. The app's entry (main/worker/core-worker.ts) has none of this.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openCache } from '../../../../main/cache/index';
import { createCore, type CoreOptions } from '../../../../main/core/core';
import type { Dispatch } from '../../../../main/core/dispatcher';
import { serveCore } from '../../../../main/worker/serve-core';
import { generateConversations } from '../../cache/support/conversations';
import { HEARTBEAT_FILE } from './heartbeat';

const testOperations: Record<string, (input: unknown, options: CoreOptions) => Promise<unknown>> = {
  /** An exception on the worker's event loop, as a bug in a timer callback would throw. */
  'test/crash': () => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
    return new Promise(() => undefined);
  },
  'test/exit': () => {
    setTimeout(() => process.exit(3));
    return new Promise(() => undefined);
  },
  'test/hang': () => new Promise(() => undefined),
  /** Stuck in a loop that never returns to the event loop (so never reads "close"), still beating. */
  'test/block': (_input, { dataDir }) => {
    setTimeout(() => {
      const nap = new Int32Array(new SharedArrayBuffer(4));
      for (;;) {
        appendFileSync(join(dataDir, HEARTBEAT_FILE), '.');
        Atomics.wait(nap, 0, 0, 10);
      }
    });
    return Promise.resolve('blocking');
  },
  /** The core's callbacks as a real operation (an export, a sign-in) would use them; 'absent' when not given. */
  'test/choose-export-file': (_input, { chooseExportFile }) =>
    chooseExportFile ? chooseExportFile('Queue performance.xlsx', 'xlsx') : Promise.resolve('absent'),
  'test/open-external': (input, { openExternal }) =>
    openExternal ? openExternal((input as { url: string }).url).then(() => 'opened') : Promise.resolve('absent'),
  'test/forgotten-rejection': () => {
    void Promise.reject(new Error('nobody awaited this'));
    return Promise.resolve('carried on');
  },
  /** Upserts `count` realistic conversations into a cache file in one go, without yielding. */
  'test/ingest': (input, { dataDir }) => {
    const count = (input as { count: number }).count;
    const cache = openCache({ file: join(dataDir, 'ingest.sqlite') });
    try {
      let written = 0;
      for (let done = 0; done < count; done += 1000) {
        const batch = generateConversations({
          seed: done + 1,
          start: Date.UTC(2024, 4, 1) + done * 60_000,
          spanMs: 1000 * 60_000,
          count: Math.min(1000, count - done),
        });
        written += cache.upsertConversations('test', batch).written;
      }
      return Promise.resolve({ written });
    } finally {
      cache.close();
    }
  },
};

if (!parentPort) throw new Error('a worker entry');
serveCore(parentPort, workerData, {
  createCore: (options) => {
    const core = createCore(options);
    // Never cleared: only the end of the thread stops it.
    setInterval(() => appendFileSync(join(options.dataDir, HEARTBEAT_FILE), '.'), 10);
    const dispatch: Dispatch = (name, input) => {
      const operation =
        typeof name === 'string' && Object.hasOwn(testOperations, name) ? testOperations[name] : undefined;
      if (!operation) return core.dispatch(name, input);
      return operation(input, options).then((value) => ({ ok: true, value }));
    };
    return { ...core, dispatch };
  },
});
