import { timingSafeEqual } from 'node:crypto';
import type { AuthCodeStore } from './auth-codes';
import { jsonReply, type Reply } from './http-util';
import type { SimulatorClient, SimulatorUser } from './options';
import type { TokenStore } from './tokens';

export interface SignInUser extends SimulatorUser {
  userId: string;
}

export interface OAuthContext {
  clients: ReadonlyMap<string, SimulatorClient>;
  users: readonly SignInUser[];
  tokens: TokenStore;
  codes: AuthCodeStore;
  clock: () => number;
  tokenTtlSeconds: () => number;
  /** Shown under the sign-in form (the documented demo user). */
  signInHint?: string;
}

/**
 * Token-endpoint errors are OAuth-shaped, not ErrorBody (fact sheet §2.5):
 * `error` + `error_description`, plus the `description` copy observed in
 * real responses. invalid_client is 401 (RFC 6749 §5.2), the rest 400.
 */
export function oauthError(status: 400 | 401, error: string, description: string): Reply {
  const headers = status === 401 ? { 'www-authenticate': 'Basic realm="oauth"', ...noStore() } : noStore();
  return jsonReply(status, { error, description, error_description: description }, headers);
}

export function noStore(): Record<string, string> {
  return { 'cache-control': 'no-store', pragma: 'no-cache' };
}

export function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A code-grant token may do what the user may do, capped by what the client is allowed (scopes, roughly). */
export function userTokenPermissions(user: SimulatorUser, client: SimulatorClient): string[] {
  const cap = new Set(client.permissions);
  return user.permissions.filter((permission) => cap.has(permission));
}
