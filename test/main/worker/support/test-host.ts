import { resolve } from 'node:path';
import { packageIdentity } from '../../../../main/core/app-info';
import { startCoreWorker, type CoreHost, type CoreWorkerOptions } from '../../../../main/worker/core-host';
import { sourceWorkerEntry } from '../../../../main/worker/worker-entry';
import { makeTempDir } from '../../../support/temp-dir';
import { REPO_ROOT } from '../../../support/test-core';

/** The real core worker plus test-only operations (support/test-core-worker.ts), run from source. */
export const TEST_WORKER = sourceWorkerEntry(new URL('./test-core-worker.ts', import.meta.url));

export const IDENTITY = packageIdentity(resolve(REPO_ROOT, 'package.json'), `Node ${process.versions.node} (tests)`);

export interface TestHost {
  host: CoreHost;
  dataDir: string;
  /** What the host and the worker wrote to the log. */
  logs: string[];
  dispose(): Promise<void>;
}

/** A real worker running the real core over a fresh temp data folder. */
export async function startTestHost(options: Partial<CoreWorkerOptions> = {}): Promise<TestHost> {
  const data = makeTempDir('worker');
  const logs: string[] = [];
  const host = await startCoreWorker({
    entry: TEST_WORKER,
    dataDir: data.path,
    identity: IDENTITY,
    log: (message) => logs.push(message),
    ...options,
  });
  return {
    host,
    dataDir: data.path,
    logs,
    dispose: async () => {
      await host.close();
      data.remove();
    },
  };
}
