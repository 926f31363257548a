/**
 * SIGKILL during a sync, short version (20 points under `npm run soak`): a separate process syncs into a real
 * cache file and is killed at seeded random moments; the next start must find a sound file (never set aside as
 * damaged), and continuing must end with exactly the rows of an uninterrupted run. Writes
 * docs/reliability/sync-crash-short.json and regenerates docs/reliability.md before asserting.
 */
import { describe, expect, it } from 'vitest';
import { writeFigures } from '../../soak/figures';
import { reliabilitySeed } from '../../soak/seed';
import { SYNC_CRASH_PROFILES, runSyncCrashes } from '../../soak/sync-crash';

describe('SIGKILL during sync (short)', () => {
  it(
    'leaves a sound cache that resumes to exactly the uninterrupted rows, at every kill point',
    { timeout: 240_000 },
    async () => {
      const seed = reliabilitySeed();
      console.log(`[sync crash] seed ${seed} (set RELIABILITY_SEED=${seed} to replay)`);
      const figures = await runSyncCrashes({ ...SYNC_CRASH_PROFILES.short, seed }, (line) =>
        console.log(`[sync crash] ${line}`),
      );
      await writeFigures('sync-crash-short', figures);

      expect(figures.tested).toBe(SYNC_CRASH_PROFILES.short.points);
      // Most points must land while the run is writing, or the test proves little.
      expect(figures.points.filter((point) => point.phase === 'mid-run').length).toBeGreaterThanOrEqual(
        figures.tested / 3,
      );
      for (const point of figures.points) {
        expect(point, `point ${point.n}`).toMatchObject({
          setAside: false,
          integrity: 'ok',
          equal: true,
          passed: true,
        });
      }
    },
  );
});
