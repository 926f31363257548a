import { describe, expect, it } from 'vitest';
import type { ConversationStarts } from '../../../../main/simulator/model';
import { DAY, HOUR, NOW, dataset, settings } from './helpers';
import { createOrgDataset } from '../../../../main/simulator/generator/index';

function all(index: ConversationStarts | undefined) {
  return Array.from({ length: index?.length ?? 0 }, (_, i) => index?.conversationAt(i));
}

describe('start-time index', () => {
  it('selects what conversationsBetween streams, in the same order and the same state', () => {
    const ds = dataset({ timeZone: 'America/New_York', daysBack: 300 });
    const ranges: [number, number][] = [
      // Around New York's 25-hour day, from one local evening to the next morning.
      [Date.parse('2026-10-31T20:00:00Z'), Date.parse('2026-11-02T09:30:00Z')],
      // Into the future (clipped at now, with conversations still in progress) …
      [NOW - 5 * HOUR, NOW + 3 * DAY],
      // … and from before retention.
      [NOW - 310 * DAY, NOW - 298 * DAY],
    ];
    for (const [from, to] of ranges) {
      const index = ds.startsBetween?.(from, to);
      const streamed = [...ds.conversationsBetween(from, to)];
      expect(streamed.length).toBeGreaterThan(100);
      expect(all(index)).toEqual(streamed);
      const starts = Array.from({ length: index?.length ?? 0 }, (_, i) => index?.startAt(i));
      expect(starts).toEqual(streamed.map((c) => Date.parse(c.conversationStart ?? '')));
    }
    expect(all(ds.startsBetween?.(NOW, NOW + DAY))).toEqual([]);
    expect(all(ds.startsBetween?.(NOW - 400 * DAY, NOW - 320 * DAY))).toEqual([]);
  });

  it('builds timetables only, and then just the conversations read', () => {
    const ds = createOrgDataset(settings({ perDay: 20_000, daysBack: 365 }));
    const day = ds.calendar.dayOf(NOW) - 20;
    const index = ds.startsBetween?.(ds.calendar.dayStart(day) - HOUR, ds.calendar.dayEnd(day));
    expect(index?.length).toBeGreaterThan(10_000);
    expect(ds.stats()).toMatchObject({ timetablesBuilt: [day - 1, day], conversationsBuilt: 0 });
    const picked = [0, 5000, (index?.length ?? 1) - 1].map((i) => index?.conversationAt(i));
    expect(ds.stats().conversationsBuilt).toBe(3);
    expect(picked.map((c) => c?.conversationId)).toEqual(
      picked.map((c) => ds.conversationById(c?.conversationId ?? '')?.conversationId),
    );
  });

  it('learns ends without building conversations, the same ends the built conversations have', () => {
    for (const overrides of [
      { timeZone: 'America/New_York', daysBack: 365 },
      { timeZone: 'Europe/London', daysBack: 365, seed: 'another seed' },
    ]) {
      const ends = dataset(overrides);
      const built = dataset(overrides);
      // A DST day, an ordinary weekday, and the hours up to now (with conversations in progress).
      for (const [from, to] of [
        [Date.parse('2026-10-25T00:00:00Z'), Date.parse('2026-10-26T12:00:00Z')],
        [NOW - DAY - 6 * HOUR, NOW],
      ] as const) {
        const index = ends.startsBetween?.(from, to);
        const learnt = Array.from({ length: index?.length ?? 0 }, (_, i) => index?.endAt(i));
        const expected = [...built.conversationsBetween(from, to)].map((c) =>
          c.conversationEnd === undefined ? undefined : Date.parse(c.conversationEnd),
        );
        expect(expected.length).toBeGreaterThan(1000);
        expect(learnt).toEqual(expected);
      }
      expect(ends.stats().conversationsBuilt).toBe(0);
      expect(ends.stats().endsComputed).toBeGreaterThan(2000);
    }
  });

  it('refuses positions outside the index', () => {
    const index = dataset().startsBetween?.(NOW - HOUR, NOW);
    expect(() => index?.conversationAt(index.length)).toThrow(RangeError);
    expect(() => index?.startAt(-1)).toThrow(RangeError);
  });
});
