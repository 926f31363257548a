/**
 * GET /api/v2/conversations (fact sheet §8): the calling user's own active
 * conversations, in the live `Conversation` model rather than the analytics
 * one. A conversation is active for the user while one of their sessions has
 * an open segment (ringing, talking, on hold or in wrap-up). The live model is
 * filled from the analytics record with the fields a client reads: ids,
 * times, participants with purpose/user/queue, and one media entry per
 * session with its state.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation, OrgDataset } from '../model';
import type { Participant, Session } from './facts';
import { openLegs } from './live-state';

const PAGE_SIZE = 25;

function state(session: Session): { state: string; held?: boolean } {
  const open = session.segments?.find((s) => s.segmentEnd === undefined);
  switch (open?.segmentType) {
    case undefined:
    case 'wrapup':
      return { state: 'disconnected' };
    case 'alert':
      return { state: 'alerting' };
    case 'dialing':
      return { state: 'dialing' };
    case 'contacting':
      return { state: 'contacting' };
    case 'hold':
      return { state: 'connected', held: true };
    default:
      return { state: 'connected', held: false };
  }
}

/** The fields every media model (Call, Callback, ConversationChat, Email, Message) shares. */
interface LiveMedia {
  id?: string;
  direction?: string;
  state?: string;
  held?: boolean;
  startAlertingTime?: string;
  connectedTime?: string;
  disconnectedTime?: string;
}

function media(session: Session): LiveMedia {
  const first = session.segments?.[0]?.segmentStart;
  const connected = session.segments?.find((s) => s.segmentType === 'interact')?.segmentStart;
  const last = session.segments?.[session.segments.length - 1];
  const ended = last && last.segmentType !== 'wrapup' ? last.segmentEnd : undefined;
  return {
    id: session.sessionId,
    direction: session.direction,
    ...state(session),
    ...(first ? { startAlertingTime: first } : {}),
    ...(connected ? { connectedTime: connected } : {}),
    ...(ended ? { disconnectedTime: ended } : {}),
  };
}

function addMedia(out: Models.Participant, session: Session): void {
  const item = media(session);
  switch (session.mediaType) {
    case 'voice':
      (out.calls ??= []).push(item);
      break;
    case 'callback':
      (out.callbacks ??= []).push(item);
      break;
    case 'chat':
      (out.chats ??= []).push(item);
      break;
    case 'email':
      (out.emails ??= []).push(item);
      break;
    case 'message':
      (out.messages ??= []).push(item);
      break;
    default:
      // Other media (video, screen share…) have their own live models; a reporting client does not read them.
      break;
  }
}

function liveParticipant(participant: Participant): Models.Participant {
  const sessions = participant.sessions ?? [];
  const segments = sessions.flatMap((s) => s.segments ?? []);
  const open = segments.some((s) => s.segmentEnd === undefined);
  const out: Models.Participant = {
    id: participant.participantId,
    purpose: participant.purpose,
    ...(participant.participantName ? { name: participant.participantName } : {}),
    ...(participant.userId ? { userId: participant.userId } : {}),
    ...(segments.find((s) => s.queueId)?.queueId ? { queueId: segments.find((s) => s.queueId)?.queueId } : {}),
    ...(segments[0]?.segmentStart ? { startTime: segments[0].segmentStart } : {}),
    ...(!open && segments.length > 0 ? { endTime: segments[segments.length - 1]?.segmentEnd } : {}),
    ...(sessions[0]?.ani ? { ani: sessions[0].ani } : {}),
    ...(sessions[0]?.dnis ? { dnis: sessions[0].dnis } : {}),
    ...(participant.attributes ? { attributes: { ...participant.attributes } } : {}),
  };
  for (const session of sessions) addMedia(out, session);
  return out;
}

function liveConversation(conversation: Conversation): Models.Conversation {
  return {
    id: conversation.conversationId,
    startTime: conversation.conversationStart ?? '',
    participants: (conversation.participants ?? []).map(liveParticipant),
    ...(conversation.externalTag ? { externalTag: conversation.externalTag } : {}),
    recordingState: 'NONE',
    selfUri: `/api/v2/conversations/${conversation.conversationId ?? ''}`,
  };
}

export function activeConversationsFor(dataset: OrgDataset, userId: string): Models.ConversationEntityListing {
  const now = dataset.settings.now();
  const seen = new Set<string>();
  const entities: Models.Conversation[] = [];
  for (const leg of openLegs(dataset, now)) {
    const id = leg.conversation.conversationId ?? '';
    if (leg.participant.userId !== userId || seen.has(id)) continue;
    seen.add(id);
    entities.push(liveConversation(leg.conversation));
  }
  const page = entities.slice(0, PAGE_SIZE);
  const uri = `/api/v2/conversations?pageSize=${PAGE_SIZE}&pageNumber=1`;
  return {
    entities: page,
    pageSize: PAGE_SIZE,
    pageNumber: 1,
    total: entities.length,
    pageCount: Math.max(1, Math.ceil(entities.length / PAGE_SIZE)),
    firstUri: uri,
    selfUri: uri,
    lastUri: uri,
  };
}
