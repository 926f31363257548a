import { describe, expect, it } from 'vitest';
import { CancelledError, RateLimitError } from '../../../main/genesys/http/errors';
import { RateGovernor } from '../../../main/genesys/http/rate-governor';
import { FakeClock, settle } from './support/fake-clock';

/** Most acquisitions inside any window of `windowMs` starting at an acquisition. */
function busiestWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] ?? 0) < (sorted[i] ?? 0) + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((time, i) => time - (sorted[i] ?? 0));
}

/** `callers` workers each acquiring `each` times; resolves to all acquisition times. */
function workers(governor: RateGovernor, clock: FakeClock, callers: number, each: number): Promise<number[]> {
  const times: number[] = [];
  return Promise.all(
    Array.from({ length: callers }, async () => {
      for (let n = 0; n < each; n++) {
        await governor.acquire();
        times.push(clock.now());
      }
    }),
  ).then(() => times);
}

describe('RateGovernor', () => {
  it('keeps 20 concurrent callers under 60/min in every window, evenly spaced, near the limit', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ limitPerMinute: 60, clock });
    const start = clock.now();
    const times = await clock.runUntilSettled(workers(governor, clock, 20, 10));

    expect(times).toHaveLength(200);
    expect(busiestWindow(times)).toBeLessThanOrEqual(60);
    // Smooth pacing, no bursts: every gap is the interval 60 s / (60 × 0.95).
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(60_000 / 57 - 1);
    const perMinute = (times.length - 1) / ((clock.now() - start) / 60_000);
    expect(perMinute).toBeGreaterThanOrEqual(0.9 * 60);
  });

  it('lets the first caller through at once and after an idle spell does not burst', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ limitPerMinute: 60, fraction: 1, clock });
    const t0 = clock.now();
    await governor.acquire();
    expect(clock.now()).toBe(t0);
    await clock.advance(600_000);
    const times = await clock.runUntilSettled(workers(governor, clock, 5, 1));
    expect(gaps(times)).toEqual([1000, 1000, 1000, 1000]);
  });

  it('pauses every caller, including those already waiting, until Retry-After, then resumes paced', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ limitPerMinute: 60, fraction: 1, clock });
    const all = workers(governor, clock, 10, 3);
    await clock.advance(2_500); // three acquisitions at 0, 1 s, 2 s
    const pausedAt = clock.now();
    governor.pause(10_000);
    expect(governor.pausedUntil).toBe(pausedAt + 10_000);
    const times = await clock.runUntilSettled(all);

    const during = times.filter((time) => time > pausedAt && time < pausedAt + 10_000);
    expect(during).toEqual([]);
    const after = times.filter((time) => time >= pausedAt + 10_000);
    expect(after[0]).toBe(pausedAt + 10_000);
    expect(Math.min(...gaps(after))).toBeGreaterThanOrEqual(1000);
    expect(times).toHaveLength(30);
  });

  it('a shorter pause never shortens a longer one', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ clock });
    governor.pause(20_000);
    governor.pause(5_000);
    expect(governor.pausedUntil).toBe(clock.now() + 20_000);
    await settle();
  });

  it('gives up at once, without waiting, when the shared pause is longer than 180 s', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ clock });
    governor.pause(600_000);
    const error = await governor.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toMatch(/^Genesys Cloud asked us to wait 10 minutes/);
    expect(clock.pendingTimers).toBe(0);
    // Once the remaining pause is within 180 s, callers wait it out instead.
    await clock.advance(430_000);
    const waiting = governor.acquire();
    await clock.runUntilSettled(waiting);
    expect(clock.now()).toBe(governor.pausedUntil);
  });

  it('adopts the limit Genesys reports in inin-ratelimit-allowed', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ limitPerMinute: 300, fraction: 1, clock });
    governor.observe(new Headers({ 'inin-ratelimit-allowed': '120' }));
    expect(governor.limitPerMinute).toBe(120);
    expect(governor.intervalMs).toBe(500);
    governor.observe(new Headers({ 'inin-ratelimit-allowed': 'lots' }));
    governor.observe(new Headers({ 'inin-ratelimit-allowed': '0' }));
    expect(governor.limitPerMinute).toBe(120);
    const times = await clock.runUntilSettled(workers(governor, clock, 3, 2));
    expect(gaps(times)).toEqual([500, 500, 500, 500, 500]);
  });

  it('waits for the window to reset when Genesys says it is already full (another tool on the token)', () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ clock });
    governor.observe(
      new Headers({ 'inin-ratelimit-allowed': '300', 'inin-ratelimit-count': '300', 'inin-ratelimit-reset': '12' }),
    );
    expect(governor.pausedUntil).toBe(clock.now() + 12_000);
    governor.observe(
      new Headers({ 'inin-ratelimit-allowed': '300', 'inin-ratelimit-count': '12', 'inin-ratelimit-reset': '50' }),
    );
    expect(governor.pausedUntil).toBe(clock.now() + 12_000);
  });

  it('stops waiting when the caller aborts', async () => {
    const clock = new FakeClock();
    const governor = new RateGovernor({ limitPerMinute: 60, clock });
    await governor.acquire();
    const controller = new AbortController();
    const waiting = governor.acquire(controller.signal).catch((caught: unknown) => caught);
    await settle();
    controller.abort();
    expect(await waiting).toBeInstanceOf(CancelledError);
    expect(clock.pendingTimers).toBe(0);
  });

  it('refuses nonsense settings', () => {
    expect(() => new RateGovernor({ limitPerMinute: 0 })).toThrow(RangeError);
    expect(() => new RateGovernor({ fraction: 1.5 })).toThrow(RangeError);
  });
});
