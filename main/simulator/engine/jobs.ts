/**
 * Conversation detail jobs (fact sheet §5). State follows simulated time:
 * QUEUED for `jobQueuedMs`, PENDING for `jobPendingMs`, then FULFILLED until
 * `jobExpiryMs` later, then EXPIRED. A job can be made to fail (`failJob`, for
 * the server's fault injection); a deleted job is gone (404).
 *
 * Results are read from the "data lake": only conversations that had ended by
 * the job's dataAvailabilityDate (taken when the job completed). An interval
 * reaching past that date is not an error — the fact sheet documents none —
 * the job simply fulfils with what the lake holds, and the response's
 * `dataAvailabilityDate` tells the client where the data stops (assumption).
 * Results include participant attributes; cursors are opaque and tied to
 * their job.
 */
import { randomUUID } from 'node:crypto';
import type { Models } from 'purecloud-platform-client-v2';
import { type Conversation, type OrgDataset, SimulatorError, type SimulatorLimits } from '../model';
import { compileDetailFilters } from './detail-filters';
import { factsOf } from './facts';
import { type Interval, floorHour, iso, parseInterval } from './interval';
import type { Matcher } from './predicates';
import { sortConversations } from './ordering';
import { selectConversations } from './selection';
import { hasStartIndex, jobRowsByStart } from './start-ordered';
import { withAttributes } from './shapes';
import { badRequest, optionalBoolean, optionalEnum, optionalInteger, requireBody } from './validation';
import { JOB_ORDER, ORDER_BY } from './vocabulary';

const FIELDS = [
  'interval',
  'conversationFilters',
  'segmentFilters',
  'evaluationFilters',
  'surveyFilters',
  'resolutionFilters',
  'order',
  'orderBy',
  'limit',
  'startOfDayIntervalMatching',
];

interface JobSpec {
  readonly interval: Interval;
  readonly filter: Matcher<Conversation> | undefined;
  readonly order: string;
  readonly orderBy: string;
  readonly limit: number | undefined;
  readonly startOfDay: boolean;
}

interface Job {
  readonly id: string;
  readonly spec: JobSpec;
  readonly submittedMs: number;
  failure?: { readonly message: string; readonly atMs: number };
  results?: JobResults;
}

/** A fulfilled job's result set, fixed on first read. */
interface JobResults {
  readonly total: number;
  readonly page: (first: number, size: number) => Conversation[];
  readonly availableMs: number;
}

type State = 'QUEUED' | 'PENDING' | 'FULFILLED' | 'EXPIRED' | 'FAILED';

export function dataAvailabilityMs(nowMs: number, limits: SimulatorLimits): number {
  return floorHour(nowMs - limits.dataAvailabilityLagMs);
}

function notFound(jobId: string): SimulatorError {
  return new SimulatorError(404, 'not.found', `Job ${jobId} not found`);
}

const CURSOR_PREFIX = 'c1';

function encodeCursor(jobId: string, offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}:${jobId}:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string, jobId: string): number {
  const [prefix, id, offset] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const n = Number(offset);
  if (prefix !== CURSOR_PREFIX || id !== jobId || !Number.isInteger(n) || n < 0) {
    throw badRequest(`Invalid cursor '${cursor}' for job ${jobId}`);
  }
  return n;
}

