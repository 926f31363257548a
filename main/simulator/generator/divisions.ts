/** Divisions: one Home plus a few more; most things live in Home, as in most real orgs. */
import type { Models } from 'purecloud-platform-client-v2';
import { randomUuid } from './ids';
import { DIVISION_NAMES } from './names';
import type { Rng } from './random';

export function buildDivisions(rng: Rng): Models.AuthzDivision[] {
  const names = ['Home', ...rng.shuffled(DIVISION_NAMES).slice(0, rng.int(2, 4))];
  return names.map((name, i) => {
    const id = randomUuid(rng);
    return {
      id,
      name,
      description: i === 0 ? 'The home division' : `${name} operations`,
      homeDivision: i === 0,
      selfUri: `/api/v2/authorization/divisions/${id}`,
    };
  });
}

export function divisionRef(division: Models.AuthzDivision | undefined): Models.Division {
  return { id: division?.id, name: division?.name, selfUri: division?.selfUri };
}

export function pickDivision(rng: Rng, divisions: Models.AuthzDivision[]): Models.AuthzDivision {
  // Most things live in Home, as in most real orgs.
  return rng.chance(0.6) ? (divisions[0] as Models.AuthzDivision) : rng.pick(divisions);
}
