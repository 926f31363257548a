/**
 * `StatisticalSummary` per metric family (fact sheet §6.2): `n…` metrics
 * report only `count` (the number of occurrences — each emits value 1, so the
 * sum of values), `t…` and other value metrics report count/sum/min/max in
 * milliseconds, from which clients compute averages as sum/count.
 */
import type { Models } from 'purecloud-platform-client-v2';

export class ValueStats {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(value: number): void {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  merge(other: ValueStats): void {
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }
}

export function isCountMetric(metric: string): boolean {
  return metric.startsWith('n');
}

export function summarize(metric: string, stats: ValueStats): Models.StatisticalSummary {
  if (isCountMetric(metric)) return { count: stats.sum };
  return { max: stats.max, min: stats.min, count: stats.count, sum: stats.sum };
}

/** The value a topN/bottomN `sortMetric.function` ranks groups by. */
export function rankValue(metric: string, stats: ValueStats, fn: string): number {
  switch (fn) {
    case 'sum':
      return stats.sum;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'average':
      return stats.count === 0 ? 0 : stats.sum / stats.count;
    default:
      return isCountMetric(metric) ? stats.sum : stats.count;
  }
}
