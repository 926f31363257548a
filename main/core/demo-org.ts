import { MemorySecretStore, clientSecretKey, createGenesysClient, type GenesysClient } from '../genesys';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { DEMO_CONNECTION_ID } from './connections';

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
    // The simulator's defaults are the Demo organization (fixed seed, 2,000 a day, 400 days, America/Chicago),
    // so every computer and every start shows the same org and numbers.
    const sim = await startSimulator({
      ...(this.options.perDay ? { settings: { perDay: this.options.perDay } } : {}),
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
