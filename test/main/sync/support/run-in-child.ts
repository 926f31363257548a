/**
 * Run as a separate process by resume.integration.test.ts and killed with SIGKILL mid-run: runs the sync engine
 * for a spec against the test's simulator, printing "rows N" after every progress event.
 * Usage: run-in-child <json: { baseUrl, clientId, clientSecret, file, baseNow, epoch, spec, tunables }>
 */
import { openCache } from '../../../../main/cache/index';
import { createGenesysClient, saveClientSecret } from '../../../../main/genesys/client';
import { MemorySecretStore } from '../../../../main/genesys/secret-store';
import { createSyncEngine, type FetchSpec, type SyncTunables } from '../../../../main/sync/index';

interface ChildArgs {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  file: string;
  /** The simulated clock: baseNow at Date.now() === epoch, then real time (the same clock as the test's). */
  baseNow: number;
  epoch: number;
  spec: FetchSpec;
  tunables: Partial<SyncTunables>;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const now = () => args.baseNow + (Date.now() - args.epoch);
const secrets = new MemorySecretStore();
await saveClientSecret(secrets, args.spec.connectionId, args.clientSecret);
const client = createGenesysClient(
  {
    id: args.spec.connectionId,
    environment: args.baseUrl,
    auth: { kind: 'client-credentials', clientId: args.clientId },
  },
  { secrets },
);
const cache = openCache({ file: args.file, now });
const engine = createSyncEngine({ cache, api: client.api, stats: client.stats, now, tunables: args.tunables });
const outcome = await engine.run(args.spec, {
  onProgress: (progress) => process.stdout.write(`rows ${progress.rows}\n`),
});
process.stdout.write(`outcome ${JSON.stringify(outcome)}\n`);
