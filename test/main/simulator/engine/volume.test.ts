/**
 * The engine over a day of 20,000 conversations (the volume), with
 * every expectation counted from the synthetic data itself. How fast it
 * answers is measured in test/bench/suites/simulator.bench.ts, not here.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyticsEngine } from '../../../../main/simulator/engine';
import { DEFAULT_LIMITS } from '../../../../main/simulator/model';
import { fixtureDataset } from './fixture-dataset';
import { statsOf } from './helpers';
import { syntheticDay } from './synthetic-day';

const DAY = Date.parse('2024-05-01T00:00:00Z');
const INTERVAL = '2024-05-01T00:00:00Z/2024-05-02T00:00:00Z';

describe('a 20,000-conversation day', () => {
  const conversations = syntheticDay(20_000, DAY);
  const engine = createAnalyticsEngine(
    fixtureDataset({ ms: Date.parse('2024-05-03T00:00:00Z') }, conversations),
    DEFAULT_LIMITS,
  );
  const metricOf = (c: (typeof conversations)[number], name: string) =>
    c.participants
      ?.flatMap((p) => p.sessions ?? [])
      .flatMap((s) => s.metrics ?? [])
      .find((m) => m.name === name)?.value;
  const queueOf = (c: (typeof conversations)[number]) => c.participants?.[1]?.sessions?.[0]?.segments?.[0]?.queueId;

  it('pages through every conversation in start order', () => {
    const first = engine.detailsQuery({ interval: INTERVAL, paging: { pageSize: 100, pageNumber: 1 } });
    expect(first.totalHits).toBe(conversations.length);
    const later = engine.detailsQuery({ interval: INTERVAL, paging: { pageSize: 100, pageNumber: 150 } });
    expect(later.conversations?.map((c) => c.conversationId)).toEqual(
      conversations.slice(14_900, 15_000).map((c) => c.conversationId),
    );
  });

  it('filters on a segment dimension and a metric range together', () => {
    const filtered = engine.detailsQuery({
      interval: INTERVAL,
      segmentFilters: [{ type: 'and', predicates: [{ dimension: 'queueId', value: 'queue-b' }] }],
      conversationFilters: [{ type: 'and', predicates: [{ metric: 'tTalk', range: { gte: 120_000 } }] }],
      paging: { pageSize: 100, pageNumber: 1 },
    });
    const expected = conversations.filter((c) => queueOf(c) === 'queue-b' && (metricOf(c, 'tTalk') ?? 0) >= 120_000);
    expect(expected.length).toBeGreaterThan(1000);
    expect(filtered.totalHits).toBe(expected.length);
  });

  it('aggregates the day per queue', () => {
    const response = engine.aggregatesQuery({
      interval: INTERVAL,
      granularity: 'P1D',
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tHandle'],
    });
    const queues = [...new Set(conversations.map(queueOf))];
    expect(response.results).toHaveLength(queues.length);
    for (const queueId of queues) {
      const mine = conversations.filter((c) => queueOf(c) === queueId);
      expect(statsOf(response, { queueId: queueId ?? '' }, 'nOffered')?.count).toBe(mine.length);
      expect(statsOf(response, { queueId: queueId ?? '' }, 'tHandle')?.sum).toBe(
        mine.reduce((sum, c) => sum + (metricOf(c, 'tHandle') ?? 0), 0),
      );
    }
  });
});
