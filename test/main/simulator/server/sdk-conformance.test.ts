import platformClient, { type Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from './fakes';
import { pkcePair, signIn, startFake, type FakeSimulator } from './helpers';

/**
 * The official SDK pointed at the simulator through its gateway setting
 * (fact sheet §1.3; toolchain §7): what it sends is what the app will send,
 * and the types it resolves to are the SDK's own models.
 */
let fake: FakeSimulator;
const client = platformClient.ApiClient.instance;

beforeAll(async () => {
  fake = await startFake();
  // The SDK watches ~/.genesyscloudjavascript/config and may reset the gateway when it changes.
  client.config.live_reload_config = false;
  client.setGateway({ protocol: 'http', host: '127.0.0.1', port: fake.sim.port });
  await client.loginClientCredentialsGrant(fake.sim.clientId, fake.sim.clientSecret);
});

afterAll(async () => {
  await fake.sim.close();
});

/** What the SDK rejects with on a non-2xx: the server's JSON body as is. */
async function rejection(promise: Promise<unknown>): Promise<Models.ErrorBody> {
  try {
    await promise;
  } catch (error) {
    return error as Models.ErrorBody;
  }
  throw new Error('expected the call to fail');
}

describe('reference data through the SDK', () => {
  it('lists queues sorted by name in the classic envelope, page by page', async () => {
    const routing = new platformClient.RoutingApi();
    const first: Models.QueueEntityListing = await routing.getRoutingQueues({ pageSize: 3, pageNumber: 1 });
    expect(first.entities?.map((queue) => queue.name)).toEqual(['Billing', 'Sales EN', 'Sales FR']);
    expect(first).toMatchObject({ pageSize: 3, pageNumber: 1, total: 4, pageCount: 2 });
    expect(first.nextUri).toBe('/api/v2/routing/queues?pageSize=3&pageNumber=2');
    expect(first.previousUri).toBeUndefined();
    const second = await routing.getRoutingQueues({ pageSize: 3, pageNumber: 2 });
    expect(second.entities?.map((queue) => queue.name)).toEqual(['Support']);
    expect(second.nextUri).toBeUndefined();
  });

  it('filters queues by name wildcard and by the id list the SDK sends comma-joined', async () => {
    const routing = new platformClient.RoutingApi();
    const sales = await routing.getRoutingQueues({ name: 'sales*' });
    expect(sales.entities?.map((queue) => queue.name)).toEqual(['Sales EN', 'Sales FR']);
    const byId = await routing.getRoutingQueues({ id: [IDS.queues.support, IDS.queues.billing] });
    expect(byId.entities?.map((queue) => queue.id)).toEqual([IDS.queues.billing, IDS.queues.support]);
  });

  it('lists only active users by default and everyone with state=any', async () => {
    const users = new platformClient.UsersApi();
    const active: Models.UserEntityListing = await users.getUsers();
    expect(active.entities?.map((user) => user.name)).toEqual(['Alice Agent', 'Bob Agent']);
    const everyone = await users.getUsers({ state: 'any' });
    expect(everyone.total).toBe(4);
    expect(everyone.entities?.find((user) => user.id === IDS.users.dave)?.state).toBe('deleted');
  });

  it('lists wrap-up codes, divisions and the organization', async () => {
    const codes: Models.WrapupCodeEntityListing = await new platformClient.RoutingApi().getRoutingWrapupcodes();
    expect(codes.entities?.map((code) => code.name)).toEqual(['Callback requested', 'Escalated', 'Resolved']);
    const divisions: Models.AuthzDivisionEntityListing =
      await new platformClient.AuthorizationApi().getAuthorizationDivisions();
    expect(divisions.entities?.find((division) => division.homeDivision)?.id).toBe(IDS.homeDivision);
    const org: Models.Organization = await new platformClient.OrganizationApi().getOrganizationsMe();
    expect(org).toMatchObject({ id: IDS.org, name: 'Fake Contact Centre' });
  });
});

describe('analytics through the SDK', () => {
  const interval = '2026-11-20T00:00:00.000Z/2026-11-21T00:00:00.000Z';

  it('runs a details query and passes the body to the engine untouched', async () => {
    const analytics = new platformClient.AnalyticsApi();
    const query: Models.ConversationQuery = { interval, paging: { pageSize: 25, pageNumber: 1 } };
    const result: Models.AnalyticsConversationQueryResponse =
      await analytics.postAnalyticsConversationsDetailsQuery(query);
    expect(result.totalHits).toBe(2);
    expect(fake.engine.received.at(-1)).toEqual(query);
  });

  it('turns an engine validation error into the ErrorBody the SDK rejects with', async () => {
    const error = await rejection(
      new platformClient.AnalyticsApi().postAnalyticsConversationsDetailsQuery({ interval: 'nope' }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid.date',
      message: 'interval is required: an ISO-8601 start/end pair.',
      messageParams: { field: 'interval' },
    });
    expect(error.contextId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('submits a job, reads its status, pages its results by cursor and deletes it', async () => {
    const analytics = new platformClient.AnalyticsApi();
    const { jobId }: Models.AsyncQueryResponse = await analytics.postAnalyticsConversationsDetailsJobs({ interval });
    expect(jobId).toBeTruthy();
    const status: Models.AsyncQueryStatus = await analytics.getAnalyticsConversationsDetailsJob(jobId ?? '');
    expect(status.state).toBe('FULFILLED');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Models.AnalyticsConversationAsyncQueryResponse =
        await analytics.getAnalyticsConversationsDetailsJobResults(jobId ?? '', {
          pageSize: 1,
          ...(cursor ? { cursor } : {}),
        });
      seen.push(...(page.conversations ?? []).map((conversation) => conversation.conversationId ?? ''));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([...IDS.conversations]);
    await analytics.deleteAnalyticsConversationsDetailsJob(jobId ?? '');
    const gone = await rejection(analytics.getAnalyticsConversationsDetailsJob(jobId ?? ''));
    expect(gone).toMatchObject({ status: 404, code: 'not.found' });
  });

  it('answers availability, aggregates, observations and single conversations', async () => {
    const analytics = new platformClient.AnalyticsApi();
    const availability: Models.DataAvailabilityResponse =
      await analytics.getAnalyticsConversationsDetailsJobsAvailability();
    expect(availability.dataAvailabilityDate).toBe('2026-11-20T00:00:00.000Z');
    const aggregates: Models.ConversationAggregateQueryResponse =
      await analytics.postAnalyticsConversationsAggregatesQuery({
        interval,
        metrics: ['nOffered'],
        groupBy: ['queueId'],
      });
    expect(aggregates.results?.[0]?.group).toEqual({ queueId: IDS.queues.billing });
    const observations: Models.QueueObservationQueryResponse = await analytics.postAnalyticsQueuesObservationsQuery({
      filter: { type: 'or', predicates: [{ dimension: 'queueId', value: IDS.queues.billing }] },
      metrics: ['oWaiting'],
    });
    expect(observations.results).toHaveLength(1);
    const conversation: Models.AnalyticsConversationWithoutAttributes = await analytics.getAnalyticsConversationDetails(
      IDS.conversations[0],
    );
    expect(conversation.conversationId).toBe(IDS.conversations[0]);
  });
});

describe('user-context endpoints through the SDK', () => {
  it('refuses a client-credentials token with the documented "requires a user context" 400', async () => {
    const error = await rejection(new platformClient.ConversationsApi().getConversations());
    expect(error).toMatchObject({
      status: 400,
      message: 'This request requires a user context. Client credentials cannot be used for requests to this resource.',
    });
    const me = await rejection(new platformClient.UsersApi().getUsersMe());
    expect(me.status).toBe(400);
  });

  it('serves the signed-in user after the SDK completes a PKCE sign-in', async () => {
    const redirectUri = 'http://127.0.0.1:49152/oauth/callback';
    const { verifier, challenge } = pkcePair();
    const { code } = await signIn(fake.sim, { redirectUri, challenge });
    try {
      await client.authorizePKCEGrant(fake.sim.pkceClientId, verifier, code, redirectUri);
      const me: Models.UserMe = await new platformClient.UsersApi().getUsersMe();
      expect(me.id).toBe(fake.sim.users[0]?.userId);
      const live: Models.ConversationEntityListing = await new platformClient.ConversationsApi().getConversations();
      expect(live.entities?.[0]?.participants[0]?.userId).toBe(me.id);
    } finally {
      await client.loginClientCredentialsGrant(fake.sim.clientId, fake.sim.clientSecret);
    }
  });
});
