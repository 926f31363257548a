import type { Models } from 'purecloud-platform-client-v2';

/** A conversation as the details query or a details job returns it (the job variant adds participant attributes). */
export type ConversationDetail = Models.AnalyticsConversation | Models.AnalyticsConversationWithoutAttributes;

/** The flat columns of one `conversations` row (named as the SQL parameters that write them). */
export interface FlatConversation {
  conversation_id: string;
  start_ms: number;
  end_ms: number | null;
  duration_ms: number | null;
  direction: string | null;
  media_type: string | null;
  first_queue_id: string | null;
  /** JSON arrays of distinct ids, in order of first appearance. */
  queue_ids: string;
  user_ids: string;
  wrapup_code_id: string | null;
  ani: string | null;
  dnis: string | null;
  division_id: string | null;
  external_tag: string | null;
  t_talk: number;
  t_held: number;
  t_acw: number;
  t_handle: number;
  t_acd: number;
  t_alert: number;
  t_abandon: number;
  abandoned: 0 | 1;
  answered: 0 | 1;
  transferred: 0 | 1;
}

/** Session metrics summed per conversation (fact sheet §4.2: metrics live on sessions, one per agent leg…). */
type SummedColumn = 't_talk' | 't_held' | 't_acw' | 't_handle' | 't_acd' | 't_alert' | 't_abandon';
// A Map, not an object literal: metric names come from the network, and "constructor" must not find anything.
const SUMMED = new Map<string, SummedColumn>([
  ['tTalk', 't_talk'],
  ['tHeld', 't_held'],
  ['tAcw', 't_acw'],
  ['tHandle', 't_handle'],
  ['tAcd', 't_acd'],
  ['tAlert', 't_alert'],
  ['tAbandon', 't_abandon'],
]);

const TRANSFER_METRICS = new Set(['nTransferred', 'nBlindTransferred', 'nConsultTransferred']);
const OUTSIDE_PARTIES = new Set(['customer', 'external']);
const AGENT_PURPOSES = new Set(['agent', 'user']);

type Participant = NonNullable<ConversationDetail['participants']>[number];
type Session = NonNullable<Participant['sessions']>[number];

function parseTime(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function firstSession(participants: Participant[], accept: (purpose: string) => boolean): Session | undefined {
  for (const participant of participants) {
    if (!accept(participant.purpose ?? '')) continue;
    const session = participant.sessions?.[0];
    if (session !== undefined) return session;
  }
  return undefined;
}

/**
 * The first queue the conversation entered: the earliest queue segment on an ACD leg, falling back to any
 * segment that names a queue (some flows put the queue only on the agent leg).
 */
function firstQueue(participants: Participant[]): string | null {
  let best: { at: number; queueId: string } | undefined;
  let fallback: { at: number; queueId: string } | undefined;
  for (const participant of participants) {
    const isAcd = participant.purpose === 'acd';
    for (const session of participant.sessions ?? []) {
      for (const segment of session.segments ?? []) {
        if (segment.queueId === undefined) continue;
        const at = parseTime(segment.segmentStart) ?? Number.MAX_SAFE_INTEGER;
        if (isAcd && (best === undefined || at < best.at)) best = { at, queueId: segment.queueId };
        if (fallback === undefined || at < fallback.at) fallback = { at, queueId: segment.queueId };
      }
    }
  }
  return (best ?? fallback)?.queueId ?? null;
}

/**
 * Derives the flat, filterable columns from a Genesys conversation. Returns null when the conversation lacks
 * an id or a parsable start (it could not be stored or placed on the timeline).
 */
export function flattenConversation(conversation: ConversationDetail): FlatConversation | null {
  const conversationId = conversation.conversationId;
  const start = parseTime(conversation.conversationStart);
  if (conversationId === undefined || conversationId === '' || start === null) return null;
  const end = parseTime(conversation.conversationEnd);
  const participants: Participant[] = conversation.participants ?? [];

  const sums: Record<SummedColumn, number> = {
    t_talk: 0,
    t_held: 0,
    t_acw: 0,
    t_handle: 0,
    t_acd: 0,
    t_alert: 0,
    t_abandon: 0,
  };
  let abandoned: 0 | 1 = 0;
  let answered: 0 | 1 = 0;
  let transferred: 0 | 1 = 0;
  const queueIds = new Set<string>();
  const userIds = new Set<string>();
  let wrapUp: { at: number; code: string } | undefined;

  for (const participant of participants) {
    if (participant.userId !== undefined && AGENT_PURPOSES.has(participant.purpose ?? '')) {
      userIds.add(participant.userId);
    }
    for (const session of participant.sessions ?? []) {
      for (const metric of session.metrics ?? []) {
        const name = metric.name ?? '';
        const value = typeof metric.value === 'number' && Number.isFinite(metric.value) ? metric.value : 0;
        const column = SUMMED.get(name);
        if (column !== undefined) sums[column] += value;
        if (name === 'tAbandon') abandoned = 1;
        else if (name === 'tAnswered') answered = 1;
        else if (TRANSFER_METRICS.has(name) && value > 0) transferred = 1;
      }
      for (const segment of session.segments ?? []) {
        if (segment.queueId !== undefined) queueIds.add(segment.queueId);
        if (segment.wrapUpCode !== undefined) {
          const at = parseTime(segment.segmentStart) ?? Number.MIN_SAFE_INTEGER;
          // ">=": of two wrap-ups at the same moment the later one in the response wins.
          if (wrapUp === undefined || at >= wrapUp.at) wrapUp = { at, code: segment.wrapUpCode };
        }
      }
    }
  }

  // Media, ANI and DNIS describe the customer's leg; an internal or outbound-only conversation may have none,
  // then the queue leg, then any leg.
  const customer = firstSession(participants, (purpose) => OUTSIDE_PARTIES.has(purpose));
  const acd = firstSession(participants, (purpose) => purpose === 'acd');
  const any = firstSession(participants, () => true);
  const mediaSession = customer ?? acd ?? any;
  const addressed = [customer, acd, any].find((session) => session?.ani !== undefined || session?.dnis !== undefined);

  return {
    conversation_id: conversationId,
    start_ms: start,
    end_ms: end,
    duration_ms: end === null ? null : Math.max(0, end - start),
    direction: conversation.originatingDirection ?? null,
    media_type: mediaSession?.mediaType ?? null,
    first_queue_id: firstQueue(participants),
    queue_ids: JSON.stringify([...queueIds]),
    user_ids: JSON.stringify([...userIds]),
    wrapup_code_id: wrapUp?.code ?? null,
    ani: addressed?.ani ?? null,
    dnis: addressed?.dnis ?? null,
    division_id: conversation.divisionIds?.[0] ?? null,
    external_tag: conversation.externalTag ?? null,
    ...sums,
    abandoned,
    answered,
    transferred,
  };
}
