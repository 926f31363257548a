/**
 * Request-shape checks shared by every query. Bodies arrive as parsed JSON, so
 * the SDK types are a promise the client may break: each check looks at the
 * runtime value and answers a 400 that names the offending field by its path
 * (e.g. `segmentFilters[0].predicates[1].dimension`), which is what a developer
 * needs to fix the request.
 */
import { SimulatorError } from '../model';

export function badRequest(message: string): SimulatorError {
  return new SimulatorError(400, 'bad.request', message);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw badRequest(`${path} must be a JSON object`);
  return value;
}

/**
 * Unknown fields are rejected rather than ignored: the tutorials in fact sheet
 * §14 invent fields (`dateFrom`, `groupings`, `nextPageToken`…) and a simulator
 * that silently ignored them would let such a client pass its tests.
 */
export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw badRequest(`Unrecognized field '${key}' in ${path}; allowed fields are ${allowed.join(', ')}`);
    }
  }
}

export function optionalString(body: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${path} must be a string, got ${describe(value)}`);
  return value;
}

export function requireString(body: Record<string, unknown>, key: string, path: string): string {
  const value = optionalString(body, key, path);
  if (value === undefined || value === '') throw badRequest(`${path} is required`);
  return value;
}

export function checkEnum(value: string, allowed: ReadonlySet<string>, path: string): string {
  if (allowed.has(value)) return value;
  // Short enums are listed so the fix is obvious; the 80-value dimension lists are not.
  const hint = allowed.size <= 20 ? `; allowed values are ${[...allowed].join(', ')}` : '';
  throw badRequest(`Invalid value ${describe(value)} for ${path}${hint}`);
}

export function optionalEnum(
  body: Record<string, unknown>,
  key: string,
  allowed: ReadonlySet<string>,
  path: string,
): string | undefined {
  const value = optionalString(body, key, path);
  return value === undefined ? undefined : checkEnum(value, allowed, path);
}

export function optionalBoolean(body: Record<string, unknown>, key: string, path: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${path} must be true or false, got ${describe(value)}`);
  return value;
}

export function optionalInteger(body: Record<string, unknown>, key: string, path: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw badRequest(`${path} must be an integer, got ${describe(value)}`);
  }
  return value;
}

export function optionalArray(body: Record<string, unknown>, key: string, path: string): unknown[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${path} must be an array`);
  return value as unknown[];
}

export function optionalNumber(body: Record<string, unknown>, key: string, path: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw badRequest(`${path} must be a number, got ${describe(value)}`);
  }
  return value;
}

/** The body itself: the server hands over whatever JSON it parsed. */
export function requireBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  const record = requireRecord(body, 'The request body');
  rejectUnknownFields(record, allowed, 'the request body');
  return record;
}

/** Stable JSON with sorted keys, so equal queries written in a different key order share a cache entry. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
