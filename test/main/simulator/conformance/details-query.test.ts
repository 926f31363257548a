/**
 * POST /api/v2/analytics/conversations/details/query and
 * GET /api/v2/analytics/conversations/{id}/details through the official SDK,
 * against the real generator and engine (fact sheet §4, §3.5). Expected
 * answers are computed from an unfiltered paging of the same day, so every
 * filter is checked against what the client itself can see.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATE_METRICS, CONVERSATION_METRICS } from '../../../../main/simulator/engine/vocabulary';
import { sdkModelProblems } from './sdk-models';
import {
  allDetailPages,
  rejection,
  sessionsOf,
  startConformance,
  utcDay,
  type Conformance,
  type DetailPages,
  type SessionRef,
} from './support';

type Row = Models.AnalyticsConversationWithoutAttributes;

/** A Wednesday, wholly in the past at NOW: nothing in it changes between calls. */
const DAY = utcDay('2026-11-18');

let h: Conformance;
/** The whole day, unfiltered: the ground truth every filter is compared with. */
let all: DetailPages;

beforeAll(async () => {
  h = await startConformance();
  all = await allDetailPages(h.analytics, { interval: DAY.interval });
});

afterAll(async () => {
  await h.close();
});

const ms = (iso: string | undefined) => Date.parse(iso ?? '');
const idsOf = (rows: readonly Row[]) => rows.map((row) => row.conversationId ?? '');

/** Ids of the day's conversations that satisfy `keep`, in the default order. */
function expected(keep: (row: Row) => boolean): string[] {
  return idsOf(all.conversations.filter(keep));
}

function anySession(row: Row, test: (ref: SessionRef) => boolean): boolean {
  for (const ref of sessionsOf([row])) if (test(ref)) return true;
  return false;
}

function anySegment(row: Row, test: (segment: Models.AnalyticsConversationSegment, ref: SessionRef) => boolean) {
  return anySession(row, (ref) => (ref.session.segments ?? []).some((segment) => test(segment, ref)));
}

/** The values seen most often, for picking filter values the day really has. */
function mostCommon(values: Iterable<string | undefined>, n: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([value]) => value);
}

async function filteredIds(query: Omit<Models.ConversationQuery, 'interval'>): Promise<string[]> {
  const pages = await allDetailPages(h.analytics, { interval: DAY.interval, ...query });
  expect(new Set(pages.totalHits).size).toBe(1);
  expect(pages.conversations).toHaveLength(pages.totalHits[0] ?? -1);
  return idsOf(pages.conversations);
}

describe('details query paging', () => {
  it('pages a past day to the end: pages add up to totalHits, with no duplicates and no gaps', () => {
    const generated = [...h.sim.dataset.conversationsBetween(DAY.startMs, DAY.endMs)].length;
    expect(generated).toBeGreaterThan(500);
    expect(new Set(all.totalHits)).toEqual(new Set([generated]));
    expect(all.conversations).toHaveLength(generated);
    expect(new Set(idsOf(all.conversations)).size).toBe(generated);
    // Full pages until the last one, then one call answering only totalHits.
    expect(all.pageSizes.slice(0, -1).every((size) => size === 100)).toBe(true);
    expect(all.totalHits).toHaveLength(all.pageSizes.length + 1);
    for (const row of all.conversations) {
      expect(ms(row.conversationStart)).toBeGreaterThanOrEqual(DAY.startMs);
      expect(ms(row.conversationStart)).toBeLessThan(DAY.endMs);
    }
  });

  it('orders by conversationStart ascending by default, descending on request', async () => {
    const starts = all.conversations.map((row) => ms(row.conversationStart));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const desc = await allDetailPages(h.analytics, { interval: DAY.interval, order: 'desc' });
    const descStarts = desc.conversations.map((row) => ms(row.conversationStart));
    expect(descStarts).toEqual([...descStarts].sort((a, b) => b - a));
    expect(new Set(idsOf(desc.conversations))).toEqual(new Set(idsOf(all.conversations)));
  });

  it('orders by conversationEnd when asked, in both directions', async () => {
    const ends = all.conversations.map((row) => ms(row.conversationEnd));
    for (const order of ['asc', 'desc'] as const) {
      const page: Models.AnalyticsConversationQueryResponse = await h.analytics.postAnalyticsConversationsDetailsQuery({
        interval: DAY.interval,
        orderBy: 'conversationEnd',
        order,
        paging: { pageSize: 100, pageNumber: 1 },
      });
      const got = (page.conversations ?? []).map((row) => ms(row.conversationEnd));
      const sorted = [...ends].sort((a, b) => (order === 'asc' ? a - b : b - a));
      expect(got).toEqual(sorted.slice(0, 100));
    }
  });

  it('answers a single conversation with exactly its query row, and 404 for an unknown id', async () => {
    for (const row of all.conversations.filter((_, i) => i % 250 === 0)) {
      const one: Models.AnalyticsConversationWithoutAttributes = await h.analytics.getAnalyticsConversationDetails(
        row.conversationId ?? '',
      );
      expect(one).toEqual(row);
    }
    const missing = await rejection(
      h.analytics.getAnalyticsConversationDetails('00000000-0000-4000-8000-000000000000'),
    );
    expect(missing).toMatchObject({ status: 404, code: 'not.found' });
  });
});

