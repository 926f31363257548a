import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentialsTokenSource } from '../../../main/genesys/auth/client-credentials';
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '../../../main/genesys/http/errors';
import { RateGovernor } from '../../../main/genesys/http/rate-governor';
import type { RequestEvent } from '../../../main/genesys/http/stats';
import { FAST_RETRY, StaticTokens, failure, testHttp } from './support/http-fixtures';
import {
  dropMidBody,
  fail,
  freePort,
  hang,
  ok,
  script,
  sendJson,
  startScriptedServer,
  truncatedJson,
  type Handler,
  type ScriptedServer,
} from './support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<ScriptedServer> {
  server = await startScriptedServer(handler);
  return server;
}

const errorBody = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  code,
  message,
  contextId: `ctx-${status}`,
  ...extra,
});

describe('GenesysHttp: requests', () => {
  it('sends JSON with the bearer token and query parameters, and parses the answer', async () => {
    const { baseUrl, requests } = await serve(script(ok({ hello: 'world' })));
    const http = testHttp(baseUrl);
    const result = await http.request<{ hello: string }>('POST', '/api/v2/things/query', {
      body: { interval: 'x' },
      query: { id: ['a', 'b'], pageSize: 100, skip: undefined, flag: true },
    });
    expect(result).toEqual({ hello: 'world' });
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/api/v2/things/query');
    expect(sent?.query.getAll('id')).toEqual(['a', 'b']);
    expect(sent?.query.get('pageSize')).toBe('100');
    expect(sent?.query.has('skip')).toBe(false);
    expect(sent?.query.get('flag')).toBe('true');
    expect(sent?.headers.authorization).toBe('Bearer static-token-123');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ interval: 'x' });
  });

  it('answers undefined for an empty 2xx body (DELETE, 204)', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    expect(await testHttp(baseUrl).request('DELETE', '/api/v2/jobs/1')).toBeUndefined();
  });

  it('refuses paths that would leave the API host', async () => {
    const http = testHttp('http://127.0.0.1:9');
    await expect(http.request('GET', '//evil.example/api')).rejects.toThrow(RangeError);
    await expect(http.request('GET', 'api/v2/x')).rejects.toThrow(RangeError);
  });

  it('does not follow redirects (a bearer token must not travel to another host)', async () => {
    const { baseUrl, requests } = await serve(
      script((_req, res) => {
        res.writeHead(302, { location: 'http://127.0.0.1:9/steal' });
        res.end();
      }),
    );
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
  });
});

