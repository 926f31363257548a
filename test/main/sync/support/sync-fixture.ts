import { join } from 'node:path';
import type { Models } from 'purecloud-platform-client-v2';
import { openCache, type Cache } from '../../../../main/cache/index';
import { createGenesysClient, saveClientSecret, type GenesysClient } from '../../../../main/genesys/client';
import { systemClock, type Clock } from '../../../../main/genesys/http/clock';
import { MemorySecretStore } from '../../../../main/genesys/secret-store';
import type { SimulatorLimits, SimulatorSettings } from '../../../../main/simulator/model';
import type { SimulatorClient } from '../../../../main/simulator/server/options';
import { startSimulator, type RunningSimulator } from '../../../../main/simulator/server/index';
import { aggregateKeyOf } from '../../../../main/sync/aggregates-plan';
import { createSyncEngine, type FetchSpec, type SyncEngine, type SyncEngineDeps } from '../../../../main/sync/index';
import { makeTempDir } from '../../../support/temp-dir';
import { FAST_RETRY } from '../../genesys/support/http-fixtures';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/** "Now" for the simulated org when a fixture starts: Thursday 2025-03-20 15:00 UTC. It then runs in real time. */
export const BASE_NOW = Date.UTC(2025, 2, 20, 15);
export const CONNECTION = 'sim';

/** Test tunables: quick job polls, no waiting on anything the simulator does not make slow. */
export const FAST_TUNABLES = { jobPollInitialMs: 50, jobPollMaxMs: 200, progressIntervalMs: 20 };

export interface FixtureOptions {
  settings?: Partial<SimulatorSettings>;
  limits?: Partial<SimulatorLimits>;
  clients?: SimulatorClient[];
}

/**
 * A simulator on a free port (its own clock starting at BASE_NOW and moving in real time, shared with the cache
 * and the engine so "recent" and "missing" mean the same to all), plus temp folders for real cache files.
 */
export class SyncFixture {
  readonly dir = makeTempDir('sync');
  private readonly caches: Cache[] = [];
  private constructor(
    readonly sim: RunningSimulator,
    readonly now: () => number,
    /** Date.now() when the simulated clock read BASE_NOW (for a child process to share the clock). */
    readonly epoch: number,
  ) {}

  static async start(options: FixtureOptions = {}): Promise<SyncFixture> {
    const epoch = Date.now();
    const now = () => BASE_NOW + (Date.now() - epoch);
    const sim = await startSimulator({
      settings: {
        seed: 'sync-tests',
        perDay: 200,
        daysBack: 120,
        timeZone: 'America/Chicago',
        ...options.settings,
        now,
      },
      // Pacing is the governor's business: tests that do not measure it run at a high limit.
      limits: { requestsPerMinute: 60_000, jobQueuedMs: 50, jobPendingMs: 100, ...options.limits },
      ...(options.clients ? { clients: options.clients } : {}),
    });
    return new SyncFixture(sim, now, epoch);
  }

  file(name: string): string {
    return join(this.dir.path, name);
  }

  openCache(name = 'cache.sqlite'): Cache {
    const cache = openCache({ file: this.file(name), now: this.now });
    this.caches.push(cache);
    return cache;
  }

  async client(
    credentials = { clientId: this.sim.clientId, clientSecret: this.sim.clientSecret },
    clock?: Clock,
  ): Promise<GenesysClient> {
    const secrets = new MemorySecretStore();
    await saveClientSecret(secrets, CONNECTION, credentials.clientSecret);
    return createGenesysClient(
      {
        id: CONNECTION,
        environment: this.sim.baseUrl,
        auth: { kind: 'client-credentials', clientId: credentials.clientId },
        requestsPerMinute: this.sim.limits.requestsPerMinute,
      },
      { secrets, retry: { ...FAST_RETRY, maxAttempts: 10 }, ...(clock ? { clock } : {}) },
    );
  }

