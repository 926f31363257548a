import { addDays, dayFromParts, type Day } from './civil-day';

/**
 * Wall-clock time in an IANA zone, computed with Intl so clock changes come from the computer's time-zone
 * database rather than from fixed offsets.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function wallClock(epochMs: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** The wall clock read as if it were UTC: handy for comparing and subtracting wall times. */
function wallAsUtc(epochMs: number, zone: string): number {
  const w = wallClock(epochMs, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(whole, zone) - whole;
}

export function dayIn(epochMs: number, zone: string): Day {
  const w = wallClock(epochMs, zone);
  return dayFromParts(w.year, w.month, w.day);
}

/** The calendar day it is now in `zone`. */
export function todayIn(zone: string, now: number = Date.now()): Day {
  return dayIn(now, zone);
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The instant a wall time happens in `zone`. When the clock goes back and the time happens twice, the
 * earlier one; when the clock jumps forward over it, the first instant after the jump (so a day that skips
 * midnight still starts at its first real minute).
 */
export function zonedToEpoch(day: Day, hour: number, minute: number, zone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + hour * HOUR + minute * MINUTE;
  const offsets = [...new Set([-36, 0, 36].map((shift) => zoneOffsetMs(wall + shift * HOUR, zone)))];
  const exact = offsets
    .map((offset) => wall - offset)
    .filter((instant) => wallAsUtc(instant, zone) === wall)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  // In a gap: walk minute by minute (bisection) to the jump between the two candidate instants.
  let low = wall - Math.max(...offsets);
  let high = wall - Math.min(...offsets);
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (wallAsUtc(middle, zone) < wall) low = middle;
    else high = middle;
  }
  return high;
}

export function startOfDay(day: Day, zone: string): number {
  return zonedToEpoch(day, 0, 0, zone);
}

/** 24 on most days; 23 or 25 on the days the clocks change. */
export function dayLengthHours(day: Day, zone: string): number {
  return (startOfDay(addDays(day, 1), zone) - startOfDay(day, zone)) / HOUR;
}

/** The computer's own zone, the default for new reports. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
