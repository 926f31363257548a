/**
 * The details query's fast path (unfiltered, conversationStart order, read
 * from the generator's start-time index) must answer exactly what the general
 * path answers. The general path is the same engine over the same generated
 * org with the index hidden, so every expectation is computed, not written.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { createAnalyticsEngine } from '../../../../main/simulator/engine';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import { DEFAULT_LIMITS, type SimulatorSettings } from '../../../../main/simulator/model';

/** Friday 20 November 2026, 15:30 UTC: conversations started this morning are still in progress. */
const NOW = Date.parse('2026-11-20T15:30:00.000Z');

function engines(overrides: Partial<SimulatorSettings>) {
  const settings: SimulatorSettings = {
    seed: 'fast-path',
    perDay: 3000,
    daysBack: 300,
    timeZone: 'America/New_York',
    now: () => NOW,
    ...overrides,
  };
  const indexed = createOrgDataset(settings);
  const plain = createOrgDataset(settings);
  return {
    indexed,
    plain,
    fast: createAnalyticsEngine(indexed, DEFAULT_LIMITS),
    // Without startsBetween the engine can only read conversationsBetween: the general path.
    slow: createAnalyticsEngine({ ...plain, startsBetween: undefined }, DEFAULT_LIMITS),
  };
}

/** Both answers as the server would serialise them. */
function answers(e: ReturnType<typeof engines>, query: Models.ConversationQuery): [string, string] {
  return [JSON.stringify(e.fast.detailsQuery(query)), JSON.stringify(e.slow.detailsQuery(query))];
}

const INTERVALS = {
  'a UTC day': '2026-11-17T00:00:00Z/2026-11-18T00:00:00Z',
  'a New York day (crosses UTC midnight)': '2026-11-17T00:00:00-05:00/2026-11-18T00:00:00-05:00',
  'an evening across midnight': '2026-11-16T21:30:00Z/2026-11-17T02:15:00Z',
  'one mid-day hour (most of its UTC day before it)': '2026-11-18T15:00:00Z/2026-11-18T16:00:00Z',
  'the 25-hour DST day in New York': '2026-11-01T00:00:00-04:00/2026-11-02T00:00:00-05:00',
  'the 23-hour DST day in New York': '2026-03-08T00:00:00-05:00/2026-03-09T00:00:00-04:00',
  'three days and a bit': '2026-11-12T07:45:00Z/2026-11-15T09:00:00Z',
  'today, reaching past now (conversations in progress)': '2026-11-20T00:00:00Z/2026-11-21T00:00:00Z',
  'the hours around now': '2026-11-20T13:00:00Z/2026-11-20T16:00:00Z',
  'the future': '2026-11-21T00:00:00Z/2026-11-22T00:00:00Z',
  'before retention': '2026-01-02T00:00:00Z/2026-01-03T00:00:00Z',
  'across the retention edge': '2026-01-24T00:00:00Z/2026-01-27T00:00:00Z',
};
const EMPTY = new Set([INTERVALS['the future'], INTERVALS['before retention']]);
const ORDERS = [
  {},
  { order: 'asc' },
  { order: 'desc' },
  { order: 'unordered' },
  { order: 'desc', orderBy: 'conversationStart' },
];
const PAGES = [
  { pageSize: 100, pageNumber: 1 },
  { pageSize: 100, pageNumber: 2 },
  { pageSize: 7, pageNumber: 13 },
  { pageSize: 100, pageNumber: 12 },
  { pageSize: 25, pageNumber: 4000 },
];

