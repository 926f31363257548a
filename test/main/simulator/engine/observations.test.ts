import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, DAVE, ERIN, Q_SALES, Q_SUPPORT } from './fixture-dataset';
import { expectBadRequest, fixtureEngine } from './helpers';

const byQueue = (queueId: string) => ({ type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] });

function entries(
  response: Models.QueueObservationQueryResponse,
  group: Record<string, string>,
  metric: string,
): Models.ObservationMetricData[] {
  const container = response.results?.find((r) => JSON.stringify(r.group) === JSON.stringify(group));
  return (container?.data ?? []).filter((d) => d.metric === metric);
}

function count(response: Models.QueueObservationQueryResponse, group: Record<string, string>, metric: string) {
  return entries(response, group, metric).reduce((sum, d) => sum + (d.stats?.count ?? 0), 0);
}

function byQualifier(response: Models.QueueObservationQueryResponse, group: Record<string, string>, metric: string) {
  return Object.fromEntries(entries(response, group, metric).map((d) => [d.qualifier ?? '', d.stats?.count]));
}

describe('queue observations', () => {
  const { engine } = fixtureEngine();

  it('counts waiting and interacting conversations at now', () => {
    const response = engine.queueObservations({
      filter: {
        type: 'or',
        predicates: [
          { dimension: 'queueId', value: Q_SALES },
          { dimension: 'queueId', value: Q_SUPPORT },
        ],
      },
      metrics: ['oWaiting', 'oInteracting', 'oAlerting'],
    });
    expect(response.results?.map((r) => r.group)).toEqual([{ queueId: Q_SALES }, { queueId: Q_SUPPORT }]);
    // Sales: c09 waits. Support: c11 (chat) waits, Alice talks on c10.
    expect(count(response, { queueId: Q_SALES }, 'oWaiting')).toBe(1);
    expect(count(response, { queueId: Q_SALES }, 'oInteracting')).toBe(0);
    expect(count(response, { queueId: Q_SUPPORT }, 'oWaiting')).toBe(1);
    expect(count(response, { queueId: Q_SUPPORT }, 'oInteracting')).toBe(1);
    expect(count(response, { queueId: Q_SUPPORT }, 'oAlerting')).toBe(0);
  });

  it('reports the longest waiting item and its age', () => {
    const response = engine.queueObservations({ filter: byQueue(Q_SALES), metrics: ['oLongestWaiting'] });
    const [longest] = entries(response, { queueId: Q_SALES }, 'oLongestWaiting');
    // c09 entered the queue at 11:55; now is 12:00.
    expect(longest?.stats).toEqual({ count: 1, calculatedMetricValue: 300_000 });
    expect(longest?.observations?.[0]).toMatchObject({
      conversationId: 'c09',
      observationDate: '2024-05-02T11:55:00.000Z',
    });
  });

  it('lists detail observations when asked', () => {
    const response = engine.queueObservations({
      filter: byQueue(Q_SUPPORT),
      metrics: ['oWaiting'],
      detailMetrics: ['oWaiting', 'oInteracting'],
    });
    const [waiting] = entries(response, { queueId: Q_SUPPORT }, 'oWaiting');
    expect(waiting?.observations?.map((o) => o.conversationId)).toEqual(['c11']);
    const [interacting] = entries(response, { queueId: Q_SUPPORT }, 'oInteracting');
    expect(interacting?.observations?.[0]).toMatchObject({ conversationId: 'c10', userId: ALICE });
  });

  it('splits conversation metrics by media type when the filter names one', () => {
    const response = engine.queueObservations({
      filter: {
        type: 'and',
        predicates: [{ dimension: 'queueId', value: Q_SUPPORT }],
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
      metrics: ['oWaiting', 'oInteracting', 'oMemberUsers'],
    });
    expect(response.results?.map((r) => r.group)).toEqual([
      { queueId: Q_SUPPORT },
      { queueId: Q_SUPPORT, mediaType: 'chat' },
      { queueId: Q_SUPPORT, mediaType: 'voice' },
    ]);
    expect(count(response, { queueId: Q_SUPPORT, mediaType: 'chat' }, 'oWaiting')).toBe(1);
    expect(count(response, { queueId: Q_SUPPORT, mediaType: 'voice' }, 'oWaiting')).toBe(0);
    expect(count(response, { queueId: Q_SUPPORT, mediaType: 'voice' }, 'oInteracting')).toBe(1);
    expect(count(response, { queueId: Q_SUPPORT }, 'oMemberUsers')).toBe(3);
  });

  it('derives members and their states from recent activity', () => {
    const response = engine.queueObservations({
      filter: byQueue(Q_SUPPORT),
      metrics: ['oMemberUsers', 'oActiveUsers', 'oOnQueueUsers', 'oOffQueueUsers', 'oUserRoutingStatuses'],
      detailMetrics: ['oMemberUsers'],
    });
    const group = { queueId: Q_SUPPORT };
    // Support members: Alice (talking), Bob (idle since 11:45), Erin (off queue since her 05:10 call).
    // Carol handled Support calls but is deleted; Dave never handled anything.
    const members = entries(response, group, 'oMemberUsers')[0]?.observations?.map((o) => o.userId);
    expect([...(members ?? [])].sort()).toEqual([ALICE, BOB, ERIN]);
    expect(members).not.toContain(DAVE);
    expect(count(response, group, 'oActiveUsers')).toBe(3);
    expect(byQualifier(response, group, 'oOnQueueUsers')).toEqual({ IDLE: 1, INTERACTING: 1 });
    expect(count(response, group, 'oOffQueueUsers')).toBe(1);
    expect(byQualifier(response, group, 'oUserRoutingStatuses')).toEqual({ IDLE: 1, INTERACTING: 1, OFF_QUEUE: 1 });
  });

  it('qualifies presences by org presence ids mapped from system presences', () => {
    const response = engine.queueObservations({ filter: byQueue(Q_SUPPORT), metrics: ['oUserPresences'] });
    const mappings = response.systemToOrganizationMappings ?? {};
    const onQueue = mappings.ON_QUEUE?.[0] ?? '';
    const available = mappings.AVAILABLE?.[0] ?? '';
    expect(byQualifier(response, { queueId: Q_SUPPORT }, 'oUserPresences')).toEqual({ [onQueue]: 2, [available]: 1 });
  });

  it('reports zero counts rather than leaving metrics out', () => {
    const { engine: quiet } = fixtureEngine({}, { ms: Date.parse('2024-05-01T08:10:00Z') });
    const response = quiet.queueObservations({ filter: byQueue(Q_SUPPORT), metrics: ['oWaiting', 'oLongestWaiting'] });
    expect(entries(response, { queueId: Q_SUPPORT }, 'oWaiting')[0]?.stats).toEqual({ count: 0 });
    expect(entries(response, { queueId: Q_SUPPORT }, 'oLongestWaiting')[0]?.stats).toEqual({ count: 0 });
  });

  it('validates the query', () => {
    expectBadRequest(
      () => engine.queueObservations({ metrics: ['oWaiting'] } as Models.QueueObservationQuery),
      'filter is required',
    );
    expectBadRequest(
      () => engine.queueObservations({ filter: byQueue(Q_SALES), metrics: ['oQueueSize'] }),
      "Invalid value 'oQueueSize' for metrics[0]",
    );
    expectBadRequest(
      () =>
        engine.queueObservations({
          filter: { type: 'and', predicates: [{ dimension: 'userId', value: BOB }] },
          metrics: ['oWaiting'],
        }),
      "Invalid value 'userId' for filter.predicates[0].dimension",
    );
    expectBadRequest(
      () =>
        engine.queueObservations({
          filter: byQueue(Q_SALES),
          metrics: ['oWaiting'],
          detailMetrics: ['oLongestWaiting'],
        }),
      "Invalid value 'oLongestWaiting' for detailMetrics[0]",
    );
  });
});

describe('active conversations of a user', () => {
  const { engine } = fixtureEngine();

  it('lists the conversations the user is on now', () => {
    const listing = engine.activeConversationsFor(ALICE);
    expect(listing.total).toBe(1);
    const [conversation] = listing.entities ?? [];
    expect(conversation?.id).toBe('c10');
    expect(conversation?.endTime).toBeUndefined();
    const alice = conversation?.participants.find((p) => p.userId === ALICE);
    expect(alice).toMatchObject({ purpose: 'agent', queueId: Q_SUPPORT });
    expect(alice?.calls?.[0]).toMatchObject({
      state: 'connected',
      held: false,
      connectedTime: '2024-05-02T11:50:20.000Z',
    });
  });

  it('is empty for a user with nothing in progress', () => {
    expect(engine.activeConversationsFor(BOB)).toMatchObject({ entities: [], total: 0, pageNumber: 1 });
  });
});
