import type { GenesysError } from '../genesys-error';
import { NetworkError, RateLimitError, ServerError } from '../http/errors';
import { retryAfterSeconds } from '../http/error-mapping';
import { sendRequest, type FetchLike } from '../http/fetch-text';

export interface AccessToken {
  value: string;
  /** ms since the epoch. */
  expiresAt: number;
  /** ms since the epoch; with expiresAt it gives the lifetime, so short-lived tokens are not refreshed constantly. */
  obtainedAt: number;
}

/** The OAuth-style error body of /oauth/token (fact sheet §2.5), not the platform ErrorBody. */
export interface OAuthErrorBody {
  error?: string;
  error_description?: string;
  description?: string;
}

export interface TokenRequest {
  loginBase: string;
  form: Record<string, string>;
  /** Client credentials send id and secret as Basic auth (fact sheet §2.2); PKCE sends none (§2.4). */
  basic?: { id: string; secret: string };
  fetch: FetchLike;
  now: () => number;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Turns an OAuth error (400/401) into the error that fits the grant. */
  oauthError: (status: number, body: OAuthErrorBody) => GenesysError;
}

/** POST /oauth/token on the login host (fact sheet §2.1); answers `access_token` and `expires_in` seconds. */
export async function requestToken(request: TokenRequest): Promise<AccessToken> {
  const url = new URL('/oauth/token', request.loginBase);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (request.basic) {
    headers.authorization = `Basic ${Buffer.from(`${request.basic.id}:${request.basic.secret}`).toString('base64')}`;
  }
  const response = await sendRequest(
    url,
    { method: 'POST', headers, body: new URLSearchParams(request.form).toString() },
    { fetch: request.fetch, signal: request.signal, timeoutMs: request.timeoutMs },
  );
  const correlation = response.headers.get('inin-correlation-id');
  const details = { status: response.status, ...(correlation ? { correlationId: correlation } : {}) };
  const body = parseObject(response.text);
  if (response.status === 429) {
    throw new RateLimitError(retryAfterSeconds(response.headers, undefined, request.now()), details);
  }
  if (response.status === 408 || response.status >= 500) throw new ServerError(response.status, details);
  if (response.status >= 400) throw request.oauthError(response.status, oauthBody(body));
  if (body === undefined) throw new NetworkError(url.host, 'truncated');
  const token = body.access_token;
  const expiresIn = body.expires_in;
  if (response.status !== 200 || typeof token !== 'string' || token === '' || typeof expiresIn !== 'number') {
    throw new ServerError(response.status, { ...details, retryable: false });
  }
  const now = request.now();
  return { value: token, expiresAt: now + expiresIn * 1000, obtainedAt: now };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function oauthBody(body: Record<string, unknown> | undefined): OAuthErrorBody {
  const pick = (key: string) => (typeof body?.[key] === 'string' ? { [key]: body[key] } : {});
  return { ...pick('error'), ...pick('error_description'), ...pick('description') };
}
