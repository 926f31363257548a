/**
 * Chats, emails and messages: customer → queue → agent, no IVR and no holds.
 * Their free text lives where Genesys keeps it: the email subject on every
 * segment, the name typed into a chat form as participantName, form fields
 * as participant data.
 */
import type { Conversation } from '../model';
import { type BuildContext, ms } from './context';
import type { Session } from './draft';
import { drawAcw, pickAgent, writeHandling } from './handling';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { QueueProfile } from './org';
import { phoneNumber } from './phone';
import { runQueue, STANDARD_ROUTING, type WaitModel } from './queueing';
import { chatOpener, emailSubject, typedName } from './text';

type DigitalMedia = 'chat' | 'email' | 'message';

interface Profile {
  wait: WaitModel;
  /** Median time the agent spends on it, and spread. */
  talkMedianMs: number;
  talkSigma: number;
}

const PROFILES: Record<DigitalMedia, Profile> = {
  chat: {
    wait: { minMs: 2_000, overFactor: 1.2, patienceMedianMs: 240_000, shortAbandonChance: 0.01 },
    talkMedianMs: 540_000,
    talkSigma: 0.5,
  },
  message: {
    wait: { minMs: 5_000, overFactor: 1, patienceMedianMs: 1_800_000 },
    talkMedianMs: 720_000,
    talkSigma: 0.7,
  },
  email: { wait: { minMs: 60_000, overFactor: 0.6 }, talkMedianMs: 300_000, talkSigma: 0.5 },
};

const MESSAGE_TYPES = ['webmessaging', 'webmessaging', 'sms', 'whatsapp', 'facebook'];

function pickQueue(ctx: BuildContext, media: DigitalMedia): QueueProfile {
  const pool = ctx.org.pools[media];
  return pool.queues[ctx.rng.weighted(pool.cdf)] as QueueProfile;
}

/** What sets a digital session apart: written into each of its sessions in this order. */
interface Addressing {
  messageType?: string;
  addressFrom?: string;
  addressTo?: string;
  roomId?: string;
}

/**
 * A session of the conversation as a literal (the key order Genesys uses: id, media, direction, addressing,
 * segments, then routing on the queue leg). Literals, not spreads: this runs for every conversation whose end a
 * query needs, and spreading the shared fields cost more than the rest of the builder.
 */
function digitalSession(sessionId: string, media: DigitalMedia, a: Addressing, acd: boolean): Session {
  const { messageType, addressFrom, addressTo, roomId } = a;
  if (acd) {
    if (roomId !== undefined) {
      return {
        sessionId,
        mediaType: media,
        direction: 'inbound',
        roomId,
        segments: [],
        requestedRoutings: STANDARD_ROUTING,
        usedRouting: 'Standard',
      };
    }
    return messageType !== undefined
      ? {
          sessionId,
          mediaType: media,
          direction: 'inbound',
          messageType,
          addressFrom,
          addressTo,
          segments: [],
          requestedRoutings: STANDARD_ROUTING,
          usedRouting: 'Standard',
        }
      : {
          sessionId,
          mediaType: media,
          direction: 'inbound',
          addressFrom,
          addressTo,
          segments: [],
          requestedRoutings: STANDARD_ROUTING,
          usedRouting: 'Standard',
        };
  }
  if (roomId !== undefined) return { sessionId, mediaType: media, direction: 'inbound', roomId, segments: [] };
  return messageType !== undefined
    ? { sessionId, mediaType: media, direction: 'inbound', messageType, addressFrom, addressTo, segments: [] }
    : { sessionId, mediaType: media, direction: 'inbound', addressFrom, addressTo, segments: [] };
}

export function digitalInbound(ctx: BuildContext, conversationId: string, media: DigitalMedia): Conversation {
  const { rng, draft, org, day } = ctx;
  const profile = PROFILES[media];
  const queue = pickQueue(ctx, media);
  const first = typedName(rng, FIRST_NAMES);
  const addressing: Addressing = {};
  let subject: string | undefined;
  let attributes: Record<string, string> = {};
  let participantName = first;

  if (media === 'email') {
    subject = emailSubject(rng);
    const last = rng.pick(LAST_NAMES);
    participantName = `${first} ${last}`;
    addressing.addressFrom = `${first}.${last}@mail.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    addressing.addressTo = `support@${org.emailDomain}`;
  } else if (media === 'message') {
    const messageType = rng.pick(MESSAGE_TYPES);
    addressing.messageType = messageType;
    addressing.addressFrom = messageType === 'webmessaging' ? draft.uuid() : phoneNumber(rng, org.country).slice(4);
    addressing.addressTo = messageType === 'webmessaging' ? draft.uuid() : (org.flows[0]?.dnis ?? '').slice(4);
    attributes = { 'context.firstName': first, 'context.message': chatOpener(rng) };
  } else {
    addressing.roomId = `${draft.uuid()}@conference.${org.emailDomain}`;
    attributes = {
      'context.firstName': first,
      'context.customField1Label': 'Order number',
      'context.customField1': String(rng.int(100_000, 999_999)),
      'context.question': chatOpener(rng),
    };
  }

  const newSession = (sessionId: string): Session => digitalSession(sessionId, media, addressing, false);
  const customer = draft.participant('customer', participantName, { attributes });
  const customerSession = draft.session(customer, newSession(draft.uuid()));
  const enter = draft.start + rng.int(200, 3_000);
  const outcome = runQueue(ctx, {
    queue,
    enter,
    newSession: (sessionId) => digitalSession(sessionId, media, addressing, true),
    model: profile.wait,
    mayAbandon: media !== 'email',
    ...(subject !== undefined ? { subject } : {}),
  });

  let end = outcome.at;
  let customerLeft = true;
  if (outcome.kind === 'answered') {
    const alertMs = ms(rng.logNormal(5_000, 0.6), 500, queue.alertMs);
    const alert = { start: Math.max(enter, outcome.at - Math.min(alertMs, outcome.waitMs - 200)), end: outcome.at };
    const talk = ms(rng.logNormal(profile.talkMedianMs, profile.talkSigma), 20_000, 4 * 3_600_000);
    end = outcome.at + talk;
    customerLeft = media !== 'email' && rng.chance(0.5);
    writeHandling(ctx, {
      purpose: 'agent',
      agent: pickAgent(rng, queue, day, []),
      queue,
      newSession,
      alert,
      answeredAfterMs: outcome.waitMs,
      talk: [{ type: 'interact', start: outcome.at, end }],
      disconnectType: customerLeft ? 'peer' : 'client',
      acwMs: drawAcw(rng, queue),
      ...(subject !== undefined ? { subject } : {}),
    });
  }
  const segment = draft.segment(
    customerSession,
    'interact',
    draft.start,
    end,
    undefined,
    customerLeft ? 'endpoint' : 'peer',
  );
  if (segment && subject !== undefined) segment.subject = subject;

  return draft.finish(conversationId, {
    originatingDirection: 'inbound',
    conversationInitiator: 'customer',
    customerParticipation: true,
  });
}
