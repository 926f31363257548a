import { dayIn, startOfDay } from '../dates/zoned-time';
import { addDays, formatDayRange } from '../dates/civil-day';

const cellFormatters = new Map<string, Intl.DateTimeFormat>();

/** Grid cells: "2026-03-23 14:05:09" in the report's zone; sortable by eye and the same in every locale. */
export function formatCellDateTime(epochMs: number | null, zone: string): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return '';
  let formatter = cellFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    cellFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** Sentences: "Mon 23 Mar 2026, 09:40" in the given zone and the computer's locale. */
export function formatMoment(epochMs: number, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}

/**
 * A stretch of time in words. Whole days in `zone` read as days ("Mon 2 Mar – Tue 3 Mar 2026"), since that
 * is how the supervisor chose them; anything else as two moments.
 */
export function describeSpan(start: number, end: number, zone: string, locale?: string): string {
  const firstDay = dayIn(start, zone);
  const lastDay = dayIn(end - 1, zone);
  if (startOfDay(firstDay, zone) === start && startOfDay(addDays(lastDay, 1), zone) === end) {
    return formatDayRange(firstDay, lastDay, locale);
  }
  return `${formatMoment(start, zone, locale)} to ${formatMoment(end, zone, locale)}`;
}
