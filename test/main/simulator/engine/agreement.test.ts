/**
 * Details and aggregates are two views of the same conversations: summing the
 * session metrics a details query returns (by emitDate) must give exactly what
 * the aggregates query reports, group by group and bucket by bucket.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { fixtureEngine, statsOf } from './helpers';

const AGG_INTERVAL = '2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z';
const METRICS = ['nOffered', 'tAnswered', 'tAbandon', 'tTalk', 'tHeld', 'tAcw', 'tHandle', 'tAlert', 'nOverSla'];

interface Totals {
  count: number;
  sum: number;
}

/** Metric totals per queue from detail rows: each session's metrics, counted under the queue its segments name. */
function totalsFromDetails(
  conversations: Models.AnalyticsConversationWithoutAttributes[],
  startMs: number,
  endMs: number,
) {
  const totals = new Map<string, Totals>();
  for (const conversation of conversations) {
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        const queueId = session.segments?.find((s) => s.queueId)?.queueId;
        if (!queueId) continue;
        for (const metric of session.metrics ?? []) {
          const at = Date.parse(metric.emitDate ?? '');
          if (at < startMs || at >= endMs || !METRICS.includes(metric.name ?? '')) continue;
          const key = `${queueId}|${metric.name ?? ''}`;
          const t = totals.get(key) ?? { count: 0, sum: 0 };
          t.count += 1;
          t.sum += metric.value ?? 0;
          totals.set(key, t);
        }
      }
    }
  }
  return totals;
}

describe('details and aggregates agree', () => {
  const { engine } = fixtureEngine();

  it('per queue over a day', () => {
    // A details window wide enough to hold every conversation that emitted a metric on May 1.
    const details = engine.detailsQuery({
      interval: '2024-04-30T00:00:00Z/2024-05-03T00:00:00Z',
      paging: { pageSize: 100, pageNumber: 1 },
    });
    const totals = totalsFromDetails(
      details.conversations ?? [],
      Date.parse('2024-05-01T00:00:00Z'),
      Date.parse('2024-05-02T00:00:00Z'),
    );
    expect(totals.size).toBeGreaterThan(10);

    const aggregates = engine.aggregatesQuery({ interval: AGG_INTERVAL, groupBy: ['queueId'], metrics: METRICS });
    const seen = new Set<string>();
    for (const container of aggregates.results ?? []) {
      const queueId = container.group?.queueId ?? '';
      for (const metric of container.data?.[0]?.metrics ?? []) {
        const key = `${queueId}|${metric.metric ?? ''}`;
        seen.add(key);
        const expected = totals.get(key);
        expect(expected, key).toBeDefined();
        const stats = metric.stats ?? {};
        if ((metric.metric ?? '').startsWith('n')) {
          expect(stats.count, key).toBe(expected?.sum);
        } else {
          expect({ count: stats.count, sum: stats.sum }, key).toEqual(expected);
        }
      }
    }
    expect([...seen].sort()).toEqual([...totals.keys()].sort());
  });

  it('bucket by bucket', () => {
    const details = engine.detailsQuery({
      interval: '2024-04-30T00:00:00Z/2024-05-03T00:00:00Z',
      paging: { pageSize: 100, pageNumber: 1 },
    });
    const aggregates = engine.aggregatesQuery({
      interval: AGG_INTERVAL,
      granularity: 'PT30M',
      groupBy: ['queueId'],
      metrics: ['tHandle'],
    });
    for (const container of aggregates.results ?? []) {
      const queueId = container.group?.queueId ?? '';
      for (const data of container.data ?? []) {
        const [start = '', end = ''] = (data.interval ?? '').split('/');
        const expected = totalsFromDetails(details.conversations ?? [], Date.parse(start), Date.parse(end));
        expect(statsOf(aggregates, { queueId }, 'tHandle', data.interval)).toMatchObject(
          expected.get(`${queueId}|tHandle`) ?? {},
        );
      }
    }
  });
});
