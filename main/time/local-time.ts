/**
 * The one place that reads an instant's wall clock in an IANA zone through Intl (the same tz database as
 * everything else in Node), and turns a wall time back into an instant. The sync engine's, the reports' and the
 * simulator's calendar arithmetic all build on it.
 */
export interface LocalTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `ms` (to the second). */
export function localTime(ms: number, zone: string): LocalTime {
  const fields: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  // Years before 1 AD come as "2 BC" (astronomical year −1).
  const era = fields.era;
  const year = Number(fields.year);
  return {
    year: era === 'BC' || era === 'B' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    weekday: WEEKDAYS.indexOf(fields.weekday ?? ''),
  };
}

/** Local wall time minus UTC at `ms` (e.g. −18,000,000 for Chicago in summer, +7,200,000 for Berlin). */
export function offsetAt(ms: number, zone: string): number {
  const local = localTime(ms, zone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

const HOUR_MS = 3_600_000;

/**
 * The instant at which the zone's clocks show `wall` (a local date-time packed as if it were UTC, in ms). On a
 * repeated hour (autumn) the earlier instant; a wall time skipped by a change (spring) moves forward by the gap,
 * so 02:30 on a spring-forward night is 03:30, and a day whose midnight is skipped starts when the clocks jump.
 */
export function instantOf(wall: number, zone: string): number {
  // The instant lies within 14 hours of `wall` (no zone is further from UTC): offsets sampled there stand on
  // either side of any change near it.
  const before = offsetAt(wall - 14 * HOUR_MS, zone);
  const after = offsetAt(wall + 14 * HOUR_MS, zone);
  let earliest: number | undefined;
  for (const candidate of [wall - before, wall - after]) {
    if (candidate + offsetAt(candidate, zone) === wall && (earliest === undefined || candidate < earliest)) {
      earliest = candidate;
    }
  }
  return earliest ?? wall - before;
}
