import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInRequiredError } from '../../../main/genesys/auth/errors';
import { PkceSession } from '../../../main/genesys/auth/pkce-session';
import type { AccessToken } from '../../../main/genesys/auth/token-endpoint';
import { createGenesysClient } from '../../../main/genesys/client';
import { MemorySecretStore, accessTokenKey } from '../../../main/genesys/secret-store';
import { FakeClock } from './support/fake-clock';
import { startFakeLogin, testBrowser, type FakeLogin } from './support/fake-authorize';
import { FAST_RETRY, failure } from './support/http-fixtures';

function session(store = new MemorySecretStore(), clock = new FakeClock()) {
  let flows = 0;
  const pkce = new PkceSession({
    connectionId: 'c1',
    store,
    clock,
    signIn: async (): Promise<AccessToken> => {
      flows++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { value: `user-token-${flows}`, obtainedAt: clock.now(), expiresAt: clock.now() + 3_600_000 };
    },
  });
  return { pkce, store, clock, flows: () => flows };
}

async function signInRequired(promise: Promise<unknown>): Promise<SignInRequiredError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(SignInRequiredError);
  return error as SignInRequiredError;
}

describe('PkceSession', () => {
  it('asks to sign in before the first sign-in', async () => {
    const { pkce } = session();
    const error = await signInRequired(pkce.getToken());
    expect(error.reason).toBe('never-signed-in');
    expect(error.message).toBe('Sign in to Genesys Cloud to use this connection.');
    expect(error.code).toBe('sign-in-required');
    expect(await pkce.isSignedIn()).toBe(false);
  });

  it('keeps the token in the secret store, so a restart needs no new sign-in', async () => {
    const { pkce, store, clock } = session();
    await pkce.signIn();
    expect(await pkce.getToken()).toBe('user-token-1');
    expect(await store.get(accessTokenKey('c1'))).toContain('user-token-1');
    const restarted = session(store, clock).pkce;
    expect(await restarted.isSignedIn()).toBe(true);
    expect(await restarted.getToken()).toBe('user-token-1');
  });

  it('asks to sign in again when the token expires: public clients get no refresh token', async () => {
    const { pkce, clock } = session();
    await pkce.signIn();
    await clock.advance(3_600_000 - 61_000);
    expect(await pkce.getToken()).toBe('user-token-1');
    await clock.advance(2_000);
    const error = await signInRequired(pkce.getToken());
    expect(error.reason).toBe('expired');
    expect(error.message).toBe('Your Genesys Cloud sign-in has expired. Sign in again to continue.');
  });

  it('asks to sign in again, at once, after Genesys refuses the token', async () => {
    const { pkce, store } = session();
    await pkce.signIn();
    pkce.invalidate('user-token-1');
    expect((await signInRequired(pkce.getToken())).reason).toBe('rejected');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get(accessTokenKey('c1'))).toBeUndefined();
    await pkce.signIn();
    expect(await pkce.getToken()).toBe('user-token-2');
  });

  it('runs one browser sign-in for concurrent clicks', async () => {
    const { pkce, flows } = session();
    await Promise.all([pkce.signIn(), pkce.signIn(), pkce.signIn()]);
    expect(flows()).toBe(1);
  });

  it('signs out', async () => {
    const { pkce } = session();
    await pkce.signIn();
    await pkce.signOut();
    expect((await signInRequired(pkce.getToken())).reason).toBe('never-signed-in');
  });
});

describe('createGenesysClient with a PKCE connection', () => {
  let login: FakeLogin;
  beforeEach(async () => {
    login = await startFakeLogin();
  });
  afterEach(async () => {
    await login.server.close();
  });

  it('signs in through the browser, calls the API, and turns a later 401 into "sign in again"', async () => {
    const browser = testBrowser();
    const client = createGenesysClient(
      { id: 'pkce-conn', environment: login.server.baseUrl, auth: { kind: 'pkce', clientId: 'pkce-client' } },
      { secrets: new MemorySecretStore(), openExternal: browser.openExternal, retry: FAST_RETRY },
    );
    expect(client.environment.label).toBe(`Custom server (127.0.0.1:${login.server.port})`);
    expect((await signInRequired(client.api.getMe())).reason).toBe('never-signed-in');
    expect(login.server.requests.filter((request) => request.path.startsWith('/api/'))).toHaveLength(0);

    await client.signIn();
    await browser.idle();
    // The fake login refuses every token on /api: one 401, then no second try with the same token.
    expect((await signInRequired(client.api.getMe())).reason).toBe('rejected');
    const apiCalls = login.server.requests.filter((request) => request.path === '/api/v2/users/me');
    expect(apiCalls.map((request) => request.headers.authorization)).toEqual(['Bearer user-token-1']);
    expect(client.http.stats.snapshot().requests).toBe(1);
  });

  it('needs a browser opener to sign in', async () => {
    const client = createGenesysClient(
      { id: 'x', environment: login.server.baseUrl, auth: { kind: 'pkce', clientId: 'pkce-client' } },
      { secrets: new MemorySecretStore() },
    );
    const error = await failure(client.signIn());
    expect(error.message).toMatch(/cannot open a browser/);
  });
});
