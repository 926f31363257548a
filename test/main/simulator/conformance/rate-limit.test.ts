/**
 * The per-token rate limit through the official SDK (fact sheet §3.2–3.4):
 * a 429 ErrorBody with the Genesys message and limit, `Retry-After` that is
 * exact, and a budget per token. A small limit and a hand-moved wall clock
 * keep it fast; the SDK's extended responses expose the headers.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, startConformance, type Conformance } from './support';

const LIMIT = 5;

let h: Conformance;
let wall = NOW;

beforeAll(async () => {
  h = await startConformance({ limits: { requestsPerMinute: LIMIT }, clock: () => wall });
});

afterAll(async () => {
  h.client.setReturnExtendedResponses(false);
  await h.close();
});

/** What the SDK resolves or rejects with when extended responses are on. */
interface Extended {
  status: number;
  headers: Record<string, string>;
  body: Models.ErrorBody;
}

async function attempt(): Promise<Extended> {
  h.client.setReturnExtendedResponses(true);
  try {
    return (await h.organization.getOrganizationsMe()) as unknown as Extended;
  } catch (error) {
    return error as Extended;
  } finally {
    h.client.setReturnExtendedResponses(false);
  }
}

describe('rate limit', () => {
  it('refuses the request over the limit with a 429 ErrorBody, Retry-After and the limit that was hit', async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const ok = await attempt();
      expect(ok.status).toBe(200);
      expect(ok.headers).toMatchObject({ 'inin-ratelimit-allowed': String(LIMIT), 'inin-ratelimit-count': String(i) });
    }
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'too.many.requests',
      message: 'Rate limit exceeded the maximum. Retry the request in [60] seconds',
      limit: { key: 'client.credentials.token.rate.per.minute', namespace: 'platform.api', value: LIMIT },
    });
    expect(refused.body.contextId).toBe(refused.headers['inin-correlation-id']);
  });

  it('counts down Retry-After as time passes, and waiting exactly that long succeeds', async () => {
    wall += 45_000;
    const still = await attempt();
    expect(still.status).toBe(429);
    expect(still.headers['retry-after']).toBe('15');
    wall += Number(still.headers['retry-after']) * 1000;
    expect((await attempt()).status).toBe(200);
  });

  it('gives every token its own budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await attempt()).status);
    expect(statuses.at(-1)).toBe(429);
    await h.signInAsClient();
    expect((await attempt()).status).toBe(200);
    const tokens = new Set(
      h.sim.requests
        .list()
        .map((r) => r.tokenId)
        .filter((id) => id !== null),
    );
    expect(tokens.size).toBe(2);
  });
});
