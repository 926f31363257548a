/**
 * Conversions from a report's raw cell values (durations in ms, percents as 0..1, datetimes as epoch ms) to what
 * a supervisor reads, shared by the CSV and XLSX writers so both files show the same thing as the grid.
 */
import type { ZoneClock } from './zone-clock';

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const DAY_MS = 86_400_000;

/** 1900-01-01 to 9999-12-31: what Excel can show as a date, and far wider than any contact-centre data. */
const FIRST_INSTANT = Date.UTC(1900, 0, 1);
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);

export function isShowableInstant(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= FIRST_INSTANT && epochMs <= LAST_INSTANT;
}

/** Whole seconds of a duration, rounded the way Excel rounds a `[h]:mm:ss` display. */
export function durationSeconds(ms: number): number {
  return Math.sign(ms) * Math.round(Math.abs(ms) / 1000);
}

/** hh:mm:ss with hours past 24 (a queue's talk time over a week is often 300:12:05). */
export function formatHms(ms: number): string {
  let seconds = Math.abs(durationSeconds(ms));
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const sign = ms < 0 && (hours > 0 || minutes > 0 || seconds > 0) ? '-' : '';
  return `${sign}${hours < 100 ? TWO_DIGITS[hours] : String(hours)}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
}

/**
 * A 0..1 ratio as percentage points, without binary noise (0.07 → 7, not 7.000000000000001): ten decimals of a
 * percent is far beyond any report's precision, and rounding there lands on the double nearest the decimal.
 */
export function percentPoints(ratio: number): number {
  return Math.abs(ratio) < 1000 ? Math.round(ratio * 1e12) / 1e10 : Number((ratio * 100).toPrecision(15));
}

/**
 * Datetimes in the report's zone, to the whole second as the grid shows them. Keeps the last day's
 * "yyyy-mm-dd " so consecutive rows, which are nearly always on the same day, only build the time part.
 */
export class LocalDateTimes {
  private lastDay = Number.NaN;
  private dayText = '';

  constructor(private readonly clock: ZoneClock) {}

  /** The zone's wall clock at `epochMs`, truncated to the second, as "local time written as UTC" ms. */
  wallClockSecond(epochMs: number): number {
    const wall = this.clock.wallClockMs(epochMs);
    return wall - (((wall % 1000) + 1000) % 1000);
  }

  /** "yyyy-mm-dd hh:mm:ss" in the zone. */
  format(epochMs: number): string {
    const wallSeconds = Math.floor(this.clock.wallClockMs(epochMs) / 1000);
    const day = Math.floor(wallSeconds / 86_400);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.dayText = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
    }
    let seconds = wallSeconds - day * 86_400;
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    return `${this.dayText}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
  }
}
