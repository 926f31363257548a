import type { ConversationTimeline, TimelineParticipant } from '../../preload/contract/workspace-types';
import type { CacheReader, ConversationDetail } from '../cache';
import { UserFacingError } from './errors';

type Participant = NonNullable<ConversationDetail['participants']>[number];

const PURPOSE_LABELS: Record<string, string> = {
  customer: 'Customer',
  external: 'External party',
  ivr: 'IVR',
  acd: 'Queue',
  agent: 'Agent',
  user: 'Agent',
  voicemail: 'Voicemail',
  workflow: 'Flow',
  outbound: 'Outbound',
};

const time = (text: string | undefined): number | null => {
  const ms = text === undefined ? NaN : Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
};

/**
 * One cached conversation as the detail panel shows it: who took part, in order, with every segment named
 * (queue and wrap-up names instead of ids). Built from the cache only, so it works offline.
 */
export function conversationTimeline(
  reader: CacheReader,
  connectionId: string,
  conversationId: string,
): ConversationTimeline {
  const detail = reader.conversation(connectionId, conversationId);
  if (!detail) {
    throw new UserFacingError('not-found', 'This conversation is not in the cache any more. Run the report again.');
  }
  const participants = detail.participants ?? [];
  const ids = (pick: (segment: SegmentLike) => string | undefined) =>
    participants.flatMap((p) => (p.sessions ?? []).flatMap((s) => (s.segments ?? []).map(pick))).filter(isText);
  const queues = reader.namesFor(
    connectionId,
    'queue',
    ids((s) => s.queueId),
  );
  const wrapups = reader.namesFor(
    connectionId,
    'wrapupCode',
    ids((s) => s.wrapUpCode),
  );
  const users = reader.namesFor(connectionId, 'user', participants.map((p) => p.userId).filter(isText));
  return {
    conversationId,
    start: time(detail.conversationStart) ?? 0,
    end: time(detail.conversationEnd),
    participants: participants.map((participant) => describeParticipant(participant, users, queues, wrapups)),
  };
}

type SegmentLike = NonNullable<NonNullable<Participant['sessions']>[number]['segments']>[number];

function describeParticipant(
  participant: Participant,
  users: Map<string, string>,
  queues: Map<string, string>,
  wrapups: Map<string, string>,
): TimelineParticipant {
  const purpose = participant.purpose ?? 'unknown';
  const name =
    (participant.userId ? users.get(participant.userId) : undefined) ??
    participant.participantName ??
    PURPOSE_LABELS[purpose] ??
    purpose;
  return {
    purpose,
    name,
    sessions: (participant.sessions ?? []).map((session) => ({
      mediaType: session.mediaType ?? 'unknown',
      direction: session.direction ?? null,
      ani: session.ani ?? null,
      dnis: session.dnis ?? null,
      segments: (session.segments ?? []).map((segment) => ({
        type: segment.segmentType ?? 'unknown',
        start: time(segment.segmentStart) ?? 0,
        end: time(segment.segmentEnd),
        queueName: segment.queueId ? (queues.get(segment.queueId) ?? 'Unknown queue') : null,
        wrapUpName: segment.wrapUpCode ? (wrapups.get(segment.wrapUpCode) ?? 'Unknown wrap-up code') : null,
        disconnectType: segment.disconnectType ?? null,
      })),
    })),
  };
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
