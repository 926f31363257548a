import { setTimeout as delay } from 'node:timers/promises';
import type { Cache, RunRecord } from '../cache';
import { PLAIN_MESSAGES } from '../cache/errors';
import { CancelledError, PermissionError, type GenesysApi, type HttpStats } from '../genesys';
import { DEFAULT_LIMIT_PER_MINUTE } from '../genesys/http/rate-governor';
import { isExpected, plainMessage } from './errors';
import type { FetchSpec, RunOutcome } from './fetch-spec';
import { offlineMessage } from './missing-message';
import { findMissing, planSpec, type SyncPlan } from './planner';
import { executeRun, type EngineServices, type ExecuteOptions, type SessionStart } from './run-executor';
import { specOfRun, storedRunParams } from './run-params';
import { DEFAULT_TUNABLES, type SyncTunables } from './tunables';

export interface SyncEngineDeps {
  /** The one writer of the cache file. */
  cache: Cache;
  api: GenesysApi;
  /** The client's request counters (requests, 429s, retries in progress events and outcomes). */
  stats: HttpStats;
  /** Epoch ms; the cache should share it (what is "recent", what is "missing"). */
  now?: () => number;
  /** Chunks fetched at once (default 4); their requests all go through the client's one rate governor. */
  concurrency?: number;
  tunables?: Partial<SyncTunables>;
  /** The org's request limit as the client's rate governor knows it (for progress); default 300. */
  limitPerMinute?: () => number;
  /** Unexpected failures (not Genesys's or the cache's typed errors), for the log. Never shown to users. */
  log?: (message: string, error: unknown) => void;
}

export interface RunOptions extends ExecuteOptions {
  /** Never touch the network: answer from the cache, or say what it lacks. */
  offline?: boolean;
}

export interface SyncEngine {
  /** What `run` would fetch for `spec` (asks Genesys for the data-availability date when details are missing). */
  plan(spec: FetchSpec, options?: { offline?: boolean; signal?: AbortSignal }): Promise<SyncPlan>;
  /** Fetches what the cache lacks for `spec` as a persisted run. Never throws: failures are in the outcome. */
  run(spec: FetchSpec, options?: RunOptions): Promise<RunOutcome>;
  /** Continues a run left queued or running (after a crash or restart) from its last committed pages. */
  resume(runId: string, options?: ExecuteOptions): Promise<RunOutcome>;
  /** Resumes every unfinished run, oldest first, one after another. */
  resumeAll(options?: ExecuteOptions): Promise<RunOutcome[]>;
}

const CANNOT_CONTINUE =
  'This report run cannot be continued: it was started by another version of ReportDesk. Run the report again.';

const abortableSleep = async (ms: number, signal: AbortSignal): Promise<void> => {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    throw error;
  }
};

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const tunables = { ...DEFAULT_TUNABLES, ...deps.tunables };
  const services: EngineServices = {
    cache: deps.cache,
    api: deps.api,
    stats: deps.stats,
    now: deps.now ?? Date.now,
    concurrency: deps.concurrency ?? 4,
    tunables,
    paginationCap: { value: tunables.paginationCap },
    sleep: abortableSleep,
    log: deps.log ?? (() => undefined),
    limitPerMinute: deps.limitPerMinute ?? (() => DEFAULT_LIMIT_PER_MINUTE),
  };
  const { cache } = deps;

  const sessionStart = (): SessionStart => ({ at: performance.now(), stats: deps.stats.snapshot() });

  const outcome = (session: SessionStart, fields: Partial<RunOutcome> & Pick<RunOutcome, 'state'>): RunOutcome => {
    const stats = deps.stats.snapshot();
    return {
      runId: null,
      fromCache: false,
      rows: 0,
      conversations: 0,
      requests: stats.requests - session.stats.requests,
      rateLimited: stats.rateLimited - session.stats.rateLimited,
      retries: stats.retries - session.stats.retries,
      seconds: (performance.now() - session.at) / 1000,
      ...fields,
    };
  };

  const failed = (session: SessionStart, error: unknown, signal: AbortSignal | undefined): RunOutcome => {
    if (signal?.aborted && error instanceof CancelledError) return outcome(session, { state: 'cancelled' });
    if (!isExpected(error)) services.log('sync run failed before it started', error);
    return outcome(session, { state: 'failed', errorMessage: plainMessage(error) });
  };

  /** The data-availability date; null when Genesys will not say (a person with agent-only rights: no jobs then). */
  const dataAvailability = async (signal: AbortSignal | undefined): Promise<number | null> => {
    try {
      const response = await deps.api.getConversationDetailsJobsAvailability({ signal });
      const ms = Date.parse(response?.dataAvailabilityDate ?? '');
      return Number.isFinite(ms) ? ms : null;
    } catch (error) {
      if (error instanceof PermissionError) return null;
      throw error;
    }
  };

  const plan: SyncEngine['plan'] = (spec, options = {}) =>
    planSpec(spec, {
      cache,
      now: services.now(),
      tunables,
      concurrency: services.concurrency,
      dataAvailability: options.offline ? null : () => dataAvailability(options.signal),
    });

  const resumeRecord = async (record: RunRecord, options: ExecuteOptions): Promise<RunOutcome> => {
    const session = sessionStart();
    if (record.state !== 'queued' && record.state !== 'running') {
      return outcome(session, {
        runId: record.id,
        state: record.state,
        ...(record.errorMessage === null ? {} : { errorMessage: record.errorMessage }),
      });
    }
    const spec = specOfRun(record);
    if (spec === null) {
      cache.runs.finish(record.id, 'failed', CANNOT_CONTINUE);
      return outcome(session, { runId: record.id, state: 'failed', errorMessage: CANNOT_CONTINUE });
    }
    return executeRun(services, record, spec, options, session);
  };

  return {
    plan,

    async run(spec, options = {}) {
      const session = sessionStart();
      const now = services.now();
      try {
        if (options.offline) {
          // Offline, cached data is served as it is: "refresh" cannot apply.
          const missing = findMissing(cache, { ...spec, refresh: false }, now);
          if (missing.length === 0) return outcome(session, { state: 'done', fromCache: true, missing });
          const zone = spec.timeZone ?? spec.aggregates[0]?.timeZone ?? 'UTC';
          return outcome(session, { state: 'failed', missing, errorMessage: offlineMessage(missing, zone, now) });
        }
        const planned = await plan(spec, { signal: options.signal });
        if (planned.chunks.length === 0) return outcome(session, { state: 'done', fromCache: true });
        const record = cache.runs.create({
          connectionId: spec.connectionId,
          report: spec.report,
          params: storedRunParams(spec),
          chunks: planned.chunks,
        });
        return await executeRun(services, record, spec, options, session);
      } catch (error) {
        return failed(session, error, options.signal);
      }
    },

    async resume(runId, options = {}) {
      const session = sessionStart();
      try {
        const record = cache.run(runId);
        if (record === null) {
          return outcome(session, {
            runId,
            state: 'failed',
            errorMessage: PLAIN_MESSAGES['not-found'],
          });
        }
        return await resumeRecord(record, options);
      } catch (error) {
        return failed(session, error, options.signal);
      }
    },

    async resumeAll(options = {}) {
      const outcomes: RunOutcome[] = [];
      for (const record of cache.resumableRuns()) {
        if (options.signal?.aborted) break;
        try {
          outcomes.push(await resumeRecord(record, options));
        } catch (error) {
          outcomes.push(failed(sessionStart(), error, options.signal));
        }
      }
      return outcomes;
    },
  };
}
