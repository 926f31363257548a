/**
 * Callbacks requested from the web or an app: the request waits in a
 * callback queue; an agent accepts it, dials the customer and talks. The
 * agent's callback session carries dialing and contacting, so its handle
 * time includes them like any agent-placed call.
 */
import type { Conversation } from '../model';
import { type BuildContext, ms } from './context';
import { drawAcw, holdCount, pickAgent, talkEnd, talkPieces, writeHandling } from './handling';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { QueueProfile } from './org';
import { phoneNumber } from './phone';
import { runQueue, STANDARD_ROUTING } from './queueing';
import type { Session } from './draft';

export function callback(ctx: BuildContext, conversationId: string): Conversation {
  const { rng, draft, org, day } = ctx;
  const pool = org.pools.callback;
  const queue = pool.queues[rng.weighted(pool.cdf)] as QueueProfile;
  const number = phoneNumber(rng, org.country);
  const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const callbackNumbers = [number];
  const session = (sessionId: string, direction: string): Session => ({
    sessionId,
    mediaType: 'callback',
    direction,
    callbackNumbers,
    callbackUserName: name,
    segments: [],
  });

  const customer = draft.participant('customer', name, { attributes: { 'context.reason': 'web' } });
  const customerSession = draft.session(customer, session(draft.uuid(), 'inbound'));
  const enter = draft.start + rng.int(200, 2_000);
  const outcome = runQueue(ctx, {
    queue,
    enter,
    newSession: (sessionId) => ({
      sessionId,
      mediaType: 'callback',
      direction: 'inbound',
      callbackNumbers,
      callbackUserName: name,
      requestedRoutings: STANDARD_ROUTING,
      usedRouting: 'Standard',
      segments: [],
    }),
    model: { minMs: 20_000, overFactor: 0.8 },
    mayAbandon: false,
  });
  if (outcome.kind !== 'answered') throw new Error('callbacks neither abandon nor flow out');

  const alert = { start: Math.max(enter, outcome.at - rng.int(1_000, 8_000)), end: outcome.at };
  const dialing = { start: outcome.at, end: outcome.at + rng.int(1_000, 3_000) };
  const contacting = { start: dialing.end, end: dialing.end + ms(rng.logNormal(10_000, 0.5), 2_000, 45_000) };
  const reached = rng.chance(0.85);
  const pieces = reached
    ? talkPieces(rng, contacting.end, ms(rng.logNormal(200_000, 0.6), 10_000, 2_700_000), holdCount(rng, 0.15))
    : [];
  const end = talkEnd(pieces, contacting.end);
  writeHandling(ctx, {
    purpose: 'agent',
    agent: pickAgent(rng, queue, day, []),
    queue,
    // The agent's side dials out to the number left with the request.
    newSession: (sessionId) => ({ ...session(sessionId, 'outbound'), dnis: number }),
    alert,
    answeredAfterMs: outcome.waitMs,
    dialing,
    contacting,
    talk: pieces,
    disconnectType: reached ? rng.pick(['peer', 'client']) : 'peer',
    acwMs: drawAcw(rng, queue),
  });
  draft.segment(customerSession, 'callback', draft.start, end, queue.id, 'peer');

  return draft.finish(conversationId, {
    originatingDirection: 'inbound',
    conversationInitiator: 'customer',
    customerParticipation: reached,
  });
}
