import type { Models } from 'purecloud-platform-client-v2';
import { SimulatorError } from '../model';

/**
 * Every platform error leaves as a Genesys `ErrorBody` (fact sheet §3.1), so
 * a client's error handling is exercised against the real shape. Messages
 * marked "swagger" are the status descriptions the SDK's API definition
 * declares (§3.2); the others are recollection, listed in docs/simulator.md.
 */
export function toErrorBody(error: SimulatorError, contextId: string): Models.ErrorBody {
  const body: Models.ErrorBody = {
    message: error.message,
    code: error.code,
    status: error.status,
    messageParams: { ...error.messageParams },
    contextId,
    details: [],
    errors: [],
  };
  if (error instanceof RateLimitError) body.limit = { ...error.limit };
  return body;
}

/** A 429: carries the seconds for `Retry-After` and the limit that was hit. */
export class RateLimitError extends SimulatorError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly limit: Models.Limit,
  ) {
    // swagger: "Rate limit exceeded the maximum. Retry the request in [%s] seconds"
    super(
      429,
      'too.many.requests',
      `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
    );
  }
}

export const errors = {
  authenticationRequired: () =>
    new SimulatorError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    ),
  badCredentials: () => new SimulatorError(401, 'bad.credentials', 'Invalid login credentials.'),
  credentialsExpired: () =>
    new SimulatorError(401, 'credentials.expired', 'The supplied credentials are expired and cannot be used.'),
  missingPermissions: (names: readonly string[]) =>
    new SimulatorError(
      403,
      'missing.permissions',
      `Unable to perform the requested action. You are missing the following permission(s): [${names.join(', ')}]`,
      { permissions: names.join(', ') },
    ),
  missingAnyPermissions: (names: readonly string[]) =>
    new SimulatorError(
      403,
      'missing.any.permissions',
      `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${names.join(', ')}]`,
      { permissions: names.join(', ') },
    ),
  userContextRequired: () =>
    new SimulatorError(
      400,
      'bad.request',
      'This request requires a user context. Client credentials cannot be used for requests to this resource.',
    ),
  notFound: () => new SimulatorError(404, 'not.found', 'The requested resource was not found.'),
  malformedSyntax: () =>
    // swagger
    new SimulatorError(
      400,
      'bad.request',
      'The request could not be understood by the server due to malformed syntax.',
    ),
  bodyNotObject: () => new SimulatorError(400, 'bad.request', 'The request body must be a JSON object.'),
  invalidQueryParameter: (name: string, value: string, expected: string) =>
    new SimulatorError(400, 'invalid.value', `Invalid value '${value}' for query parameter '${name}': ${expected}.`, {
      parameter: name,
      value,
    }),
  tooLarge: (maxBytes: number) =>
    // swagger: "The request is over the size limit. Maximum bytes: %s"
    new SimulatorError(
      413,
      'request.entity.too.large',
      `The request is over the size limit. Maximum bytes: ${maxBytes}`,
      {
        maxBytes: String(maxBytes),
      },
    ),
  unsupportedMediaType: () =>
    new SimulatorError(
      415,
      'unsupported.media.type',
      'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.',
    ),
  internal: () =>
    // swagger
    new SimulatorError(
      500,
      'internal.server.error',
      'The server encountered an unexpected condition which prevented it from fulfilling the request.',
    ),
  serviceUnavailable: () =>
    new SimulatorError(
      503,
      'service.unavailable',
      'Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).',
    ),
  gatewayTimeout: () => new SimulatorError(504, 'request.timeout', 'The request timed out.'),
};

/** Anything that is not a SimulatorError is a bug in the simulator or engine: answer 500 without leaking it. */
export function asSimulatorError(error: unknown): SimulatorError {
  return error instanceof SimulatorError ? error : errors.internal();
}
