import { createHash } from 'node:crypto';
import type { Models } from 'purecloud-platform-client-v2';
import { canonicalJson } from './canonical-json';
import type { ReadableDb, WritableDb } from './database';
import { CacheError, PLAIN_MESSAGES } from './errors';

/** One cached bucket of one group of an aggregate query. */
export interface AggregateRow {
  bucketStart: number;
  bucketEnd: number;
  group: Record<string, string>;
  metrics: Models.AggregateMetricData[];
  views: Models.AggregateViewData[];
  fetchedAt: number;
}

/**
 * A stable key for an aggregate query without its interval (and without the async job's page size), so the
 * same report over different dates shares cached buckets. Two queries get the same key exactly when they ask
 * for the same metrics, groups, filter, granularity, time zone and views; a sync query and the equivalent
 * async job share a key.
 */
export function aggregateQueryKey(
  query: Models.ConversationAggregationQuery | Models.ConversationAsyncAggregationQuery,
): string {
  const { interval: _interval, ...withPaging } = query;
  const { pageSize: _pageSize, ...rest } = withPaging as Models.ConversationAsyncAggregationQuery;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 32);
}

function parseInterval(interval: string | undefined): { start: number; end: number } {
  const [startText, endText] = (interval ?? '').split('/');
  const start = Date.parse(startText ?? '');
  const end = Date.parse(endText ?? '');
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new CacheError('bad-data', PLAIN_MESSAGES['bad-data'], `aggregate bucket interval "${interval}"`);
  }
  return { start, end };
}

/** Aggregate results per (connection, query key, bucket, group). No transactions here: callers wrap. */
export class AggregatesWriter {
  constructor(private readonly db: WritableDb) {}

  /**
   * Removes the buckets of [start, end): a re-fetch must also drop buckets that now have no data, because the
   * API simply omits empty buckets.
   */
  clearRange(conn: number, queryKey: string, start: number, end: number): number {
    return this.db
      .prepare(
        'DELETE FROM aggregates WHERE conn = ? AND query_key = ? AND bucket_start_ms >= ? AND bucket_start_ms < ?',
      )
      .run(conn, queryKey, start, end).changes;
  }

  /** Stores every bucket of every group; returns the number of bucket rows written. */
  put(
    conn: number,
    queryKey: string,
    results: readonly Models.ConversationAggregateDataContainer[],
    fetchedAt: number,
  ): number {
    const upsert = this.db.prepare(
      `INSERT INTO aggregates (conn, query_key, bucket_start_ms, bucket_end_ms, group_key, metrics_json, views_json, fetched_at)
       VALUES (@conn, @queryKey, @start, @end, @groupKey, @metrics, @views, @fetchedAt)
       ON CONFLICT (conn, query_key, bucket_start_ms, group_key) DO UPDATE SET
         bucket_end_ms = excluded.bucket_end_ms, metrics_json = excluded.metrics_json,
         views_json = excluded.views_json, fetched_at = excluded.fetched_at`,
    );
    let rows = 0;
    for (const container of results) {
      const groupKey = canonicalJson(container.group ?? {});
      for (const bucket of container.data ?? []) {
        const { start, end } = parseInterval(bucket.interval);
        upsert.run({
          conn,
          queryKey,
          start,
          end,
          groupKey,
          metrics: JSON.stringify(bucket.metrics ?? []),
          views: bucket.views === undefined ? null : JSON.stringify(bucket.views),
          fetchedAt,
        });
        rows++;
      }
    }
    return rows;
  }
}

interface StoredAggregate {
  bucket_start_ms: number;
  bucket_end_ms: number;
  group_key: string;
  metrics_json: string;
  views_json: string | null;
  fetched_at: number;
}

/** The cached buckets of a query whose start lies in [start, end), in time order then group order. */
export function readAggregates(
  db: ReadableDb,
  conn: number,
  queryKey: string,
  start: number,
  end: number,
): AggregateRow[] {
  const rows = db
    .prepare(
      `SELECT bucket_start_ms, bucket_end_ms, group_key, metrics_json, views_json, fetched_at FROM aggregates
        WHERE conn = ? AND query_key = ? AND bucket_start_ms >= ? AND bucket_start_ms < ?
        ORDER BY bucket_start_ms, group_key`,
    )
    .all(conn, queryKey, start, end) as StoredAggregate[];
  return rows.map((row) => ({
    bucketStart: row.bucket_start_ms,
    bucketEnd: row.bucket_end_ms,
    group: JSON.parse(row.group_key) as Record<string, string>,
    metrics: JSON.parse(row.metrics_json) as Models.AggregateMetricData[],
    views: row.views_json === null ? [] : (JSON.parse(row.views_json) as Models.AggregateViewData[]),
    fetchedAt: row.fetched_at,
  }));
}
