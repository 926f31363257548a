/**
 * A small hand-built OrgDataset whose every metric is written out below, so
 * test expectations are computed by hand from this file, never by the engine.
 *
 * Org: two queues (Sales: call SL 80 % in 20 s; Support: call 90 % in 30 s,
 * chat 70 % in 60 s), agents Alice, Bob, Erin, Carol (deleted) and Dave (idle
 * all along), two wrap-up codes. "Now" defaults to 2024-05-02T12:00:00Z and
 * can be moved through `clock`. Metrics sit where the generator puts them:
 * nOffered, tAcd, tAbandon, tShortAbandon and nOverSla on the queue (acd)
 * session; tAnswered, talk, hold, ACW and handle on the agent session.
 *
 * 2024-04-30 / 05-01 (UTC), all ended:
 *  c01  08:00:05 voice Sales, answered after 15 s by Alice, talk 240 s, hold 20 s, ACW 60 s, wrap resolved
 *  c02  08:20:00 voice Sales, answered after 30 s (over SLA) by Bob, talk 100 s, ACW 10 s, blind transfer, wrap follow-up
 *  c03  09:00:00 voice Sales, abandoned after 45 s
 *  c04  09:10:00 chat Support, answered after 10 s by Alice, talk 480 s, ACW 110 s, wrap resolved
 *  c05  10:00:00 outbound voice by Bob on Sales: dial 10 s, contact 15 s, talk 240 s, ACW 35 s, wrap follow-up
 *  c06  11:29:55 voice Support, short abandon after 3 s
 *  c07  10:29:50 voice Support, answered 10:30:05 (15 s) by Bob, talk 120 s, ACW 55 s, wrap resolved
 *  c08  04-30 23:50 → 05-01 00:10 voice Sales, Alice, talk 1140 s, ACW 50 s (emitted after midnight), wrap follow-up
 *  c14  13:00:00 voice Support, answered after 8 s by Carol, talk 240 s, ACW 52 s, wrap resolved
 * 2024-05-02:
 *  c13  05:00 → 05:10 voice Support, Erin (ended before the 06:00 data-availability cut-off)
 *  c12  11:40 → 11:45 voice Sales, Bob (ended after the cut-off; Bob is idle on queue at noon)
 *  c10  11:50 voice Support, Alice talking now (in progress)
 *  c09  11:55 voice Sales, waiting in queue now (in progress)
 *  c11  11:58 chat Support, waiting in queue now (in progress)
 * DST days (acd-only offers, one nOffered at the start, abandoned 10 s later):
 *  d01 2024-03-31T22:30Z, d02 2024-03-31T23:30Z (London spring forward)
 *  d03 2024-10-27T00:30Z, d04 2024-10-27T01:30Z, d05 2024-10-27T23:30Z (London fall back)
 *  d06 2024-03-11T03:30Z, d07 2024-03-11T04:30Z (New York spring forward)
 *  d08 2024-11-04T04:30Z (New York fall back)
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation, OrgDataset } from '../../../../main/simulator/model';

export const Q_SALES = 'queue-sales';
export const Q_SUPPORT = 'queue-support';
export const ALICE = 'user-alice';
export const BOB = 'user-bob';
export const CAROL = 'user-carol';
export const DAVE = 'user-dave';
export const ERIN = 'user-erin';
export const WRAP_RESOLVED = 'wrap-resolved';
export const WRAP_FOLLOWUP = 'wrap-followup';
export const DIVISION = 'division-home';
export const ORG_ID = 'org-fixture';
export const DEFAULT_NOW = Date.parse('2024-05-02T12:00:00Z');
export const LONG_ATTRIBUTE = 'x'.repeat(2000);

const day = (date: string) => (time: string) => `${date}T${time}.000Z`;
export const apr30 = day('2024-04-30');
export const may1 = day('2024-05-01');
export const may2 = day('2024-05-02');

type Seg = [type: string, start: string, end?: string, extra?: Partial<Models.AnalyticsConversationSegment>];
type Metric = [name: string, value: number, emitDate: string];

function session(
  id: string,
  mediaType: string,
  direction: string,
  segments: Seg[],
  metrics: Metric[] = [],
  extra: Partial<Models.AnalyticsSession> = {},
): Models.AnalyticsSession {
  return {
    sessionId: id,
    mediaType,
    direction,
    ...extra,
    segments: segments.map(([segmentType, segmentStart, segmentEnd, more]) => ({
      segmentType,
      segmentStart,
      ...(segmentEnd ? { segmentEnd } : {}),
      ...more,
    })),
    ...(metrics.length > 0 ? { metrics: metrics.map(([name, value, emitDate]) => ({ name, value, emitDate })) } : {}),
  };
}

interface CallSpec {
  id: string;
  start: string;
  end?: string;
  mediaType?: string;
  queueId: string;
  ani: string;
  /** The acd leg: its segments and metrics. */
  acd: { end?: string; disconnectType?: string; metrics: Metric[] };
  agent?: { userId: string; name: string; segments: Seg[]; metrics: Metric[] };
  attributes?: Record<string, string>;
}

