/**
 * POST /api/v2/analytics/conversations/aggregates/query through the official
 * SDK (fact sheet §6, §7): buckets from interval + granularity + IANA
 * timeZone (DST days of 23 and 25 hours), groupBy, filter, the stats of each
 * metric family and oServiceLevel. Whether the numbers agree with the details
 * query is agreement.test.ts's job.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkModelProblems } from './sdk-models';
import { HOUR_MS, NOW, rejection, startConformance, utcDay, type Conformance } from './support';

const ZONE = 'America/New_York';
const DAY = utcDay('2026-11-18');
const METRICS = ['nOffered', 'tAnswered', 'tAbandon', 'tHandle', 'tTalk', 'oServiceLevel'];

let h: Conformance;
let queues: Models.Queue[];

beforeAll(async () => {
  // A year back reaches both of 2026's DST changes.
  h = await startConformance({ settings: { timeZone: ZONE, daysBack: 365 } });
  queues = (await h.routing.getRoutingQueues({ pageSize: 100 })).entities ?? [];
});

afterAll(async () => {
  await h.close();
});

function aggregate(query: Models.ConversationAggregationQuery): Promise<Models.ConversationAggregateQueryResponse> {
  return h.analytics.postAnalyticsConversationsAggregatesQuery(query);
}

const bounds = (interval: string | undefined) => (interval ?? '/').split('/').map((edge) => Date.parse(edge));

/** Local wall-clock hour in a zone, worked out with Intl rather than the engine's own zone code. */
function localHour(ms: number, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(ms));
}

describe('aggregate buckets across DST', () => {
  /** Metrics some conversation emits in every hour of the day, even at 3 a.m. */
  const busy = ['nOffered', 'tAlert', 'tTalk', 'tHandle', 'tAcw', 'tIvr'];

  it.each([
    ['spring forward', '2026-03-08T00:00:00-05:00/2026-03-09T00:00:00-04:00', 23, [2]],
    ['fall back', '2026-11-01T00:00:00-04:00/2026-11-02T00:00:00-05:00', 25, []],
  ])('splits the %s day into %i hourly buckets on local hour marks', async (_, interval, hours, skipped) => {
    const response = await aggregate({ interval, granularity: 'PT1H', timeZone: ZONE, metrics: busy });
    expect(sdkModelProblems(response, 'ConversationAggregateQueryResponse')).toEqual([]);
    const data = response.results?.[0]?.data ?? [];
    expect(data).toHaveLength(hours);
    const [start, end] = bounds(interval);
    let expectedStart = start ?? 0;
    for (const bucket of data) {
      const [from, to] = bounds(bucket.interval);
      expect(from).toBe(expectedStart);
      expect((to ?? 0) - (from ?? 0)).toBe(HOUR_MS);
      expectedStart = to ?? 0;
    }
    expect(expectedStart).toBe(end);
    const local = data.map((bucket) => localHour(bounds(bucket.interval)[0] ?? 0, ZONE));
    const allHours = Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => !skipped.includes(hour));
    expect(new Set(local)).toEqual(new Set(allHours));
  });

  it.each([
    [ZONE, '2026-03-07T00:00:00-05:00/2026-03-10T00:00:00-04:00', [24, 23, 24]],
    ['Europe/London', '2026-10-24T00:00:00+01:00/2026-10-27T00:00:00Z', [24, 25, 24]],
  ])('makes P1D buckets local days in %s', async (timeZone, interval, lengths) => {
    const response = await aggregate({ interval, granularity: 'P1D', timeZone, metrics: ['nOffered'] });
    const data = response.results?.[0]?.data ?? [];
    expect(
      data.map((bucket) => {
        const [from = 0, to = 0] = bounds(bucket.interval);
        return (to - from) / HOUR_MS;
      }),
    ).toEqual(lengths);
    for (const bucket of data) expect(localHour(bounds(bucket.interval)[0] ?? 0, timeZone)).toBe(0);
  });

  it('has no bucket for time that has not happened yet', async () => {
    const today = utcDay('2026-11-20');
    const response = await aggregate({ interval: today.interval, granularity: 'PT1H', metrics: busy });
    const starts = (response.results?.[0]?.data ?? []).map((bucket) => bounds(bucket.interval)[0] ?? 0);
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.max(...starts)).toBeLessThan(NOW);
  });

  it('omits empty buckets and answers no results at all for an interval without data', async () => {
    const night = await aggregate({
      interval: DAY.interval,
      granularity: 'PT15M',
      metrics: ['nOverSla'],
      filter: { type: 'and', predicates: [{ dimension: 'mediaType', value: 'voice' }] },
    });
    const data = night.results?.[0]?.data ?? [];
    expect(data.length).toBeGreaterThan(0);
    expect(data.length).toBeLessThan(96);
    expect(data.every((bucket) => (bucket.metrics ?? []).length > 0)).toBe(true);
    // Before retention: nothing to report, so no results.
    const empty = await aggregate({ interval: '2024-01-01T00:00:00Z/2024-01-02T00:00:00Z', metrics: ['nOffered'] });
    expect(empty.results ?? []).toEqual([]);
  });
});

