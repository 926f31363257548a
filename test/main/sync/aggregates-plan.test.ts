import { describe, expect, it } from 'vitest';
import { buildBuckets } from '../../../main/simulator/engine/buckets';
import { parsePeriod as simulatorPeriod } from '../../../main/simulator/engine/period';
import { aggregateKeyOf, planAggregateChunks, type AggregateQuery } from '../../../main/sync/aggregates-plan';
import { addLocal, startOfLocalDay } from '../../../main/sync/zoned-time';

const DAY = 86_400_000;

/** The simulator's bucket boundaries over the whole range: an independent implementation to check against. */
function simulatorBoundaries(query: AggregateQuery, start: number, end: number): Set<number> {
  const { boundaries } = buildBuckets(
    { startMs: start, endMs: end, text: 'test' },
    simulatorPeriod(query.granularity ?? ''),
    query.timeZone ?? 'UTC',
  );
  return new Set(boundaries);
}

const CASES: { zone: string; granularity: string; days: number }[] = [
  { zone: 'Europe/Berlin', granularity: 'PT30M', days: 20 }, // spans the March DST change
  { zone: 'Europe/Berlin', granularity: 'P1D', days: 75 },
  { zone: 'America/Chicago', granularity: 'PT1H', days: 9 },
  { zone: 'America/Chicago', granularity: 'P7D', days: 63 },
  { zone: 'Australia/Adelaide', granularity: 'P1M', days: 200 }, // a half-hour offset, DST in April and October
  { zone: 'UTC', granularity: 'PT15M', days: 5 },
];

describe('aggregates chunks', () => {
  for (const { zone, granularity, days } of CASES) {
    it(`${granularity} in ${zone}: cut on bucket boundaries, whole buckets only, within the request limits`, () => {
      const query: AggregateQuery = { granularity, timeZone: zone, metrics: ['nOffered'] };
      const start = startOfLocalDay(zone, Date.UTC(2024, 2, 5, 12));
      const end = addLocal(zone, start, 0, days);
      const boundaries = simulatorBoundaries(query, start, end);
      // A ragged missing part in the middle (as coverage can leave it), and the whole range.
      for (const missing of [
        { start: start + 2 * DAY + 1234567, end: end - DAY - 7654321 },
        { start, end },
      ]) {
        const chunks = planAggregateChunks(query, aggregateKeyOf(query), { start, end }, [missing]);
        expect(chunks.length).toBeGreaterThan(0);
        expect(chunks[0]!.start).toBeLessThanOrEqual(missing.start);
        expect(chunks[chunks.length - 1]!.end).toBeGreaterThanOrEqual(missing.end);
        for (const [i, chunk] of chunks.entries()) {
          expect(boundaries.has(chunk.start!), `chunk ${i} start`).toBe(true);
          expect(boundaries.has(chunk.end!), `chunk ${i} end`).toBe(true);
          if (i > 0) expect(chunk.start).toBe(chunks[i - 1]!.end);
          const limit = granularity.startsWith('PT') ? 7 * DAY : 31 * DAY + 2 * 3600_000;
          const buckets = [...boundaries].filter((b) => b > chunk.start! && b <= chunk.end!).length;
          expect(chunk.end! - chunk.start! <= limit || buckets === 1).toBe(true);
        }
      }
    });
  }

  it('keeps a query without granularity whole: one bucket per missing part', () => {
    const query: AggregateQuery = { metrics: ['nOffered'], timeZone: 'Europe/Berlin' };
    const start = Date.UTC(2024, 0, 1);
    const chunks = planAggregateChunks(query, aggregateKeyOf(query), { start, end: start + 60 * DAY }, [
      { start, end: start + 10 * DAY },
      { start: start + 20 * DAY, end: start + 60 * DAY },
    ]);
    expect(chunks.map((chunk) => [chunk.start, chunk.end])).toEqual([
      [start, start + 10 * DAY],
      [start + 20 * DAY, start + 60 * DAY],
    ]);
  });
});
