/**
 * Details and aggregates are two views of the same conversations (issue 3
 * §3): adding up the session metrics a client reads from the details query,
 * each in the bucket of its emitDate (fact sheet §6.2), must give exactly what
 * the aggregates query reports — per queue, per agent, per wrap-up code and
 * bucket by bucket. Everything here goes through the official SDK.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  allDetailPages,
  queueOfSession,
  sessionsOf,
  startConformance,
  utcDay,
  type Conformance,
  type SessionRef,
} from './support';

const DAY = utcDay('2026-11-18');
const METRICS = [
  'nOffered',
  'tAnswered',
  'tAbandon',
  'tShortAbandon',
  'tFlowOut',
  'nOverSla',
  'tTalk',
  'tHeld',
  'tAcw',
  'tHandle',
  'nTransferred',
];

let h: Conformance;
/** Every conversation that can have emitted a metric on DAY: those started from the UTC day before. */
let sessions: SessionRef[];

beforeAll(async () => {
  h = await startConformance();
  const window = `${new Date(DAY.startMs - DAY_MS).toISOString()}/${new Date(DAY.endMs).toISOString()}`;
  sessions = [...sessionsOf((await allDetailPages(h.analytics, { interval: window })).conversations)];
});

afterAll(async () => {
  await h.close();
});

interface Totals {
  count: number;
  sum: number;
}

/** Totals of `metrics` from detail records, keyed by `keyOf` (undefined = not counted), emitted in [from, to). */
function fromDetails(
  keyOf: (ref: SessionRef) => string | undefined,
  metrics: readonly string[] = METRICS,
  from = DAY.startMs,
  to = DAY.endMs,
) {
  const totals = new Map<string, Totals>();
  for (const ref of sessions) {
    const key = keyOf(ref);
    if (key === undefined) continue;
    for (const metric of ref.session.metrics ?? []) {
      const at = Date.parse(metric.emitDate ?? '');
      if (at < from || at >= to || !metrics.includes(metric.name ?? '')) continue;
      const entry = `${key}|${metric.name ?? ''}`;
      const t = totals.get(entry) ?? { count: 0, sum: 0 };
      t.count += 1;
      t.sum += metric.value ?? 0;
      totals.set(entry, t);
    }
  }
  return totals;
}

/** The same totals read from an aggregates response grouped by one dimension. */
function fromAggregates(response: Models.ConversationAggregateQueryResponse, dimension: string, interval?: string) {
  const totals = new Map<string, Totals>();
  for (const result of response.results ?? []) {
    const data = interval ? result.data?.find((d) => d.interval === interval) : result.data?.[0];
    for (const metric of data?.metrics ?? []) {
      const name = metric.metric ?? '';
      const { count = 0, sum = 0 } = metric.stats ?? {};
      // n… metrics report only `count`, which is the sum of their 1s.
      const entry = name.startsWith('n') ? { count, sum: count } : { count, sum };
      totals.set(`${result.group?.[dimension] ?? ''}|${name}`, entry);
    }
  }
  return totals;
}

