import { describe, expect, it } from 'vitest';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import type { Conversation } from '../../../../main/simulator/model';
import { HOUR, localDate, localHour, settings } from './helpers';

const cases = [
  { zone: 'America/New_York', date: '2026-03-08', hours: 23, skipped: 2 },
  { zone: 'America/New_York', date: '2026-11-01', hours: 25, repeated: 1 },
  { zone: 'Europe/London', date: '2026-03-29', hours: 23, skipped: 1 },
  { zone: 'Europe/London', date: '2026-10-25', hours: 25, repeated: 1 },
] as const;

const start = (c: Conversation) => Date.parse(c.conversationStart ?? '');

describe.each(cases)('DST day $date in $zone', (tc) => {
  const ds = createOrgDataset(settings({ timeZone: tc.zone, perDay: 10_000, daysBack: 365 }));
  const noon = Date.parse(`${tc.date}T12:00:00Z`);
  const day = ds.calendar.dayOf(noon);
  const from = ds.calendar.dayStart(day);
  const to = ds.calendar.dayEnd(day);
  const all = [...ds.conversationsBetween(from, to)];

  it(`is ${tc.hours} hours long, from local midnight to local midnight`, () => {
    expect(to - from).toBe(tc.hours * HOUR);
    expect(localDate(from, tc.zone)).toBe(tc.date);
    expect(localHour(from, tc.zone)).toBe(0);
    expect(localDate(from - 1, tc.zone)).not.toBe(tc.date);
    expect(localDate(to - 1, tc.zone)).toBe(tc.date);
    expect(localDate(to, tc.zone)).not.toBe(tc.date);
  });

  it('keeps every conversation of the day on that local date, once', () => {
    expect(all.length).toBeGreaterThan(2000);
    expect(all.every((c) => localDate(start(c), tc.zone) === tc.date)).toBe(true);
    expect(new Set(all.map((c) => c.conversationId)).size).toBe(all.length);
  });

  it('has no gaps or duplicates when read hour by hour across both midnights', () => {
    const wide = [...ds.conversationsBetween(from - 3 * HOUR, to + 3 * HOUR)];
    const hourly: Conversation[] = [];
    for (let t = from - 3 * HOUR; t < to + 3 * HOUR; t += HOUR) hourly.push(...ds.conversationsBetween(t, t + HOUR));
    expect(hourly.map((c) => c.conversationId)).toEqual(wide.map((c) => c.conversationId));
    expect(wide.filter((c) => start(c) >= from && start(c) < to)).toEqual(all);
  });

  it('follows the local hour-of-day curve through the transition', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const c of all) byHour[localHour(start(c), tc.zone)]! += 1;
    const night = (byHour[3] ?? 0) + (byHour[4] ?? 0);
    const morning = (byHour[10] ?? 0) + (byHour[11] ?? 0);
    expect(morning).toBeGreaterThan(10 * night);
    expect(byHour[10]).toBeGreaterThan(byHour[7] ?? 0);
    expect(byHour[14]).toBeGreaterThan(byHour[19] ?? 0);
    if ('skipped' in tc) expect(byHour[tc.skipped]).toBe(0);
    if ('repeated' in tc) {
      // The repeated hour happens twice in real time, and both have traffic.
      const firstPass = all.filter(
        (c) => start(c) - from < (tc.repeated + 1) * HOUR && localHour(start(c), tc.zone) === tc.repeated,
      );
      const secondPass = all.filter(
        (c) => start(c) - from >= (tc.repeated + 1) * HOUR && localHour(start(c), tc.zone) === tc.repeated,
      );
      expect(firstPass.length).toBeGreaterThan(0);
      expect(secondPass.length).toBeGreaterThan(0);
    }
  });
});
