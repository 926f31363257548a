import { GenesysError, withSupportReference, type GenesysErrorDetails } from '../genesys-error';

/**
 * One class per way a Genesys call can fail, each with a message a
 * supervisor can act on (fact sheet §3.2 for the statuses).
 */

export class BadRequestError extends GenesysError {
  readonly code = 'bad-request';
  override readonly name = 'BadRequestError';

  constructor(
    /** What Genesys said was wrong, as Genesys said it. */
    readonly genesysMessage: string | undefined,
    details: GenesysErrorDetails = {},
    message?: string,
  ) {
    super(
      withSupportReference(
        message ??
          (genesysMessage
            ? `Genesys Cloud did not accept the request: ${genesysMessage}`
            : `Genesys Cloud did not accept the request (HTTP ${details.status ?? 400}).`),
        details,
      ),
      details,
    );
  }
}

export class AuthenticationError extends GenesysError {
  readonly code = 'authentication';
  override readonly name = 'AuthenticationError';

  constructor(message: string, details: GenesysErrorDetails = {}) {
    super(withSupportReference(message, details), details);
  }
}

export const CLIENT_CREDENTIALS_REJECTED =
  'The client ID or secret was not accepted by Genesys Cloud. Check both in the connection settings, ' +
  'and that the OAuth client uses the Client Credentials grant in this region.';

export const TOKEN_REFUSED_TWICE =
  'Genesys Cloud refused the sign-in of this connection twice in a row, even with a fresh token. ' +
  'Check the client ID and secret, or sign in again; the OAuth client may have been disabled.';

export class PermissionError extends GenesysError {
  readonly code = 'permission';
  override readonly name = 'PermissionError';

  constructor(
    /** Permission names Genesys said are missing, e.g. `analytics:conversationDetail:view`. */
    readonly permissions: readonly string[],
    /** True when any one of `permissions` would do (`missing.any.permissions`). */
    readonly anyOf: boolean,
    genesysMessage: string | undefined,
    details: GenesysErrorDetails = {},
  ) {
    super(withSupportReference(permissionMessage(permissions, anyOf, genesysMessage), details), details);
  }
}

const ASK_ADMIN =
  'Ask a Genesys Cloud admin to add it to your role (for a client-credentials connection: to the OAuth client’s role).';

function permissionMessage(permissions: readonly string[], anyOf: boolean, genesysMessage: string | undefined): string {
  if (permissions.length === 0) {
    const said = genesysMessage ? ` Genesys Cloud said: ${genesysMessage}` : '';
    return `Your Genesys Cloud account is not allowed to do this.${said} ${ASK_ADMIN}`;
  }
  const names = permissions.join(', ');
  if (anyOf && permissions.length > 1) {
    return `This needs at least one of these Genesys Cloud permissions, and your account has none: ${names}. ${ASK_ADMIN}`;
  }
  const noun = permissions.length === 1 ? 'permission' : 'permissions';
  return `Your Genesys Cloud account is missing the ${noun} this needs: ${names}. ${ASK_ADMIN}`;
}

export class NotFoundError extends GenesysError {
  readonly code = 'not-found';
  override readonly name = 'NotFoundError';

  constructor(what: string, details: GenesysErrorDetails = {}) {
    super(
      withSupportReference(
        `Genesys Cloud could not find ${what}. It may have been deleted, or be in a division you cannot see.`,
        details,
      ),
      details,
    );
  }
}

/** Longer waits than this are not retried (the official .NET SDK and CLI give up past 180 s, fact sheet §3.4). */
export const MAX_RETRY_AFTER_SECONDS = 180;

export class RateLimitError extends GenesysError {
  readonly code = 'rate-limited';
  override readonly name = 'RateLimitError';

  constructor(
    /** How long Genesys asked us to wait, when it said. */
    readonly retryAfterSeconds: number | undefined,
    details: GenesysErrorDetails = {},
  ) {
    super(withSupportReference(rateLimitMessage(retryAfterSeconds), details), {
      status: 429,
      ...details,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
    });
  }
}

function rateLimitMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds !== undefined && retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const wait = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
    return (
      `Genesys Cloud asked us to wait ${wait} before sending more requests. An hourly or daily limit of your ` +
      `organization was probably reached (other tools may share it). Try again later.`
    );
  }
  return (
    'Genesys Cloud kept answering “too many requests”, even after waiting as it asked. Wait a minute and try ' +
    'again; if it keeps happening, another tool may be using the same OAuth client.'
  );
}

export class ServerError extends GenesysError {
  readonly code = 'server-error';
  override readonly name = 'ServerError';

  constructor(status: number, details: GenesysErrorDetails = {}) {
    super(withSupportReference(serverMessage(status), details), {
      retryable: RETRYABLE_SERVER_STATUSES.has(status),
      ...details,
      status,
    });
  }
}

/** 408 and the 5xx statuses Genesys declares for overload and timeouts (fact sheet §3.2, §3.4). */
const RETRYABLE_SERVER_STATUSES = new Set([408, 500, 502, 503, 504]);

function serverMessage(status: number): string {
  if (status === 408 || status === 504) {
    return `Genesys Cloud took too long to answer (HTTP ${status}). This usually passes; try again, perhaps with a shorter date range.`;
  }
  if (status >= 500) {
    return `Genesys Cloud could not answer right now (HTTP ${status}). This usually passes within minutes; try again.`;
  }
  return `Genesys Cloud gave an answer ReportDesk does not understand (HTTP ${status}).`;
}

export type NetworkFailure = 'unreachable' | 'interrupted' | 'truncated' | 'timeout';

export class NetworkError extends GenesysError {
  readonly code = 'network';
  override readonly name = 'NetworkError';

  constructor(
    /** The host we tried, e.g. `api.mypurecloud.ie`. */
    readonly host: string,
    readonly failure: NetworkFailure,
    /** A system error code such as ECONNREFUSED, for the log; never a message that could quote a request. */
    readonly systemCode?: string,
    timeoutSeconds?: number,
  ) {
    super(networkMessage(host, failure, timeoutSeconds), { retryable: true });
  }
}

function networkMessage(host: string, failure: NetworkFailure, timeoutSeconds: number | undefined): string {
  switch (failure) {
    case 'unreachable':
      return `Could not reach Genesys Cloud at ${host} — check the connection (internet, VPN or proxy).`;
    case 'interrupted':
      return `The connection to Genesys Cloud at ${host} dropped while the answer was arriving — check the connection.`;
    case 'truncated':
      return `The answer from Genesys Cloud at ${host} arrived incomplete — check the connection.`;
    case 'timeout':
      return `Genesys Cloud at ${host} did not answer within ${timeoutSeconds ?? 60} seconds — check the connection.`;
  }
}

export class CancelledError extends GenesysError {
  readonly code = 'cancelled';
  override readonly name = 'CancelledError';

  constructor() {
    super('The request was cancelled.');
  }
}
