import { describe, expect, it } from 'vitest';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import { DAY, HOUR, NOW, settings } from './helpers';

describe('lazy days', () => {
  const big = () => settings({ perDay: 20_000, daysBack: 365, timeZone: 'America/New_York' });

  it('builds nothing but reference data at construction, even for a year at 20,000 a day', () => {
    // How long construction takes is measured in test/bench/suites/simulator.bench.ts.
    const ds = createOrgDataset(big());
    expect(ds.stats()).toEqual({
      timetablesBuilt: [],
      conversationsBuilt: 0,
      endsComputed: 0,
      cachedDays: [],
      cachedConversations: 0,
    });
  });

  it('builds one day timetable and only the hour asked for', () => {
    const ds = createOrgDataset(big());
    const day = ds.calendar.dayOf(NOW) - 10;
    const from = ds.calendar.dayStart(day) + 10 * HOUR;
    const hour = [...ds.conversationsBetween(from, from + HOUR)];
    expect(hour.length).toBeGreaterThan(500);
    const stats = ds.stats();
    expect(stats.timetablesBuilt).toEqual([day]);
    expect(stats.conversationsBuilt).toBe(hour.length);
  });

  it('streams: a year-long range costs only what is read from it', () => {
    const ds = createOrgDataset(big());
    const iterator = ds.conversationsBetween(NOW - 400 * DAY, NOW)[Symbol.iterator]();
    for (let i = 0; i < 10; i++) expect(iterator.next().done).toBe(false);
    expect(ds.stats().timetablesBuilt).toHaveLength(1);
    expect(ds.stats().conversationsBuilt).toBe(10);
  });

  it('has nothing after now and nothing before retention, without generating those days', () => {
    const ds = createOrgDataset(settings({ daysBack: 10 }));
    expect([...ds.conversationsBetween(NOW, NOW + 30 * DAY)]).toEqual([]);
    expect([...ds.conversationsBetween(NOW - 40 * DAY, NOW - 12 * DAY)]).toEqual([]);
    expect([...ds.conversationsBetween(NOW, NOW - DAY)]).toEqual([]);
    expect(ds.stats().timetablesBuilt).toEqual([]);
    const firstDay = ds.calendar.dayOf(NOW) - 10;
    const oldest = [...ds.conversationsBetween(NOW - 40 * DAY, ds.calendar.dayEnd(firstDay))];
    expect(oldest.length).toBeGreaterThan(0);
    expect(ds.stats().timetablesBuilt).toEqual([firstDay]);
  });

  it('returns conversations in conversationStart order within [start, end)', () => {
    const ds = createOrgDataset(settings());
    const from = NOW - 3 * DAY + 17 * 60_000;
    const to = from + 2 * DAY + 5 * HOUR;
    const starts = [...ds.conversationsBetween(from, to)].map((c) => Date.parse(c.conversationStart ?? ''));
    expect(starts.length).toBeGreaterThan(1000);
    expect(starts[0]).toBeGreaterThanOrEqual(from);
    expect(starts.at(-1)).toBeLessThan(to);
    expect(starts.every((t, i) => i === 0 || t >= (starts[i - 1] ?? 0))).toBe(true);
  });

  it('can be iterated more than once, like an array', () => {
    const ds = createOrgDataset(settings());
    const range = ds.conversationsBetween(NOW - 2 * HOUR, NOW);
    const first = [...range].map((c) => c.conversationId);
    expect(first.length).toBeGreaterThan(0);
    expect([...range].map((c) => c.conversationId)).toEqual(first);
  });

  it('keeps the cache within its bounds', () => {
    const ds = createOrgDataset(settings(), { days: 3, conversations: 5_000 });
    const today = ds.calendar.dayOf(NOW);
    for (let day = today - 8; day < today; day++) {
      const read = [...ds.conversationsBetween(ds.calendar.dayStart(day), ds.calendar.dayEnd(day))];
      expect(read.length).toBeGreaterThan(0);
      const stats = ds.stats();
      expect(stats.cachedDays.length).toBeLessThanOrEqual(3);
      // The day being read is never dropped, so the bound is one day's worth above the limit at most.
      expect(stats.cachedConversations).toBeLessThanOrEqual(5_000 + 4_000);
      expect(stats.cachedDays).toContain(day);
    }
  });

  it('finds a conversation by id by building just that one', () => {
    const ds = createOrgDataset(big());
    const day = ds.calendar.dayOf(NOW) - 100;
    const from = ds.calendar.dayStart(day) + 14 * HOUR;
    const wanted = [...ds.conversationsBetween(from, from + 60_000)][3];
    const fresh = createOrgDataset(big());
    expect(fresh.conversationById(wanted?.conversationId ?? '')).toEqual(wanted);
    expect(fresh.stats().conversationsBuilt).toBe(1);
  });
});
