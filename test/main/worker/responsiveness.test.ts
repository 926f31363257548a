import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './support/test-host';

/**
 * The point of the worker: heavy SQLite work in the core leaves the main thread free. The bound is loose on
 * purpose (a shared 2-core machine); the real figures are in the cache benchmark, section (g).
 */
describe('the main thread while the core works', { timeout: 60_000 }, () => {
  let running: TestHost;
  beforeAll(async () => {
    running = await startTestHost();
  }, 30_000);
  afterAll(() => running.dispose());

  it('keeps serving its own timers while the worker ingests 20,000 conversations', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    delay.enable();
    const result = await running.host.dispatch('test/ingest', { count: 20_000 });
    delay.disable();
    clearInterval(timer);
    expect(result).toEqual({ ok: true, value: { written: 20_000 } });
    // The ingest blocked the worker for a while, and the main thread kept ticking through it.
    expect(ticks).toBeGreaterThan(20);
    expect(delay.percentile(99) / 1e6).toBeLessThan(200);
  });
});
