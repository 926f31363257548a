import { describe, expect, it } from 'vitest';
import { clockChanges } from '../../../renderer/src/dates/clock-changes';
import { dayLengthHours, startOfDay, todayIn, zonedToEpoch } from '../../../renderer/src/dates/zoned-time';

const HOUR = 3_600_000;

// Clock changes in 2026: Europe/London on the last Sundays of March (29th, 01:00 UTC) and October (25th,
// 01:00 UTC); America/New_York on 8 March (07:00 UTC) and 1 November (06:00 UTC).
describe('wall clocks across clock changes', () => {
  it('gives the days the clocks change 23 and 25 hours', () => {
    expect(dayLengthHours('2026-03-29', 'Europe/London')).toBe(23);
    expect(dayLengthHours('2026-10-25', 'Europe/London')).toBe(25);
    expect(dayLengthHours('2026-03-08', 'America/New_York')).toBe(23);
    expect(dayLengthHours('2026-11-01', 'America/New_York')).toBe(25);
    expect(dayLengthHours('2026-03-30', 'Europe/London')).toBe(24);
  });

  it('starts each day at local midnight, whatever the offset that day', () => {
    expect(startOfDay('2026-03-29', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 0, 0));
    expect(startOfDay('2026-03-30', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 23, 0));
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4, 0));
  });

  it('starts a day that skips midnight at its first real minute', () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(start).toBe(Date.UTC(2026, 8, 6, 4, 0));
    expect(dayLengthHours('2026-09-06', 'America/Santiago')).toBe(23);
  });

  it('takes the earlier of a repeated hour and the first instant after a skipped one', () => {
    expect(zonedToEpoch('2026-10-25', 1, 30, 'Europe/London')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(zonedToEpoch('2026-03-29', 1, 30, 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 1, 0));
  });

  it('decides what day it is by the clock of the chosen zone', () => {
    const lateSunday = Date.UTC(2026, 2, 29, 23, 30); // 00:30 BST on Monday 30 March
    expect(todayIn('Europe/London', lateSunday)).toBe('2026-03-30');
    expect(todayIn('UTC', lateSunday)).toBe('2026-03-29');
    expect(todayIn('America/New_York', lateSunday)).toBe('2026-03-29');
    expect(todayIn('Europe/London', lateSunday - HOUR)).toBe('2026-03-29');
  });
});

describe('clock changes inside a range', () => {
  it('finds both of a year’s changes, and none in a zone without them', () => {
    expect(clockChanges('2026-01-01', '2026-12-31', 'Europe/London')).toEqual([
      { day: '2026-03-29', hours: 23 },
      { day: '2026-10-25', hours: 25 },
    ]);
    expect(clockChanges('2026-01-01', '2026-12-31', 'Asia/Tokyo')).toEqual([]);
  });
});
