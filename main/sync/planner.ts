import { aggregatesDataset, DETAILS_DATASET, type Cache, type ChunkSpec } from '../cache';
import { referenceDataset } from './datasets';
import { aggregateKeyOf, planAggregateChunks } from './aggregates-plan';
import { planDetailsChunks } from './details-plan';
import type { FetchSpec, MissingPart } from './fetch-spec';
import type { Interval } from './intervals';
import type { SyncTunables } from './tunables';

export interface SyncPlan {
  /** What to fetch, in the order the run takes it up. Empty when the cache holds everything. */
  chunks: ChunkSpec[];
  /** What the cache lacks for details and aggregates (before widening to chunk and bucket edges). */
  missing: MissingPart[];
  /** The data-availability date that split jobs from sync queries; null when it was not needed or not known. */
  dataAvailabilityDate: number | null;
}

export interface PlanInputs {
  cache: Cache;
  now: number;
  tunables: SyncTunables;
  /** Chunks run at once (jobs are balanced over them). */
  concurrency: number;
  /** Asks Genesys for the data-availability date; null when unknown (then no jobs). Not called offline. */
  dataAvailability: (() => Promise<number | null>) | null;
}

/** The parts of a spec the cache lacks (no network). */
export function findMissing(cache: Cache, spec: FetchSpec, now: number): MissingPart[] {
  const missing: MissingPart[] = [];
  const ask = (dataset: string) => {
    for (const part of cache.missing(spec.connectionId, dataset, spec.start, spec.end, {
      refresh: spec.refresh,
      now,
    })) {
      missing.push({ dataset, start: part.start, end: part.end });
    }
  };
  if (spec.details) ask(DETAILS_DATASET);
  for (const key of new Set(spec.aggregates.map((query) => aggregateKeyOf(query)))) {
    ask(aggregatesDataset(key));
  }
  return missing;
}

export async function planSpec(spec: FetchSpec, inputs: PlanInputs): Promise<SyncPlan> {
  const { cache, now, tunables } = inputs;
  const missing = findMissing(cache, spec, now);
  const inDataset = (dataset: string): Interval[] => missing.filter((part) => part.dataset === dataset);

  const chunks: ChunkSpec[] = [];
  let dataAvailabilityDate: number | null = null;
  const details = inDataset(DETAILS_DATASET);
  if (details.length > 0) {
    if (tunables.useJobs && inputs.dataAvailability !== null) dataAvailabilityDate = await inputs.dataAvailability();
    const jobsBefore = dataAvailabilityDate === null ? -Infinity : dataAvailabilityDate - tunables.jobTailMs;
    chunks.push(
      ...planDetailsChunks(details, {
        jobsBefore,
        maxChunkMs: tunables.maxDetailsChunkMs,
        concurrency: inputs.concurrency,
      }),
    );
  }
  const seen = new Set<string>();
  for (const query of spec.aggregates) {
    const key = aggregateKeyOf(query);
    if (seen.has(key)) continue;
    seen.add(key);
    const parts = inDataset(aggregatesDataset(key));
    if (parts.length > 0) chunks.push(...planAggregateChunks(query, key, spec, parts));
  }
  const reference = referenceChunks(cache, spec, now, tunables, chunks.length > 0);
  return { chunks: [...reference, ...orderForRun(chunks)], missing, dataAvailabilityDate };
}

/** Jobs first (they wait on Genesys the longest), then sync-query pages, then aggregates. */
function orderForRun(chunks: ChunkSpec[]): ChunkSpec[] {
  const rank = { reference: 0, 'details-job': 1, 'details-sync': 2, aggregates: 3 } as const;
  return chunks
    .map((chunk, index) => ({ chunk, index }))
    .sort((a, b) => rank[a.chunk.kind] - rank[b.chunk.kind] || a.index - b.index)
    .map(({ chunk }) => chunk);
}

/**
 * Reference lists are fetched whole: when never fetched, on refresh, or when older than `referenceMaxAgeMs`
 * while the run goes to the network anyway (stale names alone never make a cached report go online).
 */
function referenceChunks(
  cache: Cache,
  spec: FetchSpec,
  now: number,
  tunables: SyncTunables,
  fetchingAnyway: boolean,
): ChunkSpec[] {
  const chunks: ChunkSpec[] = [];
  for (const kind of new Set(spec.reference)) {
    const dataset = referenceDataset(kind);
    const pieces = cache.coverage(spec.connectionId, dataset, 0, now);
    const fetchedAt = pieces.length === 0 ? null : Math.max(...pieces.map((piece) => piece.fetchedAt));
    const stale = fetchedAt !== null && now - fetchedAt > tunables.referenceMaxAgeMs;
    if (spec.refresh || fetchedAt === null || (stale && fetchingAnyway)) {
      chunks.push({ kind: 'reference', dataset, start: 0, end: now });
    }
  }
  return chunks;
}
