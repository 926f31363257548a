import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../../main/simulator/server/index';
import { clientCredentialsToken, startFake } from './helpers';

type Outcome = 'ok' | '429' | '5xx' | 'broken';

interface Observed {
  outcome: Outcome;
  status?: number;
  retryAfter?: string | null;
  ms: number;
}

/** What a client notices: a status, or a request/body that fails outright. */
async function observe(sim: RunningSimulator, token: string): Promise<Observed> {
  const started = performance.now();
  try {
    const res = await fetch(`${sim.baseUrl}/api/v2/organizations/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    JSON.parse(text);
    const ms = performance.now() - started;
    if (res.status === 429) return { outcome: '429', status: 429, retryAfter: res.headers.get('retry-after'), ms };
    if (res.status >= 500) return { outcome: '5xx', status: res.status, ms };
    return { outcome: 'ok', status: res.status, ms };
  } catch {
    return { outcome: 'broken', ms: performance.now() - started };
  }
}

let sims: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
  sims = [];
});

async function start(faults: Record<string, number | string>) {
  const { sim } = await startFake({ faults, limits: { requestsPerMinute: 100_000 } });
  sims.push(sim);
  return { sim, token: await clientCredentialsToken(sim) };
}

describe('fault injection', () => {
  it('produces each advertised failure at roughly its configured rate', async () => {
    const { sim, token } = await start({ '429': 0.2, '5xx': 0.15, reset: 0.1, truncate: 0.1, slow: 0.1, slowMs: 40 });
    const n = 400;
    const seen: Observed[] = [];
    for (let i = 0; i < n; i++) seen.push(await observe(sim, token));
    const share = (outcome: Outcome) => seen.filter((item) => item.outcome === outcome).length / n;
    // Binomial with n=400: four standard deviations are at most 0.08.
    expect(Math.abs(share('429') - 0.2)).toBeLessThan(0.08);
    expect(Math.abs(share('5xx') - 0.15)).toBeLessThan(0.08);
    expect(Math.abs(share('broken') - 0.2)).toBeLessThan(0.08);
    for (const item of seen.filter((entry) => entry.outcome === '429')) expect(['1', '2']).toContain(item.retryAfter);
    expect(new Set(seen.filter((item) => item.outcome === '5xx').map((item) => item.status))).toEqual(
      new Set([500, 503, 504]),
    );

    const log = sim.requests.list().filter((record) => record.path === '/api/v2/organizations/me');
    expect(log).toHaveLength(n);
    const slow = log.filter((record) => record.faults.includes('slow'));
    expect(Math.abs(slow.length / n - 0.1)).toBeLessThan(0.08);
    for (const record of slow) expect(record.ms).toBeGreaterThanOrEqual(35);
    // The log and the client agree on every request.
    log.forEach((record, index) => {
      const outcome = seen[index]?.outcome;
      const breaking = record.faults.find((kind) => kind !== 'slow');
      const expected: Outcome = breaking === 'reset' || breaking === 'truncate' ? 'broken' : (breaking ?? 'ok');
      expect(outcome).toBe(expected);
    });
  });

  it('never hands a client a truncated body it could mistake for complete JSON', async () => {
    const { sim, token } = await start({ truncate: 1 });
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${sim.baseUrl}/api/v2/organizations/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
    }
  });

  it('repeats the same faults for the same seed and request order', async () => {
    const faults = { '429': 0.3, '5xx': 0.2, seed: 'repeat-me' };
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { sim, token } = await start(faults);
      for (let i = 0; i < 40; i++) await observe(sim, token);
      runs.push(sim.requests.list().map((record) => `${record.status ?? 'none'}:${record.faults.join('+')}`));
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(new Set(runs[0]).size).toBeGreaterThan(1);
  });

  it('can be switched on and off mid-run and leaves /oauth alone', async () => {
    const { sim, token } = await start({ '5xx': 1 });
    expect((await observe(sim, token)).outcome).toBe('5xx');
    // Sign-in still works while every API call fails.
    await expect(clientCredentialsToken(sim)).resolves.toBeTruthy();
    sim.setFaults({});
    expect((await observe(sim, token)).outcome).toBe('ok');
    sim.setFaults({ reset: 1 });
    expect((await observe(sim, token)).outcome).toBe('broken');
    expect(() => sim.setFaults({ '429': 0.7, '5xx': 0.7 })).toThrow(/add up to at most 1/);
  });
});

describe('request log', () => {
  it('lists every request with method, path, status, token id and timing, and can be cleared', async () => {
    const { sim, token } = await start({});
    await fetch(`${sim.baseUrl}/api/v2/users?state=any`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${sim.baseUrl}/api/v2/nothing`, { headers: { authorization: `Bearer ${token}` } });
    const log = sim.requests.list();
    expect(log.map((record) => [record.method, record.path, record.status, record.tokenId])).toEqual([
      ['POST', '/oauth/token', 200, null],
      ['GET', '/api/v2/users?state=any', 200, 't1'],
      ['GET', '/api/v2/nothing', 404, 't1'],
    ]);
    expect(log.every((record) => record.ms >= 0 && record.faults.length === 0)).toBe(true);
    expect(JSON.stringify(log)).not.toContain(token);
    sim.requests.clear();
    expect(sim.requests.list()).toEqual([]);
    await fetch(`${sim.baseUrl}/api/v2/users`);
    expect(sim.requests.list()).toMatchObject([{ seq: 4, status: 401, tokenId: null }]);
  });
});
