/**
 * Aggregate buckets: the interval split by `granularity` in `timeZone`
 * (fact sheet §6.1). Boundaries are start + k × granularity computed on the
 * zone's clocks, so with the interval starting at local midnight P1D buckets
 * are local days — 23 or 25 hours long on DST days — while PT1H buckets stay
 * exact hours and therefore stay on local hour marks. The last bucket is cut
 * at the interval end when the granularity does not divide the interval
 * (assumption: the real API's behaviour there is not documented).
 */
import { type Interval, formatInterval } from './interval';
import type { Period } from './period';
import { badRequest } from './validation';
import { addPeriod } from './zoned-time';

/** A guard against a granularity so fine that the answer would be absurd (PT1S over a month). */
export const MAX_BUCKETS = 200_000;

export interface Buckets {
  /** boundaries[i] is the start of bucket i; the last element is the interval end. */
  readonly boundaries: readonly number[];
}

export function buildBuckets(interval: Interval, granularity: Period | undefined, zone: string): Buckets {
  if (!granularity) return { boundaries: [interval.startMs, interval.endMs] };
  const boundaries = [interval.startMs];
  for (let k = 1; ; k++) {
    const next = addPeriod(zone, interval.startMs, granularity, k);
    if (next >= interval.endMs) break;
    boundaries.push(next);
    if (boundaries.length > MAX_BUCKETS) {
      throw badRequest(`The granularity splits interval '${interval.text}' into more than ${MAX_BUCKETS} buckets`);
    }
  }
  boundaries.push(interval.endMs);
  return { boundaries };
}

/** Index of the bucket holding `ms`, or -1 outside the interval. */
export function bucketIndex(buckets: Buckets, ms: number): number {
  const b = buckets.boundaries;
  const last = b.length - 1;
  if (last < 1 || ms < (b[0] ?? 0) || ms >= (b[last] ?? 0)) return -1;
  let lo = 0;
  let hi = last - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((b[mid] ?? 0) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function bucketInterval(buckets: Buckets, index: number): string {
  return formatInterval(buckets.boundaries[index] ?? 0, buckets.boundaries[index + 1] ?? 0);
}
