/**
 * What is happening at now(): the open session legs of in-progress
 * conversations. The generator leaves the current segment of an in-progress
 * conversation without `segmentEnd`; that open segment says what the leg is
 * doing now (waiting in queue on an `acd` leg, ringing on an agent's `alert`
 * segment, talking or on hold, in wrap-up).
 */
import type { Conversation, OrgDataset } from '../model';
import { type Participant, type Segment, type Session, parseMs } from './facts';
import { conversationsInProgress } from './selection';

export interface OpenLeg {
  readonly conversation: Conversation;
  readonly participant: Participant;
  readonly session: Session;
  /** The session's segment without an end. */
  readonly segment: Segment;
  /** When the session began (its first segment), e.g. when the call entered the queue. */
  readonly sessionStartMs: number;
  readonly segmentStartMs: number;
}

/** Segment types during which an agent counts as interacting (ringing and wrap-up excluded). */
export const INTERACTING_SEGMENTS: ReadonlySet<string> = new Set(['interact', 'hold', 'dialing', 'contacting']);

function openSegment(session: Session): Segment | undefined {
  const segments = session.segments ?? [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment && segment.segmentEnd === undefined) return segment;
  }
  return undefined;
}

export function openLegs(dataset: OrgDataset, nowMs: number): OpenLeg[] {
  const legs: OpenLeg[] = [];
  for (const conversation of conversationsInProgress(dataset, nowMs)) {
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        const segment = openSegment(session);
        if (!segment) continue;
        const segmentStartMs = parseMs(segment.segmentStart) ?? nowMs;
        const sessionStartMs = parseMs(session.segments?.[0]?.segmentStart) ?? segmentStartMs;
        legs.push({ conversation, participant, session, segment, sessionStartMs, segmentStartMs });
      }
    }
  }
  return legs;
}

/** The queue a leg belongs to: its open segment's queue, else any queue on the session. */
export function queueOf(leg: OpenLeg): string | undefined {
  return leg.segment.queueId ?? leg.session.segments?.find((s) => s.queueId)?.queueId;
}

export function isAgentLeg(leg: OpenLeg): boolean {
  return (
    leg.participant.userId !== undefined && (leg.participant.purpose === 'agent' || leg.participant.purpose === 'user')
  );
}
