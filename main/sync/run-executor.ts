import type { Cache, ChunkKind, ChunkRecord, RunRecord } from '../cache';
import { CancelledError, type GenesysApi, type HttpStats, type HttpStatsSnapshot } from '../genesys';
import { fetchAggregatesChunk } from './aggregates-chunk';
import type { ChunkContext } from './chunk-context';
import { fetchJobChunk } from './details-job-chunk';
import { fetchSyncChunk } from './details-sync-chunk';
import { isExpected, plainMessage } from './errors';
import type { FetchSpec, RunOutcome } from './fetch-spec';
import { ProgressTracker, type SyncProgress } from './progress';
import { fetchReferenceChunk } from './reference-chunk';
import type { SyncTunables } from './tunables';

const FETCHERS: Record<ChunkKind, (ctx: ChunkContext) => Promise<void>> = {
  'details-job': fetchJobChunk,
  'details-sync': fetchSyncChunk,
  aggregates: fetchAggregatesChunk,
  reference: fetchReferenceChunk,
};

/** How long a cancelled or failed run spends deleting the jobs it leaves behind (they expire anyway). */
const CLEANUP_MS = 5000;

/** What the engine shares with every run it executes. */
export interface EngineServices {
  cache: Cache;
  api: GenesysApi;
  stats: HttpStats;
  now: () => number;
  concurrency: number;
  tunables: SyncTunables;
  paginationCap: { value: number };
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (message: string, error: unknown) => void;
  limitPerMinute: () => number;
}

export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
}

/** Where a run session started: its clock and the connection's request counters. */
export interface SessionStart {
  at: number;
  stats: HttpStatsSnapshot;
}

/**
 * Runs the unfinished chunks of a persisted run, `concurrency` at a time (the client's rate governor paces the
 * requests of all of them). The first failure stops the others and fails the run with its plain message; an
 * abort of `signal` ends it as cancelled. Either way every committed page stays, and so does the coverage of
 * every completed chunk, so running the report again fetches only what is still missing.
 */
export async function executeRun(
  services: EngineServices,
  run: RunRecord,
  spec: FetchSpec,
  options: ExecuteOptions,
  session: SessionStart,
): Promise<RunOutcome> {
  const { cache } = services;
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const pending = run.chunks.filter((chunk) => chunk.state !== 'done');
  const progress = new ProgressTracker({
    runId: run.id,
    chunksTotal: run.chunksTotal,
    chunksDone: run.chunks.length - pending.length,
    stats: services.stats,
    statsBase: session.stats,
    intervalMs: services.tunables.progressIntervalMs,
    limitPerMinute: services.limitPerMinute,
    onProgress: options.onProgress,
  });
  const activeJobs = new Set<string>();
  // A holder, not a `let`: workers set it from closures, which flow analysis does not see.
  const failed: { first: { error: unknown; chunk: ChunkRecord | null } | null } = { first: null };

  const contextFor = (chunk: ChunkRecord): ChunkContext => ({
    cache,
    api: services.api,
    runId: run.id,
    chunk,
    spec,
    tunables: services.tunables,
    signal: stop.signal,
    now: services.now,
    sleep: services.sleep,
    paginationCap: services.paginationCap,
    activeJobs,
    onPage: (outcome, kind, position) => progress.page(chunk.index, outcome, kind, position),
  });

  const worker = async (): Promise<void> => {
    for (let chunk = pending.shift(); chunk !== undefined && !stop.signal.aborted; chunk = pending.shift()) {
      try {
        await FETCHERS[chunk.kind](contextFor(chunk));
        progress.chunkDone(chunk.index);
      } catch (error) {
        // After the first failure (or a cancel) the others end with CancelledError: not a cause of their own.
        if (failed.first === null && !(stop.signal.aborted && error instanceof CancelledError)) {
          failed.first = { error, chunk };
        }
        stop.abort();
      }
    }
  };

  try {
    cache.runs.start(run.id);
    await Promise.all(Array.from({ length: Math.max(1, Math.min(services.concurrency, pending.length)) }, worker));
  } catch (error) {
    failed.first ??= { error, chunk: null };
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }

  const failure = failed.first;
  const finished = failure === null && progress.allDone;
  let state: RunOutcome['state'] = 'done';
  let errorMessage: string | undefined;
  if (!finished && options.signal?.aborted === true && (failure === null || isCancel(failure.error))) {
    state = 'cancelled';
  } else if (failure !== null) {
    state = 'failed';
    errorMessage = plainMessage(failure.error);
    if (!isExpected(failure.error)) services.log(`sync run ${run.id} failed`, failure.error);
  }
  if (state !== 'done') await deleteJobs(services.api, activeJobs);
  try {
    if (failure?.chunk && state === 'failed') cache.runs.failChunk(run.id, failure.chunk.index, errorMessage ?? '');
    cache.runs.finish(run.id, state, errorMessage ?? null);
  } catch (error) {
    // The cache itself failing (disk full…) is the more useful message.
    if (state === 'done') {
      state = 'failed';
      errorMessage = plainMessage(error);
    }
    services.log(`sync run ${run.id}: could not record its end`, error);
  }
  progress.finish(state === 'done');
  const stats = services.stats.snapshot();
  return {
    runId: run.id,
    state,
    fromCache: false,
    rows: progress.rows,
    conversations: progress.conversations,
    requests: stats.requests - session.stats.requests,
    rateLimited: stats.rateLimited - session.stats.rateLimited,
    retries: stats.retries - session.stats.retries,
    seconds: (performance.now() - session.at) / 1000,
    ...(errorMessage === undefined ? {} : { errorMessage }),
  };
}

function isCancel(error: unknown): boolean {
  return error instanceof CancelledError;
}

async function deleteJobs(api: GenesysApi, jobs: Set<string>): Promise<void> {
  const signal = AbortSignal.timeout(CLEANUP_MS);
  await Promise.all(
    [...jobs].map((jobId) => api.deleteConversationDetailsJob(jobId, { signal }).catch(() => undefined)),
  );
}
