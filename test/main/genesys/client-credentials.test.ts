import { afterEach, describe, expect, it } from 'vitest';
import {
  NO_SECRET_SAVED,
  clientCredentialsTokenSource,
  fetchClientCredentialsToken,
  type ClientCredentialsConfig,
} from '../../../main/genesys/auth/client-credentials';
import { AuthenticationError, CancelledError, RateLimitError } from '../../../main/genesys/http/errors';
import { FakeClock } from './support/fake-clock';
import { FAST_RETRY, failure } from './support/http-fixtures';
import { sendJson, startScriptedServer, type Handler, type ScriptedServer } from './support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A token endpoint handing out tok-1, tok-2, … with the given lifetime, after `delayMs`. */
async function tokenServer(expiresIn = 3600, delayMs = 0, override?: Handler): Promise<ScriptedServer> {
  let issued = 0;
  server = await startScriptedServer(
    override ??
      ((_req, res) => {
        issued++;
        const token = `tok-${issued}`;
        setTimeout(
          () => sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: expiresIn }),
          delayMs,
        );
      }),
  );
  return server;
}

function config(srv: ScriptedServer, extra: Partial<ClientCredentialsConfig> = {}): ClientCredentialsConfig {
  return {
    loginBase: srv.baseUrl,
    clientId: 'my-client',
    readSecret: () => Promise.resolve('my-s3cret'),
    retry: FAST_RETRY,
    ...extra,
  };
}

describe('client credentials', () => {
  it('posts grant_type=client_credentials with Basic auth to /oauth/token (fact sheet §2.2)', async () => {
    const srv = await tokenServer(1800);
    const clock = new FakeClock();
    const token = await fetchClientCredentialsToken(config(srv, { clock }));
    expect(token).toEqual({ value: 'tok-1', obtainedAt: clock.now(), expiresAt: clock.now() + 1_800_000 });
    const [sent] = srv.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/oauth/token');
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from('my-client:my-s3cret').toString('base64')}`);
    expect(sent?.body).toBe('grant_type=client_credentials');
  });

  it('caches the token until a minute before expiry', async () => {
    const srv = await tokenServer(3600);
    const clock = new FakeClock();
    const source = clientCredentialsTokenSource(config(srv, { clock }));
    expect(await source.getToken()).toBe('tok-1');
    await clock.advance(3_539_000);
    expect(await source.getToken()).toBe('tok-1');
    await clock.advance(2_000);
    expect(await source.getToken()).toBe('tok-2');
    expect(srv.requests).toHaveLength(2);
  });

  it('refreshes short-lived tokens at half-life rather than on every call', async () => {
    const srv = await tokenServer(60);
    const clock = new FakeClock();
    const source = clientCredentialsTokenSource(config(srv, { clock }));
    await source.getToken();
    await clock.advance(29_000);
    expect(await source.getToken()).toBe('tok-1');
    await clock.advance(1_000);
    expect(await source.getToken()).toBe('tok-2');
  });

  it('shares one token request among concurrent callers', async () => {
    const srv = await tokenServer(3600, 50);
    const source = clientCredentialsTokenSource(config(srv));
    const tokens = await Promise.all(Array.from({ length: 20 }, () => source.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
    expect(srv.requests).toHaveLength(1);
  });

  it('invalidate drops only the refused token', async () => {
    const srv = await tokenServer();
    const source = clientCredentialsTokenSource(config(srv));
    const first = await source.getToken();
    source.invalidate(first);
    const second = await source.getToken();
    expect(second).toBe('tok-2');
    source.invalidate(first); // a late 401 for the old token must not throw away the new one
    expect(await source.getToken()).toBe('tok-2');
    expect(srv.requests).toHaveLength(2);
  });

  it('one caller giving up does not cancel the shared request for the others', async () => {
    const srv = await tokenServer(3600, 100);
    const source = clientCredentialsTokenSource(config(srv));
    const controller = new AbortController();
    const quitter = failure(source.getToken(controller.signal));
    const stayer = source.getToken();
    controller.abort();
    expect(await quitter).toBeInstanceOf(CancelledError);
    expect(await stayer).toBe('tok-1');
  });

  it('says the id or secret was not accepted, without retrying, on invalid_client', async () => {
    const srv = await tokenServer(0, 0, (_req, res) =>
      sendJson(res, 401, {
        error: 'invalid_client',
        description: 'authentication failed',
        error_description: 'authentication failed',
      }),
    );
    const error = await failure(fetchClientCredentialsToken(config(srv)));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^The client ID or secret was not accepted by Genesys Cloud\./);
    expect((error as AuthenticationError).genesysCode).toBe('invalid_client');
    expect(srv.requests).toHaveLength(1);
  });

  it('says when the OAuth client has the wrong grant type', async () => {
    const srv = await tokenServer(0, 0, (_req, res) => sendJson(res, 400, { error: 'unauthorized_client' }));
    const error = await failure(fetchClientCredentialsToken(config(srv)));
    expect(error.message).toMatch(/may not use the Client Credentials grant/);
  });

  it('asks for the secret when none is saved, without calling Genesys', async () => {
    const srv = await tokenServer();
    const error = await failure(
      fetchClientCredentialsToken(config(srv, { readSecret: () => Promise.resolve(undefined) })),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(NO_SECRET_SAVED);
    expect(srv.requests).toHaveLength(0);
  });

  it('retries a token endpoint that is briefly down', async () => {
    const srv = await tokenServer(0, 0, (_req, res, index) =>
      index < 2
        ? sendJson(res, 503, {})
        : sendJson(res, 200, { access_token: 'tok-late', token_type: 'bearer', expires_in: 600 }),
    );
    expect((await fetchClientCredentialsToken(config(srv))).value).toBe('tok-late');
    expect(srv.requests).toHaveLength(3);
  });

  it('maps a 429 from the token endpoint, and a long wait, to RateLimitError', async () => {
    const srv = await tokenServer(0, 0, (_req, res) => sendJson(res, 429, {}, { 'retry-after': '900' }));
    const error = await failure(fetchClientCredentialsToken(config(srv)));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toMatch(/wait 15 minutes/);
    expect(srv.requests).toHaveLength(1);
  });
});
