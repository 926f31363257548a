import type { GridView, ReportParams } from '../../preload/contract/report-params';
import type { ReportRow } from '../../preload/contract/reports';
import type { RunProgress } from '../../preload/contract/types';
import type { FreshnessInfo, ReportPage, RunResult } from '../../preload/contract/workspace-types';
import { VOLATILE_MS, type Cache, type ReferenceItem, type ReferenceKind } from '../cache';
import { GenesysApi, HttpStats, NetworkError, type GenesysClient } from '../genesys';
import { dayRange, reportDefinition, type LiveSnapshot, type ReportDefinition } from '../reports';
import { createSyncEngine, type FetchSpec, type RunOutcome, type SyncEngine } from '../sync';
import { CancellableRequests } from './cancellable-requests';
import { UserFacingError } from './errors';
import { genesysRequestText } from './request-preview';

export interface ReportServiceDeps {
  cache: () => Cache;
  client: (connectionId: string) => Promise<GenesysClient>;
  isOnline: () => boolean;
  now?: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface RunRequest {
  requestId: string;
  params: ReportParams;
  refresh: boolean;
  /** Never touch the network (also forced when the computer is offline). */
  offline?: boolean;
  onProgress?: (progress: RunProgress) => void;
}

/** What a finished run reports beyond the UI's RunResult (the CLI's summary line). */
export type ServiceRunResult = RunResult & { outcome: RunOutcome | null };

const LIVE_OFFLINE =
  'Live queues shows what is happening right now, so it needs a connection to Genesys Cloud. Connect to the internet and run it again.';

/**
 * Runs reports: makes sure the cache holds what a report needs (through the sync engine, one per connection so
 * all runs of an org share its rate governor), then reads pages, totals and export rows from the cache. Live
 * queues are asked of Genesys each run and kept in memory only, never as history.
 */
export class ReportService {
  private readonly engines = new Map<string, { cache: Cache; engine: SyncEngine }>();
  private readonly running = new CancellableRequests();
  private readonly snapshots = new Map<string, LiveSnapshot>();
  private readonly resuming = new AbortController();

  constructor(private readonly deps: ReportServiceDeps) {}

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  busy(): boolean {
    return this.running.busy();
  }

  cancel(requestId: string): boolean {
    return this.running.cancel(requestId);
  }

  cancelAll(): void {
    this.running.cancelAll();
    this.resuming.abort();
  }

  /**
   * Continues runs a crash or a quit interrupted, from their last committed page, so the data is complete by
   * the time the report is opened again. Only when online; a run whose connection is gone or needs a new
   * sign-in is left as it is (running the report again picks it up).
   */
  async resumeInterrupted(): Promise<number> {
    let resumed = 0;
    for (const run of this.deps.cache().resumableRuns()) {
      if (!this.deps.isOnline() || this.resuming.signal.aborted) break;
      try {
        const engine = await this.engine(run.connectionId, false);
        const outcome = await engine.resume(run.id, { signal: this.resuming.signal });
        if (outcome.state === 'done') resumed += 1;
      } catch (error) {
        this.deps.log?.(`could not resume run ${run.id}`, error);
      }
    }
    return resumed;
  }

  run(request: RunRequest): Promise<ServiceRunResult> {
    return this.running.run(request.requestId, 'This report is already running.', (signal) => {
      const definition = reportDefinition(request.params.report);
      const offline = request.offline === true || !this.deps.isOnline();
      return definition.kind === 'live'
        ? this.runLive(definition, request, offline, signal)
        : this.runCached(definition, request, offline, signal);
    });
  }

  page(params: ReportParams, view: GridView): ReportPage {
    const definition = reportDefinition(params.report);
    if (definition.kind === 'live') return definition.page(this.snapshot(params), params, view);
    return definition.page(this.deps.cache(), params, view);
  }

