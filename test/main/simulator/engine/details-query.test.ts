import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, MAY1_IDS, Q_SALES, Q_SUPPORT, WRAP_FOLLOWUP, WRAP_RESOLVED } from './fixture-dataset';
import { errorOf, expectBadRequest, fixtureEngine, ids } from './helpers';

const MAY1 = '2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z';

function query(extra: Partial<Models.ConversationQuery> = {}): Models.ConversationQuery {
  return { interval: MAY1, paging: { pageSize: 100, pageNumber: 1 }, ...extra };
}

describe('details query: interval', () => {
  const { engine } = fixtureEngine();

  it('requires an interval', () => {
    expectBadRequest(() => engine.detailsQuery({} as Models.ConversationQuery), 'interval is required');
  });

  it.each([
    ['yesterday', 'two parts'],
    ['2024-05-01/tomorrow', "'tomorrow' is not an ISO-8601 date-time"],
    ['2024-02-30T00:00:00Z/2024-03-01T00:00:00Z', "'2024-02-30T00:00:00Z' is not an ISO-8601 date-time"],
    ['2024-05-02T00:00:00Z/2024-05-01T00:00:00Z', 'the end must be after the start'],
    ['2024-05-01T00:00:00Z/2024-05-01T00:00:00Z', 'the end must be after the start'],
  ])('rejects %s', (interval, message) => {
    const error = expectBadRequest(() => engine.detailsQuery(query({ interval })), message);
    expect(error.message).toContain(`Invalid interval '${interval}'`);
  });

  it('allows at most 7 days', () => {
    expect(engine.detailsQuery(query({ interval: '2024-04-26T00:00:00Z/2024-05-03T00:00:00Z' })).totalHits).toBe(14);
    expectBadRequest(
      () => engine.detailsQuery(query({ interval: '2024-04-26T00:00:00Z/2024-05-03T00:00:01Z' })),
      'exceeds the maximum of 7 days',
    );
  });

  it('honours the limit setting for the interval length', () => {
    const { engine: strict } = fixtureEngine({ detailsMaxIntervalDays: 1 });
    expectBadRequest(
      () => strict.detailsQuery(query({ interval: '2024-05-01T00:00:00Z/2024-05-02T01:00:00Z' })),
      'maximum of 1 days',
    );
  });

  it('reads the offset written in each instant', () => {
    // 09:00-10:00 at +01:00 is 08:00-09:00 UTC: c01 and c02.
    expect(
      ids(engine.detailsQuery(query({ interval: '2024-05-01T09:00:00+01:00/2024-05-01T10:00:00+01:00' }))),
    ).toEqual(['c01', 'c02']);
  });

  it('accepts start/period intervals', () => {
    expect(ids(engine.detailsQuery(query({ interval: '2024-05-01T08:00:00Z/PT1H' })))).toEqual(['c01', 'c02']);
  });

  it('returns conversations active in the interval that started on a UTC day it touches', () => {
    // c08 ran 23:50-00:10 across midnight: it started the day before, so a query for 00:00-01:00 misses it…
    expect(ids(engine.detailsQuery(query({ interval: '2024-05-01T00:00:00Z/2024-05-01T01:00:00Z' })))).toEqual([]);
    // …but one reaching into its start day finds it.
    expect(ids(engine.detailsQuery(query({ interval: '2024-04-30T23:59:00Z/2024-05-01T01:00:00Z' })))).toEqual(['c08']);
    // c01 (08:00:05-08:05:40) was active during 08:03-08:04 although it started before.
    expect(ids(engine.detailsQuery(query({ interval: '2024-05-01T08:03:00Z/2024-05-01T08:04:00Z' })))).toEqual(['c01']);
  });

  it('answers an empty page without a conversations array', () => {
    const response = engine.detailsQuery(query({ interval: '2024-05-01T08:10:00Z/2024-05-01T08:15:00Z' }));
    expect(response).toEqual({ totalHits: 0 });
    expect('conversations' in response).toBe(false);
  });

  it('includes conversations in progress at now, without a conversationEnd', () => {
    const response = engine.detailsQuery(query({ interval: '2024-05-02T11:30:00Z/2024-05-02T12:30:00Z' }));
    expect(ids(response)).toEqual(['c12', 'c10', 'c09', 'c11']);
    expect(response.conversations?.find((c) => c.conversationId === 'c09')?.conversationEnd).toBeUndefined();
  });
});

