/**
 * Sync engine against the simulator at its default 300 requests/min (issue 4, item 8 a–c). The simulator runs in
 * a child process, as Genesys would be another machine: its CPU (generating 20,000 conversations a day) never
 * stalls the engine's event loop or SQLite writes, and vice versa.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { openCache, type Cache } from '../../../main/cache/index';
import { createGenesysClient, saveClientSecret, type GenesysClient } from '../../../main/genesys/client';
import { MemorySecretStore } from '../../../main/genesys/secret-store';
import type { SimulatorLimits, SimulatorSettings } from '../../../main/simulator/model';
import { createSyncEngine, type FetchSpec, type RunOutcome, type SyncTunables } from '../../../main/sync/index';
import { makeTempDir } from '../../support/temp-dir';
import type { BenchSection } from '../report';

const DAY = 86_400_000;
/** The load; SYNC_BENCH_PER_DAY shrinks it for a quick check of the suite itself. */
const PER_DAY = Number(process.env.SYNC_BENCH_PER_DAY) > 0 ? Number(process.env.SYNC_BENCH_PER_DAY) : 20_000;
const LIMIT = 300;
const root = join(import.meta.dirname, '..', '..', '..');

interface SimHandle {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** `startSimulator` in a child Node process (with tsx), at the default rate limit unless told otherwise. */
async function startSimulatorProcess(
  settings: Partial<SimulatorSettings>,
  limits: Partial<SimulatorLimits>,
): Promise<SimHandle> {
  const entry = pathToFileURL(join(root, 'main/simulator/server/index.ts')).href;
  const generator = pathToFileURL(join(root, 'main/simulator/generator/index.ts')).href;
  // The dataset's day cache is raised from 60,000 to 200,000 conversations: at 20,000 a day, a live two-day
  // query (which looks a day further back) would otherwise evict and regenerate days on every rebuild, and the
  // benchmark would measure the simulator's generator instead of the engine.
  const code = `
    const { startSimulator } = await import(${JSON.stringify(entry)});
    const { createOrgDataset } = await import(${JSON.stringify(generator)});
    const options = JSON.parse(process.argv[1]);
    const dataset = createOrgDataset({ seed: 'reportdesk-demo', timeZone: 'America/Chicago', now: Date.now, ...options.settings }, { days: 60, conversations: 200000 });
    const sim = await startSimulator({ ...options, dataset });
    console.log(JSON.stringify({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }));
    process.on('SIGTERM', () => sim.close().then(() => process.exit(0)));
    // Gone with the benchmark, however it ends.
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-old-space-size=6144',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      code,
      JSON.stringify({ settings, limits }),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    const started = JSON.parse(line) as Omit<SimHandle, 'stop'>;
    return {
      ...started,
      stop: () =>
        new Promise((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw new Error('the simulator process ended before it started listening');
}

async function clientFor(sim: SimHandle): Promise<GenesysClient> {
  const secrets = new MemorySecretStore();
  await saveClientSecret(secrets, 'bench', sim.clientSecret);
  return createGenesysClient(
    { id: 'bench', environment: sim.baseUrl, auth: { kind: 'client-credentials', clientId: sim.clientId } },
    { secrets },
  );
}

const spec = (start: number, end: number): FetchSpec => ({
  connectionId: 'bench',
  report: 'interactions',
  params: {},
  start,
  end,
  details: true,
  aggregates: [],
  reference: [],
  refresh: false,
});

/** One engine run into a fresh cache file, with a client of its own (fresh token, fresh counters). */
async function engineRun(
  sim: SimHandle,
  dir: string,
  name: string,
  range: { start: number; end: number },
  tunables: Partial<SyncTunables> = {},
): Promise<{ outcome: RunOutcome; stored: number }> {
  const cache: Cache = openCache({ file: join(dir, `${name}.sqlite`) });
  try {
    const client = await clientFor(sim);
    await client.signIn(); // the token request is not an API request; keep it out of the timing
    const engine = createSyncEngine({ cache, api: client.api, stats: client.stats, tunables });
    const outcome = await engine.run(spec(range.start, range.end), {
      onProgress: (p) =>
        process.stdout.write(
          `\r  ${name}: ${p.chunksDone}/${p.chunksTotal} chunks, ${p.rows} rows, ${p.requests} requests, ETA ${p.etaSeconds ?? '?'} s   `,
        ),
    });
    process.stdout.write('\n');
    if (outcome.state !== 'done') throw new Error(`${name}: run ${outcome.state}: ${outcome.errorMessage ?? ''}`);
    const stored = (
      cache.db
        .prepare('SELECT count(*) AS n FROM conversations WHERE start_ms >= ? AND start_ms < ?')
        .get(range.start, range.end) as {
        n: number;
      }
    ).n;
    return { outcome, stored };
  } finally {
    cache.close();
  }
}

/**
 * Has the simulator generate the days of `range` before a timed run (one one-row query, on a token of its own so
 * it does not count against the run's rate window). Genesys has its data ready; the simulator builds it on first
 * use, which for 20,000 conversations a day takes seconds the engine would otherwise be timed for.
 */
async function warm(sim: SimHandle, range: { start: number; end: number }): Promise<void> {
  const client = await clientFor(sim);
  const interval = `${new Date(range.start).toISOString()}/${new Date(range.end).toISOString()}`;
  await client.api.queryConversationDetails({ interval, paging: { pageSize: 1, pageNumber: 1 } });
}

/** The tutorials' way: one sync-query page of 100 after another, with a 1 s pause between pages. Fetch only. */
async function sequentialBaseline(
  sim: SimHandle,
  range: { start: number; end: number },
): Promise<{ seconds: number; conversations: number; pages: number }> {
  const client = await clientFor(sim);
  await client.signIn();
  const interval = `${new Date(range.start).toISOString()}/${new Date(range.end).toISOString()}`;
  const started = performance.now();
  let conversations = 0;
  let pages = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    const page = await client.api.queryConversationDetails({ interval, paging: { pageSize: 100, pageNumber } });
    pages++;
    conversations += page.conversations?.length ?? 0;
    process.stdout.write(`\r  baseline: page ${pageNumber}, ${conversations} conversations   `);
    if (!page.conversations?.length || pageNumber * 100 >= (page.totalHits ?? 0)) break;
  }
  process.stdout.write('\n');
  return { seconds: (performance.now() - started) / 1000, conversations, pages };
}

const percent = (value: number): number => Math.round(value * 1000) / 10;
/** Seconds `requests` take at the rate governor's pace (95 % of the limit), whatever the concurrency. */
const floorSeconds = (requests: number): number => requests / ((LIMIT * 0.95) / 60);

export default async function syncBench(): Promise<BenchSection[]> {
  const dir = makeTempDir('sync-bench');
  const sections: BenchSection[] = [];
  const today = Math.floor(Date.now() / DAY) * DAY;
  try {
    // (a) and (c): default data-availability lag (6 h): everything two days old or more is in the data lake.
    const lake = await startSimulatorProcess({ perDay: PER_DAY, daysBack: 60 }, {});
    try {
      const month = { start: today - 32 * DAY, end: today - 2 * DAY };
      const a = await engineRun(lake, dir.path, 'month', month);
      sections.push({
        title: 'Sync: a month older than the data-availability date (async jobs)',
        method:
          `30 UTC days (${new Date(month.start).toISOString().slice(0, 10)} – ${new Date(month.end - 1).toISOString().slice(0, 10)}), ` +
          `simulator at ~${PER_DAY.toLocaleString('en-US')} conversations/day and ${LIMIT} requests/min, in a child process ` +
          '(its day cache raised to 200,000 conversations). Default engine settings: jobs of at most 7 days balanced over ' +
          '4 workers (8 jobs), results pages of 1000, written to a fresh SQLite cache. Time from run() to the outcome ' +
          '(plan, jobs, paging, ingest). The rate-limit floor is the time the requests alone need at 95 % of the limit; ' +
          'above it, the run is CPU-bound (parsing and storing ~4 MB pages, and the simulator generating them).',
        measurements: [
          { name: 'total time', value: a.outcome.seconds, unit: 's' },
          { name: 'conversations stored', value: a.stored, unit: 'conversations' },
          { name: 'throughput', value: a.stored / a.outcome.seconds, unit: 'conversations/s' },
          { name: 'requests', value: a.outcome.requests, unit: 'requests' },
          { name: 'requests answered 429', value: a.outcome.rateLimited, unit: 'requests' },
          { name: 'rate-limit floor for these requests', value: floorSeconds(a.outcome.requests), unit: 's' },
          { name: 'machine load average (1 min) at the end', value: loadavg()[0] ?? 0, unit: '' },
        ],
      });

      // (c) one day, older than the data-availability date: the engine against the tutorials' sequential loop.
      const day = { start: today - 3 * DAY, end: today - 2 * DAY };
      await warm(lake, day);
      const jobs = await engineRun(lake, dir.path, 'day-jobs', day);
      const syncOnly = await engineRun(lake, dir.path, 'day-sync', day, { useJobs: false });
      const baseline = await sequentialBaseline(lake, day);
      const baselineRef = {
        name: `sequential, 100/page + 1 s pause (${baseline.pages} pages, fetch only)`,
        value: baseline.seconds,
      };
      sections.push({
        title: 'Sync: one day vs the sequential sync-query loop of the tutorials',
        method:
          `One UTC day (${new Date(day.start).toISOString().slice(0, 10)}, ${baseline.conversations.toLocaleString('en-US')} conversations), same simulator. ` +
          'Baseline: the sync details query paged one page of 100 after another with a 1 s pause, results only kept in memory. ' +
          'The simulator generates the day before the timed runs (Genesys has its data ready). ' +
          'The engine as it runs by default (the day is older than the data-availability date, so one async job) and, for ' +
          'context, forced to the sync query: at 300 requests/min the sync query alone cannot be more than ~5× the ' +
          'baseline (5 pages/s against ~1), whatever the concurrency.',
        measurements: [
          { name: 'engine (default: async job)', value: jobs.outcome.seconds, unit: 's', baseline: baselineRef },
          {
            name: 'speed-up over the sequential baseline',
            value: baseline.seconds / jobs.outcome.seconds,
            unit: '×',
            target: '≥ 10×',
            met: baseline.seconds / jobs.outcome.seconds >= 10,
          },
          {
            name: 'engine forced to the sync query',
            value: syncOnly.outcome.seconds,
            unit: 's',
            baseline: baselineRef,
          },
          {
            name: 'speed-up, sync query only (context)',
            value: baseline.seconds / syncOnly.outcome.seconds,
            unit: '×',
          },
          { name: 'conversations stored by the engine (job)', value: jobs.stored, unit: 'conversations' },
          { name: 'conversations stored by the engine (sync query)', value: syncOnly.stored, unit: 'conversations' },
          { name: 'machine load average (1 min) at the end', value: loadavg()[0] ?? 0, unit: '' },
        ],
      });
    } finally {
      await lake.stop();
    }

    // (b) the last two days with the sync query: the data lake is made to lag three days behind.
    const recent = await startSimulatorProcess({ perDay: PER_DAY, daysBack: 10 }, { dataAvailabilityLagMs: 3 * DAY });
    try {
      const now = Date.now();
      await warm(recent, { start: now - 2 * DAY, end: now });
      const b = await engineRun(recent, dir.path, 'last-2-days', { start: now - 2 * DAY, end: now });
      const perMinute = b.outcome.requests / (b.outcome.seconds / 60);
      const share429 = b.outcome.requests === 0 ? 0 : b.outcome.rateLimited / b.outcome.requests;
      sections.push({
        title: 'Sync: the last 2 days with the sync query (rate-limit use)',
        method:
          `The 48 hours up to now, ~${PER_DAY.toLocaleString('en-US')} conversations/day, simulator at ${LIMIT} requests/min ` +
          '(sliding 60 s window) with the data lake lagging 3 days, so every page is a sync-query page of 100. The simulator ' +
          'generates the days once before the timed run (Genesys has its data ready; building 60,000 conversations takes ' +
          'the simulator seconds). Requests/min = ' +
          'all API requests of the run ÷ its duration (plan and availability check included); the rate governor aims at 95 %.',
        measurements: [
          {
            name: 'requests/min achieved, share of the limit',
            value: percent(perMinute / LIMIT),
            unit: '%',
            target: '≥ 90 %',
            met: perMinute / LIMIT >= 0.9,
          },
          { name: 'requests answered 429', value: percent(share429), unit: '%', target: '< 1 %', met: share429 < 0.01 },
          { name: 'requests', value: b.outcome.requests, unit: 'requests' },
          { name: 'duration', value: b.outcome.seconds, unit: 's' },
          { name: 'conversations stored', value: b.stored, unit: 'conversations' },
          { name: 'machine load average (1 min) at the end', value: loadavg()[0] ?? 0, unit: '' },
        ],
      });
    } finally {
      await recent.stop();
    }
  } finally {
    dir.remove();
  }
  return sections;
}
