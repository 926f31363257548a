/**
 * Just enough calendar arithmetic in an IANA zone for the sync engine: local dates of an instant, the instant
 * of a local date-time, and ISO-8601 instants written with the zone's offset. Built on Intl, so it follows
 * the same tz database as everything else in Node (main/time/local-time.ts reads the wall clock).
 */
import { instantOf, localTime, offsetAt } from '../time/local-time';

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall clock in `zone` at `ms`, to the millisecond. */
export function localDateTime(zone: string, ms: number): LocalDateTime {
  const { weekday: _weekday, ...local } = localTime(ms, zone);
  return { ...local, millisecond: ((ms % 1000) + 1000) % 1000 };
}

function asUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

/**
 * The instant a local date-time names in `zone`. Out-of-range fields roll over (day 32 is the 1st of the next
 * month). A time skipped by a DST change lands after the gap, an ambiguous one on its first occurrence.
 */
export function zonedInstant(zone: string, local: LocalDateTime): number {
  return instantOf(asUtc(local), zone);
}

/**
 * `ms` moved by whole local months and days, keeping the local time of day. Months first, with the day clamped
 * to the target month's length (31 January + 1 month = 28 or 29 February), then days.
 */
export function addLocal(zone: string, ms: number, months: number, days: number): number {
  const local = localDateTime(zone, ms);
  const monthIndex = local.month - 1 + months;
  const year = local.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return zonedInstant(zone, { ...local, year, month, day: Math.min(local.day, monthLength) + days });
}

/** Local midnight starting the local day that holds `ms`. */
export function startOfLocalDay(zone: string, ms: number): number {
  const local = localDateTime(zone, ms);
  return zonedInstant(zone, { ...local, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');

/** ISO-8601 with the zone's offset, e.g. `2024-05-01T00:00:00.000+02:00`, which Genesys uses for intervals. */
export function isoInZone(zone: string, ms: number): string {
  const local = localDateTime(zone, ms);
  const offsetMinutes = Math.round(offsetAt(ms, zone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.${pad(local.millisecond, 3)}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}
