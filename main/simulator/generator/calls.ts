/**
 * Voice session literals shared by inbound and outbound calls. Every party
 * on a call sees the same ANI/DNIS; written as literals for speed (see
 * ConversationDraft).
 */
import type { Session } from './draft';
import { STANDARD_ROUTING } from './queueing';

export interface Call {
  direction: 'inbound' | 'outbound';
  /** "tel:+1…" of the caller. */
  ani: string;
  /** "tel:+1…" dialled. */
  dnis: string;
}

export function callSession(sessionId: string, call: Call): Session {
  return {
    sessionId,
    mediaType: 'voice',
    direction: call.direction,
    ani: call.ani,
    dnis: call.dnis,
    sessionDnis: call.dnis,
    provider: 'Edge',
    segments: [],
  };
}

export function queuedCallSession(sessionId: string, call: Call): Session {
  return {
    sessionId,
    mediaType: 'voice',
    direction: call.direction,
    ani: call.ani,
    dnis: call.dnis,
    sessionDnis: call.dnis,
    provider: 'Edge',
    requestedRoutings: STANDARD_ROUTING,
    usedRouting: 'Standard',
    segments: [],
  };
}
