import { describe, expect, it } from 'vitest';
import { buildBuckets } from '../../../../main/simulator/engine/buckets';
import { parseInterval } from '../../../../main/simulator/engine/interval';
import { parsePeriod } from '../../../../main/simulator/engine/period';
import { addPeriod, fromLocalMs, toLocalMs } from '../../../../main/simulator/engine/zoned-time';

const HOUR = 3_600_000;

function bucketsOf(interval: string, granularity: string, zone: string): number[] {
  const boundaries = buildBuckets(parseInterval(interval), parsePeriod(granularity), zone).boundaries;
  return boundaries.slice(1).map((end, i) => (end - (boundaries[i] ?? 0)) / HOUR);
}

describe('buckets', () => {
  it('has 25 hourly buckets on the day Europe/London falls back, 23 on the day it springs forward', () => {
    expect(bucketsOf('2024-10-27T00:00:00+01:00/2024-10-28T00:00:00Z', 'PT1H', 'Europe/London')).toEqual(
      Array<number>(25).fill(1),
    );
    expect(bucketsOf('2024-03-31T00:00:00Z/2024-04-01T00:00:00+01:00', 'PT1H', 'Europe/London')).toEqual(
      Array<number>(23).fill(1),
    );
  });

  it('steps P1D across both New York transitions', () => {
    expect(bucketsOf('2024-03-09T00:00:00-05:00/2024-03-12T00:00:00-04:00', 'P1D', 'America/New_York')).toEqual([
      24, 23, 24,
    ]);
    expect(bucketsOf('2024-11-02T00:00:00-04:00/2024-11-05T00:00:00-05:00', 'P1D', 'America/New_York')).toEqual([
      24, 25, 24,
    ]);
  });

  it('cuts the last bucket at the interval end', () => {
    expect(bucketsOf('2024-05-01T00:00:00Z/2024-05-01T02:00:00Z', 'PT45M', 'UTC')).toEqual([0.75, 0.75, 0.5]);
  });

  it('is one bucket without a granularity', () => {
    expect(bucketsOf('2024-05-01T00:00:00Z/2024-05-03T00:00:00Z', 'P2D', 'UTC')).toEqual([48]);
    expect(
      buildBuckets(parseInterval('2024-05-01T00:00:00Z/2024-05-03T00:00:00Z'), undefined, 'UTC').boundaries,
    ).toHaveLength(2);
  });
});

describe('zoned time', () => {
  it('moves a time in the spring gap forward and picks the earlier of a repeated time', () => {
    // 01:30 on 2024-03-31 does not exist in London (clocks jump 01:00 → 02:00): it becomes 02:30 BST = 01:30Z.
    expect(new Date(fromLocalMs('Europe/London', Date.UTC(2024, 2, 31, 1, 30))).toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
    // 01:30 on 2024-10-27 happens twice: first in BST (00:30Z).
    expect(new Date(fromLocalMs('Europe/London', Date.UTC(2024, 9, 27, 1, 30))).toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
    expect(toLocalMs('America/New_York', Date.parse('2024-07-01T12:00:00Z'))).toBe(Date.UTC(2024, 6, 1, 8));
  });

  it('adds months on the calendar, clamping to short months without drifting', () => {
    const jan31 = Date.parse('2024-01-31T00:00:00Z');
    const month = parsePeriod('P1M');
    if (!month) throw new Error('P1M should parse');
    expect(new Date(addPeriod('UTC', jan31, month, 1)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addPeriod('UTC', jan31, month, 2)).toISOString()).toBe('2024-03-31T00:00:00.000Z');
  });

  it('parses ISO-8601 periods', () => {
    expect(parsePeriod('P1DT12H')).toEqual({ years: 0, months: 0, weeks: 0, days: 1, timeMs: 12 * HOUR });
    expect(parsePeriod('PT15M')?.timeMs).toBe(15 * 60_000);
    for (const bad of ['P', 'PT', 'PT0S', '1D', 'P1H', 'PT1.5H']) expect(parsePeriod(bad), bad).toBeUndefined();
  });
});
