import type { ErrorCode, ErrorInfo } from '../../preload/contract/types';
import { CacheError } from '../cache/errors';
import { GenesysError, type GenesysErrorCode } from '../genesys/genesys-error';

/**
 * An error whose message is written for the person using the app. Anything
 * else that escapes a handler is reported as a generic internal error, so a
 * stack trace or a token in an exception message never reaches the screen.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }

  toInfo(): ErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside ReportDesk. Your data is safe; try again, and if it keeps happening, restart the app.';

const GENESYS_CODES: Record<GenesysErrorCode, ErrorCode> = {
  'unknown-region': 'bad-input',
  'bad-request': 'genesys',
  authentication: 'genesys',
  permission: 'genesys',
  'not-found': 'not-found',
  'rate-limited': 'rate-limited',
  'server-error': 'genesys',
  network: 'offline',
  cancelled: 'cancelled',
  'sign-in-required': 'sign-in-required',
  'sign-in-failed': 'genesys',
};

/**
 * Errors from the Genesys client and the cache already carry messages written for supervisors (and never a
 * secret), so they pass through; everything else is hidden behind the generic message.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof UserFacingError) return error.toInfo();
  if (error instanceof GenesysError) return { code: GENESYS_CODES[error.code], message: error.message };
  if (error instanceof CacheError) return { code: 'cache', message: error.message };
  return { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
}

/** Whether an error is one of ours with a safe message (not a bug worth logging as internal). */
export function isExpectedError(error: unknown): boolean {
  return error instanceof UserFacingError || error instanceof GenesysError || error instanceof CacheError;
}
