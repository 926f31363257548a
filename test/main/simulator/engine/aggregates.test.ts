import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, Q_SALES, Q_SUPPORT, WRAP_FOLLOWUP, WRAP_RESOLVED } from './fixture-dataset';
import { expectBadRequest, fixtureEngine, statsOf } from './helpers';

const MAY1 = '2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z';
const HOUR = 3_600_000;

function intervalsOf(
  response: Models.ConversationAggregateQueryResponse,
  group: Record<string, string> = {},
): string[] {
  const container = response.results?.find((r) => JSON.stringify(r.group) === JSON.stringify(group));
  return (container?.data ?? []).map((d) => d.interval ?? '');
}

function hours(interval: string): number {
  const [start = '', end = ''] = interval.split('/');
  return (Date.parse(end) - Date.parse(start)) / HOUR;
}

describe('aggregates: metrics and stats', () => {
  const { engine } = fixtureEngine();

  it('reports count for n-metrics and count/sum/min/max for t-metrics', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tAnswered', 'tAbandon', 'nOverSla', 'tHandle', 'tTalk'],
    });
    // Sales on May 1: offers c01 c02 c03 (c08 was offered on Apr 30); answers c01 15 s and c02 30 s (over SLA).
    expect(statsOf(response, { queueId: Q_SALES }, 'nOffered')).toEqual({ count: 3 });
    expect(statsOf(response, { queueId: Q_SALES }, 'tAnswered')).toEqual({
      count: 2,
      sum: 45_000,
      min: 15_000,
      max: 30_000,
    });
    expect(statsOf(response, { queueId: Q_SALES }, 'tAbandon')).toEqual({
      count: 1,
      sum: 45_000,
      min: 45_000,
      max: 45_000,
    });
    expect(statsOf(response, { queueId: Q_SALES }, 'nOverSla')).toEqual({ count: 1 });
    // Handle on Sales: c01 320 s, c02 110 s, c05 300 s, and c08's 1190 s emitted after midnight.
    expect(statsOf(response, { queueId: Q_SALES }, 'tHandle')).toEqual({
      count: 4,
      sum: 1_920_000,
      min: 110_000,
      max: 1_190_000,
    });
    expect(statsOf(response, { queueId: Q_SALES }, 'tTalk')).toEqual({
      count: 4,
      sum: 1_720_000,
      min: 100_000,
      max: 1_140_000,
    });
    // Support: offers c04 c06 c07 c14; Support never went over SLA, so nOverSla is absent.
    expect(statsOf(response, { queueId: Q_SUPPORT }, 'nOffered')).toEqual({ count: 4 });
    expect(statsOf(response, { queueId: Q_SUPPORT }, 'nOverSla')).toBeUndefined();
  });

  it('returns one container per group, each with the metrics in the requested order', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      groupBy: ['queueId'],
      metrics: ['tAnswered', 'nOffered'],
    });
    expect(response.results?.map((r) => r.group)).toEqual([{ queueId: Q_SALES }, { queueId: Q_SUPPORT }]);
    expect(response.results?.[0]?.data?.[0]?.interval).toBe(MAY1);
    expect(response.results?.[0]?.data?.[0]?.metrics?.map((m) => m.metric)).toEqual(['tAnswered', 'nOffered']);
  });

  it('answers {} when nothing matches', () => {
    expect(
      engine.aggregatesQuery({ interval: '2024-05-01T08:10:00Z/2024-05-01T08:15:00Z', metrics: ['nOffered'] }),
    ).toEqual({});
  });

  it('reports transfers, outbound and dialing metrics', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      metrics: ['nTransferred', 'nBlindTransferred', 'nConsultTransferred', 'nOutbound', 'tDialing', 'tContacting'],
    });
    expect(statsOf(response, {}, 'nTransferred')).toEqual({ count: 1 });
    expect(statsOf(response, {}, 'nBlindTransferred')).toEqual({ count: 1 });
    expect(statsOf(response, {}, 'nConsultTransferred')).toBeUndefined();
    expect(statsOf(response, {}, 'nOutbound')).toEqual({ count: 1 });
    expect(statsOf(response, {}, 'tDialing')).toEqual({ count: 1, sum: 10_000, min: 10_000, max: 10_000 });
    expect(statsOf(response, {}, 'tContacting')).toEqual({ count: 1, sum: 15_000, min: 15_000, max: 15_000 });
  });
});

