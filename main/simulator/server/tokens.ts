import { randomBytes } from 'node:crypto';
import type { SimulatorError } from '../model';
import { errors } from './error-body';
import type { Grant } from './options';

export interface TokenRecord {
  /** Public id for logs and tests ("t1", "t2", …); the bearer string itself is never logged. */
  id: string;
  clientId: string;
  grant: Grant;
  /** Present for user-context (code/PKCE) tokens only. */
  userId?: string;
  permissions: ReadonlySet<string>;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** The authorization code this token came from: replaying the code revokes it (RFC 6749 §4.1.2). */
  fromCode?: string;
}

export type TokenLookup = { token: TokenRecord } | { error: SimulatorError };

/** Opaque random bearer tokens, like Genesys', with lifetime, revocation and expiry on demand. */
export class TokenStore {
  private readonly byBearer = new Map<string, TokenRecord>();
  private issued = 0;

  constructor(
    private readonly clock: () => number,
    private readonly ttlSeconds: () => number,
  ) {}

  issue(fields: Pick<TokenRecord, 'clientId' | 'grant' | 'userId' | 'permissions' | 'fromCode'>): {
    bearer: string;
    record: TokenRecord;
  } {
    const bearer = randomBytes(32).toString('base64url');
    const issuedAt = this.clock();
    const record: TokenRecord = {
      ...fields,
      id: `t${++this.issued}`,
      issuedAt,
      expiresAt: issuedAt + this.ttlSeconds() * 1000,
      revoked: false,
    };
    this.byBearer.set(bearer, record);
    return { bearer, record };
  }

  lookup(bearer: string | undefined): TokenLookup {
    if (bearer === undefined) return { error: errors.authenticationRequired() };
    const record = this.byBearer.get(bearer);
    if (!record || record.revoked) return { error: errors.badCredentials() };
    if (this.clock() >= record.expiresAt) return { error: errors.credentialsExpired() };
    return { token: record };
  }

  /** The id of whatever token was presented, valid or not, for the request log. */
  idOf(bearer: string | undefined): string | null {
    return bearer === undefined ? null : (this.byBearer.get(bearer)?.id ?? null);
  }

  revokeWhere(predicate: (record: TokenRecord) => boolean): void {
    for (const record of this.byBearer.values()) if (predicate(record)) record.revoked = true;
  }

  revokeAll(): void {
    this.revokeWhere(() => true);
  }

  expireAll(): void {
    const now = this.clock();
    for (const record of this.byBearer.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }
}