describe('GenesysHttp: rate limits', () => {
  it('waits Retry-After on a 429, then succeeds', async () => {
    const { baseUrl, requests } = await serve(
      script(
        fail(
          429,
          errorBody(429, 'too.many.requests', 'Rate limit exceeded the maximum. Retry the request in [2] seconds'),
          {
            'retry-after': '2',
          },
        ),
        ok({ done: true }),
      ),
    );
    const http = testHttp(baseUrl);
    expect(await http.request('GET', '/api/v2/x')).toEqual({ done: true });
    expect(requests).toHaveLength(2);
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(1950);
    expect(http.stats.snapshot()).toMatchObject({ requests: 2, rateLimited: 1, retries: 1, failures: 0 });
  });

  it('a 429 holds back the other workers of the connection too', async () => {
    let sawFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => (sawFirst = resolve));
    const { baseUrl, requests } = await serve((req, res, index) => {
      if (index === 0) {
        sendJson(res, 429, errorBody(429, 'too.many.requests', 'slow down'), { 'retry-after': '1' });
      } else sendJson(res, 200, { path: req.path });
    });
    const http = testHttp(baseUrl);
    http.stats.subscribe((event) => {
      if (event.status === 429) sawFirst();
    });
    const first = http.request('GET', '/api/v2/first');
    await firstAnswered;
    const pausedAt = performance.now();
    const second = await http.request<{ path: string }>('GET', '/api/v2/second');
    expect(second.path).toBe('/api/v2/second');
    await first;
    const secondArrival = requests.find((request) => request.path === '/api/v2/second')?.at ?? 0;
    expect(secondArrival - pausedAt).toBeGreaterThanOrEqual(900);
  });

  it('gives up at once with a plain message when Retry-After is beyond 180 s, and so do the other workers', async () => {
    const { baseUrl, requests } = await serve(
      script(fail(429, errorBody(429, 'too.many.requests', 'daily limit'), { 'retry-after': '600' })),
    );
    const http = testHttp(baseUrl);
    const started = performance.now();
    const error = await failure(http.request('GET', '/api/v2/x'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toMatch(/^Genesys Cloud asked us to wait 10 minutes before sending more requests\./);
    expect(error.message).toContain('(Genesys Cloud reference: ctx-429)');
    expect((error as RateLimitError).retryAfterSeconds).toBe(600);

    const second = await failure(http.request('GET', '/api/v2/y'));
    expect(second).toBeInstanceOf(RateLimitError);
    expect(second.message).toMatch(/wait 10 minutes/);
    expect(requests).toHaveLength(1);
    expect(http.stats.snapshot()).toMatchObject({ requests: 1, rateLimited: 1, failures: 1 });
  });

  it('reads Retry-After as an HTTP date too, and the limit from inin-ratelimit-allowed', async () => {
    const { baseUrl } = await serve(
      script(
        fail(429, errorBody(429, 'too.many.requests', 'x'), {
          'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString(),
          'inin-ratelimit-allowed': '180',
        }),
      ),
    );
    const governor = new RateGovernor({ limitPerMinute: 300 });
    const error = await failure(testHttp(baseUrl, { governor }).request('GET', '/api/v2/x'));
    expect(error.message).toMatch(/wait 3 hours/);
    expect(governor.limitPerMinute).toBe(180);
  });

  it('stops after the retry budget when 429s keep coming', async () => {
    const { baseUrl, requests } = await serve((_req, res) =>
      sendJson(res, 429, errorBody(429, 'too.many.requests', 'x'), { 'retry-after': '0' }),
    );
    const http = testHttp(baseUrl, { retry: { ...FAST_RETRY, maxAttempts: 3 } });
    const error = await failure(http.request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toMatch(/kept answering “too many requests”/);
    expect(requests).toHaveLength(3);
  });
});

describe('GenesysHttp: retries', () => {
  it('rides out a 503 storm with backoff', async () => {
    const storm = Array.from({ length: 5 }, () =>
      fail(503, errorBody(503, 'service.unavailable', 'Service Unavailable')),
    );
    const { baseUrl, requests } = await serve(script(...storm, ok({ fine: 1 })));
    const http = testHttp(baseUrl);
    expect(await http.request('GET', '/api/v2/x')).toEqual({ fine: 1 });
    expect(requests).toHaveLength(6);
    expect(http.stats.snapshot()).toMatchObject({ requests: 6, retries: 5, failures: 0, rateLimited: 0 });
  });

  it('reports a server error in plain words, with the reference, once the attempts run out', async () => {
    const { baseUrl, requests } = await serve((_req, res) =>
      sendJson(res, 502, {}, { 'inin-correlation-id': 'corr-502' }),
    );
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe(
      'Genesys Cloud could not answer right now (HTTP 502). This usually passes within minutes; try again. (Genesys Cloud reference: corr-502)',
    );
    expect(requests).toHaveLength(FAST_RETRY.maxAttempts);
  });

  it.each([408, 500, 504])('retries %i', async (status) => {
    const { baseUrl, requests } = await serve(script(fail(status), ok({ ok: true })));
    expect(await testHttp(baseUrl).request('GET', '/api/v2/x')).toEqual({ ok: true });
    expect(requests).toHaveLength(2);
  });

  it('retries a connection dropped mid-body', async () => {
    const { baseUrl, requests } = await serve(script(dropMidBody(), ok({ entities: [] })));
    const http = testHttp(baseUrl);
    expect(await http.request('GET', '/api/v2/x')).toEqual({ entities: [] });
    expect(requests).toHaveLength(2);
    expect(http.stats.snapshot().retries).toBe(1);
  });

  it('says the connection dropped when it keeps dropping', async () => {
    const { baseUrl } = await serve((req, res) => dropMidBody()(req, res));
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      `The connection to Genesys Cloud at 127.0.0.1:${server?.port} dropped while the answer was arriving — check the connection.`,
    );
  });

  it('retries a truncated JSON body', async () => {
    const { baseUrl, requests } = await serve(script(truncatedJson(), ok({ entities: [{ id: 'q1' }] })));
    expect(await testHttp(baseUrl).request('GET', '/api/v2/x')).toEqual({ entities: [{ id: 'q1' }] });
    expect(requests).toHaveLength(2);
  });

  it('says the answer was incomplete when it stays truncated', async () => {
    const { baseUrl } = await serve((req, res) => truncatedJson()(req, res));
    const error = await failure(testHttp(baseUrl, { retry: { ...FAST_RETRY, maxAttempts: 2 } }).request('GET', '/x'));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).failure).toBe('truncated');
    expect(error.message).toMatch(/arrived incomplete — check the connection\.$/);
  });

  it('says plainly when Genesys cannot be reached', async () => {
    const port = await freePort();
    const error = await failure(
      testHttp(`http://127.0.0.1:${port}`, { retry: { ...FAST_RETRY, maxAttempts: 2 } }).request('GET', '/api/v2/x'),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      `Could not reach Genesys Cloud at 127.0.0.1:${port} — check the connection (internet, VPN or proxy).`,
    );
    expect((error as NetworkError).systemCode).toBe('ECONNREFUSED');
  });

  it('times out an attempt that gets no answer', async () => {
    const { baseUrl } = await serve(hang());
    const http = testHttp(baseUrl, { timeoutMs: 100, retry: { ...FAST_RETRY, maxAttempts: 1 } });
    const error = await failure(http.request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/did not answer within 0.1 seconds/);
  });

  it('does not repeat a job submission after an ambiguous failure, but does after a 503', async () => {
    const { baseUrl, requests } = await serve(script(fail(500), fail(503), ok({ jobId: 'j1' })));
    const http = testHttp(baseUrl);
    const error = await failure(http.request('POST', '/api/v2/jobs', { body: {}, idempotent: false }));
    expect(error).toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
    expect(await http.request('POST', '/api/v2/jobs', { body: {}, idempotent: false })).toEqual({ jobId: 'j1' });
    expect(requests).toHaveLength(3);
  });
});