describe('aggregates: service level', () => {
  const { engine } = fixtureEngine();

  it('computes oServiceLevel from answered, over-SLA and abandoned counts with the queue target', () => {
    const response = engine.aggregatesQuery({ interval: MAY1, groupBy: ['queueId'], metrics: ['oServiceLevel'] });
    // Sales: (2 answered − 1 over SLA) / (2 answered + 1 abandoned); target 80 %.
    expect(statsOf(response, { queueId: Q_SALES }, 'oServiceLevel')).toEqual({
      ratio: 1 / 3,
      numerator: 1,
      denominator: 3,
      target: 0.8,
    });
    // Support mixes voice (90 %) and chat (70 %) targets: no single target. c06 was a short abandon, not counted.
    expect(statsOf(response, { queueId: Q_SUPPORT }, 'oServiceLevel')).toEqual({
      ratio: 1,
      numerator: 3,
      denominator: 3,
    });
  });

  it('reports the media target per media type', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      groupBy: ['queueId', 'mediaType'],
      filter: { type: 'and', predicates: [{ dimension: 'queueId', value: Q_SUPPORT }] },
      metrics: ['oServiceLevel', 'oServiceTarget'],
    });
    expect(statsOf(response, { queueId: Q_SUPPORT, mediaType: 'voice' }, 'oServiceLevel')).toEqual({
      ratio: 1,
      numerator: 2,
      denominator: 2,
      target: 0.9,
    });
    expect(statsOf(response, { queueId: Q_SUPPORT, mediaType: 'chat' }, 'oServiceTarget')).toEqual({ target: 0.7 });
  });
});

describe('aggregates: groupBy and filter', () => {
  const { engine } = fixtureEngine();

  it('groups by user, dropping metrics that have no user', () => {
    const response = engine.aggregatesQuery({ interval: MAY1, groupBy: ['userId'], metrics: ['tHandle', 'nOffered'] });
    expect(response.results?.map((r) => r.group)).toEqual([{ userId: ALICE }, { userId: BOB }, { userId: CAROL }]);
    expect(statsOf(response, { userId: ALICE }, 'tHandle')).toEqual({
      count: 3,
      sum: 2_100_000,
      min: 320_000,
      max: 1_190_000,
    });
    expect(statsOf(response, { userId: BOB }, 'tHandle')).toEqual({
      count: 3,
      sum: 585_000,
      min: 110_000,
      max: 300_000,
    });
    const metricNames = response.results?.flatMap((r) => r.data?.flatMap((d) => d.metrics?.map((m) => m.metric)));
    expect(metricNames).not.toContain('nOffered');
  });

  it('groups by wrap-up code, read from the wrap-up segment of the agent session', () => {
    const response = engine.aggregatesQuery({ interval: MAY1, groupBy: ['wrapUpCode'], metrics: ['tHandle'] });
    expect(statsOf(response, { wrapUpCode: WRAP_RESOLVED }, 'tHandle')).toMatchObject({ count: 4, sum: 1_377_000 });
    expect(statsOf(response, { wrapUpCode: WRAP_FOLLOWUP }, 'tHandle')).toMatchObject({ count: 3, sum: 1_600_000 });
  });

  it('groups by direction and media type', () => {
    const response = engine.aggregatesQuery({ interval: MAY1, groupBy: ['direction'], metrics: ['tTalk'] });
    expect(statsOf(response, { direction: 'outbound' }, 'tTalk')).toMatchObject({ count: 1, sum: 240_000 });
    expect(statsOf(response, { direction: 'inbound' }, 'tTalk')).toMatchObject({ count: 6 });
    const media = engine.aggregatesQuery({ interval: MAY1, groupBy: ['mediaType'], metrics: ['nOffered'] });
    expect(statsOf(media, { mediaType: 'voice' }, 'nOffered')).toEqual({ count: 6 });
    expect(statsOf(media, { mediaType: 'chat' }, 'nOffered')).toEqual({ count: 1 });
  });

  it('applies and/or filters with clauses', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      filter: {
        type: 'and',
        predicates: [{ dimension: 'mediaType', value: 'voice' }],
        clauses: [
          {
            type: 'or',
            predicates: [
              { dimension: 'userId', value: BOB },
              { dimension: 'userId', value: CAROL },
            ],
          },
        ],
      },
      metrics: ['tTalk'],
    });
    // Bob's voice talk (c02 100 s, c05 240 s, c07 120 s) and Carol's (c14 240 s).
    expect(statsOf(response, {}, 'tTalk')).toEqual({ count: 4, sum: 700_000, min: 100_000, max: 240_000 });
  });

  it('supports exists and notExists in filters', () => {
    const noUser = engine.aggregatesQuery({
      interval: MAY1,
      filter: { type: 'and', predicates: [{ dimension: 'userId', operator: 'notExists' }] },
      metrics: ['nOffered', 'tTalk'],
    });
    expect(statsOf(noUser, {}, 'nOffered')).toEqual({ count: 7 });
    expect(statsOf(noUser, {}, 'tTalk')).toBeUndefined();
  });

  it('ranks groups for topN', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      groupBy: ['userId'],
      metrics: ['tHandle'],
      queryType: 'topN',
      sortMetric: { name: 'tHandle', function: 'sum' },
      limit: 2,
    });
    expect(response.results?.map((r) => r.group)).toEqual([{ userId: ALICE }, { userId: BOB }]);
  });

  it('counts views over a metric range', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      metrics: ['tAnswered'],
      views: [
        { target: 'tAnswered', name: 'answeredWithin20s', function: 'rangeBound', range: { gte: 0, lt: 20_000 } },
      ],
    });
    // Answers on May 1: 15 s, 30 s, 10 s, 15 s, 8 s.
    expect(response.results?.[0]?.data?.[0]?.views).toEqual([{ name: 'answeredWithin20s', stats: { count: 4 } }]);
  });
});