export class DetailJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly dataset: OrgDataset,
    private readonly limits: SimulatorLimits,
  ) {}

  submit(query: unknown): Models.AsyncQueryResponse {
    const body = requireBody(query, FIELDS);
    const interval = parseInterval(body.interval);
    const filter = compileDetailFilters(body);
    const order = optionalEnum(body, 'order', JOB_ORDER, 'order') ?? 'asc';
    const orderBy = optionalEnum(body, 'orderBy', ORDER_BY, 'orderBy') ?? 'conversationStart';
    const limit = optionalInteger(body, 'limit', 'limit');
    if (limit !== undefined && limit < 1) throw badRequest(`limit must be 1 or more, got ${limit}`);
    const startOfDay = optionalBoolean(body, 'startOfDayIntervalMatching', 'startOfDayIntervalMatching') ?? false;
    const now = this.dataset.settings.now();
    this.forgetOldJobs(now);
    const id = randomUUID();
    this.jobs.set(id, { id, spec: { interval, filter, order, orderBy, limit, startOfDay }, submittedMs: now });
    return { jobId: id };
  }

  status(jobId: string): Models.AsyncQueryStatus {
    const job = this.find(jobId);
    const now = this.dataset.settings.now();
    const state = this.stateOf(job, now);
    const status: Models.AsyncQueryStatus = { state, submissionDate: iso(job.submittedMs) };
    if (state === 'FAILED') {
      return { ...status, errorMessage: job.failure?.message, completionDate: iso(job.failure?.atMs ?? now) };
    }
    if (state === 'FULFILLED' || state === 'EXPIRED') {
      return { ...status, completionDate: iso(this.completedMs(job)), expirationDate: iso(this.expiresMs(job)) };
    }
    return status;
  }

  results(
    jobId: string,
    cursor: string | undefined,
    pageSize: number | undefined,
  ): Models.AnalyticsConversationAsyncQueryResponse {
    const job = this.find(jobId);
    const now = this.dataset.settings.now();
    const state = this.stateOf(job, now);
    if (state !== 'FULFILLED') {
      throw badRequest(
        `Results for job ${jobId} are not available: the job is ${state}; results can be read only when it is FULFILLED`,
      );
    }
    const max = this.limits.jobMaxPageSize;
    const size = pageSize ?? max;
    if (!Number.isInteger(size) || size < 1 || size > max) {
      throw badRequest(`pageSize must be between 1 and ${max}, got ${size}`);
    }
    const offset = cursor === undefined || cursor === '' ? 0 : decodeCursor(cursor, jobId);
    const results = this.resultsOf(job);
    const page = results.page(offset, size);
    const next = offset + size < results.total ? encodeCursor(jobId, offset + size) : undefined;
    return {
      ...(page.length > 0 ? { conversations: page.map(withAttributes) } : {}),
      ...(next ? { cursor: next } : {}),
      dataAvailabilityDate: iso(results.availableMs),
    };
  }

  delete(jobId: string): void {
    this.find(jobId);
    this.jobs.delete(jobId);
  }

  /** Fault injection: the job reports FAILED with this message from now on. */
  fail(jobId: string, message: string): void {
    const job = this.find(jobId);
    job.failure = { message, atMs: this.dataset.settings.now() };
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound(jobId);
    return job;
  }

  private completedMs(job: Job): number {
    return job.submittedMs + this.limits.jobQueuedMs + this.limits.jobPendingMs;
  }

  private expiresMs(job: Job): number {
    return this.completedMs(job) + this.limits.jobExpiryMs;
  }

  private stateOf(job: Job, now: number): State {
    if (job.failure) return 'FAILED';
    const elapsed = now - job.submittedMs;
    if (elapsed < this.limits.jobQueuedMs) return 'QUEUED';
    if (elapsed < this.limits.jobQueuedMs + this.limits.jobPendingMs) return 'PENDING';
    return now < this.expiresMs(job) ? 'FULFILLED' : 'EXPIRED';
  }

  /**
   * Computed on first read and kept: a fulfilled job's result set does not
   * change between pages. Unfiltered in conversationStart order, it keeps
   * positions in the dataset's start-time index rather than conversations, so
   * a month-long job does not hold a month of them.
   */
  private resultsOf(job: Job): JobResults {
    if (job.results) return job.results;
    const completed = this.completedMs(job);
    const availableMs = dataAvailabilityMs(completed, this.limits);
    const { spec } = job;
    if (!spec.filter && spec.orderBy === 'conversationStart' && hasStartIndex(this.dataset)) {
      const { interval, startOfDay, order, limit } = spec;
      const rows = jobRowsByStart(this.dataset, interval, startOfDay, completed, availableMs, order, limit);
      job.results = { total: rows.total, page: rows.page, availableMs };
      return job.results;
    }
    const selected = selectConversations(this.dataset, spec.interval, spec.startOfDay, completed).conversations;
    const inLake = selected.filter((c) => {
      const end = factsOf(c).endMs;
      return end !== undefined && end <= availableMs && (!spec.filter || spec.filter(c));
    });
    const sorted = sortConversations(inLake, spec.orderBy, spec.order);
    const kept = spec.limit === undefined ? sorted : sorted.slice(0, spec.limit);
    job.results = { total: kept.length, page: (first, size) => kept.slice(first, first + size), availableMs };
    return job.results;
  }

  /** Expired jobs stay visible as EXPIRED for one more expiry period, then are forgotten so memory stays bounded. */
  private forgetOldJobs(now: number): void {
    for (const [id, job] of this.jobs) {
      if (now >= this.expiresMs(job) + this.limits.jobExpiryMs) this.jobs.delete(id);
    }
  }
}
