import { GenesysError } from '../genesys-error';
import type { TokenSource } from '../auth/token-source';
import { systemClock, throwIfAborted, type Clock } from './clock';
import { errorFromResponse } from './error-mapping';
import { CancelledError, NetworkError, RateLimitError, ServerError } from './errors';
import { sendRequest, type FetchLike } from './fetch-text';
import { RateGovernor } from './rate-governor';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry';
import { endpointOf, HttpStats, type RequestEvent } from './stats';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Arrays repeat the parameter (`id=a&id=b`), as Genesys list filters expect; undefined values are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal | undefined;
  /**
   * False for calls that must not run twice (submitting a job): then only
   * failures that prove the request was not processed (429, 503, connection
   * refused) are retried. Default true.
   */
  idempotent?: boolean;
}

/** What api.ts needs; tests and the sync engine can stand in their own. */
export interface GenesysRequester {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
}

export interface GenesysHttpOptions {
  /** e.g. https://api.mypurecloud.ie, or the simulator's base URL. */
  apiBase: string;
  tokens: TokenSource;
  /** One per connection, shared by all its workers. */
  governor?: RateGovernor;
  retry?: RetryPolicy;
  clock?: Clock;
  fetch?: FetchLike;
  /** Per attempt; the JS SDK uses 16 s, analytics queries over long ranges need more. */
  timeoutMs?: number;
  stats?: HttpStats;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

type Attempt<T> = { ok: true; status: number; value: T } | { ok: false; status: number | null; error: GenesysError };

/**
 * The one way this app calls /api/v2: bearer token from the token source,
 * pacing by the shared governor, retries with backoff, a single token
 * refresh on 401, typed errors with plain messages, and stats.
 */
export class GenesysHttp implements GenesysRequester {
  readonly stats: HttpStats;
  readonly governor: RateGovernor;
  private readonly apiBase: URL;
  private readonly tokens: TokenSource;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: GenesysHttpOptions) {
    this.apiBase = new URL(options.apiBase);
    this.tokens = options.tokens;
    this.clock = options.clock ?? systemClock;
    this.governor = options.governor ?? new RateGovernor({ clock: this.clock });
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.stats = options.stats ?? new HttpStats();
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    const { signal } = options;
    const endpoint = endpointOf(url.pathname);
    const started = this.clock.now();
    // True right after a 401 made us fetch a new token: a 401 now means the fresh token is refused too.
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal);
      const token = await this.tokens.getToken(signal);
      await this.governor.acquire(signal);
      const sentAt = performance.now();
      const result = await this.send<T>(method, url, token, options);
      const event = { method, endpoint, status: result.status, ms: performance.now() - sentAt, attempt };
      if (result.ok) {
        this.record({ ...event, outcome: 'ok' });
        return result.value;
      }
      const { error, status } = result;
      // 401 once: the token may have been revoked or expired early; a fresh one decides (fact sheet §2.3).
      if (status === 401 && !refreshed) {
        refreshed = true;
        this.tokens.invalidate(token);
        this.record({ ...event, outcome: 'retry' });
        continue;
      }
      // Any other answer ends the "in a row": a token revoked again while this call waits out a 5xx or a dropped
      // connection is replaced again rather than taken for refused credentials (found by the fault soak).
      if (status !== 401) refreshed = false;
      if (error instanceof RateLimitError) {
        // Everyone waits, not only this caller (fact sheet §3.3); a wait past 180 s makes them all give up.
        this.governor.pause(error.retryAfterMs ?? this.retry.defaultRetryAfterMs);
      }
      const decision =
        options.idempotent === false && !notProcessed(error)
          ? { retry: false as const }
          : decideRetry(error, attempt, this.clock.now() - started, this.retry);
      if (!decision.retry || error instanceof CancelledError) {
        this.record({ ...event, outcome: 'failed' });
        throw error;
      }
      this.record({ ...event, outcome: 'retry' });
      // After a 429 the governor holds everybody until Retry-After; no extra wait here.
      if (!(error instanceof RateLimitError)) await this.clock.sleep(decision.delayMs, signal);
    }
  }

  /** One attempt; every failure comes back as a typed error, never thrown past here. */
  private async send<T>(method: HttpMethod, url: URL, token: string, options: RequestOptions): Promise<Attempt<T>> {
    let status: number | null = null;
    try {
      const response = await sendRequest(url, this.init(method, token, options.body), {
        fetch: this.fetchImpl,
        signal: options.signal,
        timeoutMs: this.timeoutMs,
      });
      status = response.status;
      this.governor.observe(response.headers);
      if (status >= 200 && status < 300) return { ok: true, status, value: parseJson<T>(response.text, url.host) };
      const error = errorFromResponse({
        status,
        headers: response.headers,
        // Genesys's message is shown on screen; should it ever quote our token, it must not show it.
        text: token === '' ? response.text : response.text.replaceAll(token, '[token]'),
        method,
        path: url.pathname,
        now: this.clock.now(),
      });
      return { ok: false, status, error };
    } catch (caught) {
      if (!(caught instanceof GenesysError)) throw caught;
      return { ok: false, status, error: caught };
    }
  }

  private url(path: string, query: RequestOptions['query']): URL {
    // A path starting with // would name another host; only our API's paths are allowed.
    if (!path.startsWith('/') || path.startsWith('//')) throw new RangeError(`Not an API path: ${path}`);
    const url = new URL(path, this.apiBase);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      const values: readonly (string | number | boolean)[] = Array.isArray(value) ? value : [value as string];
      for (const item of values) url.searchParams.append(name, String(item));
    }
    return url;
  }

  private init(method: HttpMethod, token: string, body: unknown): RequestInit {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body === undefined) return { method, headers };
    headers['content-type'] = 'application/json';
    return { method, headers, body: JSON.stringify(body) };
  }

  private record(event: RequestEvent): void {
    this.stats.record(event);
  }
}

/** A 2xx body: empty means no content (DELETE, 202/204); JSON that does not parse was cut off on the way. */
function parseJson<T>(text: string, host: string): T {
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new NetworkError(host, 'truncated');
  }
}

/** Failures after which the server certainly did not act on the request, so even a job submission may be repeated. */
function notProcessed(error: GenesysError): boolean {
  if (error instanceof RateLimitError) return true;
  if (error instanceof ServerError) return error.status === 503;
  if (error instanceof NetworkError) {
    return (
      error.failure === 'unreachable' && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.systemCode ?? '')
    );
  }
  return false;
}