/** An inbound interaction: customer leg, queue (acd) leg, optionally an agent leg. */
function inbound(spec: CallSpec): Conversation {
  const media = spec.mediaType ?? 'voice';
  const customerEnd = spec.agent ? spec.agent.segments.find(([type]) => type === 'wrapup')?.[1] : spec.acd.end;
  const participants: Models.AnalyticsParticipant[] = [
    {
      participantId: `${spec.id}-customer`,
      purpose: 'customer',
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
      sessions: [
        session(`${spec.id}-s1`, media, 'inbound', [['system', spec.start, customerEnd ?? spec.end]], [], {
          ani: spec.ani,
          dnis: 'tel:+18005550100',
        }),
      ],
    },
    {
      participantId: `${spec.id}-acd`,
      purpose: 'acd',
      participantName: spec.queueId === Q_SALES ? 'Sales' : 'Support',
      sessions: [
        session(
          `${spec.id}-s2`,
          media,
          'inbound',
          [['interact', spec.start, spec.acd.end, { queueId: spec.queueId, disconnectType: spec.acd.disconnectType }]],
          spec.acd.metrics,
        ),
      ],
    },
  ];
  if (spec.agent) {
    participants.push({
      participantId: `${spec.id}-agent`,
      purpose: 'agent',
      userId: spec.agent.userId,
      participantName: spec.agent.name,
      sessions: [
        session(
          `${spec.id}-s3`,
          media,
          'inbound',
          spec.agent.segments.map(([type, start, end, more]) => [type, start, end, { queueId: spec.queueId, ...more }]),
          spec.agent.metrics,
        ),
      ],
    });
  }
  return {
    conversationId: spec.id,
    conversationStart: spec.start,
    ...(spec.end ? { conversationEnd: spec.end } : {}),
    originatingDirection: 'inbound',
    divisionIds: [DIVISION],
    participants,
  };
}

/** An offer that waits 10 s and is abandoned: enough to place one nOffered in a bucket. */
function offer(id: string, startIso: string, queueId = Q_SALES): Conversation {
  const end = new Date(Date.parse(startIso) + 10_000).toISOString();
  return inbound({
    id,
    start: startIso,
    end,
    queueId,
    ani: 'tel:+15550099',
    acd: {
      end,
      disconnectType: 'peer',
      metrics: [
        ['nOffered', 1, startIso],
        ['tAcd', 10_000, end],
        ['tAbandon', 10_000, end],
      ],
    },
  });
}

