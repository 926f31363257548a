/**
 * Where each dimension name lives in an `AnalyticsConversation`. Filters and
 * groupBy both read dimensions through here, so a value a details filter finds
 * is the value an aggregate groups by.
 *
 * A dimension lives at one level: conversation, participant, session or
 * segment. A segment filter looks at one segment at a time (with its session,
 * participant and conversation); an aggregate metric belongs to a session, so
 * segment-level dimensions take the values of all that session's segments
 * (an agent session's `wrapUpCode` sits on its wrapup segment only).
 * Names in the SDK enums that the simulated data never carries (e.g.
 * `interactionType`, `stationId`) have no reader: they never match and
 * `notExists` always holds, as for data Genesys has no value for.
 */
import type { Conversation } from '../model';
import { type Participant, type Segment, type Session, factsOf } from './facts';

export interface SessionContext {
  readonly conversation: Conversation;
  readonly participant: Participant;
  readonly session: Session;
  /** Set for segment filters; absent for session metrics (aggregates). */
  readonly segment?: Segment;
}

type Scalar = string | number | boolean | undefined;
type Raw = Scalar | readonly Scalar[];
export type DimensionReader<T> = (item: T) => readonly string[];

/** Dimensions whose values are instants: `matches` compares them as instants, not as text. */
export const DATE_DIMENSIONS: ReadonlySet<string> = new Set([
  'conversationStart',
  'conversationEnd',
  'segmentEnd',
  'callbackScheduledTime',
  'detectedSpeechStart',
  'detectedSpeechEnd',
]);

const CONVERSATION: Record<string, (c: Conversation) => Raw> = {
  accessAttribute: (c) => c.accessAttributes,
  conversationEnd: (c) => c.conversationEnd,
  conversationId: (c) => c.conversationId,
  conversationInitiator: (c) => c.conversationInitiator,
  conversationStart: (c) => c.conversationStart,
  customerParticipation: (c) => c.customerParticipation,
  divisionId: (c) => c.divisionIds,
  externalTag: (c) => c.externalTag,
  firstQueue: (c) => factsOf(c).segments.firstQueueId,
  knowledgeBaseId: (c) => c.knowledgeBaseIds,
  mediaStatsMinConversationMos: (c) => c.mediaStatsMinConversationMos,
  originatingDirection: (c) => c.originatingDirection,
  originatingSocialMediaPublic: (c) => c.originatingSocialMediaPublic,
  selfServed: (c) => c.selfServed,
};

const PARTICIPANT: Record<string, (p: Participant) => Raw> = {
  externalContactId: (p) => p.externalContactId,
  externalOrganizationId: (p) => p.externalOrganizationId,
  flaggedReason: (p) => p.flaggedReason,
  participantName: (p) => p.participantName,
  purpose: (p) => p.purpose,
  screenRecording: (p) => p.screenRecording,
  teamId: (p) => p.teamId,
  userId: (p) => p.userId,
};

