import { describe, expect, it } from 'vitest';
import { OrgCalendar } from '../../../../main/simulator/generator/calendar';
import { buildOrg } from '../../../../main/simulator/generator/org';
import { seedWords } from '../../../../main/simulator/generator/random';
import { conversationsOnDay, dataset, sessions, settings } from './helpers';

/** The generator's own view of who left and who was renamed when, rebuilt from the same settings. */
function history() {
  const s = settings({ perDay: 3000, daysBack: 20 });
  const org = buildOrg(s, seedWords(s.seed), new OrgCalendar(s.timeZone));
  return { s, org };
}

describe('people over time', () => {
  const { s, org } = history();
  const ds = dataset({ perDay: 3000, daysBack: 20 });

  it('agrees with the dataset on who the users are', () => {
    expect(org.users).toEqual(ds.users);
  });

  it('shows deleted users in conversations before they left, never after', () => {
    const deleted = org.agents.filter((a) => a.deletedDay !== undefined);
    expect(deleted.length).toBeGreaterThan(0);
    const target = deleted[0];
    const leftOn = target?.deletedDay ?? 0;
    const userIds = (day: number) =>
      new Set([...sessions(conversationsOnDay(ds, day))].map((r) => r.participant.userId));
    const before = [leftOn - 3, leftOn - 2, leftOn - 1].filter((d) => d >= ds.calendar.dayOf(s.now()) - 20);
    expect(before.some((day) => userIds(day).has(target?.id))).toBe(true);
    for (const day of [leftOn, leftOn + 1]) {
      const seen = userIds(day);
      for (const a of deleted) if ((a.deletedDay ?? 0) <= day) expect(seen.has(a.id)).toBe(false);
    }
    expect(ds.users.find((u) => u.id === target?.id)?.state).toBe('deleted');
  });

  it('shows a renamed user under the old name before the change and the new one after', () => {
    const renamed = org.agents.filter((a) => a.oldName !== undefined && a.renamedDay !== undefined);
    expect(renamed.length).toBeGreaterThan(0);
    const oldest = ds.calendar.dayOf(s.now()) - 20;
    const today = ds.calendar.dayOf(s.now());
    let checked = 0;
    for (let day = oldest; day < today; day += 2) {
      for (const { participant } of sessions(conversationsOnDay(ds, day))) {
        const agent = renamed.find((a) => a.id === participant.userId);
        if (!agent) continue;
        checked++;
        expect(participant.participantName).toBe(day < (agent.renamedDay ?? 0) ? agent.oldName : agent.user.name);
      }
    }
    expect(checked).toBeGreaterThan(0);
    for (const a of renamed) expect(a.oldName).not.toBe(a.user.name);
  });
});
