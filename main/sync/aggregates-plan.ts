import type { Models } from 'purecloud-platform-client-v2';
import { aggregateQueryKey, aggregatesDataset, type ChunkSpec } from '../cache';
import { union, type Interval } from './intervals';
import { addPeriod, nominalMs, parsePeriod, type Period } from './period';

export type AggregateQuery = Omit<Models.ConversationAggregationQuery, 'interval'>;

/** The cache key of an aggregate query's buckets (the key never depends on the interval). */
export const aggregateKeyOf = (query: AggregateQuery): string => aggregateQueryKey({ ...query, interval: '' });

const DAY = 86_400_000;
/**
 * How much one aggregates request may span. Genesys documents no limit (fact sheet §6.1, unverified); these
 * follow its advice: up to 7 days with sub-day granularity, up to a month with daily or coarser buckets.
 */
const SUB_DAY_LIMIT_MS = 7 * DAY;
const DAY_OR_MORE_LIMIT_MS = 31 * DAY;

/** The bucket grid of a query over a range: boundary k = start + k × granularity on the query's zone. */
class BucketGrid {
  constructor(
    private readonly zone: string,
    private readonly period: Period,
    private readonly origin: number,
  ) {}

  boundary(k: number): number {
    return addPeriod(this.zone, this.origin, this.period, k);
  }

  /** The last k whose boundary is at or before `ms`. */
  floorIndex(ms: number): number {
    let k = Math.max(0, Math.floor((ms - this.origin) / nominalMs(this.period)) - 1);
    while (k > 0 && this.boundary(k) > ms) k--;
    while (this.boundary(k + 1) <= ms) k++;
    return k;
  }

  /** The first k whose boundary is at or after `ms`. */
  ceilIndex(ms: number): number {
    const k = this.floorIndex(ms);
    return this.boundary(k) >= ms ? k : k + 1;
  }

  /** Buckets per request. */
  get bucketsPerChunk(): number {
    const length = nominalMs(this.period);
    const limit = length < DAY ? SUB_DAY_LIMIT_MS : DAY_OR_MORE_LIMIT_MS;
    return Math.max(1, Math.floor(limit / length));
  }
}

/**
 * Aggregates chunks of one query for the missing parts of [start, end). Missing parts are widened to whole
 * buckets (a bucket is fetched whole or not at all, since a refetch replaces every bucket of its interval)
 * and cut on bucket boundaries, so the buckets of every chunk are exactly the buckets the whole range would
 * have. A query without granularity has one bucket per request, so each missing part is one chunk.
 */
export function planAggregateChunks(
  query: AggregateQuery,
  queryKey: string,
  range: Interval,
  missing: readonly Interval[],
): ChunkSpec[] {
  const dataset = aggregatesDataset(queryKey);
  const period = query.granularity === undefined ? undefined : parsePeriod(query.granularity);
  if (period === undefined) {
    return union(missing).map((part) => ({ kind: 'aggregates', dataset, ...part }));
  }
  const grid = new BucketGrid(query.timeZone ?? 'UTC', period, range.start);
  const aligned = union(
    missing.map((part) => ({
      start: grid.boundary(grid.floorIndex(part.start)),
      end: Math.min(range.end, grid.boundary(grid.ceilIndex(part.end))),
    })),
  );
  const chunks: ChunkSpec[] = [];
  for (const part of aligned) {
    for (let k = grid.floorIndex(part.start); grid.boundary(k) < part.end; k += grid.bucketsPerChunk) {
      const end = Math.min(part.end, grid.boundary(k + grid.bucketsPerChunk));
      chunks.push({ kind: 'aggregates', dataset, start: grid.boundary(k), end });
    }
  }
  return chunks;
}
