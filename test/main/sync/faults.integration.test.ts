import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLocal, startOfLocalDay } from '../../../main/sync/zoned-time';
import {
  DAY,
  QUEUE_QUERY,
  SyncFixture,
  cachedBuckets,
  cachedIds,
  detailsSpec,
  truthBuckets,
  warpedClock,
} from './support/sync-fixture';

const ZONE = 'America/Chicago';

describe('sync engine under injected faults', { timeout: 90_000 }, () => {
  let fx: SyncFixture;
  beforeAll(async () => {
    fx = await SyncFixture.start({ settings: { perDay: 400 } });
  });
  afterAll(() => fx.dispose());

  it('ends with exactly the right rows through 10% 429s, 3% 5xx and dropped connections', async () => {
    const cache = fx.openCache();
    // Tiny pages make hundreds of requests, so every kind of fault lands; the client's clock runs 25× faster so
    // the pauses the 429s ask for (1–2 s each) do not make the test slow.
    const client = await fx.client(undefined, warpedClock(25));
    const { engine } = await fx.engine(cache, { tunables: { jobPageSize: 10, detailsPageSize: 10 } }, client);
    const end = startOfLocalDay(ZONE, fx.now());
    const start = addLocal(ZONE, end, 0, -4);
    const query = { ...QUEUE_QUERY, timeZone: ZONE };
    fx.sim.setFaults({ '429': 0.1, '5xx': 0.03, reset: 0.03 });
    let outcome;
    try {
      outcome = await engine.run(
        detailsSpec(start, end, { aggregates: [query], reference: ['queue', 'user', 'wrapupCode', 'division'] }),
      );
    } finally {
      fx.sim.setFaults({});
    }
    expect(outcome).toMatchObject({ state: 'done' });
    expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
    expect(cachedBuckets(cache, query, start, end)).toEqual(truthBuckets(fx.sim, query, start, end));
    expect(cache.referenceItems('sim', 'user')).toHaveLength(fx.sim.dataset.users.length);
    const faults = fx.sim.requests.list().flatMap((request) => request.faults);
    expect(faults).toContain('429');
    expect(faults).toContain('5xx');
    expect(faults).toContain('reset');
    expect(outcome.rateLimited).toBe(faults.filter((fault) => fault === '429').length);
    expect(outcome.retries).toBeGreaterThan(0);
  });

  it('renews a token that expires in the middle of a run', async () => {
    const cache = fx.openCache('token.sqlite');
    const { engine } = await fx.engine(cache, { tunables: { jobPageSize: 100 } });
    const end = startOfLocalDay('UTC', fx.now()) - 2 * DAY;
    const start = end - 3 * DAY;
    fx.sim.requests.clear();
    let expired = false;
    const outcome = await engine.run(detailsSpec(start, end), {
      onProgress: (progress) => {
        if (!expired && progress.rows > 0) {
          expired = true;
          fx.sim.expireAllTokens();
        }
      },
    });
    expect(expired).toBe(true);
    expect(outcome.state).toBe('done');
    expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
    const api = fx.sim.requests.list().filter((request) => request.path.startsWith('/api/'));
    expect(api.filter((request) => request.status === 401).length).toBeGreaterThan(0);
    expect(new Set(api.map((request) => request.tokenId)).size).toBe(2);
  });
});
