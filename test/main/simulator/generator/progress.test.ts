import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../main/simulator/model';
import { DAY, dataset, HOUR, NOW, sessions } from './helpers';

const ms = (iso: string | undefined) => Date.parse(iso ?? '');

describe('conversations in progress at now', () => {
  let now = NOW;
  const ds = dataset({ perDay: 4000, now: () => now });
  const recent = [...ds.conversationsBetween(NOW - 3 * HOUR, NOW + HOUR)];
  const open = recent.filter((c) => c.conversationEnd === undefined);
  /** The same conversation two days on, when everything asked about here has finished. */
  const complete = (c: Conversation): Conversation => {
    now = NOW + 2 * DAY;
    try {
      return ds.conversationById(c.conversationId ?? '') as Conversation;
    } finally {
      now = NOW;
    }
  };

  it('includes a few, and only conversations that started before now', () => {
    expect(open.length).toBeGreaterThan(5);
    expect(open.length).toBeLessThan(recent.length / 2);
    expect(recent.every((c) => ms(c.conversationStart) < NOW)).toBe(true);
  });

  it('leaves finished conversations exactly as they will stay', () => {
    for (const c of recent.filter((x) => x.conversationEnd !== undefined)) {
      expect(ms(c.conversationEnd)).toBeLessThanOrEqual(NOW);
      expect(complete(c)).toEqual(c);
    }
  });

  it('shows only what happened so far: open last segments, no later segments or metrics', () => {
    for (const c of open) {
      const full = complete(c);
      expect(ms(full.conversationEnd)).toBeGreaterThan(NOW);
      for (const { participant, session } of sessions([c])) {
        const fullSession = full.participants
          ?.find((p) => p.participantId === participant.participantId)
          ?.sessions?.find((s) => s.sessionId === session.sessionId);
        expect(fullSession).toBeDefined();
        const segments = session.segments ?? [];
        expect(segments.length).toBeGreaterThan(0);
        segments.forEach((seg, i) => {
          expect(ms(seg.segmentStart)).toBeLessThanOrEqual(NOW);
          const last = i === segments.length - 1;
          if (seg.segmentEnd === undefined) {
            // Only the current segment is open, and it says nothing about how it will end.
            expect(last).toBe(true);
            expect(seg.disconnectType).toBeUndefined();
            expect(seg.wrapUpCode).toBeUndefined();
          } else {
            expect(ms(seg.segmentEnd)).toBeLessThanOrEqual(NOW);
            expect(fullSession?.segments?.[i]).toEqual(seg);
          }
        });
        const emitted = (fullSession?.metrics ?? []).filter((m) => ms(m.emitDate) <= NOW);
        expect(session.metrics ?? []).toEqual(emitted);
      }
      // Parties that have not joined yet are not there.
      const joined = (full.participants ?? []).filter((p) =>
        p.sessions?.some((s) => ms(s.segments?.[0]?.segmentStart) <= NOW),
      );
      expect(c.participants?.map((p) => p.participantId)).toEqual(joined.map((p) => p.participantId));
    }
  });

  it('has someone waiting, talking or wrapping up right now', () => {
    const openTypes = new Set<string>();
    for (const { participant, session } of sessions(open)) {
      const seg = session.segments?.at(-1);
      if (seg?.segmentEnd === undefined) openTypes.add(`${participant.purpose}:${seg?.segmentType}`);
    }
    expect(openTypes.has('acd:interact')).toBe(true);
    expect([...openTypes].some((t) => /^agent:(interact|hold|wrapup|alert)$/.test(t))).toBe(true);
  });

  it('answers conversationById with the same in-progress view, and nothing for the future', () => {
    for (const c of open.slice(0, 20)) expect(ds.conversationById(c.conversationId ?? '')).toEqual(c);
    now = NOW + 2 * DAY;
    const future = [...ds.conversationsBetween(NOW + HOUR, NOW + 2 * HOUR)];
    now = NOW;
    expect(future.length).toBeGreaterThan(0);
    for (const c of future.slice(0, 20)) expect(ds.conversationById(c.conversationId ?? '')).toBeUndefined();
    expect([...ds.conversationsBetween(NOW + HOUR, NOW + 2 * HOUR)]).toEqual([]);
  });
});
