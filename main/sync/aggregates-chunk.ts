import { aggregatesDataset } from '../cache';
import { aggregateKeyOf, type AggregateQuery } from './aggregates-plan';
import type { ChunkContext } from './chunk-context';
import { SyncError } from './errors';
import { isoInZone } from './zoned-time';

/**
 * Fetches one aggregates chunk: the query over the chunk's interval, written with the query's time-zone offset
 * (Genesys uses the offset written in the interval, fact sheet §6.1), stored as page 1, which replaces every
 * cached bucket of the interval (the API leaves empty buckets out).
 */
export async function fetchAggregatesChunk(ctx: ChunkContext): Promise<void> {
  const { chunk } = ctx;
  if (chunk.lastPage === 0) {
    const query = queryOf(ctx);
    const zone = query.timeZone ?? 'UTC';
    const interval = `${isoInZone(zone, chunk.start ?? 0)}/${isoInZone(zone, chunk.end ?? 0)}`;
    const fetchedAt = ctx.now();
    const response = await ctx.api.queryConversationAggregates({ ...query, interval }, { signal: ctx.signal });
    const outcome = ctx.cache.runs.commitAggregatesPage(ctx.runId, chunk.index, {
      pageNumber: 1,
      queryKey: aggregateKeyOf(query),
      results: response.results ?? [],
      fetchedAt,
    });
    ctx.onPage(outcome, 'aggregates', 1);
  }
  ctx.cache.runs.completeChunk(ctx.runId, chunk.index);
}

function queryOf(ctx: ChunkContext): AggregateQuery {
  const query = ctx.spec.aggregates.find(
    (candidate) => aggregatesDataset(aggregateKeyOf(candidate)) === ctx.chunk.dataset,
  );
  if (query === undefined) {
    throw new SyncError('This report run cannot be continued: its settings changed. Run the report again.');
  }
  return query;
}
