import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateQueryKey, aggregatesDataset, CacheError, type Cache } from '../../../main/cache/index';
import { CacheFixture, DAY, HOUR } from './support/cache-fixture';

const MAY_1 = Date.UTC(2024, 4, 1);
const iso = (ms: number): string => new Date(ms).toISOString();
const bucket = (start: number, offered: number): Models.StatisticalResponse => ({
  interval: `${iso(start)}/${iso(start + HOUR)}`,
  metrics: [{ metric: 'nOffered', stats: { count: offered } }],
});
const query: Models.ConversationAggregationQuery = {
  interval: `${iso(MAY_1)}/${iso(MAY_1 + DAY)}`,
  granularity: 'PT1H',
  timeZone: 'Europe/Berlin',
  groupBy: ['queueId'],
  metrics: ['nOffered', 'tAnswered'],
};

describe('aggregate results in the cache', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeEach(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
  });
  afterEach(() => fixture.dispose());

  it('keys a query by what it asks, not by its dates or key order', () => {
    const key = aggregateQueryKey(query);
    expect(aggregateQueryKey({ ...query, interval: `${iso(MAY_1 + DAY)}/${iso(MAY_1 + 2 * DAY)}` })).toBe(key);
    expect(
      aggregateQueryKey({
        metrics: ['nOffered', 'tAnswered'],
        groupBy: ['queueId'],
        timeZone: 'Europe/Berlin',
        granularity: 'PT1H',
        interval: 'x',
      }),
    ).toBe(key);
    expect(aggregateQueryKey({ ...query, granularity: 'PT30M' })).not.toBe(key);
    expect(aggregateQueryKey({ ...query, metrics: ['tAnswered', 'nOffered'] })).not.toBe(key); // order is meaningful
  });

  it('returns the buckets of an interval per group, and records the interval as covered', () => {
    const key = aggregateQueryKey(query);
    const results: Models.ConversationAggregateDataContainer[] = [
      { group: { queueId: 'q-sales', mediaType: 'voice' }, data: [bucket(MAY_1, 5), bucket(MAY_1 + HOUR, 7)] },
      { group: { queueId: 'q-billing' }, data: [bucket(MAY_1, 2)] },
    ];
    expect(
      cache.putAggregates('demo', key, { start: MAY_1, end: MAY_1 + DAY }, results, { fetchedAt: MAY_1 + 2 * DAY }),
    ).toBe(3);
    const rows = cache.aggregates('demo', key, MAY_1, MAY_1 + DAY);
    expect(rows.map((row) => [row.bucketStart, row.group.queueId, row.metrics[0]?.stats?.count])).toEqual([
      [MAY_1, 'q-sales', 5],
      [MAY_1, 'q-billing', 2],
      [MAY_1 + HOUR, 'q-sales', 7],
    ]);
    expect(rows[0]?.group).toEqual({ queueId: 'q-sales', mediaType: 'voice' });
    expect(rows[0]).toMatchObject({ bucketEnd: MAY_1 + HOUR, fetchedAt: MAY_1 + 2 * DAY, views: [] });
    expect(cache.coverage('demo', aggregatesDataset(key), MAY_1, MAY_1 + DAY)).toEqual([
      { start: MAY_1, end: MAY_1 + DAY, fetchedAt: MAY_1 + 2 * DAY },
    ]);
    expect(cache.aggregates('org-other', key, MAY_1, MAY_1 + DAY)).toEqual([]);
  });

  it('drops buckets that a re-fetch no longer returns (empty buckets are omitted by the API)', () => {
    const key = aggregateQueryKey(query);
    cache.putAggregates('demo', key, { start: MAY_1, end: MAY_1 + DAY }, [
      { group: { queueId: 'q' }, data: [bucket(MAY_1, 1), bucket(MAY_1 + HOUR, 1)] },
    ]);
    cache.putAggregates('demo', key, { start: MAY_1, end: MAY_1 + DAY }, [
      { group: { queueId: 'q' }, data: [bucket(MAY_1, 4)] },
    ]);
    expect(cache.aggregates('demo', key, MAY_1, MAY_1 + DAY).map((row) => row.metrics[0]?.stats?.count)).toEqual([4]);
  });

  it('refuses a bucket whose interval cannot be read, storing nothing of that batch', () => {
    const key = aggregateQueryKey(query);
    const bad = [{ group: { queueId: 'q' }, data: [bucket(MAY_1, 1), { interval: 'yesterday', metrics: [] }] }];
    expect(() => cache.putAggregates('demo', key, { start: MAY_1, end: MAY_1 + DAY }, bad)).toThrow(CacheError);
    expect(cache.aggregates('demo', key, MAY_1, MAY_1 + DAY)).toEqual([]);
  });
});
