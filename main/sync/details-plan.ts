import { DETAILS_DATASET, type ChunkSpec } from '../cache';
import { evenSplit, union, type Interval } from './intervals';

const DAY = 86_400_000;

export interface DetailsPlanOptions {
  /** Data before this instant comes from async jobs, the rest from the sync query (-Infinity: no jobs). */
  jobsBefore: number;
  /** Longest chunk (the 7-day details interval). */
  maxChunkMs: number;
  /** Chunks the run fetches at once. */
  concurrency: number;
}

/**
 * Details chunks for the missing parts of a range: async jobs before `jobsBefore`, the sync query after, each
 * at most `maxChunkMs` long. Every details chunk fetches *all* conversations of its interval, so it prunes
 * conversations deleted in Genesys.
 */
export function planDetailsChunks(missing: readonly Interval[], options: DetailsPlanOptions): ChunkSpec[] {
  const chunks: ChunkSpec[] = [];
  for (const piece of union(missing)) {
    const jobEnd = Math.min(piece.end, Math.max(piece.start, options.jobsBefore));
    for (const part of evenSplit(piece.start, jobEnd, jobChunkMs(jobEnd - piece.start, options))) {
      chunks.push({ kind: 'details-job', dataset: DETAILS_DATASET, ...part, prune: true });
    }
    for (const part of evenSplit(jobEnd, piece.end, options.maxChunkMs)) {
      chunks.push({ kind: 'details-sync', dataset: DETAILS_DATASET, ...part, prune: true });
    }
  }
  return chunks;
}

/**
 * A job's results can only be read one page after another (each cursor comes with the page before it), so the
 * jobs are what runs in parallel: the job count is rounded up to a multiple of the concurrency, so no job is left
 * paging alone at the end while the others are done — but no job is made shorter than a day, where the
 * submit-and-poll overhead would outweigh the parallel paging.
 */
function jobChunkMs(length: number, options: DetailsPlanOptions): number {
  if (length <= 0) return options.maxChunkMs;
  const needed = Math.ceil(length / options.maxChunkMs);
  const balanced = Math.ceil(needed / options.concurrency) * options.concurrency;
  const count = Math.max(needed, Math.min(balanced, Math.ceil(length / DAY)));
  return Math.ceil(length / count);
}
