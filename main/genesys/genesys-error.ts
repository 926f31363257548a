export type GenesysErrorCode =
  | 'unknown-region'
  | 'bad-request'
  | 'authentication'
  | 'permission'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'cancelled'
  | 'sign-in-required'
  | 'sign-in-failed';

/** What Genesys told us about a failed call, kept so support can find it in their logs (fact sheet §3.1). */
export interface GenesysErrorDetails {
  status?: number;
  /** `ErrorBody.contextId`. */
  contextId?: string;
  /** The `inin-correlation-id` response header. */
  correlationId?: string;
  /** `ErrorBody.code`, e.g. `missing.permissions`. */
  genesysCode?: string;
  retryable?: boolean;
  /** How long Genesys asked us to wait (Retry-After), when it did. */
  retryAfterMs?: number;
}

/**
 * Base of every error this module throws. Messages are written for a
 * supervisor and are safe to show as they are: no error here ever carries a
 * secret, token, authorization code or verifier, not even as a `cause`
 * (a cause could be a request object holding headers), so serialising or
 * logging one cannot leak credentials.
 */
export abstract class GenesysError extends Error {
  abstract readonly code: GenesysErrorCode;
  readonly status: number | undefined;
  readonly contextId: string | undefined;
  readonly correlationId: string | undefined;
  readonly genesysCode: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  protected constructor(message: string, details: GenesysErrorDetails = {}) {
    super(message);
    this.status = details.status;
    this.contextId = details.contextId;
    this.correlationId = details.correlationId;
    this.genesysCode = details.genesysCode;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** The id to quote to Genesys support, if Genesys gave one. */
  get supportReference(): string | undefined {
    return this.contextId ?? this.correlationId;
  }

  toJSON(): Record<string, string | number | boolean | undefined> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      contextId: this.contextId,
      correlationId: this.correlationId,
      genesysCode: this.genesysCode,
    };
  }
}

/** Appends Genesys's reference so a supervisor can paste it into a support ticket. */
export function withSupportReference(message: string, details: GenesysErrorDetails): string {
  const reference = details.contextId ?? details.correlationId;
  return reference ? `${message} (Genesys Cloud reference: ${reference})` : message;
}