describe('aggregates: buckets', () => {
  const { engine } = fixtureEngine();
  // The autumn DST days lie after the fixture's default now; this engine lives at the end of 2024.
  const { engine: later } = fixtureEngine({}, { ms: Date.parse('2024-12-31T00:00:00Z') });

  it('omits empty buckets', () => {
    const response = engine.aggregatesQuery({
      interval: MAY1,
      granularity: 'PT1H',
      filter: { type: 'and', predicates: [{ dimension: 'queueId', value: Q_SALES }] },
      metrics: ['nOffered'],
    });
    expect(intervalsOf(response)).toEqual([
      '2024-05-01T08:00:00.000Z/2024-05-01T09:00:00.000Z',
      '2024-05-01T09:00:00.000Z/2024-05-01T10:00:00.000Z',
    ]);
    expect(statsOf(response, {}, 'nOffered', '2024-05-01T08:00:00.000Z/2024-05-01T09:00:00.000Z')).toEqual({
      count: 2,
    });
  });

  it('attributes each metric to the bucket of its emitDate, not of the conversation start', () => {
    // c07 entered the Support queue at 10:29:50 and was answered at 10:30:05.
    const response = engine.aggregatesQuery({
      interval: '2024-05-01T10:00:00Z/2024-05-01T11:00:00Z',
      granularity: 'PT30M',
      filter: { type: 'and', predicates: [{ dimension: 'queueId', value: Q_SUPPORT }] },
      metrics: ['nOffered', 'tAnswered'],
    });
    const first = '2024-05-01T10:00:00.000Z/2024-05-01T10:30:00.000Z';
    const second = '2024-05-01T10:30:00.000Z/2024-05-01T11:00:00.000Z';
    expect(intervalsOf(response)).toEqual([first, second]);
    expect(statsOf(response, {}, 'nOffered', first)).toEqual({ count: 1 });
    expect(statsOf(response, {}, 'tAnswered', first)).toBeUndefined();
    expect(statsOf(response, {}, 'tAnswered', second)).toEqual({ count: 1, sum: 15_000, min: 15_000, max: 15_000 });
    expect(statsOf(response, {}, 'nOffered', second)).toBeUndefined();
  });

  it('counts metrics emitted inside the interval from conversations that started before it', () => {
    // c08 started Apr 30 23:50; its talk (00:09:10) and handle (00:10:00) were emitted on May 1.
    const response = engine.aggregatesQuery({
      interval: '2024-05-01T00:00:00Z/2024-05-01T01:00:00Z',
      metrics: ['tTalk', 'tHandle', 'tAnswered'],
    });
    expect(statsOf(response, {}, 'tTalk')).toMatchObject({ count: 1, sum: 1_140_000 });
    expect(statsOf(response, {}, 'tHandle')).toMatchObject({ count: 1, sum: 1_190_000 });
    expect(statsOf(response, {}, 'tAnswered')).toBeUndefined();
  });

  it('makes P1D buckets local days: 23 hours when Europe/London springs forward', () => {
    const response = engine.aggregatesQuery({
      interval: '2024-03-30T00:00:00Z/2024-04-02T00:00:00+01:00',
      granularity: 'P1D',
      timeZone: 'Europe/London',
      metrics: ['nOffered'],
    });
    // d01 at 22:30Z is 23:30 GMT on Mar 31; d02 at 23:30Z is 00:30 BST on Apr 1.
    expect(intervalsOf(response)).toEqual([
      '2024-03-31T00:00:00.000Z/2024-03-31T23:00:00.000Z',
      '2024-03-31T23:00:00.000Z/2024-04-01T23:00:00.000Z',
    ]);
    expect(intervalsOf(response).map(hours)).toEqual([23, 24]);
    expect(response.results?.[0]?.data?.map((d) => d.metrics?.[0]?.stats?.count)).toEqual([1, 1]);
  });

  it('makes the day Europe/London falls back 25 hours', () => {
    const response = later.aggregatesQuery({
      interval: '2024-10-26T00:00:00+01:00/2024-10-29T00:00:00Z',
      granularity: 'P1D',
      timeZone: 'Europe/London',
      metrics: ['nOffered'],
    });
    expect(intervalsOf(response)).toEqual(['2024-10-26T23:00:00.000Z/2024-10-28T00:00:00.000Z']);
    expect(hours(intervalsOf(response)[0] ?? '')).toBe(25);
    expect(statsOf(response, {}, 'nOffered')).toEqual({ count: 3 });
  });

  it('keeps PT1H buckets on local hours through the repeated hour', () => {
    const response = later.aggregatesQuery({
      interval: '2024-10-27T00:00:00+01:00/2024-10-28T00:00:00Z',
      granularity: 'PT1H',
      timeZone: 'Europe/London',
      metrics: ['nOffered'],
    });
    // 01:30 BST (d03) and 01:30 GMT (d04) fall in the two distinct 01:00 hours; d05 at 23:30 GMT.
    expect(intervalsOf(response)).toEqual([
      '2024-10-27T00:00:00.000Z/2024-10-27T01:00:00.000Z',
      '2024-10-27T01:00:00.000Z/2024-10-27T02:00:00.000Z',
      '2024-10-27T23:00:00.000Z/2024-10-28T00:00:00.000Z',
    ]);
  });

  it('makes P1D buckets New York days: 23 hours in March, 25 in November', () => {
    const spring = engine.aggregatesQuery({
      interval: '2024-03-10T00:00:00-05:00/2024-03-12T00:00:00-04:00',
      granularity: 'P1D',
      timeZone: 'America/New_York',
      metrics: ['nOffered'],
    });
    // d06 at 03:30Z is 23:30 EDT on Mar 10; d07 at 04:30Z is 00:30 EDT on Mar 11.
    expect(intervalsOf(spring)).toEqual([
      '2024-03-10T05:00:00.000Z/2024-03-11T04:00:00.000Z',
      '2024-03-11T04:00:00.000Z/2024-03-12T04:00:00.000Z',
    ]);
    expect(intervalsOf(spring).map(hours)).toEqual([23, 24]);
    const autumn = later.aggregatesQuery({
      interval: '2024-11-03T00:00:00-04:00/2024-11-05T00:00:00-05:00',
      granularity: 'P1D',
      timeZone: 'America/New_York',
      metrics: ['nOffered'],
    });
    // d08 at Nov 4 04:30Z is 23:30 EST on Nov 3.
    expect(intervalsOf(autumn)).toEqual(['2024-11-03T04:00:00.000Z/2024-11-04T05:00:00.000Z']);
    expect(hours(intervalsOf(autumn)[0] ?? '')).toBe(25);
  });

  it('uses UTC days without a timeZone', () => {
    const response = engine.aggregatesQuery({
      interval: '2024-03-31T00:00:00Z/2024-04-02T00:00:00Z',
      granularity: 'P1D',
      metrics: ['nOffered'],
    });
    expect(intervalsOf(response)).toEqual(['2024-03-31T00:00:00.000Z/2024-04-01T00:00:00.000Z']);
    expect(statsOf(response, {}, 'nOffered')).toEqual({ count: 2 });
  });

  it('splits into P7D weeks and P1M months', () => {
    const weeks = engine.aggregatesQuery({
      interval: '2024-04-29T00:00:00Z/2024-05-13T00:00:00Z',
      granularity: 'P7D',
      metrics: ['nOffered'],
    });
    expect(intervalsOf(weeks)).toEqual(['2024-04-29T00:00:00.000Z/2024-05-06T00:00:00.000Z']);
    // c08 (Apr 30), seven offers on May 1, five on May 2 (three of them still in progress).
    expect(statsOf(weeks, {}, 'nOffered')).toEqual({ count: 13 });
    const months = engine.aggregatesQuery({
      interval: '2024-03-01T00:00:00Z/2024-06-01T00:00:00+01:00',
      granularity: 'P1M',
      timeZone: 'Europe/London',
      metrics: ['nOffered'],
    });
    expect(intervalsOf(months)).toEqual([
      '2024-03-01T00:00:00.000Z/2024-03-31T23:00:00.000Z',
      '2024-03-31T23:00:00.000Z/2024-04-30T23:00:00.000Z',
      '2024-04-30T23:00:00.000Z/2024-05-31T23:00:00.000Z',
    ]);
  });
});