export const CONVERSATIONS: Conversation[] = [
  inbound({
    id: 'c08',
    start: apr30('23:50:00'),
    end: may1('00:10:00'),
    queueId: Q_SALES,
    ani: 'tel:+15550008',
    acd: {
      end: apr30('23:50:10'),
      metrics: [
        ['nOffered', 1, apr30('23:50:00')],
        ['tAcd', 10_000, apr30('23:50:10')],
      ],
    },
    agent: {
      userId: ALICE,
      name: 'Alice',
      segments: [
        ['alert', apr30('23:50:05'), apr30('23:50:10')],
        ['interact', apr30('23:50:10'), may1('00:09:10')],
        ['wrapup', may1('00:09:10'), may1('00:10:00'), { wrapUpCode: WRAP_FOLLOWUP }],
      ],
      metrics: [
        ['tAnswered', 10_000, apr30('23:50:10')],
        ['tAlert', 5_000, apr30('23:50:10')],
        ['tTalk', 1_140_000, may1('00:09:10')],
        ['tAcw', 50_000, may1('00:10:00')],
        ['tHandle', 1_190_000, may1('00:10:00')],
      ],
    },
  }),
  inbound({
    id: 'c01',
    start: may1('08:00:05'),
    end: may1('08:05:40'),
    queueId: Q_SALES,
    ani: 'tel:+15550001',
    attributes: { 'crm.accountId': 'A-1001', 'notes.long': LONG_ATTRIBUTE },
    acd: {
      end: may1('08:00:20'),
      disconnectType: 'transfer',
      metrics: [
        ['nOffered', 1, may1('08:00:05')],
        ['tAcd', 15_000, may1('08:00:20')],
      ],
    },
    agent: {
      userId: ALICE,
      name: 'Alice',
      segments: [
        ['alert', may1('08:00:15'), may1('08:00:20')],
        ['interact', may1('08:00:20'), may1('08:04:00')],
        ['hold', may1('08:04:00'), may1('08:04:20')],
        ['interact', may1('08:04:20'), may1('08:04:40')],
        ['wrapup', may1('08:04:40'), may1('08:05:40'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 15_000, may1('08:00:20')],
        ['tAlert', 5_000, may1('08:00:20')],
        ['nConnected', 1, may1('08:00:20')],
        ['tHeld', 20_000, may1('08:04:20')],
        ['tHeldComplete', 20_000, may1('08:04:20')],
        ['tTalk', 240_000, may1('08:04:40')],
        ['tTalkComplete', 240_000, may1('08:04:40')],
        ['tAcw', 60_000, may1('08:05:40')],
        ['tHandle', 320_000, may1('08:05:40')],
      ],
    },
  }),
  inbound({
    id: 'c02',
    start: may1('08:20:00'),
    end: may1('08:22:20'),
    queueId: Q_SALES,
    ani: 'tel:+15550002',
    acd: {
      end: may1('08:20:30'),
      disconnectType: 'transfer',
      metrics: [
        ['nOffered', 1, may1('08:20:00')],
        ['tAcd', 30_000, may1('08:20:30')],
        ['nOverSla', 1, may1('08:20:30')],
      ],
    },
    agent: {
      userId: BOB,
      name: 'Bob',
      segments: [
        ['alert', may1('08:20:25'), may1('08:20:30')],
        ['interact', may1('08:20:30'), may1('08:22:10'), { disconnectType: 'transfer' }],
        ['wrapup', may1('08:22:10'), may1('08:22:20'), { wrapUpCode: WRAP_FOLLOWUP }],
      ],
      metrics: [
        ['tAnswered', 30_000, may1('08:20:30')],
        ['tAlert', 5_000, may1('08:20:30')],
        ['tTalk', 100_000, may1('08:22:10')],
        ['nTransferred', 1, may1('08:22:10')],
        ['nBlindTransferred', 1, may1('08:22:10')],
        ['tAcw', 10_000, may1('08:22:20')],
        ['tHandle', 110_000, may1('08:22:20')],
      ],
    },
  }),
  inbound({
    id: 'c03',
    start: may1('09:00:00'),
    end: may1('09:00:45'),
    queueId: Q_SALES,
    ani: 'tel:+15550003',
    acd: {
      end: may1('09:00:45'),
      disconnectType: 'peer',
      metrics: [
        ['nOffered', 1, may1('09:00:00')],
        ['tAcd', 45_000, may1('09:00:45')],
        ['tAbandon', 45_000, may1('09:00:45')],
      ],
    },
  }),
  inbound({
    id: 'c04',
    start: may1('09:10:00'),
    end: may1('09:20:00'),
    mediaType: 'chat',
    queueId: Q_SUPPORT,
    ani: 'chat:guest-4',
    acd: {
      end: may1('09:10:10'),
      metrics: [
        ['nOffered', 1, may1('09:10:00')],
        ['tAcd', 10_000, may1('09:10:10')],
      ],
    },
    agent: {
      userId: ALICE,
      name: 'Alice',
      segments: [
        ['alert', may1('09:10:05'), may1('09:10:10')],
        ['interact', may1('09:10:10'), may1('09:18:10')],
        ['wrapup', may1('09:18:10'), may1('09:20:00'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 10_000, may1('09:10:10')],
        ['tAlert', 5_000, may1('09:10:10')],
        ['tTalk', 480_000, may1('09:18:10')],
        ['tAcw', 110_000, may1('09:20:00')],
        ['tHandle', 590_000, may1('09:20:00')],
      ],
    },
  }),
  {
    conversationId: 'c05',
    conversationStart: may1('10:00:00'),
    conversationEnd: may1('10:05:00'),
    originatingDirection: 'outbound',
    divisionIds: [DIVISION],
    participants: [
      {
        participantId: 'c05-agent',
        purpose: 'agent',
        userId: BOB,
        participantName: 'Bob',
        sessions: [
          session(
            'c05-s1',
            'voice',
            'outbound',
            [
              ['dialing', may1('10:00:00'), may1('10:00:10'), { queueId: Q_SALES }],
              ['contacting', may1('10:00:10'), may1('10:00:25'), { queueId: Q_SALES }],
              ['interact', may1('10:00:25'), may1('10:04:25'), { queueId: Q_SALES }],
              ['wrapup', may1('10:04:25'), may1('10:05:00'), { queueId: Q_SALES, wrapUpCode: WRAP_FOLLOWUP }],
            ],
            [
              ['nOutbound', 1, may1('10:00:00')],
              ['tDialing', 10_000, may1('10:00:10')],
              ['tContacting', 15_000, may1('10:00:25')],
              ['tTalk', 240_000, may1('10:04:25')],
              ['tAcw', 35_000, may1('10:05:00')],
              ['tHandle', 300_000, may1('10:05:00')],
            ],
          ),
        ],
      },
      {
        participantId: 'c05-external',
        purpose: 'external',
        sessions: [
          session('c05-s2', 'voice', 'outbound', [['system', may1('10:00:10'), may1('10:04:25')]], [], {
            dnis: 'tel:+15550005',
          }),
        ],
      },
    ],
  },
  inbound({
    id: 'c07',
    start: may1('10:29:50'),
    end: may1('10:33:00'),
    queueId: Q_SUPPORT,
    ani: 'tel:+15550007',
    acd: {
      end: may1('10:30:05'),
      metrics: [
        ['nOffered', 1, may1('10:29:50')],
        ['tAcd', 15_000, may1('10:30:05')],
      ],
    },
    agent: {
      userId: BOB,
      name: 'Bob',
      segments: [
        ['alert', may1('10:30:00'), may1('10:30:05')],
        ['interact', may1('10:30:05'), may1('10:32:05')],
        ['wrapup', may1('10:32:05'), may1('10:33:00'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 15_000, may1('10:30:05')],
        ['tAlert', 5_000, may1('10:30:05')],
        ['tTalk', 120_000, may1('10:32:05')],
        ['tAcw', 55_000, may1('10:33:00')],
        ['tHandle', 175_000, may1('10:33:00')],
      ],
    },
  }),
  inbound({
    id: 'c06',
    start: may1('11:29:55'),
    end: may1('11:29:58'),
    queueId: Q_SUPPORT,
    ani: 'tel:+15550006',
    acd: {
      end: may1('11:29:58'),
      disconnectType: 'peer',
      metrics: [
        ['nOffered', 1, may1('11:29:55')],
        ['tAcd', 3_000, may1('11:29:58')],
        ['tAbandon', 3_000, may1('11:29:58')],
        ['tShortAbandon', 3_000, may1('11:29:58')],
      ],
    },
  }),
  inbound({
    id: 'c14',
    start: may1('13:00:00'),
    end: may1('13:05:00'),
    queueId: Q_SUPPORT,
    ani: 'tel:+15550014',
    acd: {
      end: may1('13:00:08'),
      metrics: [
        ['nOffered', 1, may1('13:00:00')],
        ['tAcd', 8_000, may1('13:00:08')],
      ],
    },
    agent: {
      userId: CAROL,
      name: 'Carol',
      segments: [
        ['alert', may1('13:00:03'), may1('13:00:08')],
        ['interact', may1('13:00:08'), may1('13:04:08')],
        ['wrapup', may1('13:04:08'), may1('13:05:00'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 8_000, may1('13:00:08')],
        ['tAlert', 5_000, may1('13:00:08')],
        ['tTalk', 240_000, may1('13:04:08')],
        ['tAcw', 52_000, may1('13:05:00')],
        ['tHandle', 292_000, may1('13:05:00')],
      ],
    },
  }),
  inbound({
    id: 'c13',
    start: may2('05:00:00'),
    end: may2('05:10:00'),
    queueId: Q_SUPPORT,
    ani: 'tel:+15550013',
    acd: {
      end: may2('05:00:10'),
      metrics: [
        ['nOffered', 1, may2('05:00:00')],
        ['tAcd', 10_000, may2('05:00:10')],
      ],
    },
    agent: {
      userId: ERIN,
      name: 'Erin',
      segments: [
        ['alert', may2('05:00:05'), may2('05:00:10')],
        ['interact', may2('05:00:10'), may2('05:09:00')],
        ['wrapup', may2('05:09:00'), may2('05:10:00'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 10_000, may2('05:00:10')],
        ['tTalk', 530_000, may2('05:09:00')],
        ['tAcw', 60_000, may2('05:10:00')],
        ['tHandle', 590_000, may2('05:10:00')],
      ],
    },
  }),
  inbound({
    id: 'c12',
    start: may2('11:40:00'),
    end: may2('11:45:00'),
    queueId: Q_SALES,
    ani: 'tel:+15550012',
    acd: {
      end: may2('11:40:10'),
      metrics: [
        ['nOffered', 1, may2('11:40:00')],
        ['tAcd', 10_000, may2('11:40:10')],
      ],
    },
    agent: {
      userId: BOB,
      name: 'Bob',
      segments: [
        ['alert', may2('11:40:05'), may2('11:40:10')],
        ['interact', may2('11:40:10'), may2('11:44:00')],
        ['wrapup', may2('11:44:00'), may2('11:45:00'), { wrapUpCode: WRAP_RESOLVED }],
      ],
      metrics: [
        ['tAnswered', 10_000, may2('11:40:10')],
        ['tTalk', 230_000, may2('11:44:00')],
        ['tAcw', 60_000, may2('11:45:00')],
        ['tHandle', 290_000, may2('11:45:00')],
      ],
    },
  }),
  inbound({
    id: 'c10',
    start: may2('11:50:00'),
    queueId: Q_SUPPORT,
    ani: 'tel:+15550010',
    acd: {
      end: may2('11:50:20'),
      metrics: [
        ['nOffered', 1, may2('11:50:00')],
        ['tAcd', 20_000, may2('11:50:20')],
      ],
    },
    agent: {
      userId: ALICE,
      name: 'Alice',
      segments: [
        ['alert', may2('11:50:15'), may2('11:50:20')],
        ['interact', may2('11:50:20')],
      ],
      metrics: [
        ['tAnswered', 20_000, may2('11:50:20')],
        ['tAlert', 5_000, may2('11:50:20')],
      ],
    },
  }),
  inbound({
    id: 'c09',
    start: may2('11:55:00'),
    queueId: Q_SALES,
    ani: 'tel:+15550009',
    acd: { metrics: [['nOffered', 1, may2('11:55:00')]] },
  }),
  inbound({
    id: 'c11',
    start: may2('11:58:00'),
    mediaType: 'chat',
    queueId: Q_SUPPORT,
    ani: 'chat:guest-11',
    acd: { metrics: [['nOffered', 1, may2('11:58:00')]] },
  }),
  offer('d01', '2024-03-31T22:30:00.000Z'),
  offer('d02', '2024-03-31T23:30:00.000Z'),
  offer('d03', '2024-10-27T00:30:00.000Z'),
  offer('d04', '2024-10-27T01:30:00.000Z'),
  offer('d05', '2024-10-27T23:30:00.000Z'),
  offer('d06', '2024-03-11T03:30:00.000Z'),
  offer('d07', '2024-03-11T04:30:00.000Z'),
  offer('d08', '2024-11-04T04:30:00.000Z'),
];

/** The ids of conversations that started on 2024-05-01 (UTC), by start time. */
export const MAY1_IDS = ['c01', 'c02', 'c03', 'c04', 'c05', 'c07', 'c06', 'c14'];

export interface Clock {
  ms: number;
}

function user(id: string, name: string, state = 'active'): Models.User {
  return { id, name, state, version: 1 };
}

function queue(id: string, name: string, mediaSettings: Models.QueueMediaSettings): Models.Queue {
  return { id, name, division: { id: DIVISION }, mediaSettings };
}

/** Builds a dataset over `conversations` (the fixture by default) with a movable clock. */
export function fixtureDataset(
  clock: Clock = { ms: DEFAULT_NOW },
  conversations: Conversation[] = CONVERSATIONS,
): OrgDataset {
  const sorted = [...conversations].sort(
    (a, b) => Date.parse(a.conversationStart ?? '') - Date.parse(b.conversationStart ?? ''),
  );
  const starts = sorted.map((c) => Date.parse(c.conversationStart ?? ''));
  const byId = new Map(sorted.map((c) => [c.conversationId ?? '', c]));
  return {
    settings: { seed: 'fixture', perDay: 10, daysBack: 400, timeZone: 'Europe/London', now: () => clock.ms },
    organization: { id: ORG_ID, name: 'Fixture Org', version: 1 },
    divisions: [{ id: DIVISION, name: 'Home', description: 'Home division', homeDivision: true }],
    queues: [
      queue(Q_SALES, 'Sales', { call: { serviceLevel: { percentage: 0.8, durationMs: 20_000 } } }),
      queue(Q_SUPPORT, 'Support', {
        call: { serviceLevel: { percentage: 0.9, durationMs: 30_000 } },
        chat: { serviceLevel: { percentage: 0.7, durationMs: 60_000 } },
      }),
    ],
    users: [
      user(ALICE, 'Alice'),
      user(BOB, 'Bob'),
      user(CAROL, 'Carol', 'deleted'),
      user(DAVE, 'Dave'),
      user(ERIN, 'Erin'),
    ],
    wrapupCodes: [
      { id: WRAP_RESOLVED, name: 'Resolved' },
      { id: WRAP_FOLLOWUP, name: 'Follow-up' },
    ],
    *conversationsBetween(startMs: number, endMs: number): Iterable<Conversation> {
      // Like the generator: by conversationStart, and nothing that has not started yet.
      for (let i = 0; i < sorted.length; i++) {
        const start = starts[i] ?? 0;
        if (start >= startMs && start < endMs && start <= clock.ms) yield sorted[i] as Conversation;
      }
    },
    conversationById: (id) => byId.get(id),
  };
}
