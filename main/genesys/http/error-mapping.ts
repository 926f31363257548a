import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysError, GenesysErrorDetails } from '../genesys-error';
import {
  BadRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  AuthenticationError,
  TOKEN_REFUSED_TWICE,
} from './errors';

export interface FailedResponse {
  status: number;
  headers: Headers;
  /** The raw body text; may be empty or not JSON. */
  text: string;
  method: string;
  path: string;
  now: number;
}

/** A Genesys error status and body (`ErrorBody`, fact sheet §3.1) as a typed error with a plain message. */
export function errorFromResponse(response: FailedResponse): GenesysError {
  const body = parseErrorBody(response.text);
  const said = genesysText(body);
  const details: GenesysErrorDetails = {
    status: response.status,
    ...optional('contextId', body?.contextId),
    ...optional('correlationId', response.headers.get('inin-correlation-id') ?? undefined),
    ...optional('genesysCode', body?.code),
  };
  const { status } = response;
  if (status === 401) return new AuthenticationError(TOKEN_REFUSED_TWICE, details);
  if (status === 403) {
    const permissions = missingPermissions(body);
    const anyOf = body?.code === 'missing.any.permissions' || /at least one of/i.test(body?.message ?? '');
    return new PermissionError(permissions, anyOf, said, details);
  }
  if (status === 404) return new NotFoundError(`${response.method} ${response.path}`, details);
  if (status === 429) return new RateLimitError(retryAfterSeconds(response.headers, body, response.now), details);
  if (status === 413) {
    return new BadRequestError(
      said,
      details,
      'The request was too large for Genesys Cloud. Choose a shorter date range or fewer queues and users.',
    );
  }
  if (status >= 400 && status < 500 && status !== 408) return new BadRequestError(said, details);
  const wait = retryAfterSeconds(response.headers, undefined, response.now);
  // A 503 may name its own wait; the retry layer honours it like a 429's.
  return new ServerError(status, wait === undefined ? details : { ...details, retryAfterMs: wait * 1000 });
}

export function parseErrorBody(text: string): Models.ErrorBody | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `messageWithParams` filled from `messageParams` when both are present, else `message` (fact sheet §3.2). */
export function genesysText(body: Models.ErrorBody | undefined): string | undefined {
  if (!body) return undefined;
  const params = body.messageParams;
  if (typeof body.messageWithParams === 'string' && params && typeof params === 'object') {
    const filled = body.messageWithParams.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return typeof value === 'string' ? value : whole;
    });
    if (!/\{\w+\}/.test(filled)) return clean(filled);
  }
  return typeof body.message === 'string' && body.message.trim() !== '' ? clean(body.message) : undefined;
}

const PERMISSION_NAME = /[A-Za-z][\w-]*:[\w*-]+:[\w*-]+/g;

/** Permission names from `messageParams` (preferred) or the message, in order, without duplicates. */
export function missingPermissions(body: Models.ErrorBody | undefined): string[] {
  if (!body) return [];
  const fromParams = Object.values(body.messageParams ?? {}).flatMap((value) =>
    typeof value === 'string' ? (value.match(PERMISSION_NAME) ?? []) : [],
  );
  const found = fromParams.length > 0 ? fromParams : ((body.message ?? '').match(PERMISSION_NAME) ?? []);
  return [...new Set(found)];
}

/**
 * Seconds from `Retry-After` (delta-seconds or an HTTP date), else from the
 * 429 message template "Retry the request in [N] seconds" (fact sheet §3.2–3.3).
 */
export function retryAfterSeconds(
  headers: Headers,
  body: Models.ErrorBody | undefined,
  now: number,
): number | undefined {
  const header = headers.get('retry-after')?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.ceil(Number(header));
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const match = /retry the request in \[?(\d+)\]? seconds/i.exec(body?.message ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Genesys messages go on screen: one line, bounded. */
function clean(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

function optional<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}
