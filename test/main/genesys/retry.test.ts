import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  CLIENT_CREDENTIALS_REJECTED,
} from '../../../main/genesys/http/errors';
import { DEFAULT_RETRY_POLICY, decideRetry, retryDelayMs, withRetries } from '../../../main/genesys/http/retry';
import { FakeClock } from './support/fake-clock';

const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };

describe('decideRetry', () => {
  it.each([
    ['408', new ServerError(408)],
    ['429', new RateLimitError(2)],
    ['429 without Retry-After', new RateLimitError(undefined)],
    ['500', new ServerError(500)],
    ['502', new ServerError(502)],
    ['503', new ServerError(503)],
    ['504', new ServerError(504)],
    ['a refused connection', new NetworkError('api.mypurecloud.com', 'unreachable', 'ECONNREFUSED')],
    ['a dropped connection', new NetworkError('api.mypurecloud.com', 'interrupted')],
    ['truncated JSON', new NetworkError('api.mypurecloud.com', 'truncated')],
    ['a timeout', new NetworkError('api.mypurecloud.com', 'timeout')],
  ])('retries %s', (_name, error) => {
    expect(decideRetry(error, 1, 0, policy).retry).toBe(true);
  });

  it.each([
    ['400', new BadRequestError('bad')],
    ['401', new AuthenticationError(CLIENT_CREDENTIALS_REJECTED)],
    ['403', new PermissionError(['a:b:c'], false, undefined)],
    ['404', new NotFoundError('x')],
    ['429 asking for more than 180 s', new RateLimitError(181)],
    ['an unexpected status', new ServerError(302)],
    ['a cancellation', new CancelledError()],
    ['a programming error', new TypeError('x')],
  ])('does not retry %s', (_name, error) => {
    expect(decideRetry(error, 1, 0, policy)).toEqual({ retry: false });
  });

  it('waits what Genesys asked on a 429, 3 s when it did not say', () => {
    expect(retryDelayMs(new RateLimitError(7), 1, policy)).toBe(7000);
    expect(retryDelayMs(new RateLimitError(undefined), 1, policy)).toBe(3000);
  });

  it('backs off exponentially with jitter between half and all of each step, up to the cap', () => {
    const low = { ...policy, random: () => 0 };
    const high = { ...policy, random: () => 0.999999 };
    const error = new ServerError(503);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(error, attempt, low))).toEqual([
      500, 1500, 4500, 13500, 15000,
    ]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(error, attempt, high))).toEqual([
      1000, 3000, 9000, 27000, 30000,
    ]);
  });

  it('honours a Retry-After on a 503 when it is longer than the backoff', () => {
    const error = new ServerError(503, { retryAfterMs: 20_000 });
    expect(retryDelayMs(error, 1, policy)).toBe(20_000);
  });

  it('caps attempts and total time', () => {
    const error = new ServerError(500);
    expect(decideRetry(error, 5, 0, policy).retry).toBe(true);
    expect(decideRetry(error, 6, 0, policy).retry).toBe(false);
    expect(decideRetry(error, 1, policy.maxTotalMs - 10, policy).retry).toBe(false);
  });
});

describe('withRetries', () => {
  it('repeats until success, sleeping the backoff on the clock', async () => {
    const clock = new FakeClock();
    const started = clock.now();
    let calls = 0;
    const result = await clock.runUntilSettled(
      withRetries(
        () => {
          calls++;
          return calls < 3 ? Promise.reject(new ServerError(503)) : Promise.resolve('done');
        },
        { policy, clock },
      ),
    );
    expect(result).toBe('done');
    expect(clock.now() - started).toBe(750 + 2250);
  });

  it('throws the last error as is when it may not retry', async () => {
    const clock = new FakeClock();
    const error = new BadRequestError('nope');
    await expect(withRetries(() => Promise.reject(error), { policy, clock })).rejects.toBe(error);
  });
});