describe('GenesysHttp: errors that are not retried', () => {
  it('shows Genesys’s message on a 400', async () => {
    const { baseUrl, requests } = await serve(
      script(
        fail(
          400,
          errorBody(400, 'bad.request', 'Pagination may not exceed 100000 results.', {
            messageWithParams: 'Pagination may not exceed {max} results.',
            messageParams: { max: '100000' },
          }),
        ),
      ),
    );
    const error = await failure(testHttp(baseUrl).request('POST', '/api/v2/analytics/x', { body: {} }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(
      'Genesys Cloud did not accept the request: Pagination may not exceed 100000 results. (Genesys Cloud reference: ctx-400)',
    );
    expect((error as BadRequestError).genesysMessage).toBe('Pagination may not exceed 100000 results.');
    expect((error as BadRequestError).contextId).toBe('ctx-400');
    expect(requests).toHaveLength(1);
  });

  it('lists the missing permissions of a 403 from messageParams', async () => {
    const { baseUrl } = await serve(
      script(
        fail(
          403,
          errorBody(
            403,
            'missing.permissions',
            'Unable to perform the requested action. You are missing the following permission(s): [analytics:conversationDetail:view, routing:queue:view]',
            { messageParams: { permissions: 'analytics:conversationDetail:view, routing:queue:view' } },
          ),
        ),
      ),
    );
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).permissions).toEqual(['analytics:conversationDetail:view', 'routing:queue:view']);
    expect(error.message).toMatch(
      /^Your Genesys Cloud account is missing the permissions this needs: analytics:conversationDetail:view, routing:queue:view\. Ask a Genesys Cloud admin/,
    );
  });

  it('explains a missing.any.permissions 403 from the message alone', async () => {
    const { baseUrl } = await serve(
      script(
        fail(403, {
          code: 'missing.any.permissions',
          message:
            'You must have at least one of the following permissions assigned: [analytics:conversationDetail:view, analytics:agentConversationDetail:view]',
        }),
      ),
    );
    const error = (await failure(testHttp(baseUrl).request('GET', '/api/v2/x'))) as PermissionError;
    expect(error.anyOf).toBe(true);
    expect(error.permissions).toEqual(['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view']);
    expect(error.message).toMatch(/^This needs at least one of these Genesys Cloud permissions/);
  });

  it('maps 404 to NotFoundError', async () => {
    const { baseUrl, requests } = await serve(script(fail(404, errorBody(404, 'not.found', 'nope'))));
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/analytics/conversations/details/jobs/abc'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(
      /^Genesys Cloud could not find GET \/api\/v2\/analytics\/conversations\/details\/jobs\/abc\./,
    );
    expect(requests).toHaveLength(1);
  });

  it('stops at once when the caller aborts mid-request', async () => {
    const { baseUrl } = await serve(hang());
    const http = testHttp(baseUrl);
    const controller = new AbortController();
    const pending = failure(http.request('GET', '/api/v2/slow', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = performance.now();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(CancelledError);
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(http.stats.snapshot()).toMatchObject({ requests: 1, failures: 1, retries: 0 });
  });

  it('does not start a request whose signal is already aborted', async () => {
    const { baseUrl, requests } = await serve(script(ok({})));
    const error = await failure(testHttp(baseUrl).request('GET', '/api/v2/x', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(requests).toHaveLength(0);
  });
});

describe('GenesysHttp: 401 and token refresh', () => {
  /** /oauth/token hands out tok-1, tok-2, …; the API answers with `api` for each call. */
  async function withTokens(api: (token: string, call: number) => { status: number; body: unknown }) {
    let issued = 0;
    let calls = 0;
    const srv = await serve((req, res) => {
      if (req.path === '/oauth/token') {
        issued++;
        return sendJson(res, 200, { access_token: `tok-${issued}`, token_type: 'bearer', expires_in: 86400 });
      }
      const answer = api((req.headers.authorization ?? '').replace('Bearer ', ''), ++calls);
      sendJson(res, answer.status, answer.body);
    });
    const tokens = clientCredentialsTokenSource({
      loginBase: srv.baseUrl,
      clientId: 'id',
      readSecret: () => Promise.resolve('s3cret'),
      retry: FAST_RETRY,
    });
    return { http: testHttp(srv.baseUrl, { tokens }), issued: () => issued, srv };
  }

  it('refreshes the token once after a 401 and succeeds', async () => {
    const { http, issued, srv } = await withTokens((token) =>
      token === 'tok-1'
        ? { status: 401, body: errorBody(401, 'credentials.expired', 'expired') }
        : { status: 200, body: { token } },
    );
    expect(await http.request('GET', '/api/v2/x')).toEqual({ token: 'tok-2' });
    expect(issued()).toBe(2);
    expect(srv.requests.filter((request) => request.path === '/api/v2/x')).toHaveLength(2);
    expect(http.stats.snapshot()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('gives up with AuthenticationError when the fresh token is refused too', async () => {
    const { http, issued, srv } = await withTokens(() => ({
      status: 401,
      body: errorBody(401, 'bad.credentials', 'Invalid login credentials.'),
    }));
    const error = await failure(http.request('GET', '/api/v2/x'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^Genesys Cloud refused the sign-in of this connection twice in a row/);
    expect(issued()).toBe(2);
    expect(srv.requests.filter((request) => request.path === '/api/v2/x')).toHaveLength(2);
  });

  it('tells the token source which token was refused', async () => {
    const tokens = new StaticTokens('the-refused-one');
    const { baseUrl } = await serve(script(fail(401), ok({ fine: true })));
    await testHttp(baseUrl, { tokens }).request('GET', '/api/v2/x');
    expect(tokens.invalidated).toEqual(['the-refused-one']);
  });
});

describe('GenesysHttp: stats', () => {
  it('counts requests and times them per endpoint, with ids folded, for the progress view', async () => {
    const { baseUrl } = await serve(
      script(ok({}), fail(503), ok({}), ok({}), fail(404, errorBody(404, 'not.found', 'gone'))),
    );
    const http = testHttp(baseUrl);
    const events: RequestEvent[] = [];
    const unsubscribe = http.stats.subscribe((event) => events.push(event));
    const job = '0c9a4d4e-5b5e-4d1e-9b0c-1f2e3d4c5b6a';
    await http.request('GET', `/api/v2/analytics/conversations/details/jobs/${job}`);
    await http.request('GET', `/api/v2/analytics/conversations/details/jobs/${job}`);
    await http.request('POST', '/api/v2/analytics/conversations/aggregates/query', { body: {} });
    await failure(http.request('GET', '/api/v2/users/me'));
    unsubscribe();

    const snapshot = http.stats.snapshot();
    expect(snapshot).toMatchObject({ requests: 5, retries: 1, failures: 1, rateLimited: 0 });
    expect(snapshot.endpoints['GET /api/v2/analytics/conversations/details/jobs/{id}']).toMatchObject({
      requests: 3,
      failures: 1,
    });
    expect(snapshot.endpoints['POST /api/v2/analytics/conversations/aggregates/query']?.requests).toBe(1);
    expect(snapshot.endpoints['GET /api/v2/users/me']?.failures).toBe(1);
    expect(events.map((event) => [event.status, event.outcome, event.attempt])).toEqual([
      [200, 'ok', 1],
      [503, 'retry', 1],
      [200, 'ok', 2],
      [200, 'ok', 1],
      [404, 'failed', 1],
    ]);
    expect(events.every((event) => event.ms >= 0)).toBe(true);
  });
});