  async engine(
    cache: Cache,
    deps: Partial<SyncEngineDeps> = {},
    client?: GenesysClient,
  ): Promise<{ engine: SyncEngine; client: GenesysClient }> {
    client ??= await this.client();
    const engine = createSyncEngine({
      cache,
      api: client.api,
      stats: client.stats,
      now: this.now,
      limitPerMinute: () => client.http.governor.limitPerMinute,
      ...deps,
      tunables: { ...FAST_TUNABLES, ...deps.tunables },
    });
    return { engine, client };
  }

  /** Conversation ids the simulator has with a start in [start, end): the ground truth. */
  truthIds(start: number, end: number): string[] {
    return [...this.sim.dataset.conversationsBetween(start, end)].map((c) => c.conversationId ?? '').sort();
  }

  /** The data-availability date the simulator reports now. */
  availability(): number {
    return Date.parse(this.sim.engine.dataAvailability().dataAvailabilityDate ?? '');
  }

  async dispose(): Promise<void> {
    for (const cache of this.caches) cache.close();
    await this.sim.close();
    this.dir.remove();
  }
}

/**
 * The client's clock running `factor` times faster than real time: a Retry-After pause of 2 s then takes 2/factor
 * s, so fault tests can inject hundreds of 429s quickly. Only for tests that do not measure pacing.
 */
export function warpedClock(factor: number): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
  };
}

/** Cached conversation ids with a start in [start, end). */
export function cachedIds(cache: Cache, start: number, end: number): string[] {
  const rows = cache.db
    .prepare(
      'SELECT conversation_id AS id FROM conversations WHERE start_ms >= ? AND start_ms < ? ORDER BY conversation_id',
    )
    .all(start, end) as { id: string }[];
  return rows.map((row) => row.id);
}

export function detailsSpec(start: number, end: number, extra: Partial<FetchSpec> = {}): FetchSpec {
  return {
    connectionId: CONNECTION,
    report: 'interactions',
    params: { from: new Date(start).toISOString(), to: new Date(end).toISOString() },
    start,
    end,
    details: true,
    aggregates: [],
    reference: [],
    refresh: false,
    ...extra,
  };
}

export type AggregateQuery = FetchSpec['aggregates'][number];

export const QUEUE_QUERY: AggregateQuery = {
  granularity: 'PT30M',
  timeZone: 'America/Chicago',
  groupBy: ['queueId', 'mediaType'],
  metrics: ['nOffered', 'tAnswered', 'tAbandon', 'tHandle', 'tTalk', 'oServiceLevel'],
};

/** The simulator's own answer for a whole range, as (bucket start, group) → metrics, to compare with the cache. */
export function truthBuckets(sim: RunningSimulator, query: AggregateQuery, start: number, end: number) {
  const response = sim.engine.aggregatesQuery({ ...query, interval: `${iso(start)}/${iso(end)}` });
  return bucketMap(
    (response.results ?? []).flatMap((container) =>
      (container.data ?? []).map((bucket) => ({
        bucketStart: Date.parse((bucket.interval ?? '').split('/')[0] ?? ''),
        group: container.group ?? {},
        metrics: bucket.metrics ?? [],
      })),
    ),
  );
}

export function bucketMap(
  rows: { bucketStart: number; group: Record<string, string>; metrics: Models.AggregateMetricData[] }[],
): Map<string, unknown> {
  const sortedGroup = (group: Record<string, string>) => JSON.stringify(Object.entries(group).sort());
  const metrics = (list: Models.AggregateMetricData[]) =>
    [...list].sort((a, b) => (a.metric ?? '').localeCompare(b.metric ?? '')).map((m) => [m.metric, m.stats]);
  return new Map(rows.map((row) => [`${row.bucketStart} ${sortedGroup(row.group)}`, metrics(row.metrics)]));
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The cached buckets of a query over [start, end), in the same shape as truthBuckets. */
export function cachedBuckets(cache: Cache, query: AggregateQuery, start: number, end: number): Map<string, unknown> {
  return bucketMap(cache.aggregates(CONNECTION, aggregateKeyOf(query), start, end));
}
