/**
 * POST /api/v2/analytics/queues/observations/query through the official SDK
 * (fact sheet §9): a snapshot at "now". The conversation counts are checked
 * against the conversations in progress that the details query shows, so the
 * live view and the historical view describe the same calls.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkModelProblems } from './sdk-models';
import {
  DAY_MS,
  NOW,
  allDetailPages,
  queueOfSession,
  rejection,
  sessionsOf,
  startConformance,
  type Conformance,
  type SessionRef,
} from './support';

let h: Conformance;
let queueIds: string[];
/** Sessions of the conversations in progress at NOW with their open (end-less) segment. */
let open: (SessionRef & { segment: Models.AnalyticsConversationSegment })[];

beforeAll(async () => {
  h = await startConformance({ settings: { perDay: 2000 } });
  queueIds = ((await h.routing.getRoutingQueues({ pageSize: 100 })).entities ?? []).map((q) => q.id ?? '');
  const live = await allDetailPages(h.analytics, {
    interval: `${new Date(NOW - DAY_MS).toISOString()}/${new Date(NOW).toISOString()}`,
    conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'notExists' }] }],
  });
  open = [...sessionsOf(live.conversations)].flatMap((ref) => {
    const segment = (ref.session.segments ?? []).find((s) => s.segmentEnd === undefined);
    return segment ? [{ ...ref, segment }] : [];
  });
});

afterAll(async () => {
  await h.close();
});

const allQueues = (): Models.QueueObservationQueryFilter => ({
  type: 'or',
  predicates: queueIds.map((value) => ({ dimension: 'queueId', value })),
});

type Open = (typeof open)[number];
const isAgent = ({ participant }: Open) => participant.purpose === 'agent' || participant.purpose === 'user';
const KINDS: Record<string, (leg: Open) => boolean> = {
  oWaiting: (leg) => leg.participant.purpose === 'acd',
  oAlerting: (leg) => isAgent(leg) && leg.segment.segmentType === 'alert',
  oInteracting: (leg) =>
    isAgent(leg) && ['interact', 'hold', 'dialing', 'contacting'].includes(leg.segment.segmentType ?? ''),
};

function expectedCount(metric: string, queueId: string, mediaType?: string): number {
  return open.filter(
    (leg) =>
      (leg.segment.queueId ?? queueOfSession(leg.session)) === queueId &&
      (mediaType === undefined || leg.session.mediaType === mediaType) &&
      (KINDS[metric] ?? (() => false))(leg),
  ).length;
}

function metricOf(result: Models.QueueObservationDataContainer | undefined, metric: string) {
  return (result?.data ?? []).filter((d) => d.metric === metric);
}