  /** Every row of the view in order, pulled lazily (exports of any size). */
  rows(params: ReportParams, view: GridView): Iterable<ReportRow> {
    const definition = reportDefinition(params.report);
    if (definition.kind === 'live') return definition.rows(this.snapshot(params), params, view);
    return definition.rows(this.deps.cache(), params, view);
  }

  freshness(params: ReportParams): FreshnessInfo {
    const definition = reportDefinition(params.report);
    if (definition.kind === 'live') {
      const snapshot = this.snapshots.get(snapshotKey(params));
      return {
        completeUpTo: snapshot?.observedAt ?? null,
        fetchedAt: snapshot?.observedAt ?? null,
        mayChangeFrom: null,
      };
    }
    const { start, end } = dayRange(params.from, params.to, params.timeZone);
    const until = Math.min(end, this.now);
    if (until <= start) return { completeUpTo: null, fetchedAt: null, mayChangeFrom: null };
    const cache = this.deps.cache();
    let completeUpTo: number | null = until;
    let fetchedAt: number | null = null;
    let volatile = false;
    for (const dataset of definition.datasets(params)) {
      const piece = cache.completeUpTo(params.connectionId, dataset, start, until);
      completeUpTo =
        piece.completeUpTo === null || completeUpTo === null ? null : Math.min(completeUpTo, piece.completeUpTo);
      if (piece.fetchedAt !== null)
        fetchedAt = fetchedAt === null ? piece.fetchedAt : Math.min(fetchedAt, piece.fetchedAt);
      volatile ||= piece.mayHaveChanged;
    }
    const mayChangeFrom = volatile && fetchedAt !== null ? Math.max(start, fetchedAt - VOLATILE_MS) : null;
    return { completeUpTo, fetchedAt, mayChangeFrom };
  }

  /**
   * A reference list for the form's pickers. On first use (nothing cached yet) and online, it is downloaded
   * first, so a new connection's queue picker is not empty before any report has run.
   */
  async reference(connectionId: string, kind: ReferenceKind): Promise<ReferenceItem[]> {
    const cache = this.deps.cache();
    const cached = cache.referenceItems(connectionId, kind);
    if (cached.length > 0 || !this.deps.isOnline()) return cached;
    const at = this.now;
    const outcome = await (
      await this.engine(connectionId, false)
    ).run({
      connectionId,
      report: 'reference',
      params: { kind },
      start: at,
      end: at,
      details: false,
      aggregates: [],
      reference: [kind],
      refresh: false,
    });
    if (outcome.state === 'failed')
      throw new UserFacingError('genesys', outcome.errorMessage ?? 'Genesys Cloud did not answer.');
    return cache.referenceItems(connectionId, kind);
  }

  /** The Genesys requests a run would send, for the form's "Show request" (admins checking a number). */
  request(params: ReportParams): string {
    return genesysRequestText(reportDefinition(params.report), params);
  }

  private async runCached(
    definition: Exclude<ReportDefinition, { kind: 'live' }>,
    request: RunRequest,
    offline: boolean,
    signal: AbortSignal,
  ): Promise<ServiceRunResult> {
    const spec: FetchSpec = definition.plan(request.params, { refresh: request.refresh });
    const engine = await this.engine(request.params.connectionId, offline);
    const outcome = await engine.run(spec, {
      offline,
      signal,
      onProgress: (progress) => {
        const { runId: _runId, ...rest } = progress;
        request.onProgress?.({ ...rest, requestId: request.requestId });
      },
    });
    const missing = mergeMissing(outcome.missing ?? []);
    const state: RunResult['state'] =
      offline && missing.length > 0 ? 'offline-missing' : outcome.state === 'done' ? 'done' : outcome.state;
    return {
      requestId: request.requestId,
      state,
      fromCache: outcome.fromCache,
      rows: outcome.rows,
      conversations: outcome.conversations,
      requests: outcome.requests,
      rateLimited: outcome.rateLimited,
      retries: outcome.retries,
      seconds: outcome.seconds,
      message: state === 'done' ? null : (outcome.errorMessage ?? cancelledMessage(state)),
      missing,
      freshness: this.freshness(request.params),
      outcome,
    };
  }

