import type { Granularity } from '../../../preload/contract/reports';
import {
  nextDay,
  nextMonth,
  nextWeek,
  startOfDay,
  dayOf,
  startOfHour,
  startOfMonth,
  startOfWeek,
} from '../zoned-calendar';

/**
 * Aggregates are fetched at one of two base granularities and rolled up locally, so a cached range serves
 * every interval choice offline and ranges that do not start on a Monday or the 1st still get calendar weeks
 * and months: half hours serve "30 min" and "hour"; local days serve "day", "week", "month" and "total".
 * Every KPI is a ratio of additive sums (MetricSums), so rolling up loses nothing.
 */
export const BASE_GRANULARITY: Record<Granularity, 'PT30M' | 'P1D'> = {
  PT30M: 'PT30M',
  PT1H: 'PT30M',
  P1D: 'P1D',
  P7D: 'P1D',
  P1M: 'P1D',
  total: 'P1D',
};

export interface Span {
  start: number;
  end: number;
}

/**
 * The report interval a cached bucket belongs to: the local hour, day, week (Monday first) or month holding
 * the bucket's start, cut to the report range (a range starting on a Wednesday starts its first week there).
 * Memoised per bucket start, since every group repeats the same buckets.
 */
export class RowIntervals {
  private readonly seen = new Map<number, Span>();

  constructor(
    private readonly granularity: Granularity,
    private readonly zone: string,
    private readonly range: Span,
  ) {}

  of(bucket: Span): Span {
    let span = this.seen.get(bucket.start);
    if (span === undefined) {
      span = this.compute(bucket);
      this.seen.set(bucket.start, span);
    }
    return span;
  }

  private compute(bucket: Span): Span {
    const { zone, range } = this;
    let start: number;
    let end: number;
    switch (this.granularity) {
      case 'PT30M':
        [start, end] = [bucket.start, bucket.end];
        break;
      case 'PT1H':
        start = startOfHour(bucket.start, zone);
        end = start + 3_600_000;
        break;
      case 'P1D':
        start = startOfDay(dayOf(bucket.start, zone), zone);
        end = nextDay(start, zone);
        break;
      case 'P7D':
        start = startOfWeek(bucket.start, zone);
        end = nextWeek(start, zone);
        break;
      case 'P1M':
        start = startOfMonth(bucket.start, zone);
        end = nextMonth(start, zone);
        break;
      case 'total':
        [start, end] = [range.start, range.end];
        break;
    }
    return { start: Math.max(start, range.start), end: Math.min(end, range.end) };
  }
}