describe('queue observations', () => {
  it('count waiting, alerting and interacting per queue as the conversations in progress show them', async () => {
    const response: Models.QueueObservationQueryResponse = await h.analytics.postAnalyticsQueuesObservationsQuery({
      filter: allQueues(),
      metrics: ['oWaiting', 'oAlerting', 'oInteracting'],
    });
    expect(sdkModelProblems(response, 'QueueObservationQueryResponse')).toEqual([]);
    // Without a mediaType in the filter, one group per queue across all media.
    for (const result of response.results ?? []) expect(Object.keys(result.group ?? {})).toEqual(['queueId']);
    let busy = 0;
    for (const result of response.results ?? []) {
      const queueId = result.group?.queueId ?? '';
      for (const metric of Object.keys(KINDS)) {
        const count = expectedCount(metric, queueId);
        busy += count;
        expect(
          metricOf(result, metric).map((d) => d.stats?.count),
          `${queueId} ${metric}`,
        ).toEqual([count]);
      }
    }
    expect(new Set((response.results ?? []).map((r) => r.group?.queueId))).toEqual(new Set(queueIds));
    expect(busy).toBeGreaterThan(0);
  });

  it('list the waiting interactions on request, and oLongestWaiting is the oldest of them', async () => {
    const response = await h.analytics.postAnalyticsQueuesObservationsQuery({
      filter: allQueues(),
      metrics: ['oLongestWaiting'],
      detailMetrics: ['oWaiting'],
    });
    let waiting = 0;
    for (const result of response.results ?? []) {
      const [list] = metricOf(result, 'oWaiting');
      const items = list?.observations ?? [];
      waiting += items.length;
      expect(items).toHaveLength(list?.stats?.count ?? -1);
      const dates = items.map((item) => Date.parse(item.observationDate ?? ''));
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      const queued = open.filter(
        (leg) => KINDS.oWaiting?.(leg) && queueOfSession(leg.session) === result.group?.queueId,
      );
      expect(new Set(items.map((item) => item.conversationId))).toEqual(
        new Set(queued.map((leg) => leg.conversation.conversationId)),
      );
      const [longest] = metricOf(result, 'oLongestWaiting');
      if (dates.length === 0) expect(longest?.stats?.count).toBe(0);
      else expect(longest?.stats?.calculatedMetricValue).toBe(NOW - Math.min(...dates));
    }
    expect(waiting).toBeGreaterThan(0);
  });

  it('split conversation counts by media type when the filter names media types', async () => {
    const busiest = [...queueIds].sort((a, b) => expectedCount('oWaiting', b) - expectedCount('oWaiting', a))[0] ?? '';
    const response = await h.analytics.postAnalyticsQueuesObservationsQuery({
      filter: {
        type: 'and',
        predicates: [{ dimension: 'queueId', value: busiest }],
        clauses: [
          {
            type: 'or',
            predicates: [
              { dimension: 'mediaType', value: 'voice' },
              { dimension: 'mediaType', value: 'chat' },
            ],
          },
        ],
      },
      metrics: ['oWaiting'],
    });
    // Group order is not documented; the set of groups is.
    expect((response.results ?? []).map((r) => r.group)).toHaveLength(2);
    expect((response.results ?? []).map((r) => r.group)).toEqual(
      expect.arrayContaining([
        { queueId: busiest, mediaType: 'voice' },
        { queueId: busiest, mediaType: 'chat' },
      ]),
    );
    for (const result of response.results ?? []) {
      expect(metricOf(result, 'oWaiting')[0]?.stats?.count).toBe(
        expectedCount('oWaiting', busiest, result.group?.mediaType),
      );
    }
  });

  it('show agents on a call from a queue as INTERACTING members of it, and add the members up', async () => {
    const response = await h.analytics.postAnalyticsQueuesObservationsQuery({
      filter: allQueues(),
      metrics: ['oMemberUsers', 'oActiveUsers', 'oUserPresences'],
      detailMetrics: ['oUserRoutingStatuses'],
    });
    const presenceIds = new Set(Object.values(response.systemToOrganizationMappings ?? {}).flat());
    let onCalls = 0;
    for (const result of response.results ?? []) {
      const queueId = result.group?.queueId ?? '';
      const members = metricOf(result, 'oMemberUsers')[0]?.stats?.count ?? -1;
      const sum = (metric: string) => metricOf(result, metric).reduce((n, d) => n + (d.stats?.count ?? 0), 0);
      expect(sum('oUserRoutingStatuses')).toBe(members);
      expect(sum('oUserPresences')).toBe(members);
      expect(sum('oActiveUsers')).toBeLessThanOrEqual(members);
      for (const d of metricOf(result, 'oUserPresences')) {
        if (d.stats?.count) expect(presenceIds.has(d.qualifier ?? '')).toBe(true);
      }
      for (const d of metricOf(result, 'oUserRoutingStatuses')) {
        expect(['IDLE', 'INTERACTING', 'COMMUNICATING', 'NOT_RESPONDING', 'OFF_QUEUE']).toContain(d.qualifier);
      }
      const interacting = new Set(
        metricOf(result, 'oUserRoutingStatuses')
          .filter((d) => d.qualifier === 'INTERACTING')
          .flatMap((d) => d.observations ?? [])
          .map((o) => o.userId),
      );
      for (const leg of open.filter(
        (l) => isAgent(l) && l.participant.userId && queueOfSession(l.session) === queueId,
      )) {
        onCalls++;
        expect(interacting.has(leg.participant.userId)).toBe(true);
      }
    }
    expect(onCalls).toBeGreaterThan(0);
  });

  it.each([
    [{ metrics: ['oWaiting'] }, 'filter is required'],
    [{ filter: allQueues, metrics: [] }, 'metrics is required and must list at least one metric'],
    [{ filter: allQueues, metrics: ['oServiceLevel'] }, "Invalid value 'oServiceLevel' for metrics[0]"],
    [
      { filter: () => ({ type: 'and', predicates: [{ dimension: 'userId', value: 'x' }] }), metrics: ['oWaiting'] },
      "Invalid value 'userId'",
    ],
  ])('refuse an invalid query (%#) with a message naming the problem', async (raw, message) => {
    const body = { ...raw, ...('filter' in raw ? { filter: raw.filter() } : {}) } as Models.QueueObservationQuery;
    const error = await rejection(h.analytics.postAnalyticsQueuesObservationsQuery(body));
    expect(error).toMatchObject({ status: 400, code: 'bad.request' });
    expect(error.message).toContain(message);
  });
});
