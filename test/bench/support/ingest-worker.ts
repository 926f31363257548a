/**
 * The real core worker plus one benchmark-only operation, 'bench/ingest', which runs `ingestOrg` on the worker
 * thread (generation standing in for the JSON parsing a real run does there too).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../../main/core/core';
import type { Dispatch } from '../../../main/core/dispatcher';
import { serveCore } from '../../../main/worker/serve-core';
import { ingestOrg, type IngestOptions } from './ingest';

if (!parentPort) throw new Error('a worker entry');
serveCore(parentPort, workerData, {
  createCore: (options) => {
    const core = createCore(options);
    const dispatch: Dispatch = async (name, input) => {
      if (name !== 'bench/ingest') return core.dispatch(name, input);
      return { ok: true, value: await ingestOrg(input as IngestOptions) };
    };
    return { ...core, dispatch };
  },
});
