/**
 * Token lifetime, expiry and revocation through the official SDK (fact sheet
 * §2.2, §3.2): the SDK learns the lifetime from `expires_in`, and an expired
 * or revoked token gets the matching 401 until the client signs in again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, rejection, startConformance, type Conformance } from './support';

const TTL_SECONDS = 300;

let h: Conformance;
let wall = NOW;

beforeAll(async () => {
  h = await startConformance({ limits: { tokenTtlSeconds: TTL_SECONDS }, clock: () => wall });
});

afterAll(async () => {
  await h.close();
});

const EXPIRED = {
  status: 401,
  code: 'credentials.expired',
  message: 'The supplied credentials are expired and cannot be used.',
};

describe('tokens', () => {
  it('last the configured lifetime, as the SDK is told, then answer 401 credentials.expired', async () => {
    const before = Date.now();
    const auth = await h.client.loginClientCredentialsGrant(h.sim.clientId, h.sim.clientSecret);
    const after = Date.now();
    expect(auth.tokenExpiryTime).toBeGreaterThanOrEqual(before + TTL_SECONDS * 1000);
    expect(auth.tokenExpiryTime).toBeLessThanOrEqual(after + TTL_SECONDS * 1000);

    wall += (TTL_SECONDS - 1) * 1000;
    expect((await h.organization.getOrganizationsMe()).id).toBeTruthy();
    wall += 1000;
    expect(await rejection(h.organization.getOrganizationsMe())).toMatchObject(EXPIRED);
    await h.signInAsClient();
    expect((await h.organization.getOrganizationsMe()).id).toBeTruthy();
  });

  it('expire mid-run on demand; a new sign-in works at once', async () => {
    h.sim.expireAllTokens();
    expect(await rejection(h.routing.getRoutingQueues())).toMatchObject(EXPIRED);
    await h.signInAsClient();
    expect((await h.routing.getRoutingQueues()).total).toBeGreaterThan(0);
  });

  it('revoked mid-run answer 401 bad.credentials', async () => {
    h.sim.revokeAllTokens();
    expect(await rejection(h.routing.getRoutingQueues())).toMatchObject({
      status: 401,
      code: 'bad.credentials',
      message: 'Invalid login credentials.',
    });
    await h.signInAsClient();
    expect((await h.routing.getRoutingQueues()).total).toBeGreaterThan(0);
  });
});
