import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../../main/sync/zoned-time';
import { DAY, SyncFixture, cachedIds, detailsSpec } from './support/sync-fixture';

/** A ceiling far below 100,000 makes the split cheap to reach: a day here holds several times this many. */
const CAP = 300;

describe('the sync query’s pagination ceiling', { timeout: 60_000 }, () => {
  let fx: SyncFixture;
  beforeAll(async () => {
    fx = await SyncFixture.start({
      settings: { perDay: 1500 },
      limits: { detailsPaginationCap: CAP, dataAvailabilityLagMs: 40 * DAY },
    });
  });
  afterAll(() => fx.dispose());

  const day = () => {
    const end = startOfLocalDay('UTC', fx.now()) - DAY;
    return { start: end - DAY, end };
  };
  const capErrors = () =>
    fx.sim.requests.list().filter((request) => request.path.endsWith('/details/query') && request.status === 400);

  it('splits an interval in halves when Genesys answers "Pagination may not exceed…", and gets every row', async () => {
    const cache = fx.openCache('learnt.sqlite');
    const { engine } = await fx.engine(cache);
    const { start, end } = day();
    expect(fx.truthIds(start, end).length).toBeGreaterThan(3 * CAP);
    fx.sim.requests.clear();
    const outcome = await engine.run(detailsSpec(start, end));
    expect(outcome.state).toBe('done');
    expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
    // Learnt once: afterwards every part is split from its totalHits before paging past the ceiling.
    expect(capErrors().length).toBeGreaterThanOrEqual(1);
    expect(capErrors().length).toBeLessThanOrEqual(8);
  });

  it('splits from totalHits alone when it knows the ceiling, without a single refused page', async () => {
    const cache = fx.openCache('known.sqlite');
    const { engine } = await fx.engine(cache, { tunables: { paginationCap: CAP } });
    const { start, end } = day();
    fx.sim.requests.clear();
    const outcome = await engine.run(detailsSpec(start, end));
    expect(outcome.state).toBe('done');
    expect(cachedIds(cache, start, end)).toEqual(fx.truthIds(start, end));
    expect(capErrors()).toEqual([]);
  });
});
