import { describe, expect, it } from 'vitest';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import { metricValues, NOW, sessions, settings, sum } from './helpers';

/** Voice KPIs over a few days, computed the way fact sheet §7 defines them. */
function voiceKpis(seed: string, timeZone: string) {
  const ds = createOrgDataset(settings({ seed, timeZone, perDay: 4000 }));
  const today = ds.calendar.dayOf(NOW);
  const counts = new Map<string, number>();
  const sums = new Map<string, number>();
  let answeredSessions = 0;
  let heldSessions = 0;
  let weekday = 0;
  let weekend = 0;
  // Monday to Sunday of the week before NOW (a Friday), all complete.
  for (const { conversation, session } of sessions(
    ds.conversationsBetween(ds.calendar.dayStart(today - 11), ds.calendar.dayStart(today - 4)),
  )) {
    if (session === conversation.participants?.[0]?.sessions?.[0]) {
      const dow = new Date(Date.parse(conversation.conversationStart ?? '')).getUTCDay();
      if (dow === 0 || dow === 6) weekend++;
      else weekday++;
    }
    if (session.mediaType !== 'voice') continue;
    const m = metricValues(session);
    for (const [name, values] of m) {
      counts.set(name, (counts.get(name) ?? 0) + values.length);
      sums.set(name, (sums.get(name) ?? 0) + sum(values));
    }
    if (m.has('tAnswered')) {
      answeredSessions++;
      if (m.has('tHeld')) heldSessions++;
    }
  }
  const n = (name: string) => counts.get(name) ?? 0;
  const answered = n('tAnswered');
  return {
    offered: n('nOffered'),
    abandonRate: n('tAbandon') / n('nOffered'),
    shortShare: n('tShortAbandon') / n('tAbandon'),
    // Service level as the engine computes it: (answered − over SLA) / (answered + abandoned − short abandons).
    serviceLevel: (answered - n('nOverSla')) / (answered + n('tAbandon') - n('tShortAbandon')),
    ahtMinutes: (sums.get('tHandle') ?? 0) / n('tHandle') / 60_000,
    holdShare: heldSessions / answeredSessions,
    transferShare: n('nTransferred') / answered,
    asaSeconds: (sums.get('tAnswered') ?? 0) / answered / 1000,
    weekdayPerDay: weekday / 5,
    weekendPerDay: weekend / 2,
  };
}

describe.each([
  ['realism-1', 'Europe/London'],
  ['realism-2', 'America/Chicago'],
])('voice realism (seed %s, %s)', (seed, zone) => {
  const k = voiceKpis(seed, zone);

  it('abandons 3–15% of offered calls, short abandons a minority', () => {
    expect(k.offered).toBeGreaterThan(10_000);
    expect(k.abandonRate).toBeGreaterThanOrEqual(0.03);
    expect(k.abandonRate).toBeLessThanOrEqual(0.15);
    expect(k.shortShare).toBeGreaterThan(0);
    expect(k.shortShare).toBeLessThan(0.5);
  });

  it('handles calls in 3–9 minutes on average', () => {
    expect(k.ahtMinutes).toBeGreaterThanOrEqual(3);
    expect(k.ahtMinutes).toBeLessThanOrEqual(9);
  });

  it('meets a 60–95% service level', () => {
    expect(k.serviceLevel).toBeGreaterThanOrEqual(0.6);
    expect(k.serviceLevel).toBeLessThanOrEqual(0.95);
    expect(k.asaSeconds).toBeGreaterThan(3);
    expect(k.asaSeconds).toBeLessThan(90);
  });

  it('holds 10–35% and transfers 5–20% of answered calls', () => {
    expect(k.holdShare).toBeGreaterThanOrEqual(0.1);
    expect(k.holdShare).toBeLessThanOrEqual(0.35);
    expect(k.transferShare).toBeGreaterThanOrEqual(0.05);
    expect(k.transferShare).toBeLessThanOrEqual(0.2);
  });

  it('is busier on weekdays than at weekends', () => {
    expect(k.weekdayPerDay).toBeGreaterThan(1.5 * k.weekendPerDay);
    expect((5 * k.weekdayPerDay + 2 * k.weekendPerDay) / 7).toBeGreaterThan(4000 * 0.85);
    expect((5 * k.weekdayPerDay + 2 * k.weekendPerDay) / 7).toBeLessThan(4000 * 1.15);
  });
});
