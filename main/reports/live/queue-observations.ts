import type { Models } from 'purecloud-platform-client-v2';
import { badReportInput } from '../report-errors';
import type { LiveObservationSource } from '../types';

/**
 * Queue observations (fact sheet §9) for a list of queues, summed per queue. Conversation metrics may come
 * per media type (when the filter names media) and are added up; member metrics are per queue and taken once.
 */
export const OBSERVATION_METRICS = [
  'oWaiting',
  'oInteracting',
  'oAlerting',
  'oLongestWaiting',
  'oLongestInteracting',
  'oMemberUsers',
  'oActiveUsers',
  'oOnQueueUsers',
  'oOffQueueUsers',
] as const;

const MEMBER_METRICS: ReadonlySet<string> = new Set([
  'oMemberUsers',
  'oActiveUsers',
  'oOnQueueUsers',
  'oOffQueueUsers',
]);
/** Genesys documents no limit on queues per observation query (§9, unverified); 100 keeps bodies small. */
const QUEUES_PER_REQUEST = 100;

export interface QueueNow {
  waiting: number;
  interacting: number;
  alerting: number;
  /** How long the oldest waiting / interacting item has been there, in ms (null when none). */
  longestWaiting: number | null;
  longestInteracting: number | null;
  members: number;
  active: number;
  onQueue: number;
  /** On queue and idle: ready for the next interaction. */
  idle: number;
  offQueue: number;
}

const empty = (): QueueNow => ({
  waiting: 0,
  interacting: 0,
  alerting: 0,
  longestWaiting: null,
  longestInteracting: null,
  members: 0,
  active: 0,
  onQueue: 0,
  idle: 0,
  offQueue: 0,
});

function oldestAge(data: Models.ObservationMetricData, now: number): number | null {
  if (typeof data.stats?.calculatedMetricValue === 'number') return data.stats.calculatedMetricValue;
  const dates = (data.observations ?? []).map((item) => Date.parse(item.observationDate ?? '')).filter(Number.isFinite);
  return dates.length === 0 ? null : Math.max(0, now - Math.min(...dates));
}

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

function addConversationMetric(into: QueueNow, data: Models.ObservationMetricData, now: number): void {
  const count = data.stats?.count ?? 0;
  switch (data.metric) {
    case 'oWaiting':
      into.waiting += count;
      break;
    case 'oInteracting':
      into.interacting += count;
      break;
    case 'oAlerting':
      into.alerting += count;
      break;
    case 'oLongestWaiting':
      into.longestWaiting = maxOf(into.longestWaiting, oldestAge(data, now));
      break;
    case 'oLongestInteracting':
      into.longestInteracting = maxOf(into.longestInteracting, oldestAge(data, now));
      break;
  }
}

/** Member metrics of one container; `oOnQueueUsers` comes once per routing status, IDLE being "ready". */
function memberCounts(data: readonly Models.ObservationMetricData[]): Partial<QueueNow> {
  const out: Partial<QueueNow> = {};
  const add = (key: 'members' | 'active' | 'onQueue' | 'idle' | 'offQueue', count: number) =>
    (out[key] = (out[key] ?? 0) + count);
  for (const item of data) {
    const count = item.stats?.count ?? 0;
    if (item.metric === 'oMemberUsers') add('members', count);
    else if (item.metric === 'oActiveUsers') add('active', count);
    else if (item.metric === 'oOffQueueUsers') add('offQueue', count);
    else if (item.metric === 'oOnQueueUsers') {
      add('onQueue', count);
      if (item.qualifier === 'IDLE') add('idle', count);
    }
  }
  return out;
}

function filterFor(queueIds: readonly string[], mediaTypes: readonly string[]): Models.QueueObservationQueryFilter {
  const queues = {
    type: 'or' as const,
    predicates: queueIds.map((value) => ({ dimension: 'queueId' as const, value })),
  };
  if (mediaTypes.length === 0) return queues;
  const media = {
    type: 'or' as const,
    predicates: mediaTypes.map((value) => ({ dimension: 'mediaType' as const, value })),
  };
  return { type: 'and', clauses: [queues, media] };
}

/** What each queue looks like right now. Queues Genesys did not answer for are absent. */
export async function observeQueues(
  source: LiveObservationSource,
  queueIds: readonly string[],
  mediaTypes: readonly string[],
  options: { signal?: AbortSignal | undefined; now: number },
): Promise<Map<string, QueueNow>> {
  if (queueIds.length === 0) {
    throw badReportInput(
      'There is no list of queues yet. Run the report once while online so ReportDesk can download it.',
      'filters',
    );
  }
  const out = new Map<string, QueueNow>();
  const members = new Map<string, { perQueue?: Partial<QueueNow>; fallback: Partial<QueueNow> }>();
  for (let at = 0; at < queueIds.length; at += QUEUES_PER_REQUEST) {
    const response = await source.queryQueueObservations(
      {
        filter: filterFor(queueIds.slice(at, at + QUEUES_PER_REQUEST), mediaTypes),
        metrics: [...OBSERVATION_METRICS],
      },
      { signal: options.signal },
    );
    for (const container of response.results ?? []) {
      const queueId = container.group?.queueId;
      if (queueId === undefined) continue;
      const row = out.get(queueId) ?? empty();
      out.set(queueId, row);
      const data = container.data ?? [];
      for (const item of data)
        if (!MEMBER_METRICS.has(item.metric ?? '')) addConversationMetric(row, item, options.now);
      // Member counts belong to the queue: take the queue-level container, else the largest per-media one.
      const counts = memberCounts(data);
      const seen = members.get(queueId) ?? { fallback: {} };
      if (container.group?.mediaType === undefined) seen.perQueue = counts;
      else
        for (const key of Object.keys(counts) as (keyof QueueNow)[]) {
          seen.fallback[key] = Math.max(Number(seen.fallback[key] ?? 0), Number(counts[key] ?? 0));
        }
      members.set(queueId, seen);
    }
  }
  for (const [queueId, seen] of members) Object.assign(out.get(queueId) ?? {}, seen.perQueue ?? seen.fallback);
  return out;
}
