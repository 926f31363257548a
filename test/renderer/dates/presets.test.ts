import { describe, expect, it } from 'vitest';
import { RANGE_PRESETS } from '../../../preload/contract/workspace-types';
import { addDays, daysBetween, isoWeekday } from '../../../renderer/src/dates/civil-day';
import { PRESET_LABELS, resolvePreset } from '../../../renderer/src/dates/presets';
import { startOfDay } from '../../../renderer/src/dates/zoned-time';

const HOUR = 3_600_000;

describe('date presets', () => {
  it('has a label for every preset the contract knows', () => {
    expect(Object.keys(PRESET_LABELS).sort()).toEqual([...RANGE_PRESETS].sort());
  });

  it('resolves every preset on an ordinary Wednesday', () => {
    const wednesday = Date.UTC(2026, 5, 17, 12); // Wed 17 June 2026, noon in London (BST)
    const at = (preset: Parameters<typeof resolvePreset>[0]) => resolvePreset(preset, 'Europe/London', wednesday);
    expect(at('today')).toEqual({ from: '2026-06-17', to: '2026-06-17' });
    expect(at('yesterday')).toEqual({ from: '2026-06-16', to: '2026-06-16' });
    expect(at('this-week')).toEqual({ from: '2026-06-15', to: '2026-06-17' });
    expect(at('last-week')).toEqual({ from: '2026-06-08', to: '2026-06-14' });
    expect(at('last-7-days')).toEqual({ from: '2026-06-10', to: '2026-06-16' });
    expect(at('last-30-days')).toEqual({ from: '2026-05-18', to: '2026-06-16' });
    expect(at('this-month')).toEqual({ from: '2026-06-01', to: '2026-06-17' });
    expect(at('last-month')).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });

  it('starts weeks on Monday and makes every week seven days, whichever day today is', () => {
    for (let day = 0; day < 14; day += 1) {
      const now = Date.UTC(2026, 0, 5 + day, 12);
      const last = resolvePreset('last-week', 'Europe/Paris', now);
      expect(isoWeekday(last.from)).toBe(1);
      expect(daysBetween(last.from, last.to)).toBe(6);
      expect(isoWeekday(resolvePreset('this-week', 'Europe/Paris', now).from)).toBe(1);
    }
  });

  it('moves to the new week at London midnight on the night the clocks go forward', () => {
    // 23:30 UTC on Sunday 29 March is already 00:30 on Monday 30 March in London (BST).
    const justAfterMidnight = Date.UTC(2026, 2, 29, 23, 30);
    expect(resolvePreset('this-week', 'Europe/London', justAfterMidnight)).toEqual({
      from: '2026-03-30',
      to: '2026-03-30',
    });
    expect(resolvePreset('last-week', 'Europe/London', justAfterMidnight)).toEqual({
      from: '2026-03-23',
      to: '2026-03-29',
    });
    // One hour earlier it is still Sunday there: the week that holds the clock change.
    expect(resolvePreset('this-week', 'Europe/London', justAfterMidnight - HOUR)).toEqual({
      from: '2026-03-23',
      to: '2026-03-29',
    });
  });

  it('stays in the old week until London midnight on the night the clocks go back', () => {
    // 23:30 UTC on Sunday 25 October is 23:30 GMT: still Sunday, although it was BST that morning.
    const lateSunday = Date.UTC(2026, 9, 25, 23, 30);
    expect(resolvePreset('today', 'Europe/London', lateSunday)).toEqual({ from: '2026-10-25', to: '2026-10-25' });
    expect(resolvePreset('this-week', 'Europe/London', lateSunday)).toEqual({ from: '2026-10-19', to: '2026-10-25' });
    expect(resolvePreset('yesterday', 'Europe/London', lateSunday + HOUR)).toEqual({
      from: '2026-10-25',
      to: '2026-10-25',
    });
  });

  it('follows New York’s own clock change, a different Sunday from Europe’s', () => {
    // 04:30 UTC on Monday 9 March is 00:30 EDT on Monday (the clocks went forward on 8 March), not 23:30 EST Sunday.
    const now = Date.UTC(2026, 2, 9, 4, 30);
    expect(resolvePreset('today', 'America/New_York', now)).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    expect(resolvePreset('last-week', 'America/New_York', now)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    // The same instant in London is Monday morning too, but in Los Angeles it is still Sunday evening.
    expect(resolvePreset('today', 'America/Los_Angeles', now)).toEqual({ from: '2026-03-08', to: '2026-03-08' });
  });

  it('gives a week holding a clock change its real length in hours', () => {
    const week = resolvePreset('last-week', 'America/New_York', Date.UTC(2026, 2, 9, 16));
    const hours =
      (startOfDay(addDays(week.to, 1), 'America/New_York') - startOfDay(week.from, 'America/New_York')) / HOUR;
    expect(hours).toBe(7 * 24 - 1);
  });

  it('handles month ends and the turn of the year', () => {
    const newYear = Date.UTC(2027, 0, 1, 10);
    expect(resolvePreset('last-month', 'Europe/London', newYear)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(resolvePreset('last-30-days', 'Europe/London', newYear)).toEqual({ from: '2026-12-02', to: '2026-12-31' });
    const march = Date.UTC(2028, 2, 15, 10); // 2028 is a leap year
    expect(resolvePreset('last-month', 'Europe/London', march)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
