import { GenesysError } from '../genesys-error';
import { throwIfAborted, type Clock } from './clock';
import { MAX_RETRY_AFTER_SECONDS, NetworkError, RateLimitError, ServerError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxTotalMs: number;
  /** The first backoff; each later one is `factor` times longer, up to `maxDelayMs`. */
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Wait on a 429 that came without Retry-After. */
  defaultRetryAfterMs: number;
  /** 0 ≤ x < 1; injectable so tests can pin the jitter. */
  random: () => number;
}

/**
 * Close to the official .NET client (fact sheet §3.4): 5 retries, 3 s when
 * Genesys names no wait, then growing waits (here 1 s, 3 s, 9 s, 27 s with
 * jitter so parallel workers do not retry in lockstep).
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxTotalMs: 10 * 60_000,
  baseDelayMs: 1000,
  factor: 3,
  maxDelayMs: 30_000,
  defaultRetryAfterMs: 3000,
  random: Math.random,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether to try again after `error` on attempt number `attempt` (1-based).
 * Retryable: 408, 429, 500, 502, 503, 504, network failures and truncated
 * bodies. Not: 400, 401, 403, 404 (a 401's one token refresh is the HTTP
 * layer's business), nor a 429 asking for more than 180 s.
 */
export function decideRetry(error: unknown, attempt: number, elapsedMs: number, policy: RetryPolicy): RetryDecision {
  if (!(error instanceof GenesysError) || !isRetryable(error)) return { retry: false };
  if (attempt >= policy.maxAttempts) return { retry: false };
  const delayMs = retryDelayMs(error, attempt, policy);
  if (elapsedMs + delayMs > policy.maxTotalMs) return { retry: false };
  return { retry: true, delayMs };
}

export function isRetryable(error: GenesysError): boolean {
  if (error instanceof RateLimitError) {
    return (error.retryAfterMs ?? 0) <= MAX_RETRY_AFTER_SECONDS * 1000;
  }
  return (error instanceof ServerError || error instanceof NetworkError) && error.retryable;
}

/** Genesys's own wait when it names one, else jittered exponential backoff (between half and all of the step). */
export function retryDelayMs(error: GenesysError, attempt: number, policy: RetryPolicy): number {
  if (error instanceof RateLimitError) return error.retryAfterMs ?? policy.defaultRetryAfterMs;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (attempt - 1));
  const backoff = Math.round(step * (0.5 + policy.random() * 0.5));
  return Math.max(backoff, error.retryAfterMs ?? 0);
}

/** Runs `operation` until it succeeds or `decideRetry` says stop; the last error is thrown as is. */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: {
    policy: RetryPolicy;
    clock: Clock;
    signal?: AbortSignal | undefined;
    onRetry?: (error: GenesysError) => void;
  },
): Promise<T> {
  const started = options.clock.now();
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(options.signal);
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = decideRetry(error, attempt, options.clock.now() - started, options.policy);
      if (!decision.retry) throw error;
      options.onRetry?.(error as GenesysError);
      await options.clock.sleep(decision.delayMs, options.signal);
    }
  }
}
