import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentialsTokenSource } from '../../../main/genesys/auth/client-credentials';
import { SignInRequiredError } from '../../../main/genesys/auth/errors';
import { signInWithPkce } from '../../../main/genesys/auth/pkce';
import { createGenesysClient, saveClientSecret } from '../../../main/genesys/client';
import { GenesysError } from '../../../main/genesys/genesys-error';
import { CancelledError } from '../../../main/genesys/http/errors';
import type { RequestEvent } from '../../../main/genesys/http/stats';
import { MemorySecretStore } from '../../../main/genesys/secret-store';
import { FAKE_CODE, startFakeLogin, testBrowser } from './support/fake-authorize';
import { FAST_RETRY, failure } from './support/http-fixtures';
import {
  dropMidBody,
  freePort,
  sendJson,
  startScriptedServer,
  truncatedJson,
  type ScriptedServer,
} from './support/scripted-server';

const SECRET = 'Sup3r-S3cret-Client-Value';
const TOKEN = 'Bearer-Token-Value-9f8e7d';

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Every way an error can be turned into text: what a log line, a crash report or the UI could show. */
function renderings(error: Error): string[] {
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    inspect({ wrapped: error }, { depth: Infinity }),
  ];
}

function expectClean(error: Error, secrets: readonly string[]): void {
  expect(error).toBeInstanceOf(GenesysError);
  for (const text of renderings(error)) {
    for (const secret of secrets) expect(text, `${error.name} leaked`).not.toContain(secret);
  }
}

/**
 * A Genesys stand-in that gives out TOKEN for SECRET and then answers each
 * API path with a scripted failure. Bodies deliberately quote back the
 * credentials they received, the worst case for a message built from them.
 */
async function hostileGenesys(): Promise<ScriptedServer> {
  const server = await startScriptedServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    const echo = `you sent ${authorization} (${authorization.replace(/^Bearer /, '')})`;
    if (req.path === '/oauth/token') {
      const basic = Buffer.from(`client:${SECRET}`).toString('base64');
      const sent = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8');
      if (authorization !== `Basic ${basic}`) {
        const quoted = `${authorization} = ${sent}`;
        return sendJson(res, 401, { error: 'invalid_client', error_description: quoted, description: quoted });
      }
      return sendJson(res, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 3600 });
    }
    const status = Number(req.path.split('/').at(-1));
    if (req.path.startsWith('/api/v2/status/')) {
      return sendJson(
        res,
        status,
        {
          message: echo,
          messageWithParams: `{x} ${echo}`,
          messageParams: { x: echo, permissions: echo },
          contextId: 'ctx',
        },
        status === 429 ? { 'retry-after': '900' } : {},
      );
    }
    if (req.path === '/api/v2/drop') return dropMidBody()(req, res);
    if (req.path === '/api/v2/truncated') return truncatedJson()(req, res);
    if (req.path === '/api/v2/hang') return;
    sendJson(res, 404, { message: echo });
  });
  servers.push(server);
  return server;
}

describe('no secret or token ever appears in an error or a log event', () => {
  it('holds for every error the HTTP layer and client credentials produce', async () => {
    const genesys = await hostileGenesys();
    const secrets = new MemorySecretStore();
    await saveClientSecret(secrets, 'conn', SECRET);
    const client = createGenesysClient(
      {
        id: 'conn',
        environment: genesys.baseUrl,
        auth: { kind: 'client-credentials', clientId: 'client' },
        requestsPerMinute: 600_000,
      },
      { secrets, retry: { ...FAST_RETRY, maxAttempts: 2 }, timeoutMs: 200 },
    );
    const events: RequestEvent[] = [];
    client.stats.subscribe((event) => events.push(event));
    const errors: Error[] = [];
    for (const status of [400, 401, 403, 404, 409, 413, 500, 503]) {
      errors.push(await failure(client.http.request('GET', `/api/v2/status/${status}`)));
    }
    errors.push(await failure(client.http.request('GET', '/api/v2/drop')));
    errors.push(await failure(client.http.request('GET', '/api/v2/truncated')));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    errors.push(await failure(client.http.request('GET', '/api/v2/hang', { signal: controller.signal })));
    // Last among API calls: its 15-minute Retry-After holds back every later request of the connection.
    errors.push(await failure(client.http.request('GET', '/api/v2/status/429')));

    // A wrong secret, and a token endpoint that cannot be reached.
    await saveClientSecret(secrets, 'conn', `${SECRET}-wrong`);
    errors.push(await failure(client.signIn()));
    const port = await freePort();
    const unreachable = clientCredentialsTokenSource({
      loginBase: `http://127.0.0.1:${port}`,
      clientId: 'client',
      readSecret: () => Promise.resolve(SECRET),
      retry: { ...FAST_RETRY, maxAttempts: 1 },
    });
    errors.push(await failure(unreachable.getToken()));

    expect(errors.map((error) => error.name)).toEqual([
      'BadRequestError',
      'AuthenticationError',
      'PermissionError',
      'NotFoundError',
      'BadRequestError',
      'BadRequestError',
      'ServerError',
      'ServerError',
      'NetworkError',
      'NetworkError',
      'CancelledError',
      'RateLimitError',
      'AuthenticationError',
      'NetworkError',
    ]);
    for (const error of errors) expectClean(error, [SECRET, TOKEN]);
    for (const event of events) expect(JSON.stringify(event)).not.toMatch(new RegExp(`${SECRET}|${TOKEN}`));
    const snapshot = JSON.stringify(client.stats.snapshot());
    expect(snapshot).not.toContain(TOKEN);
    // Nor do the objects that hold them show them when logged.
    expect(inspect(secrets, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    expect(inspect(client, { depth: Infinity })).not.toMatch(new RegExp(`${SECRET}|${TOKEN}`));
  });

  it('holds for every sign-in error, including the one-time code and verifier', async () => {
    const login = await startFakeLogin();
    servers.push(login.server);
    const errors: Error[] = [];
    const verifiers: string[] = [];
    const run = async (extra: Partial<Parameters<typeof signInWithPkce>[0]> = {}) => {
      const browser = testBrowser();
      const error = await failure(
        signInWithPkce({
          loginBase: login.server.baseUrl,
          clientId: 'pkce-client',
          openExternal: browser.openExternal,
          ...extra,
        }),
      );
      await browser.idle();
      errors.push(error);
    };
    login.behaviour = 'wrong-state';
    await run();
    login.behaviour = 'deny';
    await run();
    login.behaviour = 'error';
    await run();
    login.behaviour = 'approve';
    login.exchange = 'invalid_grant';
    await run();
    await run({ openExternal: () => Promise.resolve(), timeoutMs: 50 });
    for (const request of login.server.requests) {
      const verifier = new URLSearchParams(request.body).get('code_verifier');
      if (verifier) verifiers.push(verifier);
    }
    errors.push(new SignInRequiredError('expired'), new CancelledError());
    expect(verifiers.length).toBeGreaterThan(0);
    for (const error of errors) expectClean(error, [FAKE_CODE, ...verifiers]);
  });
});
