import type { RangePreset } from '../../../preload/contract/workspace-types';
import { addDays, addMonths, isoWeekday, startOfMonth, type Day } from './civil-day';
import { todayIn } from './zoned-time';

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'this-week': 'This week',
  'last-week': 'Last week',
  'last-7-days': 'Last 7 days',
  'last-30-days': 'Last 30 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  custom: 'Custom',
};

export interface DayRange {
  from: Day;
  to: Day;
}

/**
 * Turns a preset into days in the report's time zone, both ends inclusive. Documented choices (also in
 * docs/user-guide.md):
 * - Weeks start on Monday (ISO 8601), as in most contact-centre rotas; "This week" is Monday to today.
 * - "This week" and "This month" end today, so they never include days that have not happened yet.
 * - "Last 7 days" and "Last 30 days" are the complete days before today: today is still in progress, and
 *   leaving it out keeps day-by-day comparisons even.
 * "Today" is decided by the clock in the chosen zone, so it changes at that zone's midnight, clock changes
 * included.
 */
export function resolvePreset(
  preset: Exclude<RangePreset, 'custom'>,
  zone: string,
  now: number = Date.now(),
): DayRange {
  const today = todayIn(zone, now);
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case 'this-week':
      return { from: monday, to: today };
    case 'last-week':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'last-7-days':
      return { from: addDays(today, -7), to: addDays(today, -1) };
    case 'last-30-days':
      return { from: addDays(today, -30), to: addDays(today, -1) };
    case 'this-month':
      return { from: startOfMonth(today), to: today };
    case 'last-month':
      return { from: addMonths(today, -1), to: addDays(startOfMonth(today), -1) };
  }
}

/** A preset's days, or the custom days as typed. */
export function rangeFor(preset: RangePreset, custom: DayRange, zone: string, now: number = Date.now()): DayRange {
  return preset === 'custom' ? custom : resolvePreset(preset, zone, now);
}
