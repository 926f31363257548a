import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysRequester } from './http/genesys-http';
import { fetchAllPages } from './paging';

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface ListOptions extends CallOptions {
  pageSize?: number;
  onPage?: (pageNumber: number, pageCount: number | undefined) => void;
}

/**
 * Page size for the reference lists. Genesys states no maximum for them
 * (fact sheet §10: 100 is commonly used, unverified); 100 is also what the
 * simulator accepts.
 */
export const REFERENCE_PAGE_SIZE = 100;
/** Details-job results per page: 1000 is the recalled maximum (fact sheet §5, unverified). */
export const JOB_RESULTS_PAGE_SIZE = 1000;

const DETAILS = '/api/v2/analytics/conversations/details';
const JOBS = `${DETAILS}/jobs`;

/**
 * Typed calls for every endpoint ReportDesk uses (fact sheet §4–§6, §8–§10),
 * with the SDK's model types. Permissions each needs are in §13.
 */
export class GenesysApi {
  constructor(private readonly http: GenesysRequester) {}

  /** Sync details query (§4): paging {pageSize, pageNumber}; `conversations` may be absent when nothing matches. */
  queryConversationDetails(
    body: Models.ConversationQuery,
    options: CallOptions = {},
  ): Promise<Models.AnalyticsConversationQueryResponse> {
    return this.http.request('POST', `${DETAILS}/query`, { body, signal: options.signal });
  }

  /** Submits an async details job (§5). Not repeated after an ambiguous failure, so no duplicate jobs. */
  submitConversationDetailsJob(
    body: Models.AsyncConversationQuery,
    options: CallOptions = {},
  ): Promise<Models.AsyncQueryResponse> {
    return this.http.request('POST', JOBS, { body, signal: options.signal, idempotent: false });
  }

  getConversationDetailsJob(jobId: string, options: CallOptions = {}): Promise<Models.AsyncQueryStatus> {
    return this.http.request('GET', `${JOBS}/${segment(jobId)}`, { signal: options.signal });
  }

  /** One page of a fulfilled job; pass the previous page's `cursor` for the next (absent on the last page). */
  getConversationDetailsJobResults(
    jobId: string,
    options: CallOptions & { cursor?: string | undefined; pageSize?: number } = {},
  ): Promise<Models.AnalyticsConversationAsyncQueryResponse> {
    return this.http.request('GET', `${JOBS}/${segment(jobId)}/results`, {
      query: { cursor: options.cursor, pageSize: options.pageSize ?? JOB_RESULTS_PAGE_SIZE },
      signal: options.signal,
    });
  }

  /** Every results page of a fulfilled job, following the cursor. */
  async *conversationDetailsJobResultPages(
    jobId: string,
    options: CallOptions & { pageSize?: number } = {},
  ): AsyncGenerator<Models.AnalyticsConversationAsyncQueryResponse> {
    let cursor: string | undefined;
    do {
      const page = await this.getConversationDetailsJobResults(jobId, { ...options, cursor });
      yield page;
      cursor = page.cursor || undefined;
    } while (cursor !== undefined);
  }

  /** Deletes (cancels) a job we no longer need (§5). */
  async deleteConversationDetailsJob(jobId: string, options: CallOptions = {}): Promise<void> {
    await this.http.request<unknown>('DELETE', `${JOBS}/${segment(jobId)}`, { signal: options.signal });
  }

  /** How far the data lake is complete: jobs for data before `dataAvailabilityDate` only (§5). */
  getConversationDetailsJobsAvailability(options: CallOptions = {}): Promise<Models.DataAvailabilityResponse> {
    return this.http.request('GET', `${JOBS}/availability`, { signal: options.signal });
  }

  /** One conversation's analytics detail record (§4.3). */
  getConversationDetails(
    conversationId: string,
    options: CallOptions = {},
  ): Promise<Models.AnalyticsConversationWithoutAttributes> {
    return this.http.request('GET', `/api/v2/analytics/conversations/${segment(conversationId)}/details`, {
      signal: options.signal,
    });
  }

  /** Aggregates query (§6). */
  queryConversationAggregates(
    body: Models.ConversationAggregationQuery,
    options: CallOptions = {},
  ): Promise<Models.ConversationAggregateQueryResponse> {
    return this.http.request('POST', '/api/v2/analytics/conversations/aggregates/query', {
      body,
      signal: options.signal,
    });
  }

  /** Live queue observations (§9). */
  queryQueueObservations(
    body: Models.QueueObservationQuery,
    options: CallOptions = {},
  ): Promise<Models.QueueObservationQueryResponse> {
    return this.http.request('POST', '/api/v2/analytics/queues/observations/query', { body, signal: options.signal });
  }

  /** The live conversation (§8); needs `conversation:communication:view`. */
  getConversation(conversationId: string, options: CallOptions = {}): Promise<Models.Conversation> {
    return this.http.request('GET', `/api/v2/conversations/${segment(conversationId)}`, { signal: options.signal });
  }

  /** The signed-in user's own active conversations (§8); a user-context (PKCE) token only. */
  getActiveConversations(
    options: CallOptions & { communicationType?: string } = {},
  ): Promise<Models.ConversationEntityListing> {
    return this.http.request('GET', '/api/v2/conversations', {
      query: { communicationType: options.communicationType },
      signal: options.signal,
    });
  }

  /** The signed-in user; client-credentials tokens get a "requires a user context" 400 (§2.2). */
  getMe(options: CallOptions = {}): Promise<Models.UserMe> {
    return this.http.request('GET', '/api/v2/users/me', { signal: options.signal });
  }

  getOrganization(options: CallOptions = {}): Promise<Models.Organization> {
    return this.http.request('GET', '/api/v2/organizations/me', { signal: options.signal });
  }

  /** All queues (needs `routing:queue:view`). */
  listQueues(options: ListOptions = {}): Promise<Models.Queue[]> {
    return this.listAll<Models.Queue>('/api/v2/routing/queues', {}, options);
  }

  /** All users, including inactive and deleted ones, so agents who left still get a name (`state=any`, §10). */
  listUsers(options: ListOptions = {}): Promise<Models.User[]> {
    return this.listAll<Models.User>('/api/v2/users', { state: 'any' }, options);
  }

  /** All wrap-up codes (needs `routing:wrapupCode:view`). */
  listWrapupCodes(options: ListOptions = {}): Promise<Models.WrapupCode[]> {
    return this.listAll<Models.WrapupCode>('/api/v2/routing/wrapupcodes', {}, options);
  }

  listDivisions(options: ListOptions = {}): Promise<Models.AuthzDivision[]> {
    return this.listAll<Models.AuthzDivision>('/api/v2/authorization/divisions', {}, options);
  }

  private listAll<T extends { id?: string }>(
    path: string,
    query: Record<string, string>,
    options: ListOptions,
  ): Promise<T[]> {
    return fetchAllPages<T>(this.http, path, query, {
      pageSize: options.pageSize ?? REFERENCE_PAGE_SIZE,
      signal: options.signal,
      ...(options.onPage ? { onPage: options.onPage } : {}),
    });
  }
}

/** Ids go into the path encoded, so an odd id can never change which endpoint is called. */
function segment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new RangeError('An id is required.');
  return encodeURIComponent(id);
}
