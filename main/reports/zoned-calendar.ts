/**
 * Calendar arithmetic in the report's IANA zone, built on Intl (the same tz database as everything else in
 * Node): where a local day starts, and the local hour, day, week and month an instant falls in. Days are
 * 23 or 25 hours long across DST changes; a day whose midnight does not exist (zones that change clocks at
 * 00:00) starts at the moment the clocks jump.
 */
import { instantOf, localTime } from '../time/local-time';

export { localTime };

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/**
 * The first instant at which the local calendar shows `day` 00:00 — or, when that wall time is skipped by a
 * DST jump, the instant of the jump (the first moment of that day).
 */
export function startOfDay(day: CalendarDay, zone: string): number {
  return instantOf(Date.UTC(day.year, day.month - 1, day.day), zone);
}

export function parseDay(text: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) throw new RangeError(`not a date: ${text}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `from` … `to` as local days in `zone`, both inclusive → [start, end) in epoch ms. */
export function dayRange(from: string, to: string, zone: string): { start: number; end: number } {
  return { start: startOfDay(parseDay(from), zone), end: startOfDay(addDays(parseDay(to), 1), zone) };
}

/** The local calendar day an instant falls on. */
export function dayOf(ms: number, zone: string): CalendarDay {
  const { year, month, day } = localTime(ms, zone);
  return { year, month, day };
}

/** The start of the local hour holding `ms` (two different instants on the repeated hour of a DST change). */
export function startOfHour(ms: number, zone: string): number {
  const local = localTime(ms, zone);
  return ms - (((ms % 1000) + 1000) % 1000) - local.minute * 60_000 - local.second * 1000;
}

/** The start of the local week (Monday) holding `ms`. */
export function startOfWeek(ms: number, zone: string): number {
  const local = localTime(ms, zone);
  return startOfDay(addDays(local, -local.weekday), zone);
}

export function startOfMonth(ms: number, zone: string): number {
  const local = localTime(ms, zone);
  return startOfDay({ year: local.year, month: local.month, day: 1 }, zone);
}

/** The start of the next local day, week or month after the one starting at `start`. */
export function nextDay(start: number, zone: string): number {
  return startOfDay(addDays(dayOf(start, zone), 1), zone);
}

export function nextWeek(start: number, zone: string): number {
  return startOfDay(addDays(dayOf(start, zone), 7), zone);
}

export function nextMonth(start: number, zone: string): number {
  const { year, month } = dayOf(start, zone);
  return startOfDay(month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 }, zone);
}
