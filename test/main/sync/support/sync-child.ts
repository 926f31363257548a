/**
 * The sync engine in a child process (run-in-child.ts) against a SyncFixture's simulator, with the fixture's
 * clock, so a test can SIGKILL it mid-run as a crash would.
 */
import { join } from 'node:path';
import type { FetchSpec, SyncTunables } from '../../../../main/sync/index';
import { startTsChild, type TsChild } from '../../../support/ts-child';
import { BASE_NOW, type SyncFixture } from './sync-fixture';

const RUN_IN_CHILD = join(import.meta.dirname, 'run-in-child.ts');

export function startSyncChild(
  fx: SyncFixture,
  file: string,
  spec: FetchSpec,
  tunables: Partial<SyncTunables>,
): TsChild {
  return startTsChild(RUN_IN_CHILD, {
    baseUrl: fx.sim.baseUrl,
    clientId: fx.sim.clientId,
    clientSecret: fx.sim.clientSecret,
    file,
    baseNow: BASE_NOW,
    epoch: fx.epoch,
    spec,
    tunables,
  });
}

/**
 * Kills the child with SIGKILL once it reports `rows` committed rows ("rows N" lines); fails if it finishes first.
 * Resolves with the signal it died of.
 */
export async function killAfterRows(child: TsChild, rows: number): Promise<NodeJS.Signals | null> {
  for await (const line of child.lines) {
    if (line.startsWith('outcome')) throw new Error(`the child finished before it was killed: ${line}`);
    if (Number(/^rows (\d+)$/.exec(line)?.[1] ?? 0) >= rows) break;
  }
  child.process.kill('SIGKILL');
  return (await child.exited).signal;
}
