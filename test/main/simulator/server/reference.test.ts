import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from './fakes';
import { call, clientCredentialsToken, startFake, type ApiResponse, type FakeSimulator } from './helpers';

let fake: FakeSimulator;
let token: string;

beforeAll(async () => {
  fake = await startFake({ referenceMaxPageSize: 3 });
  token = await clientCredentialsToken(fake.sim);
});
afterAll(() => fake.sim.close());

const names = (listing: { entities?: Array<{ name?: string }> }) =>
  listing.entities?.map((entity) => entity.name ?? '');

describe('classic paging envelope', () => {
  it('lets a client follow nextUri to the end, keeping its filters', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/api/v2/users?state=any&pageSize=3';
    const pages: Models.UserEntityListing[] = [];
    while (path) {
      const res: ApiResponse<Models.UserEntityListing> = await call<Models.UserEntityListing>(fake.sim, path, {
        token,
      });
      pages.push(res.body);
      seen.push(...(names(res.body) ?? []));
      path = res.body.nextUri;
    }
    expect(seen).toEqual(['Alice Agent', 'Bob Agent', 'Carol Former', 'Dave Deleted']);
    expect(pages[0]).toMatchObject({
      pageSize: 3,
      pageNumber: 1,
      total: 4,
      pageCount: 2,
      firstUri: '/api/v2/users?pageSize=3&pageNumber=1&state=any',
      selfUri: '/api/v2/users?pageSize=3&pageNumber=1&state=any',
      nextUri: '/api/v2/users?pageSize=3&pageNumber=2&state=any',
      lastUri: '/api/v2/users?pageSize=3&pageNumber=2&state=any',
    });
    expect(pages[1]?.previousUri).toBe('/api/v2/users?pageSize=3&pageNumber=1&state=any');
  });

  it('answers a page past the end with no entities and no nextUri', async () => {
    const res = await call<Models.QueueEntityListing>(fake.sim, '/api/v2/routing/queues?pageNumber=9', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ entities: [], total: 4, pageCount: 2, pageNumber: 9 });
    expect(res.body.nextUri).toBeUndefined();
  });

  it('refuses a pageSize over the maximum and defaults to 25 or the maximum, whichever is smaller', async () => {
    const res = await call(fake.sim, '/api/v2/routing/queues?pageSize=4', { token });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      "Invalid value '4' for query parameter 'pageSize': it must be a whole number from 1 to 3.",
    );
    const fallback = await call<Models.QueueEntityListing>(fake.sim, '/api/v2/routing/queues', { token });
    expect(fallback.body.pageSize).toBe(3);
  });
});

describe('filters', () => {
  it('filters users by state and by an id list in any spelling', async () => {
    const deleted = await call<Models.UserEntityListing>(fake.sim, '/api/v2/users?state=deleted&pageSize=3', { token });
    expect(names(deleted.body)).toEqual(['Dave Deleted']);
    const repeated = await call<Models.UserEntityListing>(
      fake.sim,
      `/api/v2/users?pageSize=3&id=${IDS.users.bob}&id[]=${IDS.users.alice}`,
      { token },
    );
    expect(names(repeated.body)).toEqual(['Alice Agent', 'Bob Agent']);
    const gone = await call<Models.UserEntityListing>(fake.sim, `/api/v2/users?pageSize=3&id=${IDS.users.dave}`, {
      token,
    });
    expect(gone.body.total).toBe(0);
  });

  it('sorts descending on request and filters queues by division', async () => {
    const desc = await call<Models.QueueEntityListing>(fake.sim, '/api/v2/routing/queues?pageSize=3&sortOrder=desc', {
      token,
    });
    expect(names(desc.body)).toEqual(['Support', 'Sales FR', 'Sales EN']);
    const sales = await call<Models.QueueEntityListing>(
      fake.sim,
      `/api/v2/routing/queues?pageSize=3&divisionId=${IDS.salesDivision}`,
      { token },
    );
    expect(names(sales.body)).toEqual(['Sales EN', 'Sales FR']);
  });

  it('matches queue names exactly unless wildcards are given, and other names by search term', async () => {
    const exact = await call<Models.QueueEntityListing>(fake.sim, '/api/v2/routing/queues?pageSize=3&name=sales', {
      token,
    });
    expect(exact.body.total).toBe(0);
    const suffix = await call<Models.QueueEntityListing>(fake.sim, '/api/v2/routing/queues?pageSize=3&name=*EN', {
      token,
    });
    expect(names(suffix.body)).toEqual(['Sales EN']);
    const codes = await call<Models.WrapupCodeEntityListing>(
      fake.sim,
      '/api/v2/routing/wrapupcodes?pageSize=3&name=call',
      {
        token,
      },
    );
    expect(names(codes.body)).toEqual(['Callback requested']);
    const divisions = await call<Models.AuthzDivisionEntityListing>(
      fake.sim,
      '/api/v2/authorization/divisions?pageSize=3&name=sal',
      { token },
    );
    expect(divisions.body.entities?.map((division) => division.id)).toEqual([IDS.salesDivision]);
  });
});
