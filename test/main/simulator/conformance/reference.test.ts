/**
 * Reference data with the classic paging envelope (fact sheet §10) through
 * the official SDK: queues, users (incl. `state=any`), wrap-up codes,
 * divisions and the organization — and every id the analytics data carries
 * resolves to a name through them, which is what a report needs.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkModelProblems } from './sdk-models';
import { allDetailPages, rejection, sessionsOf, startConformance, utcDay, type Conformance } from './support';

/** Long enough ago that some agents who worked that day have left since. */
const OLD_DAY = utcDay('2026-08-25');

let h: Conformance;
let conversations: Models.AnalyticsConversationWithoutAttributes[];

beforeAll(async () => {
  h = await startConformance({ settings: { daysBack: 120 } });
  conversations = (await allDetailPages(h.analytics, { interval: OLD_DAY.interval })).conversations;
});

afterAll(async () => {
  await h.close();
});

interface Listing<T> {
  entities?: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  nextUri?: string;
  previousUri?: string;
}

/** Follows the envelope the documented way: until nextUri is absent, checking the envelope on every page. */
async function everyPage<T>(fetch: (pageNumber: number) => Promise<Listing<T>>, pageSize: number): Promise<T[]> {
  const all: T[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetch(pageNumber);
    const total = page.total ?? -1;
    expect(page).toMatchObject({ pageSize, pageNumber, pageCount: Math.ceil(total / pageSize) });
    expect(page.previousUri === undefined).toBe(pageNumber === 1);
    all.push(...(page.entities ?? []));
    if (!page.nextUri) {
      expect(pageNumber).toBe(Math.max(1, page.pageCount ?? 0));
      expect(all).toHaveLength(total);
      return all;
    }
    expect(page.entities).toHaveLength(pageSize);
  }
}

const byName = (a: { name?: string }, b: { name?: string }) =>
  (a.name ?? '').localeCompare(b.name ?? '', 'en', { sensitivity: 'base' });

function expectSortedUnique(items: { id?: string; name?: string }[]): void {
  expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  expect(items.map((item) => item.name)).toEqual([...items].sort(byName).map((item) => item.name));
}

describe('reference data', () => {
  it('pages queues sorted by name, each with service-level targets per media', async () => {
    const first: Models.QueueEntityListing = await h.routing.getRoutingQueues({ pageSize: 4 });
    expect(sdkModelProblems(first, 'QueueEntityListing')).toEqual([]);
    const queues = await everyPage((pageNumber) => h.routing.getRoutingQueues({ pageSize: 4, pageNumber }), 4);
    expect(queues.length).toBeGreaterThanOrEqual(10);
    expect(queues.length).toBeLessThanOrEqual(60);
    expectSortedUnique(queues);
    for (const queue of queues) {
      const call = queue.mediaSettings?.call?.serviceLevel;
      expect(call?.percentage).toBeGreaterThan(0);
      expect(call?.percentage).toBeLessThanOrEqual(1);
      expect(call?.durationMs).toBeGreaterThan(0);
    }
    const prefix = (queues[0]?.name ?? '').slice(0, 3);
    const named = await h.routing.getRoutingQueues({ name: `${prefix.toLowerCase()}*`, pageSize: 100 });
    expect(named.entities?.map((q) => q.id)).toEqual(
      queues.filter((q) => (q.name ?? '').toLowerCase().startsWith(prefix.toLowerCase())).map((q) => q.id),
    );
  });

  it('lists active users by default and everyone, deleted included, with state=any', async () => {
    const first: Models.UserEntityListing = await h.users.getUsers({ pageSize: 10 });
    expect(sdkModelProblems(first, 'UserEntityListing')).toEqual([]);
    const active = await everyPage((pageNumber) => h.users.getUsers({ pageSize: 10, pageNumber }), 10);
    const everyone = await everyPage((pageNumber) => h.users.getUsers({ pageSize: 10, pageNumber, state: 'any' }), 10);
    expectSortedUnique(active);
    expect(active.every((user) => user.state === 'active')).toBe(true);
    const deleted = everyone.filter((user) => user.state === 'deleted');
    expect(deleted.length).toBeGreaterThan(0);
    expect(new Set(everyone.map((u) => u.id))).toEqual(new Set([...active, ...deleted].map((u) => u.id)));
  });

  it('names every agent of an old day with state=any, including some who have left since', async () => {
    const agents = [...new Set([...sessionsOf(conversations)].map(({ participant }) => participant.userId))].filter(
      (id): id is string => id !== undefined,
    );
    expect(agents.length).toBeGreaterThan(5);
    const found = await h.users.getUsers({ id: agents, state: 'any', pageSize: 100 });
    expect(new Set(found.entities?.map((u) => u.id))).toEqual(new Set(agents));
    const stillActive = await h.users.getUsers({ id: agents, pageSize: 100 });
    expect(stillActive.total).toBeLessThan(agents.length);
  });

  it('pages wrap-up codes, and every code on a wrap-up segment resolves to one', async () => {
    const first: Models.WrapupCodeEntityListing = await h.routing.getRoutingWrapupcodes({ pageSize: 5 });
    expect(sdkModelProblems(first, 'WrapupCodeEntityListing')).toEqual([]);
    const codes = await everyPage((pageNumber) => h.routing.getRoutingWrapupcodes({ pageSize: 5, pageNumber }), 5);
    expectSortedUnique(codes);
    const used = [...sessionsOf(conversations)].flatMap(({ session }) =>
      (session.segments ?? []).map((s) => s.wrapUpCode),
    );
    const known = new Set(codes.map((code) => code.id));
    expect(used.filter((id) => id !== undefined && !known.has(id))).toEqual([]);
    expect(used.filter((id) => id !== undefined).length).toBeGreaterThan(100);
  });

  it('pages divisions with one home division, and every division id in the data resolves', async () => {
    const first: Models.AuthzDivisionEntityListing = await h.authorization.getAuthorizationDivisions({ pageSize: 2 });
    expect(sdkModelProblems(first, 'AuthzDivisionEntityListing')).toEqual([]);
    const divisions = await everyPage(
      (pageNumber) => h.authorization.getAuthorizationDivisions({ pageSize: 2, pageNumber }),
      2,
    );
    expect(divisions.filter((d) => d.homeDivision)).toHaveLength(1);
    const known = new Set(divisions.map((d) => d.id));
    const queues = (await h.routing.getRoutingQueues({ pageSize: 100 })).entities ?? [];
    const used = [...conversations.flatMap((c) => c.divisionIds ?? []), ...queues.map((q) => q.division?.id)];
    expect(used.filter((id) => !known.has(id))).toEqual([]);
  });

  it('answers organizations/me with the org', async () => {
    const org: Models.Organization = await h.organization.getOrganizationsMe();
    expect(sdkModelProblems(org, 'Organization')).toEqual([]);
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(org.name).toBeTruthy();
  });

  it('refuses a pageSize over 100 with the parameter named', async () => {
    const error = await rejection(h.routing.getRoutingQueues({ pageSize: 101 }));
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid.value',
      message: "Invalid value '101' for query parameter 'pageSize': it must be a whole number from 1 to 100.",
    });
  });
});
