import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore, saveClientSecret } from '../../../main/genesys';
import { DEFAULT_TUNABLES } from '../../../main/sync/index';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';
import { killAfterRows, startSyncChild } from '../sync/support/sync-child';
import { CONNECTION, DAY, HOUR, SyncFixture, detailsSpec } from '../sync/support/sync-fixture';

/** A run killed mid-way (the app crashed) continues by itself when the app starts again, while online. */
describe('interrupted runs at start-up', { timeout: 120_000 }, () => {
  let fx: SyncFixture;
  const data = makeTempDir('resume-at-start');
  const file = join(data.path, 'cache', 'cache.sqlite');
  beforeAll(async () => {
    fx = await SyncFixture.start({ settings: { perDay: 400 }, limits: { requestsPerMinute: 900 } });
  });
  afterAll(async () => {
    await fx.dispose();
    data.remove();
  });

  it('resumes the run in the background and ends with every conversation of the range', async () => {
    const end = fx.availability() - DEFAULT_TUNABLES.jobTailMs + 3 * HOUR;
    const range = { start: end - 3 * DAY, end };
    const truth = fx.truthIds(range.start, range.end);
    mkdirSync(join(data.path, 'cache'), { recursive: true });
    const child = startSyncChild(fx, file, detailsSpec(range.start, range.end), {
      jobPageSize: 50,
      detailsPageSize: 50,
      progressIntervalMs: 0,
    });
    await killAfterRows(child, truth.length / 4);

    const count = () => {
      const db = new Database(file, { readonly: true });
      try {
        const ids = db.prepare('SELECT conversation_id FROM conversations ORDER BY conversation_id').pluck().all();
        const states = db.prepare('SELECT state FROM runs').pluck().all();
        return { ids: ids as string[], states: states as string[] };
      } finally {
        db.close();
      }
    };
    expect(count().states).toEqual(['running']);
    expect(count().ids.length).toBeLessThan(truth.length);

    writeFileSync(
      join(data.path, 'connections.json'),
      JSON.stringify([
        {
          id: CONNECTION,
          name: 'Test org',
          environment: fx.sim.baseUrl,
          method: 'client-credentials',
          clientId: fx.sim.clientId,
        },
      ]),
    );
    const secrets = new MemorySecretStore();
    await saveClientSecret(secrets, CONNECTION, fx.sim.clientSecret);
    const core = createTestCore(data.path, { secrets, now: fx.now });
    try {
      await expect.poll(() => count().states, { timeout: 90_000, interval: 250 }).toEqual(['done']);
      expect(count().ids.filter((id) => truth.includes(id))).toEqual(truth);
    } finally {
      await core.close();
    }
  });
});
