import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoreHost, startCoreWorker } from '../../../main/worker/core-host';
import { CLOSING_MESSAGE, RESTARTED_MESSAGE, STOPPED_MESSAGE } from '../../../main/worker/messages';
import { builtWorkerEntry } from '../../../main/worker/worker-entry';
import { makeTempDir } from '../../support/temp-dir';
import { heartbeatSize } from './support/heartbeat';
import { IDENTITY, TEST_WORKER, startTestHost, type TestHost } from './support/test-host';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the heartbeat file stops growing, i.e. no worker thread of this host runs any more. */
async function expectThreadGone(dataDir: string): Promise<void> {
  const before = heartbeatSize(dataDir);
  await pause(100);
  expect(heartbeatSize(dataDir)).toBe(before);
}

describe('a worker that dies', { timeout: 30_000 }, () => {
  let running: TestHost | undefined;
  afterEach(() => running?.dispose());

  it.each(['test/crash', 'test/exit'])(
    'after %s: waiting calls get a clean envelope, it is reported, and a fresh worker carries on',
    async (death) => {
      running = await startTestHost();
      const { host, logs } = running;
      await host.dispatch('settings/update', { durationFormat: 'seconds' });
      const waiting = host.dispatch('test/hang', undefined);
      const dying = host.dispatch(death, undefined);
      const restarted = { ok: false, error: { code: 'unavailable', message: RESTARTED_MESSAGE } };
      expect(await waiting).toEqual(restarted);
      expect(await dying).toEqual(restarted);
      expect(logs.join('\n')).toMatch(/stopped unexpectedly/);
      // The replacement serves the same data folder.
      expect(await host.dispatch('settings/get', undefined)).toMatchObject({
        ok: true,
        value: { durationFormat: 'seconds' },
      });
    },
  );

  it('is restarted only once: after a second death every call is told to restart the app', async () => {
    running = await startTestHost();
    const { host } = running;
    await host.dispatch('test/crash', undefined);
    expect(await host.dispatch('app/info', {})).toMatchObject({ ok: true });
    const stopped = { ok: false, error: { code: 'unavailable', message: STOPPED_MESSAGE } };
    expect(await host.dispatch('test/crash', undefined)).toEqual(stopped);
    expect(await host.dispatch('app/info', {})).toEqual(stopped);
    await expectThreadGone(running.dataDir);
  });

  it('logs a forgotten rejection inside the worker and keeps serving', async () => {
    running = await startTestHost();
    expect(await running.host.dispatch('test/forgotten-rejection', undefined)).toEqual({
      ok: true,
      value: 'carried on',
    });
    await vi.waitFor(() => expect(running?.logs.join('\n')).toContain('nobody awaited this'), { timeout: 10_000 });
    expect(await running.host.dispatch('app/info', {})).toMatchObject({ ok: true });
  });
});

describe('closing', { timeout: 30_000 }, () => {
  it('answers waiting calls, stops the thread, and refuses later calls', async () => {
    const running = await startTestHost();
    const waiting = running.host.dispatch('test/hang', undefined);
    await vi.waitFor(() => expect(heartbeatSize(running.dataDir)).toBeGreaterThan(0), { timeout: 10_000 });
    await running.host.close();
    const closing = { ok: false, error: { code: 'unavailable', message: CLOSING_MESSAGE } };
    expect(await waiting).toEqual(closing);
    expect(await running.host.dispatch('app/info', {})).toEqual(closing);
    await expectThreadGone(running.dataDir);
    expect(running.logs.join('\n')).not.toMatch(/stopped unexpectedly/);
    await running.dispose();
  });

  it('stops a worker that is stuck and cannot answer, after the grace period', async () => {
    const running = await startTestHost({ closeTimeoutMs: 200 });
    await running.host.dispatch('test/block', undefined);
    await pause(50);
    const started = performance.now();
    await running.host.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    await expectThreadGone(running.dataDir);
    await running.dispose();
  });

  it('can close a worker that is still starting', async () => {
    const data = makeTempDir('worker-early-close');
    const host = createCoreHost({ entry: TEST_WORKER, dataDir: data.path, identity: IDENTITY, log: () => undefined });
    const call = host.dispatch('app/info', {});
    await host.close();
    await expect(host.ready).rejects.toThrow(/did not start/);
    expect(await call).toEqual({ ok: false, error: { code: 'unavailable', message: CLOSING_MESSAGE } });
    await expectThreadGone(data.path);
    data.remove();
  });
});

describe('a worker that cannot start', { timeout: 30_000 }, () => {
  it('rejects, with the reason in the log, when the core cannot be created', async () => {
    const data = makeTempDir('worker-bad-data');
    const notAFolder = join(data.path, 'file');
    writeFileSync(notAFolder, 'x');
    const logs: string[] = [];
    await expect(
      startCoreWorker({ entry: TEST_WORKER, dataDir: notAFolder, identity: IDENTITY, log: (m) => logs.push(m) }),
    ).rejects.toThrow(/did not start/);
    expect(logs.join('\n')).toMatch(/could not start: .*(EEXIST|ENOTDIR)/);
    data.remove();
  });

  it('rejects when the worker script is missing (e.g. a broken install)', async () => {
    const data = makeTempDir('worker-missing');
    await expect(
      startCoreWorker({
        entry: builtWorkerEntry(join(data.path, 'no-such-folder')),
        dataDir: data.path,
        identity: IDENTITY,
        log: () => undefined,
      }),
    ).rejects.toThrow(/Cannot find module/);
    data.remove();
  });
});
