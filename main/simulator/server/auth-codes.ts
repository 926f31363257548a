import { randomBytes } from 'node:crypto';

export interface AuthCode {
  clientId: string;
  /** Exactly as sent to /oauth/authorize; the token request must repeat it (RFC 6749 §4.1.3). */
  redirectUri: string;
  codeChallenge?: string;
  userId: string;
  permissions: readonly string[];
  expiresAt: number;
  used: boolean;
}

export type Redemption =
  { ok: AuthCode; code: string } | { problem: 'unknown' | 'expired' } | { problem: 'reused'; code: string };

/** How long a code may wait for its exchange; the redirect is followed at once, so this only has to cover a slow client. */
export const CODE_TTL_MS = 60_000;

/** Single-use authorization codes. */
export class AuthCodeStore {
  private readonly codes = new Map<string, AuthCode>();

  constructor(private readonly clock: () => number) {}

  issue(fields: Omit<AuthCode, 'expiresAt' | 'used'>): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...fields, expiresAt: this.clock() + CODE_TTL_MS, used: false });
    return code;
  }

  /**
   * Marks the code used whatever happens next: a failed exchange (wrong
   * verifier, wrong redirect_uri) burns it too, so a client must restart the
   * sign-in rather than retry, the safe behaviour to design for.
   */
  redeem(code: string): Redemption {
    const record = this.codes.get(code);
    if (!record) return { problem: 'unknown' };
    if (record.used) return { problem: 'reused', code };
    record.used = true;
    if (this.clock() >= record.expiresAt) return { problem: 'expired' };
    return { ok: record, code };
  }
}
