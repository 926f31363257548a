import type { ErrorCode, ErrorInfo } from '../../preload/contract/types';

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

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof UserFacingError) return error.toInfo();
  return { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
}
