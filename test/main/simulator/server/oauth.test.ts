import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  basic,
  call,
  clientCredentialsToken,
  pkcePair,
  pkceToken,
  postForm,
  signIn,
  startFake,
  type FakeSimulator,
} from './helpers';

let fake: FakeSimulator;
let now = Date.parse('2026-11-20T12:00:00Z');

beforeEach(async () => {
  now = Date.parse('2026-11-20T12:00:00Z');
  fake = await startFake({ clock: () => now, limits: { tokenTtlSeconds: 600 } });
});
afterEach(() => fake.sim.close());

const REDIRECT = 'http://127.0.0.1:50500/callback';

async function exchange(form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await postForm(`${fake.sim.baseUrl}/oauth/token`, form, headers);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

function codeForm(code: string, verifier: string, redirectUri = REDIRECT): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: fake.sim.pkceClientId,
    redirect_uri: redirectUri,
  };
}

describe('client credentials', () => {
  it('issues an opaque bearer token with the configured lifetime, not cacheable', async () => {
    const { status, body, headers } = await exchange(
      { grant_type: 'client_credentials' },
      { authorization: basic(fake.sim.clientId, fake.sim.clientSecret) },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 600 });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body).not.toHaveProperty('refresh_token');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['unknown client', basic('nobody', 'x'), 401, 'invalid_client', 'client not found'],
    ['wrong secret', basic('reportdesk-sim-client', 'wrong'), 401, 'invalid_client', 'authentication failed'],
    ['no credentials', undefined, 401, 'invalid_client', 'client authentication required'],
  ])('answers %s with an OAuth error body', async (_name, authorization, status, error, description) => {
    const res = await exchange({ grant_type: 'client_credentials' }, authorization ? { authorization } : {});
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, description, error_description: description });
  });

  it('rejects unknown grants and clients not allowed the grant', async () => {
    const auth = { authorization: basic(fake.sim.clientId, fake.sim.clientSecret) };
    expect((await exchange({ grant_type: 'password' }, auth)).body.error).toBe('unsupported_grant_type');
    expect((await exchange({}, auth)).body.error).toBe('invalid_request');
    const pkceAsService = await exchange(
      { grant_type: 'client_credentials' },
      { authorization: basic(fake.sim.pkceClientId, '') },
    );
    expect(pkceAsService).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});

describe('authorization code with PKCE', () => {
  it('serves a script-free sign-in page under a strict CSP that only lets the form reach the app', async () => {
    const res = await fetch(authorizeUrl(fake.sim, REDIRECT, pkcePair().challenge));
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:50500");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('name="password"');
  });

  it('signs in, redirects to the loopback URI with code and state, and exchanges the code once', async () => {
    const { verifier, challenge } = pkcePair();
    const { location, code, state } = await signIn(fake.sim, { redirectUri: REDIRECT, challenge, state: 'state-123' });
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(state).toBe('state-123');
    const first = await exchange(codeForm(code, verifier));
    expect(first.status).toBe(200);
    const token = String(first.body.access_token);
    expect((await call(fake.sim, '/api/v2/users/me', { token })).status).toBe(200);

    const replay = await exchange(codeForm(code, verifier));
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(replay.body.error_description).toBe('authorization code has already been used');
    // A replayed code means it leaked, so what it bought is revoked.
    expect((await call(fake.sim, '/api/v2/users/me', { token })).status).toBe(401);
  });

  it('accepts any loopback port but refuses other redirect URIs without redirecting', async () => {
    const { challenge } = pkcePair();
    const other = await signIn(fake.sim, { redirectUri: 'http://127.0.0.1:61000/', challenge });
    expect(other.code).not.toBe('');
    for (const bad of ['http://evil.example/cb', 'http://localhost:50500/callback', 'https://127.0.0.1:50500/cb']) {
      const res = await fetch(authorizeUrl(fake.sim, bad, challenge), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('redirects protocol errors back to the app with error and state', async () => {
    const query = new URLSearchParams({
      client_id: fake.sim.pkceClientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      state: 's1',
    });
    const res = await fetch(`${fake.sim.baseUrl}/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toBe('code_challenge is required for public clients');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('keeps the user on the page after a wrong password and returns access_denied on cancel', async () => {
    const page = await (await fetch(authorizeUrl(fake.sim, REDIRECT, pkcePair().challenge, 's2'))).text();
    const request = /name="request" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const wrong = await postForm(`${fake.sim.baseUrl}/oauth/authorize`, {
      request,
      username: 'demo@reportdesk.example',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Invalid username or password.');
    const cancel = await postForm(`${fake.sim.baseUrl}/oauth/authorize`, { request, action: 'deny' });
    const location = new URL(cancel.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('s2');
  });

  it('refuses a wrong verifier, a different redirect_uri and an expired code with invalid_grant', async () => {
    const { verifier, challenge } = pkcePair();
    const wrongVerifier = await exchange(
      codeForm((await signIn(fake.sim, { redirectUri: REDIRECT, challenge })).code, pkcePair().verifier),
    );
    expect(wrongVerifier).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge' },
    });
    const { code } = await signIn(fake.sim, { redirectUri: REDIRECT, challenge });
    const otherRedirect = await exchange(codeForm(code, verifier, 'http://127.0.0.1:50500/other'));
    expect(otherRedirect.body).toMatchObject({ error: 'invalid_grant' });
    const late = (await signIn(fake.sim, { redirectUri: REDIRECT, challenge })).code;
    now += 61_000;
    expect((await exchange(codeForm(late, verifier))).body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'authorization code is expired',
    });
  });

  it('gives the token the signed-in user’s permissions', async () => {
    const { challenge, verifier } = pkcePair();
    const { code } = await signIn(fake.sim, {
      redirectUri: REDIRECT,
      challenge,
      username: 'noaccess@reportdesk.example',
      password: 'demo',
    });
    const token = String((await exchange(codeForm(code, verifier))).body.access_token);
    const res = await call(fake.sim, '/api/v2/routing/queues', { token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('missing.permissions');
  });
});

describe('token lifetime and revocation', () => {
  it('answers 401 once a token expires by time, by switch or by revocation', async () => {
    const timed = await clientCredentialsToken(fake.sim);
    expect((await call(fake.sim, '/api/v2/organizations/me', { token: timed })).status).toBe(200);
    now += 600_000;
    const expired = await call(fake.sim, '/api/v2/organizations/me', { token: timed });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'credentials.expired', status: 401 });

    const switched = await clientCredentialsToken(fake.sim);
    fake.sim.expireAllTokens();
    expect((await call(fake.sim, '/api/v2/organizations/me', { token: switched })).body.code).toBe(
      'credentials.expired',
    );

    const revoked = await pkceToken(fake.sim);
    fake.sim.revokeAllTokens();
    const res = await call(fake.sim, '/api/v2/organizations/me', { token: revoked });
    expect(res.body).toMatchObject({ status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' });
    // New sign-ins still work after the switch.
    const fresh = await clientCredentialsToken(fake.sim);
    expect((await call(fake.sim, '/api/v2/organizations/me', { token: fresh })).status).toBe(200);
  });
});
