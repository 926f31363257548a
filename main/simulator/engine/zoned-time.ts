/**
 * Wall-clock arithmetic in an IANA zone for aggregate buckets: the local calendar fields of an instant and the
 * instant of a local date-time, as ms packed "as if UTC" (main/time/local-time.ts reads the zone's clocks).
 */
import { instantOf, localTime } from '../../time/local-time';
import { type Period, hasCalendarFields } from './period';

/**
 * True for a zone name Genesys would accept. Intl resolves names
 * case-insensitively ("europe/london") while tz ids are case-sensitive on the
 * server, so a name that only matches after changing case is refused. Aliases
 * such as `Etc/UTC` or `Asia/Calcutta` resolve to another name and are fine.
 */
export function isKnownTimeZone(zone: string): boolean {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
}

/** The local calendar fields of an instant, packed as "local time as if it were UTC" in ms. */
export function toLocalMs(zone: string, utcMs: number): number {
  const local = localTime(utcMs, zone);
  const wholeSeconds = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wholeSeconds + (((utcMs % 1000) + 1000) % 1000);
}

/**
 * The instant showing `localMs` on the zone's clocks. In an overlap (the hour
 * repeated in autumn) the earlier instant wins; in a gap (the hour skipped in
 * spring) the time moves forward by the gap's length, as java.time does.
 */
export function fromLocalMs(zone: string, localMs: number): number {
  return instantOf(localMs, zone);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `start + times × period`: calendar fields move the local date (keeping the
 * local time of day, clamping the 31st to short months), time fields add exact
 * milliseconds. Computed from the start each time rather than step by step, so
 * month ends do not drift (Jan 31 → Feb 29 → Mar 31, not Mar 29).
 */
export function addPeriod(zone: string, startMs: number, period: Period, times: number): number {
  let utc = startMs;
  if (hasCalendarFields(period)) {
    const local = new Date(toLocalMs(zone, startMs));
    const monthTotal = local.getUTCMonth() + (period.years * 12 + period.months) * times;
    const year = local.getUTCFullYear() + Math.floor(monthTotal / 12);
    const month = ((monthTotal % 12) + 12) % 12;
    const day = Math.min(local.getUTCDate(), daysInMonth(year, month));
    const shifted = Date.UTC(
      year,
      month,
      day + (period.weeks * 7 + period.days) * times,
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    );
    utc = fromLocalMs(zone, shifted);
  }
  return utc + period.timeMs * times;
}
