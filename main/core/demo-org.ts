import { MemorySecretStore, clientSecretKey, createGenesysClient, type GenesysClient } from '../genesys';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { DEMO_CONNECTION_ID } from './connections';

/** Fixed so the Demo organization shows the same org and numbers on every computer and every start. */
export const DEMO_SEED = 'reportdesk-demo';
/** Busy enough to feel real, small enough that a month downloads in seconds at the real rate limit. */
export const DEMO_PER_DAY = 2_000;
export const DEMO_DAYS_BACK = 400;
export const DEMO_TIME_ZONE = 'America/Chicago';

export interface DemoOptions {
  fetch?: typeof fetch;
  /** Tests and benchmarks may shrink or grow the org. */
  perDay?: number;
  requestsPerMinute?: number;
}

/**
 * The Demo organization: the Genesys Cloud simulator started in-process on a free loopback port the first time
 * it is needed, and a client-credentials client for it. Its secret is the simulator's own, not a user's, so it
 * stays in memory.
 */
export class DemoOrg {
  private started: Promise<{ sim: RunningSimulator; client: GenesysClient }> | undefined;

  constructor(private readonly options: DemoOptions = {}) {}

  client(): Promise<GenesysClient> {
    this.started ??= this.start();
    return this.started.then((demo) => demo.client);
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    if (started) await (await started).sim.close();
  }

  private async start(): Promise<{ sim: RunningSimulator; client: GenesysClient }> {
    const sim = await startSimulator({
      settings: {
        seed: DEMO_SEED,
        perDay: this.options.perDay ?? DEMO_PER_DAY,
        daysBack: DEMO_DAYS_BACK,
        timeZone: DEMO_TIME_ZONE,
      },
      ...(this.options.requestsPerMinute ? { limits: { requestsPerMinute: this.options.requestsPerMinute } } : {}),
    });
    const secrets = new MemorySecretStore();
    await secrets.set(clientSecretKey(DEMO_CONNECTION_ID), sim.clientSecret);
    const client = createGenesysClient(
      {
        id: DEMO_CONNECTION_ID,
        environment: sim.baseUrl,
        auth: { kind: 'client-credentials', clientId: sim.clientId },
        ...(this.options.requestsPerMinute ? { requestsPerMinute: this.options.requestsPerMinute } : {}),
      },
      { secrets, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) },
    );
    return { sim, client };
  }
}