describe('details query: paging', () => {
  const { engine } = fixtureEngine();

  it('defaults to 25 rows per page', () => {
    expect(engine.detailsQuery({ interval: MAY1 }).conversations).toHaveLength(8);
  });

  it('caps pageSize at the limit', () => {
    expect(engine.detailsQuery(query({ paging: { pageSize: 100, pageNumber: 1 } })).totalHits).toBe(8);
    expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 101, pageNumber: 1 } })),
      'paging.pageSize must be between 1 and 100, got 101',
    );
    expectBadRequest(() => engine.detailsQuery(query({ paging: { pageSize: 0, pageNumber: 1 } })), 'paging.pageSize');
  });

  it('needs pageNumber 1 or more and both paging fields', () => {
    expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 10, pageNumber: 0 } })),
      'paging.pageNumber',
    );
    expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 10 } as Models.PagingSpec })),
      'paging.pageNumber is required',
    );
    expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 2.5, pageNumber: 1 } })),
      'paging.pageSize must be an integer',
    );
  });

  it('refuses to page past 100000 results with the real message', () => {
    // 100 × 1000 = 100000 is the last reachable row: allowed, and empty here.
    expect(engine.detailsQuery(query({ paging: { pageSize: 100, pageNumber: 1000 } }))).toEqual({ totalHits: 8 });
    const error = expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 100, pageNumber: 1001 } })),
      /^Pagination may not exceed 100000 results\.$/,
    );
    expect(error.status).toBe(400);
    expectBadRequest(
      () => engine.detailsQuery(query({ paging: { pageSize: 25, pageNumber: 4001 } })),
      'Pagination may not exceed 100000 results.',
    );
  });

  it('walks pages without duplicates or gaps, with a stable totalHits', () => {
    const pages = [1, 2, 3, 4].map((pageNumber) => engine.detailsQuery(query({ paging: { pageSize: 3, pageNumber } })));
    expect(pages.map((p) => p.totalHits)).toEqual([8, 8, 8, 8]);
    expect(pages.map((p) => ids(p).length)).toEqual([3, 3, 2, 0]);
    expect(pages.flatMap(ids)).toEqual(MAY1_IDS);
  });
});

describe('details query: order', () => {
  const { engine } = fixtureEngine();

  it('orders by conversationStart ascending by default and descending on request', () => {
    expect(ids(engine.detailsQuery(query()))).toEqual(MAY1_IDS);
    expect(ids(engine.detailsQuery(query({ order: 'desc' })))).toEqual([...MAY1_IDS].reverse());
    expect(ids(engine.detailsQuery(query({ order: 'unordered' })))).toEqual(MAY1_IDS);
  });

  it('orders by conversationEnd', () => {
    // Ends: c03 09:00:45, c04 09:20, c05 10:05, c07 10:33, c06 11:29:58, c14 13:05, c01 08:05:40, c02 08:22:20.
    expect(ids(engine.detailsQuery(query({ orderBy: 'conversationEnd', order: 'desc' })))).toEqual([
      'c14',
      'c06',
      'c07',
      'c05',
      'c04',
      'c03',
      'c02',
      'c01',
    ]);
  });

  it('puts conversations without an end last, tied by conversationId', () => {
    const live = engine.detailsQuery(
      query({ interval: '2024-05-02T11:30:00Z/2024-05-02T12:30:00Z', orderBy: 'conversationEnd' }),
    );
    expect(ids(live)).toEqual(['c12', 'c09', 'c10', 'c11']);
  });

  it('rejects unknown order values, naming the field', () => {
    expectBadRequest(() => engine.detailsQuery(query({ order: 'sideways' })), "Invalid value 'sideways' for order");
    expectBadRequest(() => engine.detailsQuery(query({ orderBy: 'queueId' })), "Invalid value 'queueId' for orderBy");
  });
});

