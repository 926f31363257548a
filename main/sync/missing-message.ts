import type { MissingPart } from './fetch-spec';
import { union, type Interval } from './intervals';
import { localDateTime, startOfLocalDay, type LocalDateTime } from './zoned-time';

const SHOWN = 4;

/**
 * The sentence an offline run ends with, e.g. "Not in the cache: 3–5 March. Connect to the internet and run
 * it again." Dates are the user's local days; whole days are named as days, partial ones with their times.
 */
export function offlineMessage(missing: readonly MissingPart[], zone: string, now: number): string {
  const parts = union(missing);
  const thisYear = localDateTime(zone, now).year;
  const named = parts.slice(0, SHOWN).map((part) => describe(part, zone, thisYear));
  const more = parts.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more period${more === 1 ? '' : 's'}` : named.join(', ');
  return `Not in the cache: ${list}. Connect to the internet and run it again.`;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

const monthName = (local: LocalDateTime): string => MONTH.format(new Date(Date.UTC(2000, local.month - 1, 1)));

const time = (local: LocalDateTime): string =>
  `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;

function describe(part: Interval, zone: string, thisYear: number): string {
  const wholeDays = startOfLocalDay(zone, part.start) === part.start && startOfLocalDay(zone, part.end) === part.end;
  const first = localDateTime(zone, part.start);
  // A whole-day range names its last day; a partial one its end time.
  const last = localDateTime(zone, wholeDays ? part.end - 1 : part.end);
  const sameYear = first.year === last.year;
  const year = (local: LocalDateTime, show: boolean): string => (show ? ` ${local.year}` : '');
  const showYear = !sameYear || last.year !== thisYear;
  const day = (local: LocalDateTime, withMonth: boolean, withYear: boolean): string =>
    `${local.day}${withMonth ? ` ${monthName(local)}` : ''}${year(local, withYear)}`;
  const sameDay = sameYear && first.month === last.month && first.day === last.day;

  if (wholeDays) {
    if (sameDay) return day(first, true, showYear);
    if (sameYear && first.month === last.month) return `${first.day}–${day(last, true, showYear)}`;
    return `${day(first, true, !sameYear)} – ${day(last, true, showYear)}`;
  }
  if (sameDay) return `${day(first, true, showYear)} ${time(first)}–${time(last)}`;
  return `${day(first, true, !sameYear)} ${time(first)} – ${day(last, true, showYear)} ${time(last)}`;
}
