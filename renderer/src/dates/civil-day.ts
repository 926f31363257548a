/**
 * Calendar days as "YYYY-MM-DD" text, the form the contract uses for report ranges. Arithmetic runs on the
 * calendar alone (through UTC midnights, which have no clock changes), so it never depends on a time zone.
 */
export type Day = string;

const DAY_MS = 86_400_000;

export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function dayFromParts(year: number, month: number, day: number): Day {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function utcMidnight(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: Day, days: number): Day {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(day: Day): number {
  const weekday = new Date(utcMidnight(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` away from the month holding `day`. */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(utcMidnight(startOfMonth(day)));
  return dayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1 + months, 1);
}

/**
 * "Mon 23 Mar 2026": names from the locale, always in this order, so a range reads the same at both ends
 * (locales otherwise add commas to some forms and not others).
 */
export function formatDay(day: Day, locale?: string, withYear = true): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).formatToParts(utcMidnight(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return [part('weekday'), part('day'), part('month'), withYear ? part('year') : ''].filter(Boolean).join(' ');
}

/** "Mon 23 Mar – Sun 29 Mar 2026", or one day when both ends are the same. */
export function formatDayRange(from: Day, to: Day, locale?: string): string {
  if (from === to) return formatDay(from, locale);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDay(from, locale, !sameYear)} – ${formatDay(to, locale)}`;
}
