import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAILS_DATASET, type Cache } from '../../../main/cache/index';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../../../main/simulator/server/index';
import { READ_PERMISSIONS } from '../../../main/simulator/server/options';
import { reportParamsOf, type RunOutcome, type SyncProgress } from '../../../main/sync/index';
import { DEFAULT_TUNABLES } from '../../../main/sync/tunables';
import { addLocal, startOfLocalDay } from '../../../main/sync/zoned-time';
import {
  CONNECTION,
  DAY,
  HOUR,
  QUEUE_QUERY,
  SyncFixture,
  cachedBuckets,
  cachedIds,
  detailsSpec,
  truthBuckets,
  type AggregateQuery,
} from './support/sync-fixture';

const ZONE = 'America/Chicago';
const DAILY_QUERY: AggregateQuery = { ...QUEUE_QUERY, granularity: 'P1D', timeZone: ZONE };
const RESTRICTED = { clientId: 'no-aggregates', clientSecret: 'no-aggregates-secret' };

describe(
  'sync engine against the simulator (jobs before the data-availability date, sync query after)',
  { timeout: 60_000 },
  () => {
    let fx: SyncFixture;
    let cache: Cache;
    beforeAll(async () => {
      fx = await SyncFixture.start({
        // Small per day: 90 days of it stay quick to generate, fetch and check.
        settings: { perDay: 100 },
        clients: [
          {
            clientId: DEFAULT_CLIENT_ID,
            clientSecret: DEFAULT_CLIENT_SECRET,
            name: 'reporting',
            grants: ['client_credentials'],
            redirectUris: [],
            permissions: [...READ_PERMISSIONS],
          },
          {
            ...RESTRICTED,
            name: 'details only',
            grants: ['client_credentials'],
            redirectUris: [],
            permissions: READ_PERMISSIONS.filter((p) => p !== 'analytics:conversationAggregate:view'),
          },
        ],
      });
      cache = fx.openCache();
    });
    afterAll(() => fx.dispose());

    it('fetches one hour of today (sync query) with exactly the simulator’s conversations', async () => {
      const { engine } = await fx.engine(cache);
      // 08:00–09:00 in Chicago, the org's zone: a busy hour, ending an hour before "now".
      const start = startOfLocalDay('UTC', fx.now()) + 13 * HOUR;
      const spec = detailsSpec(start, start + HOUR);
      const outcome = await engine.run(spec);
      expect(outcome).toMatchObject({ state: 'done', fromCache: false });
      const truth = fx.truthIds(start, start + HOUR);
      expect(truth.length).toBeGreaterThan(0);
      expect(cachedIds(cache, start, start + HOUR)).toEqual(truth);
      expect(cache.run(outcome.runId ?? '')?.chunks.map((chunk) => chunk.kind)).toEqual(['details-sync']);
    });

    it('fetches 90 days (jobs, then the sync query) with every conversation, aggregate bucket and name', async () => {
      const { engine, client } = await fx.engine(cache);
      const end = startOfLocalDay(ZONE, fx.now());
      const start = addLocal(ZONE, end, 0, -90);
      const spec = detailsSpec(start, end, {
        aggregates: [DAILY_QUERY],
        reference: ['queue', 'user', 'wrapupCode', 'division'],
        timeZone: ZONE,
      });
      const events: SyncProgress[] = [];
      fx.sim.requests.clear();
      const outcome = await engine.run(spec, { onProgress: (event) => events.push(event) });

      expect(outcome).toMatchObject({ state: 'done', fromCache: false, rateLimited: 0 });
      expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
      expect(cachedBuckets(cache, DAILY_QUERY, start, end)).toEqual(truthBuckets(fx.sim, DAILY_QUERY, start, end));
      // Deleted users are listed too (state=any), so old conversations keep their agent's name.
      const users = cache.referenceItems(CONNECTION, 'user');
      expect(users.map((user) => user.id).sort()).toEqual(fx.sim.dataset.users.map((user) => user.id).sort());
      expect(users.some((user) => user.state === 'deleted')).toBe(true);
      expect(cache.referenceItems(CONNECTION, 'queue')).toHaveLength(fx.sim.dataset.queues.length);

      // The part older than the data-availability date (less the tail kept for still-open conversations) came
      // from jobs, which were deleted once read; the rest from the sync query.
      const run = cache.run(outcome.runId ?? '')!;
      expect(reportParamsOf(run)).toEqual(spec.params);
      const jobsBefore = fx.availability() - DEFAULT_TUNABLES.jobTailMs;
      const jobChunks = run.chunks.filter((chunk) => chunk.kind === 'details-job');
      const syncChunks = run.chunks.filter((chunk) => chunk.kind === 'details-sync');
      expect(jobChunks.length).toBeGreaterThan(10);
      expect(jobChunks.every((chunk) => (chunk.end ?? 0) <= jobsBefore)).toBe(true);
      expect(syncChunks.length).toBeGreaterThan(0);
      expect(syncChunks.every((chunk) => (chunk.start ?? 0) >= jobsBefore - HOUR)).toBe(true);
      const requests = fx.sim.requests.list().filter((request) => request.path.startsWith('/api/'));
      const count = (method: string, pattern: RegExp) =>
        requests.filter((r) => r.method === method && pattern.test(r.path)).length;
      expect(count('POST', /\/details\/jobs$/)).toBe(jobChunks.length);
      expect(count('DELETE', /\/details\/jobs\/[^/]+$/)).toBe(jobChunks.length);
      expect(count('POST', /\/details\/query$/)).toBeGreaterThanOrEqual(syncChunks.length);
      expect(outcome.requests).toBe(requests.length);
      expect(outcome.requests).toBe(client.stats.snapshot().requests);

      const last = events[events.length - 1]!;
      expect(last).toMatchObject({
        runId: outcome.runId,
        chunksDone: run.chunksTotal,
        chunksTotal: run.chunksTotal,
        rows: outcome.rows,
        requests: outcome.requests,
        rateLimited: 0,
        etaSeconds: 0,
      });
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.chunksDone).toBeGreaterThanOrEqual(events[i - 1]!.chunksDone);
        expect(events[i]!.rows).toBeGreaterThanOrEqual(events[i - 1]!.rows);
      }
    });

    it('answers a covered range from the cache without a single request, also offline', async () => {
      const { engine } = await fx.engine(cache);
      const end = startOfLocalDay(ZONE, fx.now());
      const spec = detailsSpec(addLocal(ZONE, end, 0, -30), end, { aggregates: [DAILY_QUERY], reference: ['queue'] });
      fx.sim.requests.clear();
      expect(await engine.run(spec)).toMatchObject({ state: 'done', fromCache: true, requests: 0, runId: null });
      expect(await engine.run(spec, { offline: true })).toMatchObject({ state: 'done', fromCache: true, requests: 0 });
      expect(fx.sim.requests.list()).toEqual([]);
    });

    it('offline, says which days are missing and fetches nothing', async () => {
      const { engine } = await fx.engine(cache);
      const covered = startOfLocalDay(ZONE, fx.now());
      const from = addLocal(ZONE, covered, 0, -93);
      const spec = detailsSpec(from, addLocal(ZONE, from, 0, 5), { timeZone: ZONE });
      fx.sim.requests.clear();
      const outcome: RunOutcome = await engine.run(spec, { offline: true });
      expect(outcome).toMatchObject({ state: 'failed', fromCache: false, requests: 0, runId: null });
      expect(outcome.missing).toEqual([{ dataset: DETAILS_DATASET, start: from, end: addLocal(ZONE, from, 0, 3) }]);
      const days = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric' }).format(ms);
      expect(outcome.errorMessage).toBe(
        `Not in the cache: ${days(from)}–${days(addLocal(ZONE, from, 0, 2))} December 2024. ` +
          'Connect to the internet and run it again.',
      );
      expect(fx.sim.requests.list()).toEqual([]);
    });

    it('on refresh fetches the last 72 hours again, and nothing older', async () => {
      const { engine } = await fx.engine(cache);
      const end = startOfLocalDay(ZONE, fx.now());
      const start = addLocal(ZONE, end, 0, -20);
      const spec = detailsSpec(start, end, { aggregates: [DAILY_QUERY], refresh: true });
      const plan = await engine.plan(spec);
      const recentFrom = fx.now() - 72 * HOUR;
      expect(plan.chunks.length).toBeGreaterThan(0);
      for (const chunk of plan.chunks) {
        // Aggregates are widened to whole days of the report's zone.
        expect(chunk.start ?? 0).toBeGreaterThanOrEqual(recentFrom - DAY);
      }
      const outcome = await engine.run(spec);
      expect(outcome).toMatchObject({ state: 'done', fromCache: false });
      expect(outcome.requests).toBeGreaterThan(0);
      expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
      expect(cachedBuckets(cache, DAILY_QUERY, start, end)).toEqual(truthBuckets(fx.sim, DAILY_QUERY, start, end));
    });

    it('fails in plain words when Genesys refuses a part, stops the other chunks and keeps what it has', async () => {
      const other = fx.openCache('restricted.sqlite');
      const { engine } = await fx.engine(other, {}, await fx.client(RESTRICTED));
      const end = startOfLocalDay(ZONE, fx.now()) - 10 * DAY;
      const spec = detailsSpec(end - 20 * DAY, end, { aggregates: [DAILY_QUERY] });
      const outcome = await engine.run(spec);
      expect(outcome.state).toBe('failed');
      expect(outcome.errorMessage).toMatch(
        /^Your Genesys Cloud account is missing the permission this needs: analytics:conversationAggregate:view\./,
      );
      const run = other.run(outcome.runId ?? '')!;
      expect(run.state).toBe('failed');
      expect(run.errorMessage).toBe(outcome.errorMessage);
      expect(run.chunks.find((chunk) => chunk.state === 'failed')?.kind).toBe('aggregates');
      expect(run.chunksDone).toBeLessThan(run.chunksTotal);
      expect(other.resumableRuns()).toEqual([]);
    });
  },
);

describe('sync engine when the data lake lags far behind (sync query only)', { timeout: 60_000 }, () => {
  let fx: SyncFixture;
  beforeAll(async () => {
    fx = await SyncFixture.start({ settings: { perDay: 500 }, limits: { dataAvailabilityLagMs: 40 * DAY } });
  });
  afterAll(() => fx.dispose());

  it('pages three days with the sync query only, pages in parallel, exactly the simulator’s rows', async () => {
    const cache = fx.openCache();
    const { engine } = await fx.engine(cache);
    const end = startOfLocalDay('UTC', fx.now());
    const start = end - 3 * DAY;
    fx.sim.requests.clear();
    const outcome = await engine.run(detailsSpec(start, end));
    expect(outcome.state).toBe('done');
    expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
    const paths = fx.sim.requests.list().map((request) => request.path);
    expect(paths.filter((path) => path.includes('/details/jobs')).length).toBe(1); // the availability check only
    expect(paths.filter((path) => path.endsWith('/details/query')).length).toBeGreaterThanOrEqual(
      Math.ceil(fx.truthIds(start, end).length / DEFAULT_TUNABLES.detailsPageSize),
    );
  });
});
