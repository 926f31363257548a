import { systemClock, throwIfAborted, type Clock } from '../http/clock';
import { CancelledError } from '../http/errors';
import type { AccessToken } from './token-endpoint';

/** Where the HTTP layer gets its bearer token. */
export interface TokenSource {
  getToken(signal?: AbortSignal): Promise<string>;
  /** Genesys answered 401 with `token`: forget it, so the next getToken obtains another (the 401-once rule). */
  invalidate(token: string): void;
}

/** Refresh this long before expiry (or at half-life for tokens shorter than twice this). */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * Caches a token until shortly before it expires. Concurrent callers that
 * find it stale share one `obtain` call, so twenty workers starting at once
 * cost one token request. The shared call ignores any one caller's abort
 * (the others still want the token); each caller stops waiting on its own.
 */
export class CachedTokenSource implements TokenSource {
  // ES private fields: util.inspect and console.log never show the token.
  #current: AccessToken | undefined;
  #inFlight: Promise<AccessToken> | undefined;
  readonly #obtain: () => Promise<AccessToken>;
  readonly #clock: Clock;

  constructor(obtain: () => Promise<AccessToken>, clock: Clock = systemClock) {
    this.#obtain = obtain;
    this.#clock = clock;
  }

  async getToken(signal?: AbortSignal): Promise<string> {
    throwIfAborted(signal);
    const current = this.#current;
    if (current && this.#clock.now() < usableUntil(current)) return current.value;
    this.#inFlight ??= this.#obtain()
      .then((token) => {
        this.#current = token;
        return token;
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    return (await untilAborted(this.#inFlight, signal)).value;
  }

  invalidate(token: string): void {
    if (this.#current?.value === token) this.#current = undefined;
  }

  /** Drops the cached token (sign-out, a new sign-in, a changed secret). */
  reset(): void {
    this.#current = undefined;
  }
}

export function usableUntil(token: AccessToken): number {
  const lifetime = token.expiresAt - token.obtainedAt;
  return token.expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
