/**
 * The fault soak's short version (the long one: `npm run soak`): 8 connections × 6 reports at once, twice, against
 * one simulator answering with 429s, server errors, dropped connections, slow and cut-off responses, with every
 * token revoked or expired while reports run. Writes docs/reliability/soak-short.json and regenerates
 * docs/reliability.md before asserting, so the doc shows a failing run too.
 */
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_MESSAGE } from '../../../main/core/errors';
import { runFaultSoak } from '../../soak/fault-soak';
import { writeFigures } from '../../soak/figures';
import { soakSummaryLine } from '../../soak/soak-figures';
import { PROFILES } from '../../soak/soak-plan';

describe('fault soak (short)', () => {
  it(
    'ends with exactly the simulator’s rows through every kind of fault, with nothing escaping or leaking',
    { timeout: 240_000 },
    async () => {
      const figures = await runFaultSoak(PROFILES.short, (line) => console.log(`[soak] ${line}`));
      await writeFigures('soak-short', figures);
      console.log(`[soak] ${soakSummaryLine(figures)}`);

      // Every kind of fault was met, on both details paths (async jobs and the sync query) and on aggregates.
      for (const kind of ['429', '5xx', 'reset', 'truncate', 'slow'] as const)
        expect(figures.faults[kind]).toBeGreaterThan(0);
      expect(figures.faults.tokenRevocations).toBeGreaterThan(0);
      expect(figures.faults.tokenExpiries).toBeGreaterThan(0);
      expect(figures.faults.unauthorized).toBeGreaterThan(0);
      expect(figures.requests.jobsSubmitted).toBeGreaterThan(0);
      expect(figures.requests.syncQueryPages).toBeGreaterThan(0);
      expect(figures.requests.aggregateQueries).toBeGreaterThan(0);

      // Survived: exactly the ground truth everywhere, every file sound, and every report complete in the cache.
      expect(figures.rows.mismatches).toEqual([]);
      expect(figures.rows.conversations).toBeGreaterThan(0);
      expect(figures.rows.aggregateBuckets).toBeGreaterThan(0);
      expect(figures.integrity.ok).toBe(figures.integrity.files);
      expect(figures.runs.neverDone).toBe(0);
      expect(figures.runs.againFromCache).toBe(figures.runs.total);
      expect(figures.runs.shownRowsRight).toBe(figures.runs.shownRowsChecked);
      // A run that did fail told the user in plain words, never the generic "something went wrong"; and the
      // engine met nothing it could only log as unexpected.
      for (const failure of figures.failures) {
        expect(failure).not.toContain(INTERNAL_ERROR_MESSAGE);
        expect(failure).not.toMatch(/\n\s+at /);
      }
      expect(figures.runs.failedFirstAttempt).toBeLessThanOrEqual(Math.ceil(figures.runs.total * 0.05));
      expect(figures.unexpected).toEqual([]);

      expect(figures.unhandledRejections).toEqual({ app: 0, harness: 0 });
      expect(figures.uncaughtExceptions).toEqual({ app: 0, harness: 0 });
      expect(figures.heap.growthMb).toBeLessThanOrEqual(figures.heap.toleranceMb);
      expect(figures.openHandles.after).toEqual([]);
      expect(figures.passed).toBe(true);
    },
  );
});