describe('aggregates: validation', () => {
  const { engine } = fixtureEngine();

  it('rejects a bad granularity, time zone, metric or groupBy', () => {
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, granularity: '30m', metrics: ['nOffered'] }),
      "Invalid granularity '30m'",
    );
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, granularity: 'PT0M', metrics: ['nOffered'] }),
      "Invalid granularity 'PT0M'",
    );
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, timeZone: 'Mars/Olympus', metrics: ['nOffered'] }),
      "Invalid timeZone 'Mars/Olympus'",
    );
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, timeZone: 'europe/london', metrics: ['nOffered'] }),
      'Invalid timeZone',
    );
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, metrics: ['handledCount'] }),
      "Invalid value 'handledCount' for metrics[0]",
    );
    expectBadRequest(
      () => engine.aggregatesQuery({ interval: MAY1, groupBy: ['queue'], metrics: ['nOffered'] }),
      "Invalid value 'queue' for groupBy[0]",
    );
    expectBadRequest(() => engine.aggregatesQuery({ interval: MAY1, metrics: [] }), 'metrics is required');
    expectBadRequest(
      () =>
        engine.aggregatesQuery({
          interval: MAY1,
          metrics: ['nOffered'],
          filter: { type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'exists' }] },
        }),
      "Invalid value 'conversationEnd' for filter.predicates[0].dimension",
    );
  });

  it('accepts alias zones and rejects tutorial fields', () => {
    expect(engine.aggregatesQuery({ interval: MAY1, timeZone: 'Etc/UTC', metrics: ['nOffered'] }).results).toHaveLength(
      1,
    );
    const bogus = {
      interval: MAY1,
      metrics: ['nOffered'],
      groupings: ['queueId'],
    } as Models.ConversationAggregationQuery;
    expectBadRequest(() => engine.aggregatesQuery(bogus), "Unrecognized field 'groupings'");
  });
});
