/**
 * The `interval` field every analytics query carries: ISO-8601 `start/end`
 * (half-open, [start, end)). The offset written in each instant is honoured;
 * an instant without an offset is UTC, as on the server. `start/period` and
 * `period/end` are accepted too because the server parses intervals with a
 * general ISO-8601 interval parser.
 */
import { parsePeriod } from './period';
import { badRequest } from './validation';
import { addPeriod } from './zoned-time';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
  /** As the client wrote it, for error messages. */
  readonly text: string;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch ms of an ISO-8601 instant, or undefined when it is not one (or names an impossible date). */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.slice(0, 3).padEnd(3, '0')));
  if (new Date(local).getUTCDate() !== day) return undefined;
  return local - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function invalid(text: string, why: string): Error {
  return badRequest(
    `Invalid interval '${text}': ${why}. Expected ISO-8601 <start>/<end>, e.g. 2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z`,
  );
}

function parseEdge(text: string, whole: string): number {
  const ms = parseInstant(text);
  if (ms === undefined) throw invalid(whole, `'${text}' is not an ISO-8601 date-time`);
  return ms;
}

export function parseInterval(value: unknown, field = 'interval'): Interval {
  if (value === undefined || value === null || value === '') throw badRequest(`${field} is required`);
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  const parts = value.split('/');
  if (parts.length !== 2) throw invalid(value, 'it must be two parts separated by "/"');
  const [left = '', right = ''] = parts;
  let startMs: number;
  let endMs: number;
  if (left.startsWith('P')) {
    const period = parsePeriod(left);
    if (!period) throw invalid(value, `'${left}' is not an ISO-8601 period`);
    endMs = parseEdge(right, value);
    startMs = addPeriod('UTC', endMs, period, -1);
  } else if (right.startsWith('P')) {
    const period = parsePeriod(right);
    if (!period) throw invalid(value, `'${right}' is not an ISO-8601 period`);
    startMs = parseEdge(left, value);
    endMs = addPeriod('UTC', startMs, period, 1);
  } else {
    startMs = parseEdge(left, value);
    endMs = parseEdge(right, value);
  }
  if (endMs <= startMs) throw invalid(value, 'the end must be after the start');
  return { startMs, endMs, text: value };
}

export function floorUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function floorHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatInterval(startMs: number, endMs: number): string {
  return `${iso(startMs)}/${iso(endMs)}`;
}
