import { describe, expect, it } from 'vitest';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import type { Conversation } from '../../../../main/simulator/model';
import { conversationsOnDay, dataset, HOUR, settings, today } from './helpers';

describe('determinism', () => {
  it('builds identical reference data from the same settings', () => {
    const a = dataset();
    const b = dataset();
    expect(b.organization).toEqual(a.organization);
    expect(b.divisions).toEqual(a.divisions);
    expect(b.queues).toEqual(a.queues);
    expect(b.users).toEqual(a.users);
    expect(b.wrapupCodes).toEqual(a.wrapupCodes);
  });

  it('builds identical days whatever order they are asked for in, and however they are sliced', () => {
    const a = dataset();
    const b = dataset();
    const d = today(a);
    const days = [d - 1, d - 6, d - 3];
    const fromA = new Map(days.map((day) => [day, conversationsOnDay(a, day)]));

    const fromB = new Map<number, Conversation[]>();
    // b: the middle day hour by hour first, then the others in reverse.
    const middle = d - 3;
    const hourly: Conversation[] = [];
    for (let t = b.calendar.dayStart(middle); t < b.calendar.dayEnd(middle); t += HOUR) {
      hourly.push(...b.conversationsBetween(t, Math.min(t + HOUR, b.calendar.dayEnd(middle))));
    }
    fromB.set(middle, hourly);
    for (const day of [d - 6, d - 1]) fromB.set(day, conversationsOnDay(b, day));

    for (const day of days) {
      expect(fromA.get(day)?.length).toBeGreaterThan(500);
      expect(fromB.get(day)).toEqual(fromA.get(day));
    }
  });

  it('finds the same conversations by id, in a fresh dataset, without a query first', () => {
    const a = dataset();
    const sample = conversationsOnDay(a, today(a) - 2).filter((_, i) => i % 97 === 0);
    const fresh = dataset();
    for (const c of sample) expect(fresh.conversationById(c.conversationId ?? '')).toEqual(c);
    expect(fresh.stats().conversationsBuilt).toBe(sample.length);
  });

  it('rebuilds an evicted day exactly as it was', () => {
    const small = createOrgDataset(settings(), { days: 1, conversations: 100 });
    const d = today(small) - 2;
    const first = conversationsOnDay(small, d);
    conversationsOnDay(small, d - 1);
    const again = conversationsOnDay(small, d);
    expect(small.stats().timetablesBuilt).toEqual([d, d - 1, d]);
    expect(again).toEqual(first);
  });

  it('gives a different org and traffic for a different seed', () => {
    const a = dataset();
    const b = dataset({ seed: 'another seed' });
    expect(b.organization.id).not.toBe(a.organization.id);
    expect(b.queues.map((q) => q.name)).not.toEqual(a.queues.map((q) => q.name));
    const day = today(a) - 1;
    const idsA = new Set(conversationsOnDay(a, day).map((c) => c.conversationId));
    expect(conversationsOnDay(b, day).some((c) => idsA.has(c.conversationId))).toBe(false);
  });

  it('does not answer ids it did not make', () => {
    const a = dataset();
    const b = dataset({ seed: 'another seed' });
    const foreign = conversationsOnDay(b, today(b) - 1).slice(0, 50);
    for (const c of foreign) expect(a.conversationById(c.conversationId ?? '')).toBeUndefined();
    expect(a.conversationById('not-a-uuid')).toBeUndefined();
    expect(a.conversationById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
