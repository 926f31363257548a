import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import type { EventName } from '../../../preload/contract/names';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';
import { freePort } from '../genesys/support/scripted-server';

describe('core operations', () => {
  let data: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    data = makeTempDir('core-ops');
    core = createTestCore(data.path);
  });
  afterEach(() => data.remove());

  it('app/info reports the version, data folder and the bytes the cache uses', async () => {
    const before = await core.dispatch('app/info', undefined);
    expect(before).toMatchObject({ ok: true, value: { name: 'ReportDesk', dataDir: data.path, cacheBytes: 0 } });
    mkdirSync(join(data.path, 'cache', 'wal'), { recursive: true });
    writeFileSync(join(data.path, 'cache', 'reportdesk.sqlite'), Buffer.alloc(4096));
    writeFileSync(join(data.path, 'cache', 'wal', 'x'), Buffer.alloc(100));
    writeFileSync(join(data.path, 'settings.json'), '{}');
    expect(await core.dispatch('app/info', {})).toMatchObject({ ok: true, value: { cacheBytes: 4196 } });
  });

  it('connections/list always offers the Demo organization as the default', async () => {
    expect(await core.dispatch('connections/list', undefined)).toEqual({
      ok: true,
      value: [expect.objectContaining({ id: 'demo', kind: 'demo', name: 'Demo organization', isDefault: true })],
    });
  });

  it('settings survive a restart and announce changes', async () => {
    const seen: [EventName, unknown][] = [];
    core.events.subscribe((name, payload) => seen.push([name, payload]));
    await core.dispatch('settings/update', { timeZone: 'America/Chicago' });
    await core.dispatch('settings/update', { durationFormat: 'seconds' });
    expect(seen.at(-1)).toEqual([
      'settings/changed',
      { timeZone: 'America/Chicago', durationFormat: 'seconds', csvDelimiter: ',', connectionId: 'demo' },
    ]);
    const restarted = createTestCore(data.path);
    expect(await restarted.dispatch('settings/get', undefined)).toEqual({
      ok: true,
      value: { timeZone: 'America/Chicago', durationFormat: 'seconds', csvDelimiter: ',', connectionId: 'demo' },
    });
  });

  it('a damaged settings file falls back to defaults field by field instead of failing', async () => {
    writeFileSync(join(data.path, 'settings.json'), '{"timeZone":"Nowhere/Atlantis","durationFormat":"seconds"');
    expect(await createTestCore(data.path).dispatch('settings/get', undefined)).toEqual({
      ok: true,
      value: { timeZone: null, durationFormat: 'hms', csvDelimiter: ',', connectionId: 'demo' },
    });
    writeFileSync(join(data.path, 'settings.json'), '{"timeZone":"Nowhere/Atlantis","durationFormat":"seconds"}');
    expect(await createTestCore(data.path).dispatch('settings/get', undefined)).toEqual({
      ok: true,
      value: { timeZone: null, durationFormat: 'seconds', csvDelimiter: ',', connectionId: 'demo' },
    });
  });

  it('connections/test reports an unreachable host within seconds, not after a minute of retries', async () => {
    const added = await core.dispatch('connections/add', {
      name: 'Nowhere',
      environment: `http://127.0.0.1:${await freePort()}`,
      method: 'client-credentials',
      clientId: 'reportdesk-test',
      clientSecret: 'not-a-real-secret',
    });
    expect(added).toMatchObject({ ok: true });
    const connectionId = (added as { value: { id: string } }).value.id;
    const started = Date.now();
    const tested = await core.dispatch('connections/test', { connectionId });
    // A run's retry policy would wait 1 + 3 + 9 + 27 s before giving up; the test retries once.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(tested).toMatchObject({ ok: true, value: { ok: false } });
    expect((tested as { value: { message: string } }).value.message).toMatch(
      /^Could not reach Genesys Cloud at 127\.0\.0\.1:\d+ — check the connection/,
    );
  }, 60_000);

  it('setting the time zone back to null follows the computer again', async () => {
    await core.dispatch('settings/update', { timeZone: 'Asia/Tokyo' });
    expect(await core.dispatch('settings/update', { timeZone: null })).toMatchObject({ value: { timeZone: null } });
  });
});