describe('details query: filters', () => {
  const { engine } = fixtureEngine();
  const dimension = (name: string, value: string) => ({ type: 'dimension', dimension: name, value });

  it('filters on a segment dimension', () => {
    const response = engine.detailsQuery(
      query({ segmentFilters: [{ type: 'and', predicates: [dimension('mediaType', 'chat')] }] }),
    );
    expect(ids(response)).toEqual(['c04']);
    expect(response.totalHits).toBe(1);
  });

  it('filters on a conversation dimension', () => {
    const response = engine.detailsQuery(
      query({ conversationFilters: [{ type: 'and', predicates: [dimension('originatingDirection', 'outbound')] }] }),
    );
    expect(ids(response)).toEqual(['c05']);
  });

  it('combines predicates with or', () => {
    const response = engine.detailsQuery(
      query({
        segmentFilters: [
          { type: 'or', predicates: [dimension('wrapUpCode', WRAP_FOLLOWUP), dimension('wrapUpCode', WRAP_RESOLVED)] },
        ],
      }),
    );
    expect(ids(response)).toEqual(['c01', 'c02', 'c04', 'c05', 'c07', 'c14']);
  });

  it('nests an or clause inside an and filter', () => {
    // Support queue segments that are chat or were disconnected by the customer (c06 abandoned).
    const response = engine.detailsQuery(
      query({
        segmentFilters: [
          {
            type: 'and',
            predicates: [dimension('queueId', Q_SUPPORT)],
            clauses: [
              { type: 'or', predicates: [dimension('mediaType', 'chat'), dimension('disconnectType', 'peer')] },
            ],
          },
        ],
      }),
    );
    expect(ids(response)).toEqual(['c04', 'c06']);
  });

  it('matches one segment per segment filter, several filters each on their own segment', () => {
    const sameSegment = engine.detailsQuery(
      query({
        segmentFilters: [{ type: 'and', predicates: [dimension('purpose', 'acd'), dimension('userId', ALICE)] }],
      }),
    );
    expect(ids(sameSegment)).toEqual([]);
    const eachOwn = engine.detailsQuery(
      query({
        segmentFilters: [
          { type: 'and', predicates: [dimension('purpose', 'acd')] },
          { type: 'and', predicates: [dimension('userId', ALICE)] },
        ],
      }),
    );
    expect(ids(eachOwn)).toEqual(['c01', 'c04']);
  });

  it('filters agents of a queue', () => {
    const response = engine.detailsQuery(
      query({
        segmentFilters: [
          {
            type: 'and',
            predicates: [dimension('purpose', 'agent'), dimension('userId', BOB), dimension('queueId', Q_SALES)],
          },
        ],
      }),
    );
    expect(ids(response)).toEqual(['c02', 'c05']);
  });

  it('filters on metric ranges', () => {
    const tTalk = (range: Models.NumericRange) =>
      ids(
        engine.detailsQuery(
          query({ conversationFilters: [{ type: 'and', predicates: [{ type: 'metric', metric: 'tTalk', range }] }] }),
        ),
      );
    expect(tTalk({ gt: 200_000 })).toEqual(['c01', 'c04', 'c05', 'c14']);
    expect(tTalk({ gte: 240_000, lt: 480_000 })).toEqual(['c01', 'c05', 'c14']);
    expect(tTalk({ lte: 120_000 })).toEqual(['c02', 'c07']);
  });

  it('infers the metric predicate type and matches an exact value', () => {
    const response = engine.detailsQuery(
      query({ conversationFilters: [{ type: 'and', predicates: [{ metric: 'tAcd', value: '45000' }] }] }),
    );
    expect(ids(response)).toEqual(['c03']);
  });

  it('supports exists and notExists', () => {
    const abandoned = engine.detailsQuery(
      query({ conversationFilters: [{ type: 'and', predicates: [{ metric: 'tAbandon', operator: 'exists' }] }] }),
    );
    expect(ids(abandoned)).toEqual(['c03', 'c06']);
    const active = engine.detailsQuery(
      query({
        interval: '2024-05-02T00:00:00Z/2024-05-03T00:00:00Z',
        conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'notExists' }] }],
      }),
    );
    expect(ids(active)).toEqual(['c10', 'c09', 'c11']);
  });

  it('filters on segment duration', () => {
    // Hold segments of 20 s or more: only c01.
    const response = engine.detailsQuery(
      query({
        segmentFilters: [
          {
            type: 'and',
            predicates: [
              dimension('segmentType', 'hold'),
              { type: 'metric', metric: 'tSegmentDuration', range: { gte: 20_000 } },
            ],
          },
        ],
      }),
    );
    expect(ids(response)).toEqual(['c01']);
  });

  it('rejects unknown dimensions, metrics and operators with the field path', () => {
    expectBadRequest(
      () =>
        engine.detailsQuery(query({ segmentFilters: [{ type: 'and', predicates: [dimension('queue', Q_SALES)] }] })),
      "Invalid value 'queue' for segmentFilters[0].predicates[0].dimension",
    );
    expectBadRequest(
      () =>
        engine.detailsQuery(
          query({
            conversationFilters: [
              { type: 'and', predicates: [{ type: 'metric', metric: 'tTalkTime', range: { gt: 1 } }] },
            ],
          }),
        ),
      "Invalid value 'tTalkTime' for conversationFilters[0].predicates[0].metric",
    );
    expectBadRequest(
      () =>
        engine.detailsQuery(
          query({
            segmentFilters: [{ type: 'and', predicates: [{ dimension: 'queueId', operator: 'equals', value: 'x' }] }],
          }),
        ),
      "Invalid value 'equals' for segmentFilters[0].predicates[0].operator",
    );
    expectBadRequest(
      () =>
        engine.detailsQuery(query({ segmentFilters: [{ type: 'xor', predicates: [dimension('queueId', Q_SALES)] }] })),
      "Invalid value 'xor' for segmentFilters[0].type",
    );
    // A conversation-level filter does not know segment dimensions.
    expectBadRequest(
      () =>
        engine.detailsQuery(
          query({ conversationFilters: [{ type: 'and', predicates: [dimension('queueId', Q_SALES)] }] }),
        ),
      'conversationFilters[0].predicates[0].dimension',
    );
  });

  it('rejects incomplete predicates and filters', () => {
    expectBadRequest(
      () => engine.detailsQuery(query({ segmentFilters: [{ type: 'and', predicates: [{ dimension: 'queueId' }] }] })),
      "segmentFilters[0].predicates[0] uses operator 'matches' and needs a value or a range",
    );
    expectBadRequest(
      () => engine.detailsQuery(query({ segmentFilters: [{ type: 'and' }] })),
      'segmentFilters[0] needs at least one predicate or clause',
    );
    expectBadRequest(
      () =>
        engine.detailsQuery(
          query({ segmentFilters: [{ type: 'and', clauses: [{ type: 'or' } as Models.SegmentDetailQueryClause] }] }),
        ),
      'segmentFilters[0].clauses[0].predicates is required',
    );
  });

  it('rejects fields the API does not have (tutorial inventions)', () => {
    const bogus = { ...query(), dateFrom: '2024-05-01' } as Models.ConversationQuery;
    expectBadRequest(() => engine.detailsQuery(bogus), "Unrecognized field 'dateFrom'");
  });
});

describe('details query: conversation shape', () => {
  const { engine } = fixtureEngine();

  it('strips participant attributes', () => {
    const c01 = engine.detailsQuery(query()).conversations?.find((c) => c.conversationId === 'c01');
    expect(c01?.participants).toHaveLength(3);
    for (const participant of c01?.participants ?? []) expect(participant).not.toHaveProperty('attributes');
  });

  it('serves one conversation without attributes, and 404 for an unknown one', () => {
    const c01 = engine.conversationDetails('c01');
    expect(c01.conversationId).toBe('c01');
    expect(c01.participants?.[0]).not.toHaveProperty('attributes');
    const error = errorOf(() => engine.conversationDetails('nope'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('not.found');
  });

  it('does not reveal conversations that start after now', () => {
    const { engine: early } = fixtureEngine({}, { ms: Date.parse('2024-05-01T08:00:00Z') });
    expect(errorOf(() => early.conversationDetails('c01')).status).toBe(404);
  });
});
