import type { Cache, ChunkRecord, PageOutcome } from '../cache';
import type { GenesysApi } from '../genesys';
import type { FetchSpec } from './fetch-spec';
import type { SyncTunables } from './tunables';

/** What a chunk fetcher gets: the chunk as persisted (resume from its last page), the services, the signal. */
export interface ChunkContext {
  cache: Cache;
  api: GenesysApi;
  runId: string;
  chunk: ChunkRecord;
  spec: FetchSpec;
  tunables: SyncTunables;
  /** Aborted when the user cancels or another chunk failed. */
  signal: AbortSignal;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The smallest sync-query pagination ceiling seen so far (shared by every chunk of the engine). */
  paginationCap: { value: number };
  /** Async jobs this run is waiting on, so a cancelled or failed run can delete them. */
  activeJobs: Set<string>;
  /** After every committed page: what it wrote, and how far through the chunk it got (0–1) when known. */
  onPage: (outcome: PageOutcome, kind: 'details' | 'aggregates' | 'reference', position?: number) => void;
}

/** How far through [start, end) a page reached, from its last conversation's start (results come in start order). */
export function positionOf(
  chunk: ChunkRecord,
  conversations: readonly { conversationStart?: string }[],
): number | undefined {
  const last = conversations[conversations.length - 1]?.conversationStart;
  if (last === undefined || chunk.start === null || chunk.end === null || chunk.end <= chunk.start) return undefined;
  const at = Date.parse(last);
  return Number.isFinite(at) ? Math.min(1, Math.max(0, (at - chunk.start) / (chunk.end - chunk.start))) : undefined;
}

export const isoInterval = (start: number, end: number): string =>
  `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;

/** A promise's outcome as a value, so pages fetched ahead never reject unobserved. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
