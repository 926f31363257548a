import type { Models } from 'purecloud-platform-client-v2';
import type { AnalyticsEngine } from '../model';
import { positiveInt } from './paging';
import type { ApiRoute, PermissionRule } from './router';

/** Fact sheet §13: details endpoints accept either the full or the agent-restricted permission. */
const DETAIL: PermissionRule = {
  any: ['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view'],
};
const JOBS = '/analytics/conversations/details/jobs';

/**
 * The analytics endpoints are thin: the engine validates queries and throws
 * SimulatorError(400, …) with the precise message, which the API layer turns
 * into an ErrorBody. Bodies reach the engine as parsed JSON objects; their
 * fields are the engine's to check.
 */
export function analyticsRoutes(engine: AnalyticsEngine): ApiRoute[] {
  return [
    {
      method: 'POST',
      path: '/analytics/conversations/details/query',
      permissions: DETAIL,
      jsonBody: true,
      handle: ({ body }) => ({ status: 200, body: engine.detailsQuery(body as Models.ConversationQuery) }),
    },
    {
      method: 'POST',
      path: JOBS,
      permissions: DETAIL,
      jsonBody: true,
      // 202: the job is accepted, not done [assumption; the SDK only types the body].
      handle: ({ body }) => ({ status: 202, body: engine.submitJob(body as Models.AsyncConversationQuery) }),
    },
    {
      method: 'GET',
      path: `${JOBS}/availability`,
      permissions: { all: ['analytics:conversationDetail:view'] },
      handle: () => ({ status: 200, body: engine.dataAvailability() }),
    },
    {
      method: 'GET',
      path: `${JOBS}/{jobId}`,
      permissions: DETAIL,
      handle: ({ params }) => ({ status: 200, body: engine.jobStatus(params.jobId ?? '') }),
    },
    {
      method: 'DELETE',
      path: `${JOBS}/{jobId}`,
      permissions: DETAIL,
      handle: ({ params }) => {
        engine.deleteJob(params.jobId ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${JOBS}/{jobId}/results`,
      permissions: DETAIL,
      handle: ({ params, query }) => {
        const cursor = query.get('cursor') ?? undefined;
        // Only the syntax is checked here; the engine owns the ceiling (limits.jobMaxPageSize).
        const pageSize = query.has('pageSize') ? positiveInt(query, 'pageSize', 0, Number.MAX_SAFE_INTEGER) : undefined;
        return { status: 200, body: engine.jobResults(params.jobId ?? '', cursor || undefined, pageSize) };
      },
    },
    {
      method: 'GET',
      path: '/analytics/conversations/{conversationId}/details',
      permissions: DETAIL,
      handle: ({ params }) => ({ status: 200, body: engine.conversationDetails(params.conversationId ?? '') }),
    },
    {
      method: 'POST',
      path: '/analytics/conversations/aggregates/query',
      permissions: { all: ['analytics:conversationAggregate:view'] },
      jsonBody: true,
      handle: ({ body }) => ({
        status: 200,
        body: engine.aggregatesQuery(body as Models.ConversationAggregationQuery),
      }),
    },
    {
      method: 'POST',
      path: '/analytics/queues/observations/query',
      permissions: { all: ['analytics:queueObservation:view'] },
      jsonBody: true,
      handle: ({ body }) => ({ status: 200, body: engine.queueObservations(body as Models.QueueObservationQuery) }),
    },
  ];
}
