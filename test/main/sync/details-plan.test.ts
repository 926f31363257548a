import { describe, expect, it } from 'vitest';
import { planDetailsChunks } from '../../../main/sync/details-plan';
import { evenSplit } from '../../../main/sync/intervals';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const T = Date.UTC(2025, 0, 1);

describe('details chunks', () => {
  it('uses jobs before the cut-off and the sync query after it, never more than 7 days per chunk', () => {
    const cut = T + 40 * DAY + 5 * HOUR;
    const chunks = planDetailsChunks([{ start: T, end: T + 45 * DAY }], {
      jobsBefore: cut,
      maxChunkMs: WEEK,
      concurrency: 1,
    });
    const jobs = chunks.filter((chunk) => chunk.kind === 'details-job');
    const sync = chunks.filter((chunk) => chunk.kind === 'details-sync');
    expect(jobs[0]!.start).toBe(T);
    expect(jobs[jobs.length - 1]!.end).toBe(cut);
    expect(sync[0]!.start).toBe(cut);
    expect(sync[sync.length - 1]!.end).toBe(T + 45 * DAY);
    for (const chunk of chunks) {
      expect(chunk.end! - chunk.start!).toBeLessThanOrEqual(WEEK);
      expect(chunk).toMatchObject({ dataset: 'details', prune: true });
    }
    // Contiguous: nothing skipped, nothing fetched twice.
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
    expect(jobs).toHaveLength(6);
  });

  it('joins touching missing parts and fetches everything with the sync query when there is no cut-off', () => {
    const chunks = planDetailsChunks(
      [
        { start: T, end: T + DAY },
        { start: T + DAY, end: T + 2 * DAY },
        { start: T + 10 * DAY, end: T + 10 * DAY + HOUR },
      ],
      { jobsBefore: -Infinity, maxChunkMs: WEEK, concurrency: 4 },
    );
    expect(chunks.map((chunk) => [chunk.kind, chunk.start, chunk.end])).toEqual([
      ['details-sync', T, T + 2 * DAY],
      ['details-sync', T + 10 * DAY, T + 10 * DAY + HOUR],
    ]);
  });

  it('balances jobs over the concurrency, but makes none shorter than a day', () => {
    const jobs = (days: number, concurrency: number) =>
      planDetailsChunks([{ start: T, end: T + days * DAY }], { jobsBefore: Infinity, maxChunkMs: WEEK, concurrency });
    expect(jobs(30, 4)).toHaveLength(8); // 5 week-long jobs would leave the fifth paging alone
    expect(jobs(30, 1)).toHaveLength(5);
    expect(jobs(90, 4)).toHaveLength(16);
    expect(jobs(3, 4)).toHaveLength(3);
    expect(jobs(0.5, 4)).toHaveLength(1);
    for (const chunk of jobs(30, 4)) expect(chunk.end! - chunk.start!).toBeLessThanOrEqual(WEEK);
  });

  it('splits evenly, on whole minutes', () => {
    const parts = evenSplit(T, T + 30 * DAY + 17, WEEK);
    expect(parts).toHaveLength(5);
    expect(parts[parts.length - 1]!.end).toBe(T + 30 * DAY + 17);
    for (const part of parts.slice(0, -1)) expect((part.end - T) % 60_000).toBe(0);
    for (const part of parts) expect(part.end - part.start).toBeLessThanOrEqual(WEEK);
  });
});
