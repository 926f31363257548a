import { JOB_RESULTS_PAGE_SIZE } from '../genesys/api';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Knobs of the sync engine. Defaults follow the fact sheet; tests and benchmarks shrink them. */
export interface SyncTunables {
  /** Sync details query page size (fact sheet §4.1: 100 recalled as the maximum, unverified). */
  detailsPageSize: number;
  /** Details job results page size (§5: 1000 recalled as the maximum, unverified). */
  jobPageSize: number;
  /** Longest interval of one details chunk, sync query or job (the 7-day details interval limit). */
  maxDetailsChunkMs: number;
  /**
   * pageSize × pageNumber ceiling of the sync query (§3.5: 100,000). A chunk whose totalHits is larger is split
   * before paging; a smaller real ceiling is learnt from Genesys's "Pagination may not exceed N results." answer.
   */
  paginationCap: number;
  /** A sub-interval is never split below this; more results than the cap in it fail the run. */
  minSplitMs: number;
  /** Pages of one sync chunk in flight at once (the rate governor decides when each is sent). */
  pageConcurrency: number;
  /** Use async jobs for data older than the data-availability date (false: sync query for everything). */
  useJobs: boolean;
  /**
   * The last stretch before the data-availability date is fetched with the sync query, not a job: a job only
   * holds conversations that had ended by that date, so one still open then (a long email) would be lost.
   */
  jobTailMs: number;
  /** Job status polling: first wait, growth factor and longest wait. */
  jobPollInitialMs: number;
  jobPollFactor: number;
  jobPollMaxMs: number;
  /** A job still queued or pending after this long fails the run (Genesys is not getting to it). */
  jobTimeoutMs: number;
  /** Submissions per job chunk (a failed, expired or vanished job is submitted again) before the run fails. */
  jobAttempts: number;
  /** Reference lists older than this are fetched again when a run fetches anything else. */
  referenceMaxAgeMs: number;
  /** Progress events at most this often (plus a final one). */
  progressIntervalMs: number;
}

export const DEFAULT_TUNABLES: SyncTunables = {
  detailsPageSize: 100,
  jobPageSize: JOB_RESULTS_PAGE_SIZE,
  maxDetailsChunkMs: 7 * DAY,
  paginationCap: 100_000,
  minSplitMs: 60_000,
  pageConcurrency: 8,
  useJobs: true,
  jobTailMs: DAY,
  jobPollInitialMs: 1000,
  jobPollFactor: 1.5,
  jobPollMaxMs: 10_000,
  jobTimeoutMs: 30 * 60_000,
  jobAttempts: 3,
  referenceMaxAgeMs: DAY,
  progressIntervalMs: 100,
};
