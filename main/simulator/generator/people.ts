/**
 * Users: unique names with accents and apostrophes, a few deleted since
 * (they remain in older conversations) and a few renamed (older
 * conversations carry the old name).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { divisionRef, pickDivision } from './divisions';
import { randomUuid } from './ids';
import { ACCENTED_FIRST_NAMES, APOSTROPHE_SURNAMES, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, TITLES } from './names';
import type { AgentProfile } from './org';
import type { Rng } from './random';

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function uniqueName(rng: Rng, taken: Set<string>, first?: string, last?: string): [string, string] {
  for (let attempt = 0; ; attempt++) {
    const f = attempt === 0 && first !== undefined ? first : rng.pick(FIRST_NAMES);
    const l = attempt === 0 && last !== undefined ? last : rng.pick(LAST_NAMES);
    const full = attempt > 50 ? `${f} ${l} ${attempt}` : `${f} ${l}`;
    if (!taken.has(full)) {
      taken.add(full);
      return [f, full];
    }
  }
}

export function buildAgents(
  rng: Rng,
  count: number,
  divisions: Models.AuthzDivision[],
  emailDomain: string,
  anchorDay: number,
  historyDays: number,
): AgentProfile[] {
  const taken = new Set<string>();
  const agents: AgentProfile[] = [];
  for (let i = 0; i < count; i++) {
    // The first two always exercise an apostrophe and an accent.
    const [first, name] =
      i === 0
        ? uniqueName(rng, taken, rng.pick(ACCENTED_FIRST_NAMES), rng.pick(APOSTROPHE_SURNAMES))
        : i === 1
          ? uniqueName(rng, taken, rng.pick(ACCENTED_FIRST_NAMES))
          : uniqueName(rng, taken);
    const id = randomUuid(rng);
    const division = pickDivision(rng, divisions);
    const email = `${slug(name).replace(/-/g, '.')}@${emailDomain}`;
    const agent: AgentProfile = {
      id,
      user: {
        id,
        name,
        division: divisionRef(division),
        chat: { jabberId: `${id.slice(0, 24).replace(/-/g, '')}@${emailDomain}` },
        department: rng.pick(DEPARTMENTS),
        email,
        primaryContactInfo: [{ address: email, mediaType: 'EMAIL', type: 'PRIMARY' }],
        addresses: [],
        state: 'active',
        title: i % 15 === 14 ? 'Team Lead' : rng.pick(TITLES),
        username: email,
        version: 1,
        acdAutoAnswer: false,
        selfUri: `/api/v2/users/${id}`,
      },
    };
    // Users 2 and 3 are always one deleted and one renamed, so every org has both.
    const fate = i === 2 ? 'deleted' : i === 3 ? 'renamed' : i < 2 ? 'kept' : undefined;
    if (fate === 'deleted' || (fate === undefined && rng.chance(0.08))) {
      agent.deletedDay = anchorDay - rng.int(1, historyDays);
      agent.user.state = 'deleted';
      agent.user.version = 2;
    } else if (fate === 'renamed' || (fate === undefined && rng.chance(0.06))) {
      // A surname change: older conversations still carry the old name.
      const [, newName] = uniqueName(rng, taken, first);
      agent.oldName = name;
      agent.renamedDay = anchorDay - rng.int(0, historyDays);
      agent.user.name = newName;
      agent.user.version = rng.int(2, 5);
    }
    agents.push(agent);
  }
  return agents;
}