const sorted = (totals: Map<string, Totals>) => [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('details and aggregates agree', () => {
  it('per queue over a day, for every metric a queue report shows', async () => {
    const response = await h.analytics.postAnalyticsConversationsAggregatesQuery({
      interval: DAY.interval,
      groupBy: ['queueId'],
      metrics: METRICS,
    });
    const expected = fromDetails(({ session }) => queueOfSession(session));
    expect(expected.size).toBeGreaterThan(30);
    expect(sorted(fromAggregates(response, 'queueId'))).toEqual(sorted(expected));
  });

  it('nOffered per queue equals the queue legs offered that day in the detail records', async () => {
    const response = await h.analytics.postAnalyticsConversationsAggregatesQuery({
      interval: DAY.interval,
      groupBy: ['queueId'],
      metrics: ['nOffered'],
    });
    const offered = new Map<string, number>();
    for (const { participant, session } of sessions) {
      const emitted = (session.metrics ?? []).filter(
        (m) =>
          m.name === 'nOffered' &&
          Date.parse(m.emitDate ?? '') >= DAY.startMs &&
          Date.parse(m.emitDate ?? '') < DAY.endMs,
      );
      if (emitted.length === 0) continue;
      // Offers are made on the queue (acd) leg (fact sheet §4.2).
      expect(participant.purpose).toBe('acd');
      const queueId = queueOfSession(session) ?? '';
      offered.set(queueId, (offered.get(queueId) ?? 0) + emitted.length);
    }
    const reported = new Map(
      (response.results ?? []).map((r) => [r.group?.queueId ?? '', r.data?.[0]?.metrics?.[0]?.stats?.count ?? 0]),
    );
    expect(reported).toEqual(offered);
  });

  it('per agent and per wrap-up code, for handle time', async () => {
    for (const [dimension, keyOf] of [
      ['userId', ({ participant }: SessionRef) => participant.userId],
      ['wrapUpCode', ({ session }: SessionRef) => session.segments?.find((s) => s.wrapUpCode)?.wrapUpCode],
    ] as const) {
      const response = await h.analytics.postAnalyticsConversationsAggregatesQuery({
        interval: DAY.interval,
        groupBy: [dimension],
        metrics: ['tHandle', 'tTalk', 'tAcw'],
      });
      const expected = fromDetails(keyOf, ['tHandle', 'tTalk', 'tAcw']);
      expect(expected.size).toBeGreaterThan(10);
      expect(sorted(fromAggregates(response, dimension))).toEqual(sorted(expected));
    }
  });

  it('bucket by bucket in half hours, with exactly the buckets that have data', async () => {
    const response = await h.analytics.postAnalyticsConversationsAggregatesQuery({
      interval: DAY.interval,
      granularity: 'PT30M',
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tHandle'],
      filter: { type: 'and', predicates: [{ dimension: 'mediaType', value: 'voice' }] },
    });
    let buckets = 0;
    for (let from = DAY.startMs; from < DAY.endMs; from += DAY_MS / 48) {
      const interval = `${new Date(from).toISOString()}/${new Date(from + DAY_MS / 48).toISOString()}`;
      const wanted = fromDetails(
        ({ session }) => (session.mediaType === 'voice' ? queueOfSession(session) : undefined),
        ['nOffered', 'tHandle'],
        from,
        from + DAY_MS / 48,
      );
      expect(sorted(fromAggregates(response, 'queueId', interval)), interval).toEqual(sorted(wanted));
      buckets += new Set([...wanted.keys()].map((key) => key.split('|')[0])).size;
    }
    // Every bucket the response holds was matched above: none is empty, none is missing.
    expect((response.results ?? []).reduce((n, r) => n + (r.data?.length ?? 0), 0)).toBe(buckets);
  });

  it("oServiceLevel is (answered − over SLA) ÷ (answered + abandoned − short abandons) of the queue's records", async () => {
    const response = await h.analytics.postAnalyticsConversationsAggregatesQuery({
      interval: DAY.interval,
      groupBy: ['queueId'],
      metrics: ['oServiceLevel'],
    });
    const totals = fromDetails(({ session }) => queueOfSession(session));
    const count = (queueId: string, metric: string) => totals.get(`${queueId}|${metric}`)?.count ?? 0;
    for (const result of response.results ?? []) {
      const queueId = result.group?.queueId ?? '';
      const answered = count(queueId, 'tAnswered');
      expect(result.data?.[0]?.metrics?.[0]?.stats).toMatchObject({
        numerator: answered - count(queueId, 'nOverSla'),
        denominator: answered + count(queueId, 'tAbandon') - count(queueId, 'tShortAbandon'),
      });
    }
    expect(response.results?.length).toBeGreaterThan(3);
  });
});
