import type { Models } from 'purecloud-platform-client-v2';
import type { ReferenceKind } from '../cache';

/**
 * What a report needs in the cache before it can be shown: the contract between report definitions
 * (main/reports/) and the sync engine (main/sync/). Reports always fetch *unfiltered* data for the range and
 * filter locally in SQL, so one fetch serves every later selection of queues, agents or media offline.
 */
export interface FetchSpec {
  connectionId: string;
  /** Report id (stored with the run, for the runs list and resume). */
  report: string;
  /** The report's parameters as the user gave them (stored with the run, never interpreted by the engine). */
  params: unknown;
  /** [start, end) in epoch ms. */
  start: number;
  end: number;
  /** Conversation details for the whole range (every conversation; dataset "details"; pruned on completion). */
  details: boolean;
  /**
   * Aggregate queries without their interval; the engine splits the range into chunks, fills in `interval`
   * and stores buckets under `aggregateQueryKey(query)`. Intervals must align to the granularity in the
   * query's time zone, which the report guarantees by passing day-aligned start/end in that zone.
   */
  aggregates: Omit<Models.ConversationAggregationQuery, 'interval'>[];
  /** Reference lists to refresh so every id shows a name (fetched whole, not by range). */
  reference: ReferenceKind[];
  /** Re-fetch parts that may have changed (the last 72 h, or fetched while they were recent). */
  refresh: boolean;
  /**
   * The IANA zone the user reads dates in, for plain messages such as "Not in the cache: 3–5 March" (default: the
   * first aggregate query's zone, else UTC).
   */
  timeZone?: string;
}

/** A part of the timeline a spec needs that the cache does not hold (what an offline run reports). */
export interface MissingPart {
  /** Coverage dataset: 'details' or 'aggregates:<queryKey>'. */
  dataset: string;
  /** [start, end) in epoch ms. */
  start: number;
  end: number;
}

/** How a run ended, as the CLI summary line and the renderer's final state show it. */
export interface RunOutcome {
  runId: string | null;
  state: 'done' | 'failed' | 'cancelled';
  /** True when nothing had to be fetched: the whole spec was already in the cache. */
  fromCache: boolean;
  /** Rows written (conversations + aggregate bucket rows + reference items). */
  rows: number;
  conversations: number;
  requests: number;
  rateLimited: number;
  retries: number;
  seconds: number;
  /** Plain-language reason when state is 'failed'. */
  errorMessage?: string;
  /**
   * Offline runs only: what the cache lacks (empty or absent when everything was there). The run then ends
   * 'failed' with nothing fetched and `errorMessage` saying which days are missing.
   */
  missing?: MissingPart[];
}
