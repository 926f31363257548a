import { addDays, daysBetween, type Day } from './civil-day';
import { dayLengthHours } from './zoned-time';

/**
 * The days in a range whose length is not 24 hours in `zone` (23 or 25 when the clocks change): worth a line
 * under the range, since those days hold an hour less or more of data. Ranges over a year are not scanned.
 */
export function clockChanges(from: Day, to: Day, zone: string): { day: Day; hours: number }[] {
  if (daysBetween(from, to) > 400) return [];
  const changes: { day: Day; hours: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const hours = dayLengthHours(day, zone);
    if (hours !== 24) changes.push({ day, hours });
  }
  return changes;
}
