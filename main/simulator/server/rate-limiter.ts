export interface RateDecision {
  allowed: boolean;
  /** The limit (inin-ratelimit-allowed). */
  limit: number;
  /** Requests counted in the current window, this one included when allowed (inin-ratelimit-count). */
  count: number;
  /** Whole seconds until the oldest counted request leaves the window (inin-ratelimit-reset; Retry-After on 429). */
  resetSeconds: number;
}

export const RATE_WINDOW_MS = 60_000;

/**
 * A sliding-window log per key: at most `limit` admitted requests in any
 * 60 s span. Stricter than a fixed window (no double burst at a boundary),
 * so a client that paces itself correctly here also passes Genesys, and the
 * wait it is told (Retry-After) is exact: the moment the oldest request
 * ages out. Refused requests are not counted, so obeying Retry-After always
 * succeeds.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    private readonly clock: () => number,
    private readonly windowMs = RATE_WINDOW_MS,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock();
    const times = this.windows.get(key) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= now - this.windowMs) times.shift();
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.windows.set(key, times);
    const oldest = times[0] ?? now;
    const resetSeconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    return { allowed, limit: this.limit, count: times.length, resetSeconds };
  }
}
