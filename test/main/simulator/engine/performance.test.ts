/**
 * The server must answer a 100-row details page over a day of 20,000
 * conversations well under 50 ms once the day exists. Budgets here are loose
 * enough for a busy CI machine; the point is to catch an accidental
 * quadratic, not to benchmark.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createAnalyticsEngine } from '../../../../main/simulator/engine';
import { DEFAULT_LIMITS } from '../../../../main/simulator/model';
import { fixtureDataset } from './fixture-dataset';
import { syntheticDay } from './synthetic-day';

const DAY = Date.parse('2024-05-01T00:00:00Z');
const INTERVAL = '2024-05-01T00:00:00Z/2024-05-02T00:00:00Z';

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

describe('performance over a 20,000-conversation day', () => {
  const dataset = fixtureDataset({ ms: Date.parse('2024-05-03T00:00:00Z') }, syntheticDay(20_000, DAY));
  const engine = createAnalyticsEngine(dataset, DEFAULT_LIMITS);

  it('pages through a details query quickly', () => {
    const first = timed(() => engine.detailsQuery({ interval: INTERVAL, paging: { pageSize: 100, pageNumber: 1 } }));
    expect(first.value.totalHits).toBe(20_000);
    const later = timed(() => engine.detailsQuery({ interval: INTERVAL, paging: { pageSize: 100, pageNumber: 150 } }));
    expect(later.value.conversations).toHaveLength(100);
    const filtered = timed(() =>
      engine.detailsQuery({
        interval: INTERVAL,
        segmentFilters: [{ type: 'and', predicates: [{ dimension: 'queueId', value: 'queue-b' }] }],
        conversationFilters: [{ type: 'and', predicates: [{ metric: 'tTalk', range: { gte: 120_000 } }] }],
        paging: { pageSize: 100, pageNumber: 1 },
      }),
    );
    expect(filtered.value.totalHits).toBeGreaterThan(1000);
    console.info(
      `details: first page ${first.ms.toFixed(1)} ms (parse + filter + sort), cached page ${later.ms.toFixed(2)} ms, ` +
        `new filtered shape ${filtered.ms.toFixed(1)} ms`,
    );
    expect(later.ms).toBeLessThan(20);
    expect(first.ms).toBeLessThan(400);
    expect(filtered.ms).toBeLessThan(400);
  });

  it('aggregates a day in half-hour buckets per queue', () => {
    const run = timed(() =>
      engine.aggregatesQuery({
        interval: INTERVAL,
        granularity: 'PT30M',
        timeZone: 'Europe/London',
        groupBy: ['queueId'],
        metrics: ['nOffered', 'tAnswered', 'tHandle', 'oServiceLevel'],
      }),
    );
    expect(run.value.results).toHaveLength(4);
    console.info(`aggregates: ${run.ms.toFixed(1)} ms`);
    expect(run.ms).toBeLessThan(1000);
  });
});
