import { systemClock, type Clock } from '../http/clock';
import { AuthenticationError, CLIENT_CREDENTIALS_REJECTED } from '../http/errors';
import type { FetchLike } from '../http/fetch-text';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from '../http/retry';
import { requestToken, type AccessToken, type OAuthErrorBody } from './token-endpoint';
import { CachedTokenSource } from './token-source';

export interface ClientCredentialsConfig {
  loginBase: string;
  clientId: string;
  /** Reads the secret from the secret store at the moment it is needed; it is never kept anywhere else. */
  readSecret: () => Promise<string | undefined>;
  fetch?: FetchLike;
  clock?: Clock;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

export const NO_SECRET_SAVED =
  'No client secret is saved for this connection. Enter it in the connection settings and try again.';

const GRANT_NOT_ALLOWED =
  'This OAuth client may not use the Client Credentials grant. In Genesys Cloud (Admin › OAuth), ' +
  'use a client whose grant type is Client Credentials.';

/**
 * The client-credentials grant (fact sheet §2.2): Basic auth with id and
 * secret, `grant_type=client_credentials`. There is no refresh token; a new
 * token is simply requested. 5xx, 429 and network failures are retried.
 */
export async function fetchClientCredentialsToken(
  config: ClientCredentialsConfig,
  signal?: AbortSignal,
): Promise<AccessToken> {
  const clock = config.clock ?? systemClock;
  const secret = await config.readSecret();
  if (!secret) throw new AuthenticationError(NO_SECRET_SAVED);
  return withRetries(
    () =>
      requestToken({
        loginBase: config.loginBase,
        form: { grant_type: 'client_credentials' },
        basic: { id: config.clientId, secret },
        fetch: config.fetch ?? fetch,
        now: () => clock.now(),
        signal,
        timeoutMs: config.timeoutMs ?? 30_000,
        oauthError: clientCredentialsError,
      }),
    { policy: config.retry ?? DEFAULT_RETRY_POLICY, clock, signal },
  );
}

/** A token source for a client-credentials connection: cached, refreshed shortly before expiry or after a 401. */
export function clientCredentialsTokenSource(config: ClientCredentialsConfig): CachedTokenSource {
  return new CachedTokenSource(() => fetchClientCredentialsToken(config), config.clock);
}

function clientCredentialsError(status: number, body: OAuthErrorBody): AuthenticationError {
  const details = { status, ...(body.error ? { genesysCode: body.error } : {}) };
  if (body.error === 'unauthorized_client' || body.error === 'unsupported_grant_type') {
    return new AuthenticationError(GRANT_NOT_ALLOWED, details);
  }
  return new AuthenticationError(CLIENT_CREDENTIALS_REJECTED, details);
}
