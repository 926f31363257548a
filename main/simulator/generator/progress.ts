/**
 * A conversation as seen at `now` while it is still going on: only what has
 * happened so far. Segments not yet started are gone, the one under way has
 * no end (nor the outcome fields known only at its end), metrics not yet
 * emitted are gone, and there is no conversationEnd. The cached complete
 * conversation is never modified, so the same day serves any later `now`.
 */
import type { Conversation } from '../model';
import type { Participant, Segment, Session } from './draft';

/** Known only once a segment ends. */
function openSegment(segment: Segment): Segment {
  const open: Segment = { ...segment };
  delete open.segmentEnd;
  delete open.disconnectType;
  delete open.wrapUpCode;
  delete open.wrapUpNote;
  return open;
}

function sessionAt(session: Session, now: number, nowIso: string): Session | undefined {
  const segments: Segment[] = [];
  for (const segment of session.segments ?? []) {
    const start = Date.parse(segment.segmentStart ?? '');
    if (start > now) break;
    const end = Date.parse(segment.segmentEnd ?? '');
    segments.push(end > now ? openSegment(segment) : segment);
  }
  if (segments.length === 0) return undefined;
  const copy: Session = { ...session, segments };
  // ISO strings of one format order like the instants they name.
  const metrics = session.metrics?.filter((m) => (m.emitDate ?? '') <= nowIso);
  if (metrics && metrics.length > 0) copy.metrics = metrics;
  else delete copy.metrics;
  if (copy.flow && segments[segments.length - 1]?.segmentEnd === undefined) {
    // Where the flow sent the call is not known until it has.
    const flow = { ...copy.flow };
    delete flow.exitReason;
    delete flow.transferType;
    delete flow.transferTargetName;
    copy.flow = flow;
  }
  return copy;
}

export function conversationAt(conversation: Conversation, now: number): Conversation {
  const nowIso = new Date(now).toISOString();
  const participants: Participant[] = [];
  for (const p of conversation.participants ?? []) {
    const sessions: Session[] = [];
    for (const s of p.sessions ?? []) {
      const seen = sessionAt(s, now, nowIso);
      if (seen) sessions.push(seen);
    }
    if (sessions.length > 0) participants.push({ ...p, sessions });
  }
  const copy: Conversation = { ...conversation, participants };
  delete copy.conversationEnd;
  delete copy.mediaStatsMinConversationMos;
  delete copy.mediaStatsMinConversationRFactor;
  delete copy.selfServed;
  return copy;
}
