import { openCache, type Cache } from '../../../main/cache';
import { ReportService } from '../../../main/core/report-service';
import { createGenesysClient, saveClientSecret, type GenesysClient } from '../../../main/genesys/client';
import { systemClock, type Clock } from '../../../main/genesys/http/clock';
import { MemorySecretStore } from '../../../main/genesys/secret-store';

/** The connection id the fast services use for their org. */
export const FAST_CONNECTION = 'org';

/**
 * Genesys's waits, sped up: the real retry policy (6 attempts, 1 s → 30 s backoff, Retry-After honoured, a 10-minute
 * cap) and the real rate governor, with time passing 200 times faster, so a storm that would keep a supervisor
 * waiting a minute and a half ends in half a second. Nothing else is faked.
 */
export const WARP = 200;

function warpedClock(factor: number): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
  };
}

export interface FastService {
  reports: ReportService;
  cache: Cache;
  client: GenesysClient;
}

export interface FastServiceOptions {
  cacheFile: string;
  environment: string;
  clientId: string;
  clientSecret: string;
  /** Stands between the client and the network, for answers the simulator cannot give (a 15-minute Retry-After). */
  fetch?: typeof fetch;
}

/**
 * The core's report service (the same class `reports/run` uses, so `RunResult.message` is what the run screen
 * shows) with its own client, for situations whose retries would take minutes of real time through the core.
 */
export async function fastService(options: FastServiceOptions): Promise<FastService> {
  const secrets = new MemorySecretStore();
  await saveClientSecret(secrets, FAST_CONNECTION, options.clientSecret);
  const client = createGenesysClient(
    {
      id: FAST_CONNECTION,
      environment: options.environment,
      auth: { kind: 'client-credentials', clientId: options.clientId },
      requestsPerMinute: 60_000,
    },
    { secrets, clock: warpedClock(WARP), ...(options.fetch ? { fetch: options.fetch } : {}) },
  );
  const cache = openCache({ file: options.cacheFile });
  const reports = new ReportService({
    cache: () => cache,
    client: () => Promise.resolve(client),
    isOnline: () => true,
  });
  return { reports, cache, client };
}
