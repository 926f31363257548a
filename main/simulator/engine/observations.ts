/**
 * POST /api/v2/analytics/queues/observations/query (fact sheet §9): a snapshot
 * at now() of each queue matched by the filter.
 *
 * Conversation metrics come from the open legs of in-progress conversations:
 * oWaiting = open `acd` legs on the queue (observationDate = when the leg
 * entered the queue), oAlerting = agent legs ringing (`alert`), oInteracting =
 * agent legs talking, on hold, dialing or contacting; oLongestWaiting and
 * oLongestInteracting carry the oldest such item and its age in
 * `calculatedMetricValue` (ms). User metrics come from the derived membership
 * and agent states (see agent-state.ts): oMemberUsers all members,
 * oActiveUsers members not Offline, oOnQueueUsers On Queue members qualified
 * by routing status, oOffQueueUsers members Available but off queue,
 * oUserRoutingStatuses / oUserPresences all members qualified by routing
 * status / org presence id. Counts are always present (0 included).
 *
 * Grouping: user metrics are per queue ({queueId}); when the filter names a
 * mediaType, conversation metrics are reported per {queueId, mediaType} for
 * each media type the filter admits, otherwise they sit in the {queueId} group
 * across all media. (Assumption: the grouping is not documented.)
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { OrgDataset } from '../model';
import { type AgentState, AgentStates, SYSTEM_PRESENCES, presenceDefinitionId } from './agent-state';
import { iso } from './interval';
import { INTERACTING_SEGMENTS, type OpenLeg, isAgentLeg, openLegs, queueOf } from './live-state';
import { type Matcher, compileFilter } from './predicates';
import { badRequest, checkEnum, isRecord, optionalArray, requireBody } from './validation';
import { MEDIA_TYPES, OBSERVATION_DETAIL_METRICS, OBSERVATION_DIMENSIONS, OBSERVATION_METRICS } from './vocabulary';

interface QueueMedia {
  readonly queueId: string;
  readonly mediaType?: string;
}

const CONVERSATION_METRICS: ReadonlySet<string> = new Set([
  'oWaiting',
  'oInteracting',
  'oAlerting',
  'oLongestWaiting',
  'oLongestInteracting',
]);

function metricList(raw: unknown[] | undefined, path: string, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  (raw ?? []).forEach((item, i) => {
    if (typeof item !== 'string') throw badRequest(`${path}[${i}] must be a string`);
    checkEnum(item, allowed, `${path}[${i}]`);
    if (!out.includes(item)) out.push(item);
  });
  return out;
}

function mentions(raw: unknown, dimension: string): boolean {
  if (Array.isArray(raw)) return raw.some((item) => mentions(item, dimension));
  if (!isRecord(raw)) return false;
  return raw.dimension === dimension || Object.values(raw).some((value) => mentions(value, dimension));
}

function observation(leg: OpenLeg): Models.ObservationValue {
  return {
    observationDate: iso(leg.sessionStartMs),
    conversationId: leg.conversation.conversationId,
    sessionId: leg.session.sessionId,
    ...(leg.participant.userId ? { userId: leg.participant.userId } : {}),
    ...(leg.participant.participantName ? { participantName: leg.participant.participantName } : {}),
    ...(leg.session.direction ? { direction: leg.session.direction } : {}),
    ...(leg.session.ani ? { ani: leg.session.ani } : {}),
    ...(leg.session.dnis ? { dnis: leg.session.dnis } : {}),
    ...(leg.segment.requestedRoutingSkillIds ? { requestedRoutingSkillIds: leg.segment.requestedRoutingSkillIds } : {}),
  };
}

export class QueueObservations {
  private readonly agents: AgentStates;

  constructor(private readonly dataset: OrgDataset) {
    this.agents = new AgentStates(dataset);
  }

  run(query: unknown): Models.QueueObservationQueryResponse {
    const body = requireBody(query, ['filter', 'metrics', 'detailMetrics']);
    if (body.filter === undefined || body.filter === null) throw badRequest('filter is required');
    const filter: Matcher<QueueMedia> = compileFilter(body.filter, 'filter', {
      dimensions: OBSERVATION_DIMENSIONS,
      readDimension: (name) => (item) => {
        const value = name === 'queueId' ? item.queueId : item.mediaType;
        return value === undefined ? [] : [value];
      },
    });
    const requested = metricList(optionalArray(body, 'metrics', 'metrics'), 'metrics', OBSERVATION_METRICS);
    if (requested.length === 0) throw badRequest('metrics is required and must list at least one metric');
    const detailed = new Set(
      metricList(optionalArray(body, 'detailMetrics', 'detailMetrics'), 'detailMetrics', OBSERVATION_DETAIL_METRICS),
    );
    const metrics = [...requested, ...[...detailed].filter((m) => !requested.includes(m))];
    const byMedia = mentions(body.filter, 'mediaType');

    const now = this.dataset.settings.now();
    const legs = openLegs(this.dataset, now);
    const orgId = this.dataset.organization.id ?? '';
    const results: Models.QueueObservationDataContainer[] = [];
    for (const queue of this.dataset.queues) {
      const queueId = queue.id ?? '';
      const admitted = MEDIA_TYPES.filter((mediaType) => filter({ queueId, mediaType }));
      if (!filter({ queueId }) && admitted.length === 0) continue;
      const userMetrics = metrics.filter((m) => !CONVERSATION_METRICS.has(m));
      const conversationMetrics = metrics.filter((m) => CONVERSATION_METRICS.has(m));
      const queueLegs = legs.filter((leg) => queueOf(leg) === queueId);
      const queueData = userMetrics.flatMap((m) => this.userMetric(m, queueId, legs, now, detailed.has(m), orgId));
      if (byMedia) {
        if (queueData.length > 0) results.push({ group: { queueId }, data: queueData });
        for (const mediaType of admitted) {
          const mediaLegs = queueLegs.filter((leg) => leg.session.mediaType === mediaType);
          const data = conversationMetrics.flatMap((m) => this.conversationMetric(m, mediaLegs, now, detailed.has(m)));
          if (data.length > 0) results.push({ group: { queueId, mediaType }, data });
        }
      } else {
        const data = [
          ...queueData,
          ...conversationMetrics.flatMap((m) => this.conversationMetric(m, queueLegs, now, detailed.has(m))),
        ];
        results.push({ group: { queueId }, data });
      }
    }
    const systemToOrganizationMappings: Record<string, string[]> = {};
    for (const presence of SYSTEM_PRESENCES)
      systemToOrganizationMappings[presence] = [presenceDefinitionId(orgId, presence)];
    return { systemToOrganizationMappings, results };
  }

  private conversationMetric(
    metric: string,
    legs: readonly OpenLeg[],
    nowMs: number,
    detail: boolean,
  ): Models.ObservationMetricData[] {
    const waiting = (leg: OpenLeg) => leg.participant.purpose === 'acd';
    const alerting = (leg: OpenLeg) => isAgentLeg(leg) && leg.segment.segmentType === 'alert';
    const interacting = (leg: OpenLeg) => isAgentLeg(leg) && INTERACTING_SEGMENTS.has(leg.segment.segmentType ?? '');
    const pick =
      metric === 'oWaiting' || metric === 'oLongestWaiting' ? waiting : metric === 'oAlerting' ? alerting : interacting;
    const items = legs.filter(pick).sort((a, b) => a.sessionStartMs - b.sessionStartMs);
    if (metric === 'oLongestWaiting' || metric === 'oLongestInteracting') {
      const oldest = items[0];
      if (!oldest) return [{ metric, stats: { count: 0 } }];
      return [
        {
          metric,
          stats: { count: 1, calculatedMetricValue: nowMs - oldest.sessionStartMs },
          observations: [observation(oldest)],
        },
      ];
    }
    return [
      {
        metric,
        stats: { count: items.length },
        ...(detail ? { truncated: false, observations: items.map(observation) } : {}),
      },
    ];
  }

  private userMetric(
    metric: string,
    queueId: string,
    legs: readonly OpenLeg[],
    nowMs: number,
    detail: boolean,
    orgId: string,
  ): Models.ObservationMetricData[] {
    const members = this.agents.statesOf(this.agents.membersOf(queueId, nowMs), legs, nowMs);
    const entry = (states: AgentState[], qualifier?: string): Models.ObservationMetricData => ({
      metric,
      ...(qualifier ? { qualifier } : {}),
      stats: { count: states.length },
      ...(detail
        ? {
            truncated: false,
            observations: states
              .sort((a, b) => a.sinceMs - b.sinceMs)
              .map((s) => ({ observationDate: iso(s.sinceMs), userId: s.userId })),
          }
        : {}),
    });
    const qualified = (
      states: AgentState[],
      qualifierOf: (s: AgentState) => string,
    ): Models.ObservationMetricData[] => {
      const byQualifier = new Map<string, AgentState[]>();
      for (const s of states) byQualifier.set(qualifierOf(s), [...(byQualifier.get(qualifierOf(s)) ?? []), s]);
      if (byQualifier.size === 0) return [entry([])];
      return [...byQualifier.keys()].sort().map((q) => entry(byQualifier.get(q) ?? [], q));
    };
    switch (metric) {
      case 'oMemberUsers':
        return [entry(members)];
      case 'oActiveUsers':
        return [entry(members.filter((s) => s.presence !== 'OFFLINE'))];
      case 'oOffQueueUsers':
        return [entry(members.filter((s) => s.presence === 'AVAILABLE'))];
      case 'oOnQueueUsers':
        return qualified(
          members.filter((s) => s.presence === 'ON_QUEUE'),
          (s) => s.routingStatus,
        );
      case 'oUserRoutingStatuses':
        return qualified(members, (s) => s.routingStatus);
      default:
        return qualified(members, (s) => presenceDefinitionId(orgId, s.presence));
    }
  }
}