describe('details query fast path', () => {
  const e = engines({});

  it.each(Object.entries(INTERVALS))('answers %s exactly as the general path does', (_, interval) => {
    let rows = 0;
    for (const order of ORDERS) {
      for (const paging of PAGES) {
        const [fast, slow] = answers(e, { interval, ...order, paging });
        expect(fast).toBe(slow);
        rows += (JSON.parse(fast) as Models.AnalyticsConversationQueryResponse).conversations?.length ?? 0;
      }
    }
    // Nothing exists after now or before retention; every other interval must really have been compared.
    expect(rows > 0).toBe(!EMPTY.has(interval));
  });

  it('includes conversations in progress near now, as they stand now, in both orders', () => {
    const interval = INTERVALS['the hours around now'];
    for (const order of ['asc', 'desc']) {
      const [fast, slow] = answers(e, { interval, order, paging: { pageSize: 100, pageNumber: 1 } });
      expect(fast).toBe(slow);
    }
    const latest = e.fast.detailsQuery({ interval, order: 'desc', paging: { pageSize: 100, pageNumber: 1 } });
    expect(latest.conversations?.some((c) => c.conversationEnd === undefined)).toBe(true);
  });

  it('keeps a live page stable for a moment and then moves on, as the general path does', () => {
    const clock = { ms: NOW };
    const moving = engines({ now: () => clock.ms });
    const query = {
      interval: INTERVALS['the hours around now'],
      order: 'desc',
      paging: { pageSize: 100, pageNumber: 1 },
    };
    const seen: string[] = [];
    for (const step of [0, 700, 800, 60_000, 3_600_000]) {
      clock.ms += step;
      const [fast, slow] = answers(moving, query);
      expect(fast).toBe(slow);
      seen.push(fast);
    }
    expect(seen[1]).toBe(seen[0]);
    expect(seen[4]).not.toBe(seen[0]);
  });

  it('leaves filtered queries and other orders to the general path, with the same answers', () => {
    const interval = INTERVALS['a New York day (crosses UTC midnight)'];
    const queries: Models.ConversationQuery[] = [
      { interval, orderBy: 'conversationEnd', paging: { pageSize: 100, pageNumber: 3 } },
      { interval, orderBy: 'segmentStart', order: 'desc' },
      { interval, segmentFilters: [{ type: 'and', predicates: [{ dimension: 'mediaType', value: 'email' }] }] },
      {
        interval,
        conversationFilters: [{ type: 'or', predicates: [{ dimension: 'originatingDirection', value: 'outbound' }] }],
      },
    ];
    for (const query of queries) {
      const [fast, slow] = answers(e, query);
      expect(fast).toBe(slow);
    }
  });

  it('builds about a page of conversations for the first page of a UTC day nobody asked for', () => {
    const fresh = engines({ perDay: 20_000 });
    const first = fresh.fast.detailsQuery({
      interval: INTERVALS['a UTC day'],
      paging: { pageSize: 100, pageNumber: 1 },
    });
    const general = fresh.slow.detailsQuery({
      interval: INTERVALS['a UTC day'],
      paging: { pageSize: 100, pageNumber: 1 },
    });
    expect(first).toEqual(general);
    expect(first.totalHits).toBeGreaterThan(15_000);
    // A few more than 100 only when equal start times straddle the page's edge.
    expect(fresh.indexed.stats().conversationsBuilt).toBeLessThan(110);
    expect(fresh.plain.stats().conversationsBuilt).toBeGreaterThanOrEqual(first.totalHits ?? 0);
  });

  it('learns the ends of only the conversations that may still be going, for an evening hour nobody asked for', () => {
    const fresh = engines({ perDay: 20_000 });
    // 21:00 UTC is 16:00 in New York: 21 hours of the UTC day lie before the hour.
    const interval = '2026-11-18T21:00:00Z/2026-11-18T22:00:00Z';
    const query = { interval, paging: { pageSize: 100, pageNumber: 1 } };
    expect(fresh.fast.detailsQuery(query)).toEqual(fresh.slow.detailsQuery(query));
    const before = fresh.indexed.startsBetween?.(Date.parse('2026-11-18T00:00:00Z'), Date.parse(interval.slice(0, 20)));
    expect(before?.length).toBeGreaterThan(10_000);
    // Calls and chats that started more than two hours earlier have certainly ended: only emails, callbacks,
    // messages and the last hours' calls are looked at.
    expect(fresh.indexed.stats().endsComputed).toBeLessThan((before?.length ?? 0) * 0.4);
    expect(fresh.indexed.stats().conversationsBuilt).toBeLessThan(110);
  });

  it('orders conversations that start in the same millisecond by id, even across a page edge', () => {
    // At 20,000 a day a few conversations share a start millisecond with another.
    const busy = engines({ perDay: 20_000 });
    const interval = INTERVALS['a New York day (crosses UTC midnight)'];
    const index = busy.indexed.startsBetween?.(Date.parse('2026-11-17T05:00:00Z'), Date.parse('2026-11-18T05:00:00Z'));
    const tiedStarts = new Set<number>();
    for (let i = 1; i < (index?.length ?? 0); i++) {
      if (index?.startAt(i) === index?.startAt(i - 1)) tiedStarts.add(index?.startAt(i) ?? 0);
    }
    expect(tiedStarts.size).toBeGreaterThanOrEqual(2);

    for (const order of ['asc', 'desc']) {
      // Where the tied conversations sit in this query's answer (found through the general path).
      const all: Models.AnalyticsConversationWithoutAttributes[] = [];
      for (let pageNumber = 1; ; pageNumber++) {
        const page = busy.slow.detailsQuery({ interval, order, paging: { pageSize: 100, pageNumber } });
        if (!page.conversations) break;
        all.push(...page.conversations);
      }
      const tiedAt = all.flatMap((c, p) => (tiedStarts.has(Date.parse(c.conversationStart ?? '')) ? [p] : []));
      expect(tiedAt.length).toBeGreaterThanOrEqual(2 * tiedStarts.size);
      // Pages of 1, 2 and 3 rows around every tied position put page edges inside each tie.
      for (const position of tiedAt) {
        for (const pageSize of [1, 2, 3]) {
          const pageNumber = Math.floor(position / pageSize) + 1;
          const [fast, slow] = answers(busy, { interval, order, paging: { pageSize, pageNumber } });
          expect(fast).toBe(slow);
        }
      }
    }
  });
});

