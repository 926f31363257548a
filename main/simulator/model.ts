/**
 * The seams between the three parts of the Genesys Cloud simulator:
 *
 *   generator/  builds a deterministic org and its conversations (OrgDataset)
 *   engine/     answers analytics queries over that dataset (AnalyticsEngine)
 *   server/     speaks HTTP: OAuth, routing, limits, errors, faults (startSimulator)
 *
 * Shapes are the official SDK's models (type-only import), so what the
 * simulator returns is what the SDK and our client expect from Genesys.
 */
import type { Models } from 'purecloud-platform-client-v2';

export type Conversation = Models.AnalyticsConversation;

export interface SimulatorSettings {
  /** Same seed, same org and same conversations, byte for byte. */
  seed: string;
  /** Average conversations per day (weekday/weekend and hour-of-day curves shape it). */
  perDay: number;
  /** How far back data exists (the org's retention, in days). */
  daysBack: number;
  /** The org's IANA time zone: traffic curves follow its local day. */
  timeZone: string;
  /** Wall clock in ms; injectable so tests can freeze "now". */
  now: () => number;
}

export interface OrgDataset {
  readonly settings: SimulatorSettings;
  readonly organization: Models.Organization;
  readonly divisions: Models.AuthzDivision[];
  readonly queues: Models.Queue[];
  /** Includes users deleted since (state "deleted"), which only `state=any` lists. */
  readonly users: Models.User[];
  readonly wrapupCodes: Models.WrapupCode[];
  /**
   * Conversations whose conversationStart falls in [startMs, endMs), in
   * conversationStart order, generated lazily per org-local day and
   * reproducible. Conversations still in progress at `now()` have no
   * conversationEnd and only the segments/metrics emitted so far.
   */
  conversationsBetween(startMs: number, endMs: number): Iterable<Conversation>;
  conversationById(conversationId: string): Conversation | undefined;
  /**
   * The same selection as `conversationsBetween`, as an index of start times
   * that builds a conversation only when one is asked for: lets a query count
   * and page in conversationStart order without generating a whole day.
   * Optional: a dataset without it is always read through `conversationsBetween`.
   */
  startsBetween?(startMs: number, endMs: number): ConversationStarts;
}

/** A snapshot of `conversationsBetween(start, end)` taken at one `now()`, addressed by position. */
export interface ConversationStarts {
  readonly length: number;
  /** conversationStart in ms of position `i`; positions ascend by start (equal starts in generation order). */
  startAt(i: number): number;
  /** The conversation at position `i`, exactly as `conversationsBetween` yielded it at the snapshot's `now()`. */
  conversationAt(i: number): Conversation;
  /**
   * conversationEnd in ms of position `i` as `conversationAt(i)` shows it
   * (undefined while in progress). Cheaper than `conversationAt` when only the
   * end matters: the conversation is generated but not kept.
   */
  endAt(i: number): number | undefined;
  /**
   * A time by which position `i` has certainly ended (its start plus the longest its kind can last), known
   * without generating it: lets a query skip conversations that ended before its interval. Optional.
   */
  endBoundAt?(i: number): number;
}

/** An error the server turns into an `ErrorBody` response. */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageParams: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

/**
 * Limits the simulator enforces. Verified Genesys facts are fixed defaults;
 * values the fact sheet marks unverified (§15.3) are settings so tests can
 * probe either side of them. docs/simulator.md lists which is which.
 */
export interface SimulatorLimits {
  /** Requests per token per minute (fact sheet §3.4: 300). */
  requestsPerMinute: number;
  /** Longest interval a sync details query accepts, in days (7). */
  detailsMaxIntervalDays: number;
  /** Largest sync details pageSize (unverified: 100). */
  detailsMaxPageSize: number;
  /** pageSize × pageNumber ceiling of the sync details query (100000). */
  detailsPaginationCap: number;
  /** Largest job results pageSize (unverified: 1000). */
  jobMaxPageSize: number;
  /** How long a job stays QUEUED, then PENDING, in ms. */
  jobQueuedMs: number;
  jobPendingMs: number;
  /** How long FULFILLED results stay readable, in ms. */
  jobExpiryMs: number;
  /** The data lake lags real time by this much: dataAvailabilityDate = now - lag (rounded down to the hour). */
  dataAvailabilityLagMs: number;
  /** Access token lifetime in seconds (client credentials default 86400). */
  tokenTtlSeconds: number;
}

export const DEFAULT_LIMITS: SimulatorLimits = {
  requestsPerMinute: 300,
  detailsMaxIntervalDays: 7,
  detailsMaxPageSize: 100,
  detailsPaginationCap: 100_000,
  jobMaxPageSize: 1000,
  jobQueuedMs: 300,
  jobPendingMs: 700,
  jobExpiryMs: 2 * 24 * 3600_000,
  dataAvailabilityLagMs: 6 * 3600_000,
  tokenTtlSeconds: 86_400,
};

/** Analytics behaviour; every method throws SimulatorError(400, …) for an invalid query. */
export interface AnalyticsEngine {
  detailsQuery(query: Models.ConversationQuery): Models.AnalyticsConversationQueryResponse;
  conversationDetails(conversationId: string): Models.AnalyticsConversationWithoutAttributes;
  aggregatesQuery(query: Models.ConversationAggregationQuery): Models.ConversationAggregateQueryResponse;
  queueObservations(query: Models.QueueObservationQuery): Models.QueueObservationQueryResponse;
  submitJob(query: Models.AsyncConversationQuery): Models.AsyncQueryResponse;
  jobStatus(jobId: string): Models.AsyncQueryStatus;
  jobResults(
    jobId: string,
    cursor: string | undefined,
    pageSize: number | undefined,
  ): Models.AnalyticsConversationAsyncQueryResponse;
  deleteJob(jobId: string): void;
  dataAvailability(): Models.DataAvailabilityResponse;
  /** A user's own active conversations (GET /api/v2/conversations with a user-context token). */
  activeConversationsFor(userId: string): Models.ConversationEntityListing;
}