describe('details query records', () => {
  it('match the SDK models field by field, with metric names from the SDK enums', async () => {
    const first: Models.AnalyticsConversationQueryResponse = await h.analytics.postAnalyticsConversationsDetailsQuery({
      interval: DAY.interval,
      paging: { pageSize: 100, pageNumber: 1 },
    });
    expect(sdkModelProblems(first, 'AnalyticsConversationQueryResponse')).toEqual([]);
    const problems = all.conversations.flatMap((row) =>
      sdkModelProblems(row, 'AnalyticsConversationWithoutAttributes'),
    );
    expect(problems.slice(0, 10)).toEqual([]);
    const names = new Set(
      [...sessionsOf(all.conversations)].flatMap(({ session }) => session.metrics ?? []).map((m) => m.name ?? ''),
    );
    expect([...names].filter((name) => !CONVERSATION_METRICS.has(name) && !AGGREGATE_METRICS.has(name))).toEqual([]);
    // Participant data belongs to job results only (fact sheet §4.2, §5).
    expect(all.conversations.some((row) => row.participants?.some((p) => 'attributes' in p))).toBe(false);
  });

  it('keep segments and metrics inside the conversation, and tHandle = talk + hold + ACW (+ dialing + contacting)', () => {
    const handled: string[] = [];
    for (const { conversation, session } of sessionsOf(all.conversations)) {
      const start = ms(conversation.conversationStart);
      const end = ms(conversation.conversationEnd);
      for (const segment of session.segments ?? []) {
        expect(ms(segment.segmentStart)).toBeGreaterThanOrEqual(start);
        expect(ms(segment.segmentEnd)).toBeLessThanOrEqual(end);
        expect(ms(segment.segmentEnd)).toBeGreaterThanOrEqual(ms(segment.segmentStart));
      }
      const sum = (name: string) =>
        (session.metrics ?? []).filter((m) => m.name === name).reduce((total, m) => total + (m.value ?? 0), 0);
      for (const metric of session.metrics ?? []) {
        expect(ms(metric.emitDate)).toBeGreaterThanOrEqual(start);
        expect(ms(metric.emitDate)).toBeLessThanOrEqual(end);
      }
      if ((session.metrics ?? []).some((m) => m.name === 'tHandle')) {
        handled.push(session.sessionId ?? '');
        // Resource Center AHT definition (fact sheet §7).
        expect(sum('tHandle')).toBe(sum('tTalk') + sum('tHeld') + sum('tAcw') + sum('tDialing') + sum('tContacting'));
      }
    }
    expect(handled.length).toBeGreaterThan(300);
  });
});

