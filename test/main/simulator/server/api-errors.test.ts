import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientCredentialsToken, startFake, type FakeSimulator } from './helpers';

let fake: FakeSimulator;
let token: string;
const interval = '2026-11-20T00:00:00.000Z/2026-11-21T00:00:00.000Z';

beforeAll(async () => {
  fake = await startFake({
    clients: [
      {
        clientId: 'full',
        clientSecret: 's1',
        name: 'Full',
        grants: ['client_credentials'],
        redirectUris: [],
        permissions: ['analytics:conversationDetail:view', 'routing:queue:view'],
      },
      {
        clientId: 'bare',
        clientSecret: 's2',
        name: 'Bare',
        grants: ['client_credentials'],
        redirectUris: [],
        permissions: [],
      },
    ],
  });
  token = await clientCredentialsToken(fake.sim, 'full', 's1');
});
afterAll(() => fake.sim.close());

describe('ErrorBody on every error', () => {
  it('carries message, code, status, messageParams and a contextId equal to inin-correlation-id', async () => {
    const res = await call(fake.sim, '/api/v2/routing/queues', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'bad.credentials',
      message: 'Invalid login credentials.',
      messageParams: {},
    });
    expect(res.body.contextId).toBe(res.headers.get('inin-correlation-id'));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('says a bearer token is missing when there is none', async () => {
    const res = await call(fake.sim, '/api/v2/routing/queues');
    expect(res.body).toMatchObject({
      status: 401,
      code: 'authentication.required',
      message: 'No authentication bearer token specified in authorization header.',
    });
  });

  it('names the missing permissions in message and messageParams (403)', async () => {
    const bare = await clientCredentialsToken(fake.sim, 'bare', 's2');
    const one = await call(fake.sim, '/api/v2/routing/wrapupcodes', { token });
    expect(one.status).toBe(403);
    expect(one.body).toMatchObject({
      code: 'missing.permissions',
      message:
        'Unable to perform the requested action. You are missing the following permission(s): [routing:wrapupCode:view]',
      messageParams: { permissions: 'routing:wrapupCode:view' },
    });
    const anyOf = await call(fake.sim, '/api/v2/analytics/conversations/details/query', {
      token: bare,
      json: { interval },
    });
    expect(anyOf.status).toBe(403);
    expect(anyOf.body.code).toBe('missing.any.permissions');
    expect(anyOf.body.message).toContain('[analytics:conversationDetail:view, analytics:agentConversationDetail:view]');
  });

  it('answers unknown routes and wrong methods with 404 not.found', async () => {
    for (const [method, path] of [
      ['GET', '/api/v2/analytics/queues/summary'],
      ['GET', '/api/v2/analytics/conversations/details/query'],
      ['GET', '/nowhere'],
    ] as const) {
      const res = await call(fake.sim, path, { token, method });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, code: 'not.found' });
    }
  });

  it('refuses bodies over 512000 bytes with 413 and the limit in the message', async () => {
    const padding = 'x'.repeat(512_001);
    const res = await call(fake.sim, '/api/v2/analytics/conversations/details/query', {
      token,
      body: JSON.stringify({ interval, padding }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'request.entity.too.large',
      message: 'The request is over the size limit. Maximum bytes: 512000',
    });
  });

  it('refuses malformed JSON, non-object bodies and non-JSON content types', async () => {
    const path = '/api/v2/analytics/conversations/details/query';
    const malformed = await call(fake.sim, path, { token, body: '{"interval": ' });
    expect(malformed.body).toMatchObject({ status: 400, code: 'bad.request' });
    expect(malformed.body.message).toBe('The request could not be understood by the server due to malformed syntax.');
    const array = await call(fake.sim, path, { token, body: '[]' });
    expect(array.body).toMatchObject({ status: 400, message: 'The request body must be a JSON object.' });
    const text = await call(fake.sim, path, { token, body: JSON.stringify({ interval }), contentType: 'text/plain' });
    expect(text.body).toMatchObject({ status: 415, code: 'unsupported.media.type' });
  });

  it('passes engine 4xx through and hides engine crashes behind a plain 500', async () => {
    const missing = await call(fake.sim, '/api/v2/analytics/conversations/nope/details', { token });
    expect(missing.body).toMatchObject({ status: 404, message: 'Conversation nope was not found.' });
    const crash = await call(fake.sim, '/api/v2/analytics/conversations/details/query', {
      token,
      json: { interval: 'explode' },
    });
    expect(crash.status).toBe(500);
    expect(crash.body.code).toBe('internal.server.error');
    expect(JSON.stringify(crash.body)).not.toContain('secret');
  });

  it('checks query parameters with a precise message', async () => {
    const big = await call(fake.sim, '/api/v2/routing/queues?pageSize=101', { token });
    expect(big.body).toMatchObject({
      status: 400,
      code: 'invalid.value',
      message: "Invalid value '101' for query parameter 'pageSize': it must be a whole number from 1 to 100.",
    });
    const state = await call(fake.sim, '/api/v2/users?state=gone', { token });
    expect(state.body.message).toBe(
      "Invalid value 'gone' for query parameter 'state': it must be one of active, inactive, deleted, any.",
    );
    const jobs = await call(fake.sim, '/api/v2/analytics/conversations/details/jobs/job-1/results?pageSize=abc', {
      token,
    });
    expect(jobs.body).toMatchObject({ status: 400, code: 'invalid.value' });
  });
});
