/**
 * The app side of the fault soak, run as its own process (`node --expose-gc --import tsx soak-app.ts <config>`)
 * so its heap and handles are the app's alone, not the simulator's. Each round opens fresh caches through the
 * core's CacheHolder, one Genesys client per connection and one ReportService per cache (as the core does), runs
 * every report of the plan at once, re-runs failed ones as a user would, runs each once more (it must come from
 * the cache), closes everything and reports to the harness. Process-level handlers count what escaped.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CacheHolder } from '../../main/core/cache-holder';
import { ReportService } from '../../main/core/report-service';
import { createGenesysClient, saveClientSecret, type GenesysClient } from '../../main/genesys/client';
import { DEFAULT_RETRY_POLICY, MemorySecretStore } from '../../main/genesys/index';
import type { AppMessage, RunRecord, SoakAppConfig } from './soak-protocol';
import type { SoakCache, SoakRun } from './soak-plan';

const config = JSON.parse(process.argv[2] ?? '{}') as SoakAppConfig;
const now = () => config.baseNow + (Date.now() - config.epoch);

const unhandledRejections: string[] = [];
const uncaughtExceptions: string[] = [];
process.on('unhandledRejection', (reason) => unhandledRejections.push(describe(reason)));
process.on('uncaughtException', (error) => uncaughtExceptions.push(describe(error)));

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function send(message: AppMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) throw new Error('soak-app must be started with an IPC channel');
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function heapAfterGc(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await delay(20);
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const handleCounts = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
};

/** Handles beyond the starting set; keep-alive sockets close on their own within seconds, so wait for them. */
async function extraHandles(baseline: Map<string, number>): Promise<{ extra: string[]; waitedMs: number }> {
  const started = performance.now();
  for (;;) {
    const extra: string[] = [];
    for (const [kind, count] of handleCounts()) {
      for (let i = baseline.get(kind) ?? 0; i < count; i++) extra.push(kind);
    }
    const waitedMs = Math.round(performance.now() - started);
    if (extra.length === 0 || waitedMs > 10_000) return { extra, waitedMs };
    await delay(100);
  }
}

async function connect(connectionId: string): Promise<GenesysClient> {
  const secrets = new MemorySecretStore();
  await saveClientSecret(secrets, connectionId, config.clientSecret);
  return createGenesysClient(
    {
      id: connectionId,
      environment: config.baseUrl,
      auth: { kind: 'client-credentials', clientId: config.clientId },
      requestsPerMinute: config.requestsPerMinute,
    },
    { secrets, retry: { ...DEFAULT_RETRY_POLICY, ...config.retry } },
  );
}

async function runReport(service: ReportService, round: number, cache: string, run: SoakRun): Promise<RunRecord> {
  const started = performance.now();
  const attempt = (suffix: string) =>
    service.run({ requestId: `${run.id}${suffix}`, params: run.params, refresh: false });
  const first = await attempt('');
  let final = first;
  let reruns = 0;
  while (final.state !== 'done' && reruns < 2) final = await attempt(`#rerun-${++reruns}`);
  const again = await attempt('#again');
  const shownRows =
    run.params.report === 'interactions'
      ? service.page(run.params, { filters: [], page: { size: 1 }, count: true }).total
      : null;
  return {
    round,
    cache,
    id: run.id,
    first: first.state,
    firstMessage: first.message,
    reruns,
    final: final.state,
    finalMessage: final.message,
    againFromCache: again.state === 'done' && again.fromCache,
    againRequests: again.requests,
    shownRows,
    seconds: (performance.now() - started) / 1000,
  };
}

async function runRound(round: number): Promise<void> {
  await send({ type: 'round-start', round });
  const dir = join(config.dir, `round-${round}`);
  const logged: string[] = [];
  const clients = new Map<string, GenesysClient>();
  for (const cache of config.plan) {
    for (const id of cache.connections) clients.set(id, await connect(id));
  }
  const holders = config.plan.map((cache: SoakCache) => {
    const holder = new CacheHolder(join(dir, cache.name), { now });
    const service = new ReportService({
      cache: () => holder.get(),
      client: (id) => {
        const client = clients.get(id);
        return client ? Promise.resolve(client) : Promise.reject(new Error(`no client for ${id}`));
      },
      isOnline: () => true,
      now,
      log: (message, error) => logged.push(`${message}: ${describe(error)}`),
    });
    return { cache, holder, service };
  });
  const runs = await Promise.all(
    holders.flatMap(({ cache, service }) => cache.runs.map((run) => runReport(service, round, cache.name, run))),
  );
  for (const { holder } of holders) holder.close();
  for (const client of clients.values()) await client.signOut();
  await send({ type: 'round-done', round, dir, runs, logged });
}

const baselineHandles = handleCounts();
const startMb = await heapAfterGc();
let afterFirstRoundMb = startMb;
for (let round = 1; round <= config.rounds; round++) {
  await runRound(round);
  if (round === 1) afterFirstRoundMb = await heapAfterGc();
}
const endMb = await heapAfterGc();
const handles = await extraHandles(baselineHandles);
await send({
  type: 'done',
  heap: { startMb, afterFirstRoundMb, endMb },
  openHandles: handles.extra,
  handlesSettledMs: handles.waitedMs,
  unhandledRejections,
  uncaughtExceptions,
});
process.disconnect();
