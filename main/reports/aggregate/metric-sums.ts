import type { Models } from 'purecloud-platform-client-v2';

/** Slots of the metrics one report reads: sums are flat arrays, not maps (tens of thousands of buckets). */
export class MetricIndex {
  private readonly slots: Map<string, number>;

  constructor(readonly metrics: readonly string[]) {
    this.slots = new Map(metrics.map((metric, slot) => [metric, slot]));
  }

  slot(metric: string): number | undefined {
    return this.slots.get(metric);
  }
}

/**
 * The additive parts of aggregate stats (fact sheet §6.2), summed over buckets and groups: per metric the
 * `count` (for `n…` metrics the number itself) and the `sum` of ms, and for `oServiceLevel` its numerator and
 * denominator. Every KPI is a ratio of these sums, so a week, a month or a totals row is computed from its
 * parts and never by averaging averages.
 */
export class MetricSums {
  private readonly counts: Float64Array;
  private readonly sums: Float64Array;
  serviceLevelNumerator = 0;
  serviceLevelDenominator = 0;

  constructor(private readonly index: MetricIndex) {
    this.counts = new Float64Array(index.metrics.length);
    this.sums = new Float64Array(index.metrics.length);
  }

  /** Adds a bucket's metrics; metrics the report does not read are ignored. */
  add(metrics: readonly Models.AggregateMetricData[]): this {
    for (const { metric, stats } of metrics) {
      if (metric === undefined || stats === undefined) continue;
      if (metric === 'oServiceLevel') {
        this.serviceLevelNumerator += finite(stats.numerator);
        this.serviceLevelDenominator += finite(stats.denominator);
        continue;
      }
      const slot = this.index.slot(metric);
      if (slot === undefined) continue;
      this.counts[slot] = (this.counts[slot] ?? 0) + finite(stats.count);
      this.sums[slot] = (this.sums[slot] ?? 0) + finite(stats.sum);
    }
    return this;
  }

  merge(other: MetricSums): this {
    for (let slot = 0; slot < this.counts.length; slot++) {
      this.counts[slot] = (this.counts[slot] ?? 0) + (other.counts[slot] ?? 0);
      this.sums[slot] = (this.sums[slot] ?? 0) + (other.sums[slot] ?? 0);
    }
    this.serviceLevelNumerator += other.serviceLevelNumerator;
    this.serviceLevelDenominator += other.serviceLevelDenominator;
    return this;
  }

  /** Occurrences (t… metrics) or the number itself (n… metrics); 0 when the metric never appeared. */
  count(metric: string): number {
    const slot = this.index.slot(metric);
    return slot === undefined ? 0 : (this.counts[slot] ?? 0);
  }

  /** Total milliseconds of a t… metric. */
  sum(metric: string): number {
    const slot = this.index.slot(metric);
    return slot === undefined ? 0 : (this.sums[slot] ?? 0);
  }

  /** sum / count, or null when nothing was counted (shown as an empty cell, not as 0 s). */
  average(metric: string): number | null {
    return ratio(this.sum(metric), this.count(metric));
  }
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function finite(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
