/**
 * `order`/`orderBy` of details queries and jobs. Segment times are
 * multi-valued, so (as in a search index sorting on an array field) ascending
 * order uses each conversation's earliest value and descending its latest.
 * Conversations without a value (no conversationEnd while in progress) sort
 * last in both directions. Ties break on conversationId so that pages never
 * overlap or skip a row; `unordered` is served in ascending order.
 */
import type { Conversation } from '../model';
import { type ConversationFacts, factsOf } from './facts';

type KeyOf = (facts: ConversationFacts) => number | undefined;

function keyFor(orderBy: string, descending: boolean): KeyOf {
  switch (orderBy) {
    case 'conversationEnd':
      return (f) => f.endMs;
    case 'segmentStart':
      return descending ? (f) => f.segments.maxStartMs : (f) => f.segments.minStartMs;
    case 'segmentEnd':
      return descending ? (f) => f.segments.maxEndMs : (f) => f.segments.minEndMs;
    default:
      return (f) => f.startMs;
  }
}

export function sortConversations(conversations: Conversation[], orderBy: string, order: string): Conversation[] {
  const descending = order === 'desc';
  const key = keyFor(orderBy, descending);
  const rows = conversations.map((c) => ({ c, key: key(factsOf(c)), id: c.conversationId ?? '' }));
  rows.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      return descending ? b.key - a.key : a.key - b.key;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows.map((row) => row.c);
}
