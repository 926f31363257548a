import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInRequiredError } from '../../../main/genesys/auth/errors';
import { createGenesysClient, saveClientSecret, type GenesysClient } from '../../../main/genesys/client';
import { AuthenticationError, BadRequestError, PermissionError } from '../../../main/genesys/http/errors';
import { MemorySecretStore } from '../../../main/genesys/secret-store';
import {
  DEMO_PASSWORD,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from '../../../main/simulator/server/index';
import { FAST_RETRY, failure } from './support/http-fixtures';
import { simulatorBrowser } from './support/simulator-browser';

let sim: RunningSimulator;
beforeAll(async () => {
  // A high limit keeps the test fast; the client starts at the default 300/min and must learn it from the headers.
  sim = await startSimulator({ settings: { perDay: 40, daysBack: 5 }, limits: { requestsPerMinute: 6000 } });
});
afterAll(async () => {
  await sim.close();
});

async function clientCredentials(secret = sim.clientSecret): Promise<GenesysClient> {
  const secrets = new MemorySecretStore();
  await saveClientSecret(secrets, 'sim-cc', secret);
  return createGenesysClient(
    {
      id: 'sim-cc',
      environment: sim.baseUrl,
      auth: { kind: 'client-credentials', clientId: sim.clientId },
    },
    { secrets, retry: { ...FAST_RETRY, maxAttempts: 8 } },
  );
}

const ids = (items: Array<{ id?: string }>) => items.map((item) => item.id);

describe('against the Genesys Cloud simulator', () => {
  it('signs in with client credentials and pages through all reference data', async () => {
    const client = await clientCredentials();
    await client.signIn();
    const pageSize = 5; // far below the dataset sizes, so every list takes several pages
    const [queues, users, wrapupCodes, divisions] = [
      await client.api.listQueues({ pageSize }),
      await client.api.listUsers({ pageSize }),
      await client.api.listWrapupCodes({ pageSize }),
      await client.api.listDivisions({ pageSize }),
    ];
    expect(new Set(ids(queues))).toEqual(new Set(ids(sim.dataset.queues)));
    expect(new Set(ids(users))).toEqual(new Set(ids(sim.dataset.users)));
    expect(new Set(ids(wrapupCodes))).toEqual(new Set(ids(sim.dataset.wrapupCodes)));
    expect(new Set(ids(divisions))).toEqual(new Set(ids(sim.dataset.divisions)));
    // state=any: people who have left still come back, so their past conversations get a name.
    expect(users.some((user) => user.state === 'deleted')).toBe(true);
    expect((await client.api.getOrganization()).id).toBeTruthy();

    const snapshot = client.stats.snapshot();
    expect(snapshot.rateLimited).toBe(0);
    expect(client.http.governor.limitPerMinute).toBe(6000);
    expect(snapshot.endpoints['GET /api/v2/routing/queues']?.requests).toBe(Math.ceil(queues.length / pageSize));
  });

  it('gets the simulator’s "requires a user context" 400 for /users/me with client credentials', async () => {
    const client = await clientCredentials();
    const error = await failure(client.api.getMe());
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toMatch(/This request requires a user context/);
  });

  it('refuses a wrong secret in plain words', async () => {
    const client = await clientCredentials('not-the-secret');
    const error = await failure(client.signIn());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^The client ID or secret was not accepted/);
  });

  it('gets a new token after the old ones expire or are revoked (401 → refresh once)', async () => {
    const client = await clientCredentials();
    await client.api.listDivisions();
    sim.expireAllTokens();
    expect((await client.api.listDivisions()).length).toBe(sim.dataset.divisions.length);
    sim.revokeAllTokens();
    expect((await client.api.listDivisions()).length).toBe(sim.dataset.divisions.length);
    expect(client.stats.snapshot().retries).toBe(2);
  });

  it('rides out injected 5xx, resets and truncated bodies', async () => {
    const client = await clientCredentials();
    await client.signIn();
    sim.setFaults({ '5xx': 0.1, reset: 0.1, truncate: 0.1 });
    try {
      const queues = await client.api.listQueues({ pageSize: 2 });
      const users = await client.api.listUsers({ pageSize: 2 });
      expect(queues).toHaveLength(sim.dataset.queues.length);
      expect(users).toHaveLength(sim.dataset.users.length);
    } finally {
      sim.setFaults({});
    }
    expect(client.stats.snapshot().retries).toBeGreaterThan(0);
    expect(sim.requests.list().some((request) => request.faults.length > 0)).toBe(true);
  });

  it('signs in a person with PKCE through the browser, and asks again once the token expires', async () => {
    const browser = simulatorBrowser(DEMO_USERNAME, DEMO_PASSWORD);
    const client = createGenesysClient(
      { id: 'sim-pkce', environment: sim.baseUrl, auth: { kind: 'pkce', clientId: sim.pkceClientId } },
      { secrets: new MemorySecretStore(), openExternal: browser.openExternal, retry: FAST_RETRY },
    );
    await client.signIn();
    await browser.idle();
    expect(browser.pages[0]).toContain('You can close this window');
    const me = await client.api.getMe();
    expect(me.id).toBe(sim.users.find((user) => user.username === DEMO_USERNAME)?.userId);
    expect(Array.isArray((await client.api.getActiveConversations()).entities)).toBe(true);

    sim.expireAllTokens();
    const error = await failure(client.api.getMe());
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as SignInRequiredError).reason).toBe('rejected');
  });

  it('names the missing permission when the signed-in person lacks it', async () => {
    const browser = simulatorBrowser('noaccess@reportdesk.example', DEMO_PASSWORD);
    const client = createGenesysClient(
      { id: 'sim-noaccess', environment: sim.baseUrl, auth: { kind: 'pkce', clientId: sim.pkceClientId } },
      { secrets: new MemorySecretStore(), openExternal: browser.openExternal, retry: FAST_RETRY },
    );
    await client.signIn();
    const error = await failure(client.api.listQueues());
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).permissions).toEqual(['routing:queue:view']);
    expect(error.message).toMatch(/missing the permission this needs: routing:queue:view\./);
  });
});
