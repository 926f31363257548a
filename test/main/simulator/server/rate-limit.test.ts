import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientCredentialsToken, pkceToken, startFake, type FakeSimulator } from './helpers';

let fake: FakeSimulator;
let now = Date.parse('2026-11-20T12:00:00Z');

beforeAll(async () => {
  fake = await startFake({ clock: () => now, limits: { requestsPerMinute: 3 } });
});
afterAll(() => fake.sim.close());

const ORG = '/api/v2/organizations/me';

describe('per-token rate limit (sliding 60 s window)', () => {
  it('counts requests in the inin-ratelimit headers and refuses the one over the limit with the true wait', async () => {
    const token = await clientCredentialsToken(fake.sim);
    const first = await call(fake.sim, ORG, { token });
    expect(first.headers.get('inin-ratelimit-allowed')).toBe('3');
    expect(first.headers.get('inin-ratelimit-count')).toBe('1');
    expect(first.headers.get('inin-ratelimit-reset')).toBe('60');
    now += 20_000;
    await call(fake.sim, ORG, { token });
    now += 20_000;
    expect((await call(fake.sim, ORG, { token })).headers.get('inin-ratelimit-count')).toBe('3');

    now += 5_500;
    const refused = await call(fake.sim, ORG, { token });
    expect(refused.status).toBe(429);
    // The first request (at t=0) leaves the window at t=60 s; it is now t=45.5 s.
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'too.many.requests',
      message: 'Rate limit exceeded the maximum. Retry the request in [15] seconds',
      limit: { key: 'client.credentials.token.rate.per.minute', namespace: 'platform.api', value: 3 },
    });
    expect(refused.body.contextId).toBe(refused.headers.get('inin-correlation-id'));

    now += 14_000;
    expect((await call(fake.sim, ORG, { token })).headers.get('retry-after')).toBe('1');
    now += 1_000;
    const recovered = await call(fake.sim, ORG, { token });
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('inin-ratelimit-count')).toBe('3');
  });

  it('keeps a separate budget per token', async () => {
    const a = await clientCredentialsToken(fake.sim);
    const b = await pkceToken(fake.sim);
    for (let i = 0; i < 3; i++) await call(fake.sim, ORG, { token: a });
    expect((await call(fake.sim, ORG, { token: a })).status).toBe(429);
    const other = await call(fake.sim, ORG, { token: b });
    expect(other.status).toBe(200);
    expect(other.headers.get('inin-ratelimit-count')).toBe('1');
  });

  it('does not count requests without a valid token or refused ones', async () => {
    const token = await clientCredentialsToken(fake.sim);
    for (let i = 0; i < 5; i++) await call(fake.sim, ORG, { token: 'bogus' });
    for (let i = 0; i < 3; i++) expect((await call(fake.sim, ORG, { token })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await call(fake.sim, ORG, { token })).status).toBe(429);
    now += 60_000;
    expect((await call(fake.sim, ORG, { token })).status).toBe(200);
  });
});