describe('details job results fast path', () => {
  const { jobQueuedMs, jobPendingMs } = DEFAULT_LIMITS;

  /** Every page of a job's results from one engine, with the cursor reduced to whether there is one. */
  function pagesOf(engine: ReturnType<typeof createAnalyticsEngine>, jobId: string, pageSize: number): string[] {
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = engine.jobResults(jobId, cursor, pageSize);
      cursor = page.cursor;
      pages.push(JSON.stringify({ ...page, cursor: cursor !== undefined }));
    } while (cursor !== undefined);
    return pages;
  }

  const JOBS: Models.AsyncConversationQuery[] = [
    { interval: '2026-11-17T05:00:00Z/2026-11-18T05:00:00Z' },
    { interval: '2026-11-17T05:00:00Z/2026-11-18T05:00:00Z', order: 'desc', startOfDayIntervalMatching: true },
    { interval: '2026-10-31T10:00:00Z/2026-11-02T10:00:00Z', order: 'desc', limit: 777 },
    // Reaching past the data lake's edge and now: conversations in progress or ended too late are left out.
    { interval: '2026-11-20T00:00:00Z/2026-11-21T00:00:00Z', orderBy: 'conversationStart' },
    // Filtered and other orders go the general way; the answers must still agree.
    { interval: '2026-11-17T05:00:00Z/2026-11-18T05:00:00Z', orderBy: 'conversationEnd', order: 'desc' },
    {
      interval: '2026-11-17T05:00:00Z/2026-11-18T05:00:00Z',
      segmentFilters: [{ type: 'and', predicates: [{ dimension: 'mediaType', value: 'chat' }] }],
    },
  ];

  it.each(JOBS.map((job) => [JSON.stringify(job), job] as const))(
    'pages %s exactly as the general path does',
    (_, job) => {
      const clock = { ms: NOW };
      const e = engines({ now: () => clock.ms });
      const fastJob = e.fast.submitJob(job).jobId ?? '';
      const slowJob = e.slow.submitJob(job).jobId ?? '';
      clock.ms += jobQueuedMs + jobPendingMs;
      for (const pageSize of [1000, 333]) {
        const fast = pagesOf(e.fast, fastJob, pageSize);
        expect(fast).toEqual(pagesOf(e.slow, slowJob, pageSize));
        expect(fast[0]).toContain('conversationId');
      }
    },
  );

  it('keeps no conversations for a fulfilled job, building each page when it is read', () => {
    const clock = { ms: NOW };
    const e = engines({ now: () => clock.ms });
    const jobId = e.fast.submitJob({ interval: '2026-11-16T05:00:00Z/2026-11-18T05:00:00Z' }).jobId ?? '';
    clock.ms += jobQueuedMs + jobPendingMs;
    e.fast.jobResults(jobId, undefined, 10);
    // Every end in the two days (and the day before) had to be learnt, but only the page was built.
    expect(e.indexed.stats().endsComputed).toBeGreaterThan(6000);
    expect(e.indexed.stats().conversationsBuilt).toBeLessThan(20);
  });
});
