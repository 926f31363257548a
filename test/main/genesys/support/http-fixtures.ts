import type { TokenSource } from '../../../../main/genesys/auth/token-source';
import { GenesysHttp, type GenesysHttpOptions } from '../../../../main/genesys/http/genesys-http';
import { RateGovernor } from '../../../../main/genesys/http/rate-governor';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../main/genesys/http/retry';

/** The real policy with millisecond backoffs, so retry tests take no time. */
export const FAST_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, random: () => 0.5 };

export class StaticTokens implements TokenSource {
  invalidated: string[] = [];
  constructor(readonly token = 'static-token-123') {}
  getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
  invalidate(token: string): void {
    this.invalidated.push(token);
  }
}

/** A GenesysHttp against `baseUrl` with a high limit (pacing is the governor tests' business) and fast retries. */
export function testHttp(baseUrl: string, overrides: Partial<GenesysHttpOptions> = {}): GenesysHttp {
  return new GenesysHttp({
    apiBase: baseUrl,
    tokens: new StaticTokens(),
    governor: new RateGovernor({ limitPerMinute: 600_000 }),
    retry: FAST_RETRY,
    ...overrides,
  });
}

export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail, but it succeeded');
}
