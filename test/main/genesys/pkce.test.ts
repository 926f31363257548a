import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInError } from '../../../main/genesys/auth/errors';
import {
  buildAuthorizeUrl,
  codeChallengeS256,
  createCodeVerifier,
  createState,
  signInWithPkce,
  type PkceSignInOptions,
} from '../../../main/genesys/auth/pkce';
import { startLoopbackListener } from '../../../main/genesys/auth/loopback-listener';
import { CancelledError } from '../../../main/genesys/http/errors';
import { FAKE_CODE, startFakeLogin, testBrowser, type FakeLogin } from './support/fake-authorize';
import { failure } from './support/http-fixtures';
import { freePort, startScriptedServer } from './support/scripted-server';

let login: FakeLogin;
beforeEach(async () => {
  login = await startFakeLogin();
});
afterEach(async () => {
  await login.server.close();
});

function options(
  extra: Partial<PkceSignInOptions> = {},
): PkceSignInOptions & { browser: ReturnType<typeof testBrowser> } {
  const browser = testBrowser();
  return {
    loginBase: login.server.baseUrl,
    clientId: 'pkce-client',
    openExternal: browser.openExternal,
    browser,
    ...extra,
  };
}

async function signInFailure(extra: Partial<PkceSignInOptions> = {}) {
  const opts = options(extra);
  const error = await failure(signInWithPkce(opts));
  await opts.browser.idle();
  return { error, visit: opts.browser.visits[0] };
}

describe('PKCE helpers', () => {
  it('derives the S256 challenge as in RFC 7636 appendix B', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43–128 unreserved characters, and unguessable states', () => {
    const verifiers = Array.from({ length: 20 }, () => createCodeVerifier());
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(new Set(verifiers).size).toBe(20);
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('builds the authorize URL the SDK builds', () => {
    const url = buildAuthorizeUrl({
      loginBase: 'https://login.mypurecloud.ie',
      clientId: 'cid',
      redirectUri: 'http://127.0.0.1:5000/oauth/callback',
      codeChallenge: 'challenge',
      state: 'st',
      prompt: 'login',
      loginHint: 'ann@example.com',
    });
    expect(url.origin + url.pathname).toBe('https://login.mypurecloud.ie/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:5000/oauth/callback',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
      state: 'st',
      prompt: 'login',
      login_hint: 'ann@example.com',
    });
  });
});

describe('signInWithPkce (system browser + loopback redirect)', () => {
  it('signs in end to end and tells the browser it can close the window', async () => {
    const opts = options();
    const token = await signInWithPkce(opts);
    await opts.browser.idle();
    expect(token.value).toBe('user-token-1');
    expect(token.expiresAt - token.obtainedAt).toBe(7_200_000);

    const visit = opts.browser.visits[0];
    const redirect = visit?.authorizeUrl.searchParams.get('redirect_uri') ?? '';
    expect(redirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(visit?.authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(visit?.callbackStatus).toBe(200);
    expect(visit?.callbackPage).toContain('You can close this window');
    expect(visit?.callbackPage).not.toContain(FAKE_CODE);
    expect(visit?.callbackHeaders?.get('content-security-policy')).toContain("default-src 'none'");
    expect(visit?.callbackHeaders?.get('cache-control')).toBe('no-store');

    const exchange = login.server.requests.find((request) => request.path === '/oauth/token');
    expect(exchange?.headers.authorization).toBeUndefined();
    // The listener is gone once sign-in is over.
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('uses a fixed redirect port, path and host when the OAuth client registered one', async () => {
    const port = await freePort();
    const opts = options({ redirect: { port, path: '/callback', redirectHost: 'localhost' } });
    const signingIn = signInWithPkce(opts);
    await signingIn;
    expect(opts.browser.visits[0]?.authorizeUrl.searchParams.get('redirect_uri')).toBe(
      `http://localhost:${port}/callback`,
    );
  });

  it('refuses an answer whose state does not match', async () => {
    login.behaviour = 'wrong-state';
    const { error, visit } = await signInFailure();
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).failure).toBe('state-mismatch');
    expect(error.message).toMatch(/did not match the sign-in ReportDesk started/);
    expect(visit?.callbackStatus).toBe(400);
    expect(login.server.requests.some((request) => request.path === '/oauth/token')).toBe(false);
  });

  it('explains access_denied', async () => {
    login.behaviour = 'deny';
    const { error, visit } = await signInFailure();
    expect((error as SignInError).failure).toBe('access-denied');
    expect(error.message).toMatch(/^The sign-in was cancelled, or Genesys Cloud did not grant ReportDesk access/);
    expect(visit?.callbackPage).toContain('You can close this window');
  });

  it('passes other authorize errors on with Genesys’s description, and never echoes it as HTML', async () => {
    login.behaviour = 'error';
    const { error, visit } = await signInFailure();
    expect((error as SignInError).failure).toBe('authorize-error');
    expect(error.message).toContain('(scope <b>analytics</b> is not allowed)');
    expect(visit?.callbackPage).not.toContain('<b>');
  });

  it('fails clearly when the answer has no code', async () => {
    login.behaviour = 'no-code';
    const { error } = await signInFailure();
    expect((error as SignInError).failure).toBe('no-code');
  });

  it('times out with a plain message when nobody finishes signing in', async () => {
    const started = performance.now();
    const error = await failure(
      signInWithPkce({ ...options(), openExternal: () => Promise.resolve(), timeoutMs: 150 }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect((error as SignInError).failure).toBe('timeout');
    expect(error.message).toBe(
      'The sign-in was not finished within 1 minute. Start it again and complete it in the browser window that opens.',
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = failure(
      signInWithPkce({ ...options(), openExternal: () => Promise.resolve(), signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toBeInstanceOf(CancelledError);
  });

  it('reports a code the token endpoint refuses', async () => {
    login.exchange = 'invalid_grant';
    const { error } = await signInFailure();
    expect((error as SignInError).failure).toBe('exchange');
    expect(error.message).toMatch(/did not accept the sign-in code/);
  });

  it('reports a browser that cannot be opened', async () => {
    const error = await failure(signInWithPkce({ ...options(), openExternal: () => Promise.reject(new Error('no')) }));
    expect((error as SignInError).failure).toBe('browser');
  });

  it('reports a redirect port another program holds', async () => {
    const other = await startScriptedServer(() => undefined);
    try {
      const error = await failure(signInWithPkce(options({ redirect: { port: other.port } })));
      expect((error as SignInError).failure).toBe('listener');
      expect(error.message).toMatch(new RegExp(`on port ${other.port}: another program is using it`));
    } finally {
      await other.close();
    }
  });

  it('the listener ignores stray requests and answers a repeated callback politely', async () => {
    const listener = await startLoopbackListener({ state: 'st-1' });
    try {
      expect((await fetch(new URL('/favicon.ico', listener.redirectUri))).status).toBe(404);
      expect((await fetch(listener.redirectUri, { method: 'POST' })).status).toBe(405);
      const first = await fetch(`${listener.redirectUri}?code=c-1&state=st-1`);
      expect(first.status).toBe(200);
      const again = await fetch(`${listener.redirectUri}?code=c-2&state=st-1`);
      expect(await again.text()).toContain('This sign-in is already finished');
      expect(await listener.waitForCode(1000)).toBe('c-1');
    } finally {
      await listener.close();
    }
  });
});