const SESSION: Record<string, (s: Session) => Raw> = {
  activeSkillId: (s) => s.activeSkillIds,
  addressFrom: (s) => s.addressFrom,
  addressTo: (s) => s.addressTo,
  agentAssistantId: (s) => s.agentAssistantId,
  agentBullseyeRing: (s) => s.agentBullseyeRing,
  agentOwned: (s) => s.agentOwned,
  agentRank: (s) => s.proposedAgents?.map((a) => a.agentRank),
  ani: (s) => s.ani,
  assignerId: (s) => s.assignerId,
  authenticated: (s) => s.authenticated,
  bargedParticipantId: (s) => s.bargedParticipantId,
  callbackNumber: (s) => s.callbackNumbers,
  callbackScheduledTime: (s) => s.callbackScheduledTime,
  cleared: (s) => s.cleared,
  coachedParticipantId: (s) => s.coachedParticipantId,
  deliveryPushed: (s) => s.deliveryPushed,
  deliveryStatus: (s) => s.deliveryStatus,
  destinationAddress: (s) => s.destinationAddresses,
  detectedSpeechEnd: (s) => s.detectedSpeechEnd,
  detectedSpeechStart: (s) => s.detectedSpeechStart,
  direction: (s) => s.direction,
  dnis: (s) => s.dnis,
  edgeId: (s) => s.edgeId,
  eligibleAgentCount: (s) => s.eligibleAgentCounts,
  engagementSource: (s) => s.engagementSource,
  exitReason: (s) => s.flow?.exitReason,
  extendedDeliveryStatus: (s) => s.extendedDeliveryStatus,
  flowId: (s) => s.flow?.flowId,
  flowInType: (s) => s.flowInType,
  flowName: (s) => s.flow?.flowName,
  flowOutType: (s) => s.flowOutType,
  flowOutcome: (s) => s.flow?.outcomes?.map((o) => o.flowOutcome),
  flowOutcomeId: (s) => s.flow?.outcomes?.map((o) => o.flowOutcomeId),
  flowOutcomeValue: (s) => s.flow?.outcomes?.map((o) => o.flowOutcomeValue),
  flowVersion: (s) => s.flow?.flowVersion,
  journeyActionId: (s) => s.journeyActionId,
  journeyActionMapId: (s) => s.journeyActionMapId,
  journeyActionMapVersion: (s) => s.journeyActionMapVersion,
  journeyCustomerId: (s) => s.journeyCustomerId,
  journeyCustomerIdType: (s) => s.journeyCustomerIdType,
  journeyCustomerSessionId: (s) => s.journeyCustomerSessionId,
  journeyCustomerSessionIdType: (s) => s.journeyCustomerSessionIdType,
  mediaCount: (s) => s.mediaCount,
  mediaType: (s) => s.mediaType,
  messageType: (s) => s.messageType,
  monitoredParticipantId: (s) => s.monitoredParticipantId,
  outboundCampaignId: (s) => s.outboundCampaignId,
  outboundContactId: (s) => s.outboundContactId,
  outboundContactListId: (s) => s.outboundContactListId,
  peerId: (s) => s.peerId,
  proposedAgentId: (s) => s.proposedAgents?.map((a) => a.proposedAgentId),
  protocolCallId: (s) => s.protocolCallId,
  provider: (s) => s.provider,
  recording: (s) => s.recording,
  remote: (s) => s.remote,
  remoteNameDisplayable: (s) => s.remoteNameDisplayable,
  removedSkillId: (s) => s.removedSkillIds,
  requestedRouting: (s) => s.requestedRoutings,
  roomId: (s) => s.roomId,
  routingRing: (s) => s.routingRing,
  routingRule: (s) => s.routingRule,
  routingRuleType: (s) => s.routingRuleType,
  screenMonitoredUserId: (s) => s.screenMonitoredUserId,
  scriptId: (s) => s.scriptId,
  selectedAgentId: (s) => s.selectedAgentId,
  selectedAgentRank: (s) => s.selectedAgentRank,
  sessionDnis: (s) => s.sessionDnis,
  sessionId: (s) => s.sessionId,
  skillExpressionId: (s) => s.skillExpressionId,
  snippetRecording: (s) => s.snippetRecording,
  transferTargetAddress: (s) => s.flow?.transferTargetAddress,
  transferTargetName: (s) => s.flow?.transferTargetName,
  transferType: (s) => s.flow?.transferType,
  usedRouting: (s) => s.usedRouting,
  waitingInteractionCount: (s) => s.waitingInteractionCounts,
};

const SEGMENT: Record<string, (g: Segment) => Raw> = {
  agentScore: (g) => g.scoredAgents?.map((a) => a.agentScore),
  conference: (g) => g.conference,
  destinationConversationId: (g) => g.destinationConversationId,
  disconnectType: (g) => g.disconnectType,
  errorCode: (g) => g.errorCode,
  groupId: (g) => g.groupId,
  queueId: (g) => g.queueId,
  requestedLanguageId: (g) => g.requestedLanguageId,
  requestedRoutingSkillId: (g) => g.requestedRoutingSkillIds,
  scoredAgentId: (g) => g.scoredAgents?.map((a) => a.scoredAgentId),
  segmentEnd: (g) => g.segmentEnd,
  segmentType: (g) => g.segmentType,
  sipResponseCode: (g) => g.sipResponseCodes,
  subject: (g) => g.subject,
  wrapUpCode: (g) => g.wrapUpCode,
  wrapUpNote: (g) => g.wrapUpNote,
};

const NONE: readonly string[] = [];

function strings(raw: Raw): readonly string[] {
  if (raw === undefined || raw === '') return NONE;
  if (!Array.isArray(raw)) return [String(raw)];
  const out: string[] = [];
  for (const value of raw as readonly Scalar[]) {
    if (value === undefined || value === '') continue;
    const text = String(value);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** Readers for `conversationFilters` (conversation-level dimensions only). */
export function conversationDimension(name: string): DimensionReader<Conversation> {
  const read = CONVERSATION[name];
  return read ? (c) => strings(read(c)) : () => NONE;
}

/** Readers for segment filters, aggregate filters and groupBy: any level. */
export function contextDimension(name: string): DimensionReader<SessionContext> {
  const fromConversation = CONVERSATION[name];
  if (fromConversation) return (ctx) => strings(fromConversation(ctx.conversation));
  const fromParticipant = PARTICIPANT[name];
  if (fromParticipant) return (ctx) => strings(fromParticipant(ctx.participant));
  const fromSession = SESSION[name];
  if (fromSession) return (ctx) => strings(fromSession(ctx.session));
  const fromSegment = SEGMENT[name];
  if (!fromSegment) return () => NONE;
  return (ctx) => {
    if (ctx.segment) return strings(fromSegment(ctx.segment));
    // The union over the session's segments, without a throw-away array per segment:
    // aggregates call this once per session of every conversation in range.
    let all: string[] | undefined;
    for (const segment of ctx.session.segments ?? []) {
      const raw = fromSegment(segment);
      if (raw === undefined || raw === '') continue;
      for (const value of Array.isArray(raw) ? strings(raw) : [String(raw)]) {
        if (!all) all = [value];
        else if (!all.includes(value)) all.push(value);
      }
    }
    return all ?? NONE;
  };
}
