import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../../main/cache/index';
import { DEFAULT_TUNABLES, type SyncTunables } from '../../../main/sync/index';
import { startSyncChild, killAfterRows } from './support/sync-child';
import { DAY, HOUR, SyncFixture, cachedIds, detailsSpec } from './support/sync-fixture';

/** Small pages and a modest rate limit: a run takes a few seconds, long enough to stop in the middle. */
const TUNABLES: Partial<SyncTunables> = { jobPageSize: 50, detailsPageSize: 50 };

/**
 * Checks that `cache` holds exactly the conversations of the range the simulator has, and the same rows as the
 * uninterrupted run (ids first, so a difference names the conversations).
 */
function expectSameAsUninterrupted(
  cache: Cache,
  fx: SyncFixture,
  range: { start: number; end: number },
  reference: unknown[],
) {
  expect(cachedIds(cache, range.start, range.end)).toEqual(fx.truthIds(range.start, range.end));
  const ids = (list: unknown[]) => list.map((row) => (row as { conversation_id: string }).conversation_id);
  expect(ids(rows(cache))).toEqual(ids(reference));
  expect(rows(cache)).toEqual(reference);
}

/** Every stored conversation with its flat columns, in id order: two caches with equal rows compare equal. */
function rows(cache: Cache): unknown[] {
  return cache.db
    .prepare(
      `SELECT conversation_id, start_ms, end_ms, duration_ms, direction, media_type, first_queue_id, queue_ids,
              user_ids, wrapup_code_id, ani, dnis, t_talk, t_held, t_acw, t_handle, abandoned, answered, transferred
         FROM conversations ORDER BY conversation_id`,
    )
    .all();
}

describe('stopping a run and continuing it', { timeout: 90_000 }, () => {
  let fx: SyncFixture;
  let range: { start: number; end: number };
  let reference: unknown[];
  beforeAll(async () => {
    fx = await SyncFixture.start({ settings: { perDay: 400 }, limits: { requestsPerMinute: 900 } });
    // Jobs for the older days, the sync query for the last hours; every conversation has ended (none changes
    // between the two runs being compared).
    const end = fx.availability() - DEFAULT_TUNABLES.jobTailMs + 3 * HOUR;
    range = { start: end - 4 * DAY, end };
    const cache = fx.openCache('uninterrupted.sqlite');
    const { engine } = await fx.engine(cache, { tunables: TUNABLES });
    expect((await engine.run(detailsSpec(range.start, range.end))).state).toBe('done');
    reference = rows(cache);
    expect(cachedIds(cache, range.start, range.end)).toEqual(fx.truthIds(range.start, range.end));
  });
  afterAll(() => fx.dispose());

  it('resumes a run killed mid-way (SIGKILL) and ends with the same rows as an uninterrupted run', async () => {
    const file = fx.file('killed.sqlite');
    const child = startSyncChild(fx, file, detailsSpec(range.start, range.end), {
      ...TUNABLES,
      progressIntervalMs: 0,
    });
    const total = reference.length;
    expect(await killAfterRows(child, total / 4)).toBe('SIGKILL');

    const cache = fx.openCache('killed.sqlite');
    const [unfinished] = cache.resumableRuns();
    expect(unfinished?.state).toBe('running');
    expect(unfinished?.chunks.some((chunk) => chunk.state !== 'done' && chunk.lastPage > 0)).toBe(true);
    const before = rows(cache).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(total);

    const { engine } = await fx.engine(cache, { tunables: TUNABLES });
    const outcomes = await engine.resumeAll();
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['done']);
    expect(outcomes[0]?.runId).toBe(unfinished?.id);
    expectSameAsUninterrupted(cache, fx, range, reference);
    expect(cache.run(unfinished?.id ?? '')?.state).toBe('done');
    expect(cache.resumableRuns()).toEqual([]);
  });

  it('cancels a run on abort, keeps what it committed, and a second run fetches only the rest', async () => {
    const cache = fx.openCache('cancelled.sqlite');
    const { engine } = await fx.engine(cache, { tunables: TUNABLES });
    const controller = new AbortController();
    const outcome = await engine.run(detailsSpec(range.start, range.end), {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.chunksDone >= 1 && progress.rows > 0) controller.abort();
      },
    });
    expect(outcome.state).toBe('cancelled');
    const run = cache.run(outcome.runId ?? '')!;
    expect(run.state).toBe('cancelled');
    expect(cache.resumableRuns()).toEqual([]);
    const kept = rows(cache).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(reference.length);
    // Jobs the cancelled run was still waiting on were deleted.
    const abandoned = run.chunks.filter((chunk) => chunk.state !== 'done' && chunk.jobId !== null);
    expect(abandoned.length).toBeGreaterThan(0);
    for (const chunk of abandoned) expect(() => fx.sim.engine.jobStatus(chunk.jobId ?? '')).toThrow(/not found/);

    const again = await engine.run(detailsSpec(range.start, range.end));
    expect(again.state).toBe('done');
    expect(cache.run(again.runId ?? '')!.chunksTotal).toBeLessThan(run.chunksTotal);
    expectSameAsUninterrupted(cache, fx, range, reference);
  });

  it('submits a job again when it vanishes while its results are being read', async () => {
    const cache = fx.openCache('vanished.sqlite');
    const { engine } = await fx.engine(cache, { tunables: TUNABLES });
    const deleted: string[] = [];
    fx.sim.requests.clear();
    const outcome = await engine.run(detailsSpec(range.start, range.end), {
      onProgress: (progress) => {
        if (deleted.length > 0 || progress.rows === 0) return;
        const reading = cache
          .run(progress.runId)
          ?.chunks.find((c) => c.jobId !== null && c.lastPage > 0 && c.state !== 'done');
        if (reading?.jobId) {
          fx.sim.engine.deleteJob(reading.jobId);
          deleted.push(reading.jobId);
        }
      },
    });
    expect(deleted).toHaveLength(1);
    expect(outcome.state).toBe('done');
    expectSameAsUninterrupted(cache, fx, range, reference);
    const run = cache.run(outcome.runId ?? '')!;
    const jobChunks = run.chunks.filter((chunk) => chunk.kind === 'details-job');
    const submitted = fx.sim.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/details/jobs'));
    expect(submitted).toHaveLength(jobChunks.length + 1);
  });
});
