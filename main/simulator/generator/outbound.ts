/**
 * Agent-placed outbound calls, usually on behalf of a queue: dialing →
 * contacting → (talk) → wrap-up. Unanswered attempts still cost handle time
 * (dialing + contacting + ACW), which is why AHT includes them for outbound.
 */
import type { Conversation } from '../model';
import { type Call, callSession } from './calls';
import { type BuildContext, ms } from './context';
import { drawAcw, holdCount, pickAgent, talkEnd, talkPieces, writeHandling } from './handling';
import { phoneNumber } from './phone';
import { pickVoiceQueue } from './voice';

export function outboundVoice(ctx: BuildContext, conversationId: string): Conversation {
  const { rng, draft, org, day } = ctx;
  const start = draft.start;
  const queue = pickVoiceQueue(ctx);
  const onBehalfOfQueue = rng.chance(0.75);
  const agent = pickAgent(rng, queue, day, []);
  const customerNumber = phoneNumber(rng, org.country);
  const callerId = rng.pick(org.flows).dnis;
  const call: Call = { direction: 'outbound', ani: callerId, dnis: customerNumber };

  const dialing = { start, end: start + rng.int(800, 3_000) };
  const contacting = { start: dialing.end, end: dialing.end + ms(rng.logNormal(12_000, 0.5), 3_000, 45_000) };
  const connected = rng.chance(0.72);
  const pieces = connected
    ? talkPieces(rng, contacting.end, ms(rng.logNormal(200_000, 0.6), 10_000, 2_700_000), holdCount(rng, 0.15))
    : [];
  const agentHungUp = rng.chance(0.5);
  const end = talkEnd(pieces, contacting.end);

  const session = writeHandling(ctx, {
    purpose: 'agent',
    agent,
    ...(onBehalfOfQueue ? { queue } : {}),
    newSession: (sessionId) => callSession(sessionId, call),
    dialing,
    contacting,
    talk: pieces,
    disconnectType: connected ? (agentHungUp ? 'client' : 'peer') : rng.pick(['peer', 'client']),
    acwMs: drawAcw(rng, queue),
  });
  draft.metric(session, 'nOutbound', 1, start);

  const external = draft.participant('external', customerNumber.slice(4));
  const far = draft.session(external, callSession(draft.uuid(), call));
  if (connected) {
    draft.segment(far, 'alert', dialing.end, contacting.end);
    draft.metric(far, 'nConnected', 1, contacting.end);
    pieces.forEach((p, i) =>
      draft.segment(
        far,
        p.type,
        p.start,
        p.end,
        undefined,
        i === pieces.length - 1 ? (agentHungUp ? 'peer' : 'endpoint') : undefined,
      ),
    );
  } else {
    draft.segment(far, 'alert', dialing.end, end, undefined, 'peer');
  }

  return draft.finish(conversationId, {
    originatingDirection: 'outbound',
    conversationInitiator: 'agent',
    customerParticipation: connected,
    ...(connected ? { mediaStatsMinConversationMos: Math.round(rng.between(3.6, 4.5) * 1000) / 1000 } : {}),
  });
}
