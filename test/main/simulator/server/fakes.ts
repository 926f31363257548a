import type { Models } from 'purecloud-platform-client-v2';
import {
  SimulatorError,
  type AnalyticsEngine,
  type Conversation,
  type OrgDataset,
  type SimulatorSettings,
} from '../../../../main/simulator/model';

/**
 * A tiny hand-written org and engine, so the HTTP layer is tested on its
 * own. The real generator and engine get their own conformance tests.
 */
export const IDS = {
  org: '00000000-0000-4000-8000-000000000001',
  homeDivision: '00000000-0000-4000-8000-0000000000d1',
  salesDivision: '00000000-0000-4000-8000-0000000000d2',
  queues: {
    billing: '00000000-0000-4000-8000-0000000000a1',
    salesEn: '00000000-0000-4000-8000-0000000000a2',
    salesFr: '00000000-0000-4000-8000-0000000000a3',
    support: '00000000-0000-4000-8000-0000000000a4',
  },
  users: {
    alice: '00000000-0000-4000-8000-0000000000b1',
    bob: '00000000-0000-4000-8000-0000000000b2',
    carol: '00000000-0000-4000-8000-0000000000b3',
    dave: '00000000-0000-4000-8000-0000000000b4',
  },
  conversations: ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'],
} as const;

const home = { id: IDS.homeDivision, name: 'Home' };
const sales = { id: IDS.salesDivision, name: 'Sales' };

const conversations: Conversation[] = IDS.conversations.map((conversationId, index) => ({
  conversationId,
  conversationStart: `2026-11-20T0${index + 8}:00:00.000Z`,
  conversationEnd: `2026-11-20T0${index + 8}:05:00.000Z`,
  originatingDirection: 'inbound',
  divisionIds: [IDS.homeDivision],
  participants: [{ participantId: `p-${index}`, purpose: 'agent', userId: IDS.users.alice, sessions: [] }],
}));

export function fakeDataset(settings: Partial<SimulatorSettings> = {}): OrgDataset {
  return {
    settings: { seed: 'fake', perDay: 1, daysBack: 1, timeZone: 'UTC', now: Date.now, ...settings },
    organization: { id: IDS.org, name: 'Fake Contact Centre', version: 1, state: 'active' },
    divisions: [
      { ...home, description: 'Home division', homeDivision: true },
      { ...sales, description: 'Sales teams', homeDivision: false },
    ],
    queues: [
      { id: IDS.queues.support, name: 'Support', division: home },
      { id: IDS.queues.salesFr, name: 'Sales FR', division: sales },
      { id: IDS.queues.billing, name: 'Billing', division: home },
      { id: IDS.queues.salesEn, name: 'Sales EN', division: sales },
    ],
    users: [
      { id: IDS.users.alice, name: 'Alice Agent', state: 'active', version: 1, division: home },
      { id: IDS.users.bob, name: 'Bob Agent', state: 'active', version: 1, division: sales },
      { id: IDS.users.carol, name: 'Carol Former', state: 'inactive', version: 1, division: home },
      { id: IDS.users.dave, name: 'Dave Deleted', state: 'deleted', version: 1, division: home },
    ],
    wrapupCodes: [
      { id: 'w-1', name: 'Resolved', division: home },
      { id: 'w-2', name: 'Callback requested', division: home },
      { id: 'w-3', name: 'Escalated', division: sales },
    ],
    conversationsBetween: () => conversations,
    conversationById: (id) => conversations.find((conversation) => conversation.conversationId === id),
  };
}

/** Records the queries it was given, answers from the fake data, and validates just enough to produce 400s/404s. */
export class FakeEngine implements AnalyticsEngine {
  readonly received: unknown[] = [];
  private jobs = new Map<string, Models.AsyncConversationQuery>();

  detailsQuery(query: Models.ConversationQuery): Models.AnalyticsConversationQueryResponse {
    this.received.push(query);
    if (query.interval === 'explode') throw new Error('engine bug with a secret inside');
    requireInterval(query.interval);
    return { conversations, totalHits: conversations.length };
  }

  conversationDetails(conversationId: string): Models.AnalyticsConversationWithoutAttributes {
    const found = conversations.find((conversation) => conversation.conversationId === conversationId);
    if (!found) throw new SimulatorError(404, 'not.found', `Conversation ${conversationId} was not found.`);
    return found;
  }

  aggregatesQuery(query: Models.ConversationAggregationQuery): Models.ConversationAggregateQueryResponse {
    this.received.push(query);
    requireInterval(query.interval);
    return { results: [{ group: { queueId: IDS.queues.billing }, data: [] }] };
  }

  queueObservations(query: Models.QueueObservationQuery): Models.QueueObservationQueryResponse {
    this.received.push(query);
    return { results: [{ group: { queueId: IDS.queues.billing }, data: [] }] };
  }

  submitJob(query: Models.AsyncConversationQuery): Models.AsyncQueryResponse {
    requireInterval(query.interval);
    const jobId = `job-${this.jobs.size + 1}`;
    this.jobs.set(jobId, query);
    return { jobId };
  }

  jobStatus(jobId: string): Models.AsyncQueryStatus {
    this.job(jobId);
    return { state: 'FULFILLED', submissionDate: '2026-11-20T10:00:00.000Z' };
  }

  jobResults(
    jobId: string,
    cursor: string | undefined,
    pageSize: number | undefined,
  ): Models.AnalyticsConversationAsyncQueryResponse {
    this.job(jobId);
    if (pageSize !== undefined && pageSize > 1000) {
      throw new SimulatorError(400, 'invalid.value', `pageSize ${pageSize} is over the maximum of 1000.`);
    }
    const size = pageSize ?? 1;
    const start = cursor === undefined ? 0 : Number(cursor);
    const page = conversations.slice(start, start + size);
    const next = start + size;
    return {
      conversations: page,
      dataAvailabilityDate: '2026-11-20T00:00:00.000Z',
      ...(next < conversations.length ? { cursor: String(next) } : {}),
    };
  }

  deleteJob(jobId: string): void {
    this.job(jobId);
    this.jobs.delete(jobId);
  }

  dataAvailability(): Models.DataAvailabilityResponse {
    return { dataAvailabilityDate: '2026-11-20T00:00:00.000Z' };
  }

  activeConversationsFor(userId: string): Models.ConversationEntityListing {
    const entities: Models.Conversation[] = [
      { id: 'live-1', startTime: '2026-11-20T10:00:00.000Z', participants: [{ userId, purpose: 'agent' }] },
    ];
    return { entities, pageSize: 25, pageNumber: 1, total: 1, pageCount: 1 };
  }

  private job(jobId: string): Models.AsyncConversationQuery {
    const job = this.jobs.get(jobId);
    if (!job) throw new SimulatorError(404, 'not.found', `Job ${jobId} was not found.`);
    return job;
  }
}

function requireInterval(interval: string | undefined): void {
  if (typeof interval !== 'string' || !interval.includes('/')) {
    throw new SimulatorError(400, 'invalid.date', 'interval is required: an ISO-8601 start/end pair.', {
      field: 'interval',
    });
  }
}
