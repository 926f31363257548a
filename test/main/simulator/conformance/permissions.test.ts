/**
 * 403 `missing.permissions` / `missing.any.permissions` through the official
 * SDK (fact sheet §3.2, §13), for an OAuth client whose roles lack the
 * analytics permissions and for a signed-in user who holds none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENTS } from '../../../../main/simulator/server/options';
import { pkcePair, signIn } from '../server/helpers';
import { rejection, startConformance, type Conformance } from './support';

const DETAIL_PERMISSIONS = 'analytics:conversationDetail:view, analytics:agentConversationDetail:view';
const INTERVAL = '2026-11-18T00:00:00.000Z/2026-11-19T00:00:00.000Z';
const LITE = { clientId: 'queues-only', clientSecret: 'queues-only-secret' };

let h: Conformance;

beforeAll(async () => {
  h = await startConformance({
    clients: [
      ...DEFAULT_CLIENTS,
      {
        ...LITE,
        name: 'Queue list only',
        grants: ['client_credentials'],
        redirectUris: [],
        permissions: ['routing:queue:view'],
      },
    ],
  });
});

afterAll(async () => {
  await h.close();
});

describe('a client without analytics permissions', () => {
  beforeAll(async () => {
    await h.client.loginClientCredentialsGrant(LITE.clientId, LITE.clientSecret);
  });

  afterAll(async () => {
    await h.signInAsClient();
  });

  it('is told which permissions it lacks, endpoint by endpoint', async () => {
    const cases = [
      [
        h.analytics.postAnalyticsConversationsDetailsQuery({ interval: INTERVAL }),
        'missing.any.permissions',
        `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${DETAIL_PERMISSIONS}]`,
        DETAIL_PERMISSIONS,
      ],
      [
        h.analytics.postAnalyticsConversationsAggregatesQuery({ interval: INTERVAL, metrics: ['nOffered'] }),
        'missing.permissions',
        'Unable to perform the requested action. You are missing the following permission(s): [analytics:conversationAggregate:view]',
        'analytics:conversationAggregate:view',
      ],
      [
        h.analytics.postAnalyticsQueuesObservationsQuery({
          filter: { type: 'and', predicates: [{ dimension: 'mediaType', value: 'voice' }] },
          metrics: ['oWaiting'],
        }),
        'missing.permissions',
        'Unable to perform the requested action. You are missing the following permission(s): [analytics:queueObservation:view]',
        'analytics:queueObservation:view',
      ],
      [
        h.routing.getRoutingWrapupcodes(),
        'missing.permissions',
        'Unable to perform the requested action. You are missing the following permission(s): [routing:wrapupCode:view]',
        'routing:wrapupCode:view',
      ],
    ] as const;
    for (const [call, code, message, permissions] of cases) {
      expect(await rejection(call)).toMatchObject({ status: 403, code, message, messageParams: { permissions } });
    }
  });

  it('still reads what its role allows, and what needs no permission', async () => {
    expect((await h.routing.getRoutingQueues()).total).toBeGreaterThan(0);
    expect((await h.users.getUsers()).total).toBeGreaterThan(0);
    expect((await h.authorization.getAuthorizationDivisions()).total).toBeGreaterThan(0);
  });
});

describe('a signed-in user without permissions', () => {
  it('can read their own profile but no analytics', async () => {
    const redirectUri = 'http://127.0.0.1:49800/callback';
    const user = h.sim.users.find((u) => u.permissions.length === 0);
    expect(user).toBeDefined();
    const { verifier, challenge } = pkcePair();
    const { code } = await signIn(h.sim, {
      redirectUri,
      challenge,
      username: user?.username,
      password: user?.password,
    });
    await h.client.authorizePKCEGrant(h.sim.pkceClientId, verifier, code, redirectUri);
    try {
      expect((await h.users.getUsersMe()).id).toBe(user?.userId);
      const error = await rejection(h.analytics.postAnalyticsConversationsDetailsQuery({ interval: INTERVAL }));
      expect(error).toMatchObject({ status: 403, code: 'missing.any.permissions' });
    } finally {
      await h.signInAsClient();
    }
  });
});
