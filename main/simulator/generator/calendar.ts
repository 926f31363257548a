/**
 * The org's local calendar. Days are numbered like the proleptic Gregorian
 * calendar's days since 1970-01-01, but counted in the org's time zone, so a
 * day is 23, 24 or 25 hours long (or other lengths in odd zones). Only
 * `Intl.DateTimeFormat` knows the zone rules, and it is slow, so local
 * midnights are cached.
 */

import { localTime, offsetAt, type LocalTime } from '../../time/local-time';

const DAY_MS = 86_400_000;

export class OrgCalendar {
  private readonly starts = new Map<number, number>();

  constructor(readonly timeZone: string) {
    // Throws RangeError for an unknown zone, which is what a bad setting deserves.
    localTime(0, timeZone);
  }

  wallClock(ms: number): LocalTime {
    return localTime(ms, this.timeZone);
  }

  /** Local wall time minus UTC at `ms`, in ms. */
  offset(ms: number): number {
    return offsetAt(ms, this.timeZone);
  }

  /** The local day number containing `ms`. */
  dayOf(ms: number): number {
    const w = this.wallClock(ms);
    return Math.floor(Date.UTC(w.year, w.month - 1, w.day) / DAY_MS);
  }

  /** Local hour of day (0–23) at `ms`, with minutes as a fraction. */
  hourOf(ms: number): number {
    const w = this.wallClock(ms);
    return w.hour + w.minute / 60;
  }

  /** First instant (UTC ms) of a local day. */
  dayStart(day: number): number {
    const cached = this.starts.get(day);
    if (cached !== undefined) return cached;
    const wall = day * DAY_MS;
    // Two rounds converge except right at a transition, which the search below settles.
    let t = wall - this.offset(wall);
    t = wall - this.offset(t);
    // A zone may skip midnight (the day then starts at the transition) or the
    // guess may land an hour late; search the instant where the date turns.
    if (this.dayOf(t) !== day || this.dayOf(t - 1) === day) {
      let lo = t - 3 * 3_600_000;
      let hi = t + 3 * 3_600_000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.dayOf(mid) >= day) hi = mid;
        else lo = mid;
      }
      t = hi;
    }
    this.starts.set(day, t);
    return t;
  }

  dayEnd(day: number): number {
    return this.dayStart(day + 1);
  }

  /** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
  static weekday(day: number): number {
    return (((day + 4) % 7) + 7) % 7;
  }

  /** "2026-03-08" for a day number (handy in tests and messages). */
  static isoDate(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
}