describe('aggregate groups, filters and stats', () => {
  let byQueueAndMedia: Models.ConversationAggregateQueryResponse;

  beforeAll(async () => {
    byQueueAndMedia = await aggregate({ interval: DAY.interval, groupBy: ['queueId', 'mediaType'], metrics: METRICS });
  });

  it('groups by every groupBy dimension, with queue ids the queue list knows', () => {
    expect(sdkModelProblems(byQueueAndMedia, 'ConversationAggregateQueryResponse')).toEqual([]);
    const known = new Set(queues.map((queue) => queue.id));
    const groups = (byQueueAndMedia.results ?? []).map((result) => result.group ?? {});
    expect(groups.length).toBeGreaterThan(queues.length / 2);
    for (const group of groups) {
      expect(Object.keys(group).sort()).toEqual(['mediaType', 'queueId']);
      expect(known.has(group.queueId)).toBe(true);
    }
    expect(new Set(groups.map((group) => JSON.stringify(group))).size).toBe(groups.length);
  });

  it('reports n… metrics as a count and t… metrics as count, sum, min and max in milliseconds', () => {
    const stats = (byQueueAndMedia.results ?? []).flatMap((r) => r.data ?? []).flatMap((d) => d.metrics ?? []);
    expect(stats.length).toBeGreaterThan(20);
    for (const { metric = '', stats: s = {} } of stats) {
      if (metric.startsWith('n')) {
        expect(Object.keys(s)).toEqual(['count']);
        expect(s.count).toBeGreaterThan(0);
      } else if (metric.startsWith('t')) {
        expect(Object.keys(s).sort()).toEqual(['count', 'max', 'min', 'sum']);
        const { count = 0, sum = 0, min = 0, max = 0 } = s;
        expect(min).toBeLessThanOrEqual(max);
        expect(sum).toBeGreaterThanOrEqual(min * count);
        expect(sum).toBeLessThanOrEqual(max * count);
      }
    }
  });

  it("reports oServiceLevel as numerator ÷ denominator against the queue's own target for the media", () => {
    const settingsKey: Record<string, keyof Models.QueueMediaSettings> = {
      voice: 'call',
      chat: 'chat',
      email: 'email',
      message: 'message',
      callback: 'callback',
    };
    let seen = 0;
    for (const result of byQueueAndMedia.results ?? []) {
      const queue = queues.find((q) => q.id === result.group?.queueId);
      const key = settingsKey[result.group?.mediaType ?? ''];
      const target = key ? queue?.mediaSettings?.[key]?.serviceLevel?.percentage : undefined;
      for (const metric of (result.data?.[0]?.metrics ?? []).filter((m) => m.metric === 'oServiceLevel')) {
        const { ratio = -1, numerator = -1, denominator = 0 } = metric.stats ?? {};
        seen++;
        expect(numerator).toBeGreaterThanOrEqual(0);
        expect(numerator).toBeLessThanOrEqual(denominator);
        expect(ratio).toBeCloseTo(numerator / denominator, 12);
        expect(metric.stats?.target).toBe(target);
      }
    }
    expect(seen).toBeGreaterThan(3);
  });

  it('keeps only what the filter admits, with the same numbers as unfiltered', async () => {
    const voice = (byQueueAndMedia.results ?? []).filter((r) => r.group?.mediaType === 'voice');
    const [first, second] = voice.map((r) => r.group?.queueId ?? '');
    const filtered = await aggregate({
      interval: DAY.interval,
      groupBy: ['queueId', 'mediaType'],
      metrics: METRICS,
      filter: {
        type: 'and',
        clauses: [
          {
            type: 'or',
            predicates: [
              { dimension: 'queueId', value: first },
              { dimension: 'queueId', value: second },
            ],
          },
        ],
        predicates: [{ dimension: 'mediaType', value: 'voice' }],
      },
    });
    expect(filtered.results).toEqual(voice.filter((r) => [first, second].includes(r.group?.queueId ?? '')));
    expect(filtered.results).toHaveLength(2);
  });

  it('adds up: the groups of a groupBy sum to the ungrouped totals', async () => {
    const whole = await aggregate({ interval: DAY.interval, metrics: ['nOffered', 'tHandle'] });
    const totals = new Map((whole.results?.[0]?.data?.[0]?.metrics ?? []).map((m) => [m.metric, m.stats]));
    const byQueue = await aggregate({ interval: DAY.interval, groupBy: ['queueId'], metrics: ['nOffered', 'tHandle'] });
    const sum = (metric: string, field: 'count' | 'sum') =>
      (byQueue.results ?? [])
        .flatMap((r) => r.data?.[0]?.metrics ?? [])
        .filter((m) => m.metric === metric)
        .reduce((total, m) => total + (m.stats?.[field] ?? 0), 0);
    // Every offer is on a queue; handle time outside queues (direct calls) is missing from the groups.
    expect(sum('nOffered', 'count')).toBe(totals.get('nOffered')?.count);
    expect(sum('tHandle', 'count')).toBeLessThanOrEqual(totals.get('tHandle')?.count ?? 0);
    expect(sum('tHandle', 'count')).toBeGreaterThan(0);
  });
});

describe('aggregate query errors', () => {
  it.each([
    [{ granularity: 'PT7X' }, "Invalid granularity 'PT7X'"],
    [{ timeZone: 'Mars/Olympus' }, "Invalid timeZone 'Mars/Olympus': not an IANA time zone id"],
    [{ metrics: ['nAnswered'] }, "Invalid value 'nAnswered' for metrics[0]"],
    [{ metrics: [] }, 'metrics is required and must list at least one metric'],
    [{ groupBy: ['queue'] }, "Invalid value 'queue' for groupBy[0]"],
    [{ groupings: ['queueId'] }, "Unrecognized field 'groupings'"],
  ])('refuses %j with a message naming the problem', async (change, message) => {
    const error = await rejection(aggregate({ interval: DAY.interval, metrics: ['nOffered'], ...change }));
    expect(error).toMatchObject({ status: 400, code: 'bad.request' });
    expect(error.message).toContain(message);
  });
});
