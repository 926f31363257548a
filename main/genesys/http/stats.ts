/** One finished attempt of one request, as the progress view and logs see it: never a header, body or token. */
export interface RequestEvent {
  method: string;
  /** The path with ids replaced by `{id}`, e.g. `GET /api/v2/analytics/conversations/details/jobs/{id}`. */
  endpoint: string;
  /** null when no answer arrived (network error, abort). */
  status: number | null;
  ms: number;
  attempt: number;
  outcome: 'ok' | 'retry' | 'failed';
}

export interface EndpointStats {
  requests: number;
  failures: number;
  totalMs: number;
  maxMs: number;
}

export interface HttpStatsSnapshot {
  /** Attempts sent, retries included. */
  requests: number;
  /** Attempts answered 429. */
  rateLimited: number;
  /** Attempts that were repeated (after 408/429/5xx/network, or the one token refresh on 401). */
  retries: number;
  /** Requests that finally failed. */
  failures: number;
  endpoints: Record<string, EndpointStats>;
}

export type StatsListener = (event: RequestEvent, snapshot: HttpStatsSnapshot) => void;

/** Counts and timings per connection, for the progress view ("requests", "rate limited") and diagnostics. */
export class HttpStats {
  private snapshotValue: HttpStatsSnapshot = emptySnapshot();
  private readonly listeners = new Set<StatsListener>();

  record(event: RequestEvent): void {
    const previous = this.snapshotValue;
    const endpointKey = `${event.method} ${event.endpoint}`;
    const endpoint = previous.endpoints[endpointKey] ?? { requests: 0, failures: 0, totalMs: 0, maxMs: 0 };
    this.snapshotValue = {
      requests: previous.requests + 1,
      rateLimited: previous.rateLimited + (event.status === 429 ? 1 : 0),
      retries: previous.retries + (event.outcome === 'retry' ? 1 : 0),
      failures: previous.failures + (event.outcome === 'failed' ? 1 : 0),
      endpoints: {
        ...previous.endpoints,
        [endpointKey]: {
          requests: endpoint.requests + 1,
          failures: endpoint.failures + (event.outcome === 'ok' ? 0 : 1),
          totalMs: endpoint.totalMs + event.ms,
          maxMs: Math.max(endpoint.maxMs, event.ms),
        },
      },
    };
    for (const listener of this.listeners) {
      try {
        listener(event, this.snapshotValue);
      } catch {
        // A broken progress view must not fail the request it is watching.
      }
    }
  }

  snapshot(): HttpStatsSnapshot {
    return this.snapshotValue;
  }

  subscribe(listener: StatsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(): void {
    this.snapshotValue = emptySnapshot();
  }
}

function emptySnapshot(): HttpStatsSnapshot {
  return { requests: 0, rateLimited: 0, retries: 0, failures: 0, endpoints: {} };
}

const ID_SEGMENT = /^(?=.*\d)[0-9a-z_-]{16,}$/i;

/** Groups timings by endpoint rather than by entity: long id-like path segments become `{id}`. */
export function endpointOf(path: string): string {
  const [pathOnly = ''] = path.split('?');
  return pathOnly
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
    .join('/');
}
