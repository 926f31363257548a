import { systemClock, throwIfAborted, type Clock } from './clock';
import { MAX_RETRY_AFTER_SECONDS, RateLimitError } from './errors';

export interface RateGovernorOptions {
  /** Requests per minute Genesys allows this token; replaced by `inin-ratelimit-allowed` when a response has it. */
  limitPerMinute?: number;
  /** Share of the limit to use, leaving room for clock skew and network jitter. */
  fraction?: number;
  /** Longest shared pause callers wait out; beyond it they fail at once with a RateLimitError. */
  maxPauseMs?: number;
  clock?: Clock;
}

/** The documented per-token limit (fact sheet §3.4: token.rate.per.minute = 300). */
export const DEFAULT_LIMIT_PER_MINUTE = 300;
export const DEFAULT_FRACTION = 0.95;

/**
 * Paces all requests of one connection evenly (one every 60 s / (limit ×
 * fraction)) instead of letting them burst, so Genesys's per-minute window
 * is never exceeded whatever the window's alignment. Callers reserve the
 * next free slot in arrival order. A 429 pauses everybody until its
 * Retry-After: callers already waiting for a slot notice the pause when
 * they wake and queue again behind it.
 */
export class RateGovernor {
  private readonly clock: Clock;
  private readonly fraction: number;
  private readonly maxPauseMs: number;
  private limit: number;
  private nextFreeAt = Number.NEGATIVE_INFINITY;
  private pausedUntilMs = Number.NEGATIVE_INFINITY;
  /** Bumped by every pause so sleeping callers can tell their reserved slot went stale. */
  private pauseGeneration = 0;

  constructor(options: RateGovernorOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.fraction = options.fraction ?? DEFAULT_FRACTION;
    this.maxPauseMs = options.maxPauseMs ?? MAX_RETRY_AFTER_SECONDS * 1000;
    this.limit = options.limitPerMinute ?? DEFAULT_LIMIT_PER_MINUTE;
    if (!(this.limit > 0) || !(this.fraction > 0 && this.fraction <= 1)) {
      throw new RangeError('RateGovernor needs a positive limit and a fraction in (0, 1].');
    }
  }

  get limitPerMinute(): number {
    return this.limit;
  }

  get intervalMs(): number {
    return 60_000 / (this.limit * this.fraction);
  }

  /** When the shared pause ends (ms since the epoch on this governor's clock); in the past when not paused. */
  get pausedUntil(): number {
    return this.pausedUntilMs;
  }

  /** Waits for this caller's turn. Throws CancelledError on abort, RateLimitError if the pause is too long to wait. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      const now = this.clock.now();
      const pauseLeft = this.pausedUntilMs - now;
      if (pauseLeft > this.maxPauseMs) {
        throw new RateLimitError(Math.ceil(pauseLeft / 1000));
      }
      const generation = this.pauseGeneration;
      const slot = Math.max(now, this.nextFreeAt, this.pausedUntilMs);
      this.nextFreeAt = slot + this.intervalMs;
      if (slot > now) await this.clock.sleep(slot - now, signal);
      if (generation === this.pauseGeneration) return;
    }
  }

  /** After a 429: nobody sends until `ms` from now, and pacing restarts from there (no burst on resume). */
  pause(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    if (until <= this.pausedUntilMs) return;
    this.pausedUntilMs = until;
    this.nextFreeAt = until;
    this.pauseGeneration++;
  }

  /**
   * Learns the org's real limit from `inin-ratelimit-allowed`, and if
   * `inin-ratelimit-count` says the window is already full (another tool on
   * the same token), pauses until `inin-ratelimit-reset` (fact sheet §3.3).
   */
  observe(headers: Headers): void {
    const allowed = positiveNumber(headers.get('inin-ratelimit-allowed'));
    if (allowed !== undefined) this.limit = allowed;
    const count = positiveNumber(headers.get('inin-ratelimit-count'));
    const reset = positiveNumber(headers.get('inin-ratelimit-reset'));
    if (allowed !== undefined && count !== undefined && reset !== undefined && count >= allowed) {
      this.pause(Math.min(reset, MAX_RETRY_AFTER_SECONDS) * 1000);
    }
  }
}

function positiveNumber(raw: string | null): number | undefined {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return undefined;
  const value = Number(raw);
  return value > 0 ? value : undefined;
}
