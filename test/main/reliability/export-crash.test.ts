/**
 * SIGKILL during an export, short version (20 points under `npm run soak`): a separate process exports to CSV or
 * XLSX and is killed at seeded random moments; the export's file name never holds part of a file, an earlier file
 * of that name survives untouched, and the next export to the folder completes and clears temporary files a killed
 * export left an hour ago. Writes docs/reliability/export-crash-short.json and regenerates docs/reliability.md.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_CRASH_PROFILES, runExportCrashes } from '../../soak/export-crash';
import { writeFigures } from '../../soak/figures';
import { reliabilitySeed } from '../../soak/seed';

describe('SIGKILL during export (short)', () => {
  it('never leaves a partial file under the export’s name', { timeout: 240_000 }, async () => {
    const seed = reliabilitySeed();
    console.log(`[export crash] seed ${seed} (set RELIABILITY_SEED=${seed} to replay)`);
    const figures = await runExportCrashes({ ...EXPORT_CRASH_PROFILES.short, seed }, (line) =>
      console.log(`[export crash] ${line}`),
    );
    await writeFigures('export-crash-short', figures);

    expect(figures.tested).toBe(EXPORT_CRASH_PROFILES.short.pointsPerFormat * 2);
    for (const point of figures.points) {
      expect(point.finalFile, `point ${point.n}`).not.toBe('partial');
      // An earlier export of the same name is either still there, byte for byte, or replaced by the complete new one.
      if (point.replacing) expect(['previous', 'complete'], `point ${point.n}`).toContain(point.finalFile);
      expect(point.passed, `point ${point.n}`).toBe(true);
    }
    expect(figures.afterwards.complete).toBe(true);
    expect(figures.afterwards.removed).toBe(figures.afterwards.madeOld);
  });
});
