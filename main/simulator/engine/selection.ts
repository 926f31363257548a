/**
 * Which conversations an interval selects (fact sheet §4.1, §5; SDK model
 * docs for `ConversationQuery.interval` and `AsyncConversationQuery`):
 *
 * - A conversation "had activity during the interval" when it started before
 *   the interval's end and ended at or after its start (or has not ended).
 * - The sync details query additionally keeps only conversations that started
 *   on a UTC day touched by the interval, i.e. at or after 00:00 UTC of the
 *   start's day. A call from 23:50 to 00:10 is invisible to a query for 00:00-01:00.
 * - A job keeps every conversation with activity, unless
 *   `startOfDayIntervalMatching` asks for the sync query's day rule.
 */
import type { Conversation, OrgDataset } from '../model';
import { factsOf } from './facts';
import { DAY_MS, type Interval, floorUtcDay } from './interval';

/**
 * How far before an interval a conversation may have started and still be
 * active in it. The dataset is indexed by conversationStart, so "overlap"
 * semantics need a bound; conversations lasting longer than this (unusual for
 * the simulated media) are missed by jobs and aggregates. Assumption.
 */
export const MAX_CONVERSATION_SPAN_MS = DAY_MS;

/** `endMs` undefined: still in progress. */
export function activeDuring(startMs: number, endMs: number | undefined, interval: Interval): boolean {
  return startMs < interval.endMs && (endMs === undefined || endMs >= interval.startMs);
}

export function hadActivityDuring(conversation: Conversation, interval: Interval): boolean {
  const { startMs, endMs } = factsOf(conversation);
  return activeDuring(startMs, endMs, interval);
}

export interface SelectionResult {
  readonly conversations: Conversation[];
  /** True when any selected conversation was still in progress: the answer may change as now() moves. */
  readonly live: boolean;
}

export function selectConversations(
  dataset: OrgDataset,
  interval: Interval,
  startOfDayMatching: boolean,
  nowMs: number,
): SelectionResult {
  const from = startOfDayMatching ? floorUtcDay(interval.startMs) : interval.startMs - MAX_CONVERSATION_SPAN_MS;
  const to = Math.min(interval.endMs, nowMs + 1);
  const conversations: Conversation[] = [];
  let live = interval.endMs > nowMs;
  if (to <= from) return { conversations, live };
  for (const conversation of dataset.conversationsBetween(from, to)) {
    if (!hadActivityDuring(conversation, interval)) continue;
    if (factsOf(conversation).endMs === undefined) live = true;
    conversations.push(conversation);
  }
  return { conversations, live };
}

/** Conversations in progress at now (no conversationEnd), newest last. */
export function conversationsInProgress(dataset: OrgDataset, nowMs: number): Conversation[] {
  const out: Conversation[] = [];
  for (const conversation of dataset.conversationsBetween(nowMs - MAX_CONVERSATION_SPAN_MS, nowMs + 1)) {
    if (factsOf(conversation).endMs === undefined) out.push(conversation);
  }
  return out;
}
