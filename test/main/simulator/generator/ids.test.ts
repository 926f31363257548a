import { describe, expect, it } from 'vitest';
import { OrgCalendar } from '../../../../main/simulator/generator/calendar';
import { ConversationIds, MAX_CONVERSATIONS_PER_DAY, randomUuid } from '../../../../main/simulator/generator/ids';
import { Rng, seedWords } from '../../../../main/simulator/generator/random';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  const ids = new ConversationIds(seedWords('ids'));
  const rng = Rng.derive(seedWords('fill'), 1);

  it('round-trips day and index through a random-looking v4 UUID', () => {
    const keys = [
      { day: 20_777, index: 0 },
      { day: 20_777, index: 1 },
      { day: 20_778, index: 4096 },
      { day: 0, index: 0 },
      { day: 131_071, index: MAX_CONVERSATIONS_PER_DAY - 1 },
    ];
    const made = keys.map((k) => ids.encode(k, rng));
    for (const [i, id] of made.entries()) {
      expect(id).toMatch(UUID);
      expect(ids.decode(id)).toEqual(keys[i]);
      expect(ids.decode(id.toUpperCase())).toEqual(keys[i]);
    }
    // Neighbours share no visible prefix.
    expect(made[0]?.slice(0, 4)).not.toBe(made[1]?.slice(0, 4));
  });

  it('rejects ids it did not make', () => {
    const other = new ConversationIds(seedWords('other'));
    let accepted = 0;
    for (let i = 0; i < 1000; i++) if (ids.decode(other.encode({ day: 20_000, index: i }, rng))) accepted++;
    expect(accepted).toBeLessThan(3);
    expect(ids.decode('nope')).toBeUndefined();
  });

  it('makes plain v4 UUIDs for everything else', () => {
    const all = new Set(Array.from({ length: 10_000 }, () => randomUuid(rng)));
    expect(all.size).toBe(10_000);
    for (const id of all) expect(id).toMatch(UUID);
  });
});

describe('random streams', () => {
  it('depend only on seed and keys', () => {
    const root = seedWords('s');
    const a = Rng.derive(root, 3, 20_000, 7);
    const b = Rng.derive(root, 3, 20_000, 7);
    const c = Rng.derive(root, 3, 20_000, 8);
    const take = (r: Rng) => Array.from({ length: 5 }, () => r.uint32());
    expect(take(a)).toEqual(take(b));
    expect(take(Rng.derive(root, 3, 20_000, 7))).not.toEqual(take(c));
  });

  it('draws uniform values in range', () => {
    const r = Rng.derive(seedWords('u'), 1);
    let total = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      total += x;
    }
    expect(total / 10_000).toBeGreaterThan(0.48);
    expect(total / 10_000).toBeLessThan(0.52);
  });
});

describe('org calendar', () => {
  it('numbers local days and finds local midnights across zones', () => {
    const tokyo = new OrgCalendar('Asia/Tokyo');
    const t = Date.parse('2026-11-20T16:00:00Z'); // 01:00 on the 21st in Tokyo
    const day = tokyo.dayOf(t);
    expect(OrgCalendar.isoDate(day)).toBe('2026-11-21');
    expect(tokyo.dayStart(day)).toBe(Date.parse('2026-11-20T15:00:00Z'));
    expect(OrgCalendar.weekday(day)).toBe(6);
  });

  it('handles a zone whose day starts off the hour', () => {
    const kathmandu = new OrgCalendar('Asia/Kathmandu');
    const day = kathmandu.dayOf(Date.parse('2026-06-01T12:00:00Z'));
    expect(kathmandu.dayStart(day)).toBe(Date.parse('2026-05-31T18:15:00Z'));
    expect(kathmandu.dayEnd(day) - kathmandu.dayStart(day)).toBe(86_400_000);
  });

  it('rejects an unknown zone', () => {
    expect(() => new OrgCalendar('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
