import { describe, expect, it } from 'vitest';
import { LocalDateTimes } from '../../../main/export/cell-values';
import { ZoneClock } from '../../../main/export/zone-clock';
import { wallClockText } from './support/fixture';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'UTC',
];
const MINUTE = 60_000;

describe('datetimes in a zone (the cached clock against Intl, instant by instant)', () => {
  it.each(ZONES)('%s: every 17 min 7 s through 2026, DST changes included', (zone) => {
    const dates = new LocalDateTimes(new ZoneClock(zone));
    const start = Date.UTC(2026, 0, 1);
    const mismatches: string[] = [];
    // A step that is not a whole number of minutes visits every second-of-minute over the year.
    for (let t = start; t < start + 366 * 86_400_000; t += 17 * MINUTE + 7_001) {
      const expected = wallClockText(t, zone);
      if (dates.format(t) !== expected)
        mismatches.push(`${new Date(t).toISOString()}: ${dates.format(t)} ≠ ${expected}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it.each(ZONES)('%s: each second around the 2026 transitions', (zone) => {
    const clock = new ZoneClock(zone);
    const dates = new LocalDateTimes(clock);
    const yearStart = Date.UTC(2026, 0, 1);
    // Find the transitions by Intl itself (where the offset of consecutive hours differs), then walk them by the second.
    const offset = (t: number) =>
      Date.parse(`${wallClockText(t, zone).replace(' ', 'T')}Z`) - Math.floor(t / 1000) * 1000;
    const transitions: number[] = [];
    for (let t = yearStart; t < yearStart + 366 * 86_400_000; t += 3_600_000) {
      if (offset(t) !== offset(t + 3_600_000)) transitions.push(t);
    }
    if (zone !== 'UTC' && zone !== 'Asia/Kathmandu') expect(transitions.length).toBeGreaterThan(0);
    for (const hour of transitions) {
      for (let t = hour - 1000; t <= hour + 2 * 3_600_000; t += 997) {
        expect(dates.format(t), new Date(t).toISOString()).toBe(wallClockText(t, zone));
      }
    }
  });

  it('handles the odd offsets of history (London before 1847 was 1 minute 15 seconds behind UTC)', () => {
    const dates = new LocalDateTimes(new ZoneClock('Europe/London'));
    for (const t of [Date.UTC(1840, 5, 1, 12), Date.UTC(1901, 0, 1), Date.UTC(1968, 9, 27, 12)]) {
      expect(dates.format(t)).toBe(wallClockText(t, 'Europe/London'));
    }
  });
});