  private async runLive(
    definition: Extract<ReportDefinition, { kind: 'live' }>,
    request: RunRequest,
    offline: boolean,
    signal: AbortSignal,
  ): Promise<ServiceRunResult> {
    const started = performance.now();
    const base = {
      requestId: request.requestId,
      fromCache: false,
      conversations: 0,
      retries: 0,
      missing: [],
      outcome: null,
    };
    if (offline) {
      return {
        ...base,
        state: 'offline-missing',
        rows: 0,
        requests: 0,
        rateLimited: 0,
        seconds: 0,
        message: LIVE_OFFLINE,
        freshness: { completeUpTo: null, fetchedAt: null, mayChangeFrom: null },
      };
    }
    const client = await this.deps.client(request.params.connectionId);
    const before = client.stats.snapshot();
    // The queue list names the rows and says which queues to observe; the engine refreshes it only when stale.
    const names = await (
      await this.engine(request.params.connectionId, false)
    ).run(definition.plan(request.params), { signal });
    if (names.state === 'failed')
      throw new UserFacingError('genesys', names.errorMessage ?? 'Genesys Cloud did not answer.');
    const snapshot = await definition.observe(client.api, this.deps.cache(), request.params, {
      signal,
      now: () => this.now,
    });
    this.snapshots.set(snapshotKey(request.params), snapshot);
    const after = client.stats.snapshot();
    return {
      ...base,
      state: 'done',
      rows: snapshot.rows.length,
      requests: after.requests - before.requests,
      rateLimited: after.rateLimited - before.rateLimited,
      seconds: (performance.now() - started) / 1000,
      message: null,
      freshness: this.freshness(request.params),
    };
  }

  private snapshot(params: ReportParams): LiveSnapshot {
    const snapshot = this.snapshots.get(snapshotKey(params));
    if (!snapshot) throw new UserFacingError('not-found', 'Run Live queues first; it is not kept between runs.');
    return snapshot;
  }

  /** Offline runs need no client: the engine is given one only when the network may be used. */
  private async engine(connectionId: string, offline: boolean): Promise<SyncEngine> {
    const cache = this.deps.cache();
    const existing = this.engines.get(connectionId);
    if (existing && existing.cache === cache) return existing.engine;
    if (offline) return createSyncEngine({ cache, api: OFFLINE_API, stats: OFFLINE_STATS, ...this.clock() });
    const client = await this.deps.client(connectionId);
    const engine = createSyncEngine({
      cache,
      api: client.api,
      stats: client.stats,
      limitPerMinute: () => client.http.governor.limitPerMinute,
      ...this.clock(),
      ...(this.deps.log ? { log: this.deps.log } : {}),
    });
    this.engines.set(connectionId, { cache, engine });
    return engine;
  }

  private clock(): { now?: () => number } {
    return this.deps.now ? { now: this.deps.now } : {};
  }
}

/** An engine told to stay offline never calls the API; if a bug made it try, this fails like a pulled cable. */
const OFFLINE_API = new GenesysApi({
  request: () => Promise.reject(new NetworkError('offline', 'unreachable')),
});
const OFFLINE_STATS = new HttpStats();

function snapshotKey(params: ReportParams): string {
  return JSON.stringify([params.connectionId, params.filters]);
}

function cancelledMessage(state: RunResult['state']): string | null {
  if (state === 'cancelled') return 'Stopped. What was downloaded is kept; run it again to fetch the rest.';
  return null;
}

/** Datasets miss the same days; the UI wants each stretch once. */
function mergeMissing(parts: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const part of sorted) {
    const last = merged.at(-1);
    if (last && part.start <= last.end) last.end = Math.max(last.end, part.end);
    else merged.push({ start: part.start, end: part.end });
  }
  return merged;
}
