import type { PageOutcome } from '../cache';
import type { HttpStats, HttpStatsSnapshot } from '../genesys';
import type { RunProgress } from '../../preload/contract/types';

/** `RunProgress` as the engine knows it: the run's id instead of the renderer's request id (the host maps it). */
export type SyncProgress = Omit<RunProgress, 'requestId'> & { runId: string };

const MINUTE = 60_000;

export interface ProgressOptions {
  runId: string;
  chunksTotal: number;
  /** Chunks already done when this session started (a resumed run). */
  chunksDone: number;
  stats: HttpStats;
  /** The stats when the run (its plan included) started: events count requests from there. */
  statsBase: HttpStatsSnapshot;
  intervalMs: number;
  /** The org's request limit as the rate governor knows it now. */
  limitPerMinute: () => number;
  onProgress: ((progress: SyncProgress) => void) | undefined;
}

/**
 * Counts what a run session wrote and turns it into `RunProgress` events: on every committed page and every
 * request, but at most one per `intervalMs` (the last state is always delivered, a little later), plus a
 * final one. The ETA extrapolates the time so far over the share of the session's chunks done, counting a
 * running details chunk by how far its pages have reached in time.
 */
export class ProgressTracker {
  rows = 0;
  conversations = 0;
  private chunksDone: number;
  private readonly chunksAtStart: number;
  private readonly partial = new Map<number, number>();
  private readonly startedAt = performance.now();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;
  /** When each request of this session was answered, for "requests in the last minute". */
  private readonly requestTimes: number[] = [];
  private closed = false;

  constructor(private readonly options: ProgressOptions) {
    this.chunksDone = options.chunksDone;
    this.chunksAtStart = options.chunksDone;
    this.unsubscribe = options.stats.subscribe(() => {
      this.requestTimes.push(performance.now());
      this.changed();
    });
  }

  page(
    chunkIndex: number,
    outcome: PageOutcome,
    kind: 'details' | 'aggregates' | 'reference',
    position?: number,
  ): void {
    this.rows += outcome.rows;
    if (kind === 'details') this.conversations += outcome.rows;
    if (position !== undefined) this.partial.set(chunkIndex, Math.max(position, this.partial.get(chunkIndex) ?? 0));
    this.changed();
  }

  chunkDone(chunkIndex: number): void {
    this.partial.delete(chunkIndex);
    this.chunksDone++;
    this.changed();
  }

  /** Every chunk of the run is done (this session's and any before it). */
  get allDone(): boolean {
    return this.chunksDone >= this.options.chunksTotal;
  }

  snapshot(final = false): SyncProgress {
    const stats = this.options.stats.snapshot();
    const base = this.options.statsBase;
    const minuteAgo = performance.now() - MINUTE;
    while ((this.requestTimes[0] ?? Infinity) < minuteAgo) this.requestTimes.shift();
    return {
      runId: this.options.runId,
      chunksDone: this.chunksDone,
      chunksTotal: this.options.chunksTotal,
      rows: this.rows,
      requests: stats.requests - base.requests,
      rateLimited: stats.rateLimited - base.rateLimited,
      requestsPerMinute: this.requestTimes.length,
      limitPerMinute: this.options.limitPerMinute(),
      etaSeconds: final ? 0 : this.eta(),
    };
  }

  /** Sends the last event (whatever the throttle says) and stops listening. */
  finish(final: boolean): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    this.send(this.snapshot(final));
  }

  private eta(): number | null {
    const sessionChunks = this.options.chunksTotal - this.chunksAtStart;
    if (sessionChunks <= 0) return 0;
    let done = this.chunksDone - this.chunksAtStart;
    for (const share of this.partial.values()) done += share;
    const fraction = done / sessionChunks;
    const elapsed = performance.now() - this.startedAt;
    if (fraction < 0.01 || elapsed < 1000) return null;
    return Math.round((elapsed * (1 - fraction)) / fraction / 1000);
  }

  private changed(): void {
    if (this.closed || this.timer !== undefined) return;
    const wait = this.lastSentAt + this.options.intervalMs - performance.now();
    if (wait <= 0) {
      this.send(this.snapshot());
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.closed) this.send(this.snapshot());
    }, wait);
  }

  private send(progress: SyncProgress): void {
    this.lastSentAt = performance.now();
    try {
      this.options.onProgress?.(progress);
    } catch {
      // A broken progress view must not stop the run it is watching.
    }
  }
}
