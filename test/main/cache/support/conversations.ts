import type { Models } from 'purecloud-platform-client-v2';

/** A small deterministic PRNG (mulberry32) so generated data is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const QUEUES = Array.from({ length: 30 }, (_, i) => `queue-${String(i).padStart(2, '0')}`);
export const USERS = Array.from({ length: 300 }, (_, i) => `user-${String(i).padStart(3, '0')}`);
export const WRAPUPS = Array.from({ length: 20 }, (_, i) => `wrapup-${String(i).padStart(2, '0')}`);
const MEDIA = ['voice', 'voice', 'voice', 'chat', 'email', 'message', 'callback'];

const iso = (ms: number): string => new Date(ms).toISOString();
const metric = (name: string, value: number, at: number): Models.AnalyticsSessionMetric => ({
  name,
  value,
  emitDate: iso(at),
});

export interface GeneratedOptions {
  seed?: number;
  /** Conversation starts are spread evenly over [start, start + spanMs), in start order (as a sync delivers them). */
  start: number;
  spanMs: number;
  count: number;
  /** Share of conversations still in progress (no end, no handle metric). */
  inProgressShare?: number;
}

/**
 * Realistic conversation details: a customer leg with ANI/DNIS, an IVR leg, a queue (ACD) leg with nOffered,
 * tAcd and tAnswered or tAbandon, and one or two agent legs with alert/talk/hold/ACW metrics and a wrap-up.
 */
export function generateConversations(options: GeneratedOptions): Models.AnalyticsConversation[] {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: Models.AnalyticsConversation[] = [];
  for (let i = 0; i < options.count; i++) {
    const start = options.start + Math.floor((i * options.spanMs) / options.count);
    const media = pick(MEDIA);
    const queue = pick(QUEUES);
    const inProgress = random() < (options.inProgressShare ?? 0);
    const abandoned = random() < 0.1;
    const transfer = !abandoned && random() < 0.15;
    const ivrMs = 5000 + Math.floor(random() * 20000);
    const acdMs = 2000 + Math.floor(random() * 60000);
    const queueStart = start + ivrMs;
    const answerAt = queueStart + acdMs;
    const participants: Models.AnalyticsParticipant[] = [
      {
        participantId: uuid(random),
        purpose: 'customer',
        participantName: 'Customer',
        sessions: [
          {
            sessionId: uuid(random),
            mediaType: media,
            direction: 'inbound',
            ani: `tel:+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}`,
            dnis: `tel:+1800555${String(Math.floor(random() * 100)).padStart(4, '0')}`,
            segments: [{ segmentType: 'system', segmentStart: iso(start), segmentEnd: iso(start + 200) }],
          },
        ],
      },
      {
        participantId: uuid(random),
        purpose: 'ivr',
        participantName: 'Main IVR',
        sessions: [
          {
            sessionId: uuid(random),
            mediaType: media,
            flow: { flowId: uuid(random), flowName: 'Main IVR', flowType: 'INBOUNDCALL' },
            metrics: [metric('tIvr', ivrMs, queueStart)],
            segments: [{ segmentType: 'ivr', segmentStart: iso(start), segmentEnd: iso(queueStart) }],
          },
        ],
      },
      {
        participantId: uuid(random),
        purpose: 'acd',
        participantName: queue,
        sessions: [
          {
            sessionId: uuid(random),
            mediaType: media,
            metrics: [
              metric('nOffered', 1, queueStart),
              metric('tAcd', acdMs, answerAt),
              abandoned ? metric('tAbandon', acdMs, answerAt) : metric('tAnswered', acdMs, answerAt),
            ],
            segments: [
              { segmentType: 'interact', queueId: queue, segmentStart: iso(queueStart), segmentEnd: iso(answerAt) },
            ],
          },
        ],
      },
    ];
    let end = answerAt;
    if (!abandoned) {
      const agents = transfer ? [pick(USERS), pick(USERS)] : [pick(USERS)];
      let legStart = answerAt;
      agents.forEach((userId, index) => {
        const alert = 2000 + Math.floor(random() * 8000);
        const talk = 30000 + Math.floor(random() * 600000);
        const held = random() < 0.3 ? Math.floor(random() * 60000) : 0;
        const acw = inProgress && index === agents.length - 1 ? 0 : 5000 + Math.floor(random() * 60000);
        const legQueue = index === 0 ? queue : pick(QUEUES);
        const metrics = [metric('tAlert', alert, legStart + alert), metric('tTalk', talk, legStart + alert + talk)];
        if (held > 0) metrics.push(metric('tHeld', held, legStart + alert + talk));
        if (acw > 0) {
          metrics.push(metric('tAcw', acw, legStart + alert + talk + held + acw));
          metrics.push(metric('tHandle', talk + held + acw, legStart + alert + talk + held + acw));
        }
        if (index < agents.length - 1) metrics.push(metric('nTransferred', 1, legStart + alert + talk));
        const segments: Models.AnalyticsConversationSegment[] = [
          { segmentType: 'alert', queueId: legQueue, segmentStart: iso(legStart), segmentEnd: iso(legStart + alert) },
          {
            segmentType: 'interact',
            queueId: legQueue,
            segmentStart: iso(legStart + alert),
            segmentEnd: iso(legStart + alert + talk),
          },
        ];
        if (acw > 0) {
          segments.push({
            segmentType: 'wrapup',
            queueId: legQueue,
            wrapUpCode: pick(WRAPUPS),
            wrapUpNote: 'Customer asked about an invoice',
            segmentStart: iso(legStart + alert + talk + held),
            segmentEnd: iso(legStart + alert + talk + held + acw),
          });
        }
        participants.push({
          participantId: uuid(random),
          purpose: 'agent',
          userId,
          participantName: `Agent ${userId}`,
          sessions: [{ sessionId: uuid(random), mediaType: media, direction: 'inbound', metrics, segments }],
        });
        legStart += alert + talk + held + acw;
      });
      end = legStart;
    }
    out.push({
      conversationId: uuid(random),
      conversationStart: iso(start),
      ...(inProgress ? {} : { conversationEnd: iso(end) }),
      originatingDirection: random() < 0.8 ? 'inbound' : 'outbound',
      divisionIds: ['division-home'],
      ...(random() < 0.2 ? { externalTag: `CRM-${Math.floor(random() * 100000)}` } : {}),
      participants,
    });
  }
  return out;
}