describe('details query filters', () => {
  const queues = () =>
    mostCommon(
      [...sessionsOf(all.conversations)].flatMap(({ session }) => (session.segments ?? []).map((s) => s.queueId)),
      2,
    );

  it('conversation filter with "and": outbound conversations only', async () => {
    const want = expected((row) => row.originatingDirection === 'outbound');
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.conversations.length);
    const got = await filteredIds({
      conversationFilters: [{ type: 'and', predicates: [{ dimension: 'originatingDirection', value: 'outbound' }] }],
    });
    expect(got).toEqual(want);
  });

  it('conversation filter with "or": either of two divisions', async () => {
    const [first = '', second = ''] = mostCommon(
      all.conversations.flatMap((row) => row.divisionIds ?? []),
      2,
    );
    const want = expected((row) => (row.divisionIds ?? []).some((id) => id === first || id === second));
    expect(want.length).toBeLessThan(all.conversations.length);
    const got = await filteredIds({
      conversationFilters: [
        {
          type: 'or',
          predicates: [
            { dimension: 'divisionId', value: first },
            { dimension: 'divisionId', value: second },
          ],
        },
      ],
    });
    expect(got).toEqual(want);
  });

  it('conversation filter on a metric range: some session handled for more than 10 minutes', async () => {
    const want = expected((row) =>
      anySession(row, ({ session }) =>
        (session.metrics ?? []).some((m) => m.name === 'tHandle' && (m.value ?? 0) > 600_000),
      ),
    );
    expect(want.length).toBeGreaterThan(0);
    const got = await filteredIds({
      conversationFilters: [
        { type: 'and', predicates: [{ type: 'metric', metric: 'tHandle', range: { gt: 600_000 } }] },
      ],
    });
    expect(got).toEqual(want);
  });

  it('segment filter with "and": one segment must be both on the queue and in a voice session', async () => {
    const [queue = ''] = queues();
    const want = expected((row) =>
      anySegment(row, (segment, { session }) => segment.queueId === queue && session.mediaType === 'voice'),
    );
    expect(want.length).toBeGreaterThan(0);
    const got = await filteredIds({
      segmentFilters: [
        {
          type: 'and',
          predicates: [
            { dimension: 'queueId', value: queue },
            { dimension: 'mediaType', value: 'voice' },
          ],
        },
      ],
    });
    expect(got).toEqual(want);
  });

  it('segment filter with "or" clauses, each an "and" of predicates', async () => {
    const [a = '', b = ''] = queues();
    const want = expected((row) =>
      anySegment(
        row,
        (segment) =>
          (segment.queueId === a && segment.segmentType === 'interact') ||
          (segment.queueId === b && segment.disconnectType === 'client'),
      ),
    );
    expect(want.length).toBeGreaterThan(0);
    const got = await filteredIds({
      segmentFilters: [
        {
          type: 'or',
          clauses: [
            {
              type: 'and',
              predicates: [
                { dimension: 'queueId', value: a },
                { dimension: 'segmentType', value: 'interact' },
              ],
            },
            {
              type: 'and',
              predicates: [
                { dimension: 'queueId', value: b },
                { dimension: 'disconnectType', value: 'client' },
              ],
            },
          ],
        },
      ],
    });
    expect(got).toEqual(want);
  });

  it('ANDs filters in an array, each met by its own segment, and with the conversation filters', async () => {
    const [queue = ''] = queues();
    const [code = ''] = mostCommon(
      [...sessionsOf(all.conversations)].flatMap(({ session }) => (session.segments ?? []).map((s) => s.wrapUpCode)),
      1,
    );
    const want = expected(
      (row) =>
        row.originatingDirection === 'inbound' &&
        anySegment(row, (segment) => segment.queueId === queue) &&
        anySegment(row, (segment) => segment.wrapUpCode === code),
    );
    expect(want.length).toBeGreaterThan(0);
    const got = await filteredIds({
      conversationFilters: [{ type: 'and', predicates: [{ dimension: 'originatingDirection', value: 'inbound' }] }],
      segmentFilters: [
        { type: 'and', predicates: [{ dimension: 'queueId', value: queue }] },
        { type: 'and', predicates: [{ dimension: 'wrapUpCode', value: code }] },
      ],
    });
    expect(got).toEqual(want);
  });

  it('"exists" on conversationEnd keeps every finished conversation of a past day', async () => {
    const got = await filteredIds({
      conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'exists' }] }],
    });
    expect(got).toEqual(expected((row) => row.conversationEnd !== undefined));
  });
});

describe('details query limits', () => {
  const query = (interval: string, paging: Models.PagingSpec = { pageSize: 1, pageNumber: 1 }) =>
    h.analytics.postAnalyticsConversationsDetailsQuery({ interval, paging });

  it('accepts 7 days and refuses a longer interval with the reason and the way out', async () => {
    const week = await query('2026-11-10T00:00:00.000Z/2026-11-17T00:00:00.000Z');
    expect(week.totalHits).toBeGreaterThan(0);
    const tooLong = '2026-11-10T00:00:00.000Z/2026-11-17T00:00:00.001Z';
    const error = await rejection(query(tooLong));
    expect(error).toMatchObject({
      status: 400,
      code: 'bad.request',
      message: `Interval '${tooLong}' exceeds the maximum of 7 days for a details query; query shorter intervals or submit a details job`,
    });
    expect(error.contextId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a pageSize of 100 and refuses 101', async () => {
    const page = await query(DAY.interval, { pageSize: 100, pageNumber: 1 });
    expect(page.conversations).toHaveLength(100);
    const error = await rejection(query(DAY.interval, { pageSize: 101, pageNumber: 1 }));
    expect(error).toMatchObject({
      status: 400,
      code: 'bad.request',
      message: 'paging.pageSize must be between 1 and 100, got 101',
    });
  });

  it('allows paging up to 100000 results and refuses one page further with the Genesys message', async () => {
    const last = await query(DAY.interval, { pageSize: 100, pageNumber: 1000 });
    expect(last.conversations).toBeUndefined();
    expect(last.totalHits).toBe(all.conversations.length);
    for (const paging of [
      { pageSize: 100, pageNumber: 1001 },
      { pageSize: 50, pageNumber: 2001 },
    ]) {
      const error = await rejection(query(DAY.interval, paging));
      expect(error).toMatchObject({
        status: 400,
        code: 'bad.request',
        message: 'Pagination may not exceed 100000 results.',
      });
    }
  });

  it('refuses the invented fields tutorials use instead of ignoring them', async () => {
    const error = await rejection(
      h.analytics.postAnalyticsConversationsDetailsQuery({
        interval: DAY.interval,
        nextPageToken: 'abc',
      } as Models.ConversationQuery),
    );
    expect(error).toMatchObject({ status: 400, code: 'bad.request' });
    expect(error.message).toContain("Unrecognized field 'nextPageToken'");
  });
});
