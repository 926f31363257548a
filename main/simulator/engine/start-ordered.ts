/**
 * The fast path of details queries and job results: unfiltered, in
 * conversationStart order, answered from the dataset's start-time index
 * instead of generating, filtering and sorting every conversation of the
 * interval. It selects exactly what `selectConversations` does, then builds
 * only the conversations of the page asked for.
 *
 * Whether a conversation is selected can depend on its end (did it reach the
 * interval? was it in the data lake?). Conversations whose end does not matter
 * are only counted; those that certainly ended before the interval (by their
 * kind's longest span) are skipped; the others are generated to learn their
 * end but not kept.
 */
import type { Conversation, ConversationStarts, OrgDataset } from '../model';
import { floorUtcDay, type Interval } from './interval';
import { sortConversations } from './ordering';
import { activeDuring, MAX_CONVERSATION_SPAN_MS } from './selection';

/** A dataset with the start-time index the fast path needs. */
export type IndexedDataset = OrgDataset & Pick<Required<OrgDataset>, 'startsBetween'>;

export function hasStartIndex(dataset: OrgDataset): dataset is IndexedDataset {
  return typeof dataset.startsBetween === 'function';
}

export interface StartOrderedRows {
  readonly total: number;
  /** True when the answer may change as now() moves (same meaning as SelectionResult.live). */
  readonly live: boolean;
  /** Rows [first, first + size) in the query's order. */
  readonly page: (first: number, size: number) => Conversation[];
}

/** First position whose start is ≥ `t`. */
function lowerBound(index: ConversationStarts, t: number): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.startAt(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The selected positions of `index`: those listed in `picked` (ascending),
 * then every position from `allFrom` on; `limit` keeps only the first rows
 * in the query's order.
 */
function rows(
  index: ConversationStarts,
  picked: Int32Array,
  allFrom: number,
  order: string,
  live: boolean,
  limit = Number.POSITIVE_INFINITY,
): StartOrderedRows {
  // Ascending positions among the selected; `total` below may cut the far end.
  const selected = picked.length + index.length - allFrom;
  const at = (p: number) => (p < picked.length ? (picked[p] ?? 0) : allFrom + p - picked.length);
  const startAt = (p: number) => index.startAt(at(p));
  const descending = order === 'desc';
  const total = Math.min(selected, limit);
  return {
    total,
    live,
    page: (first, size) => {
      const wanted = Math.min(size, total - first);
      if (wanted <= 0) return [];
      // The ascending positions the page covers, widened to whole runs of equal
      // starts: those tie-break on conversationId, which sortConversations applies.
      let lo = descending ? selected - first - wanted : first;
      let hi = descending ? selected - first : first + wanted;
      while (lo > 0 && startAt(lo - 1) === startAt(lo)) lo--;
      while (hi < selected && startAt(hi) === startAt(hi - 1)) hi++;
      const built: Conversation[] = [];
      for (let p = lo; p < hi; p++) built.push(index.conversationAt(at(p)));
      const sorted = sortConversations(built, 'conversationStart', order);
      const offset = descending ? first - (selected - hi) : first - lo;
      return sorted.slice(offset, offset + wanted);
    },
  };
}

/**
 * Positions in [from, to) whose (start, end) pass `keep`; ends are learnt one by one. A position that certainly
 * ended before `endedBefore` (its end bound says so) is left out without learning its end: `keep` must reject
 * such positions anyway. That keeps a query for one afternoon hour from generating the whole morning.
 */
function pick(
  index: ConversationStarts,
  from: number,
  to: number,
  keep: (start: number, end: number | undefined) => boolean,
  endedBefore = Number.NEGATIVE_INFINITY,
): Int32Array {
  const out = new Int32Array(to - from);
  const bound = index.endBoundAt?.bind(index);
  let n = 0;
  for (let i = from; i < to; i++) {
    if (bound !== undefined && bound(i) < endedBefore) continue;
    if (keep(index.startAt(i), index.endAt(i))) out[n++] = i;
  }
  return out.slice(0, n);
}

/**
 * The sync details query's selection (startOfDayMatching): everything that
 * starts inside the interval is selected without looking at it; what started
 * earlier on the interval's first UTC day only if still going at its start.
 * So the first page costs more the further past 00:00 UTC the interval starts.
 */
export function detailsRowsByStart(
  dataset: IndexedDataset,
  interval: Interval,
  order: string,
  nowMs: number,
): StartOrderedRows {
  const index = dataset.startsBetween(floorUtcDay(interval.startMs), Math.min(interval.endMs, nowMs + 1));
  const inside = lowerBound(index, interval.startMs);
  let live = interval.endMs > nowMs;
  // Ended before the interval and before now: neither selected nor in progress, so skipping it changes nothing.
  const endedBefore = Math.min(interval.startMs, nowMs + 1);
  const picked = pick(
    index,
    0,
    inside,
    (start, end) => {
      if (end === undefined) live = true;
      return activeDuring(start, end, interval);
    },
    endedBefore,
  );
  // Conversations inside are not generated, so whether one is still going is
  // unknown: any that started within a conversation's longest span of now
  // might be. Counting such a set as live only makes it refresh after a second.
  if (index.length > inside && index.startAt(index.length - 1) > nowMs - MAX_CONVERSATION_SPAN_MS) live = true;
  return rows(index, picked, inside, order, live);
}

/**
 * A job's selection: conversations active in the interval (or, with
 * `startOfDay`, the sync query's day rule) that had ended by `availableMs`,
 * the data lake's edge. Every end matters here, so each conversation of the
 * range is generated once, but none is kept: pages are built when read.
 */
export function jobRowsByStart(
  dataset: IndexedDataset,
  interval: Interval,
  startOfDay: boolean,
  completedMs: number,
  availableMs: number,
  order: string,
  limit: number | undefined,
): StartOrderedRows {
  const from = startOfDay ? floorUtcDay(interval.startMs) : interval.startMs - MAX_CONVERSATION_SPAN_MS;
  const index = dataset.startsBetween(from, Math.min(interval.endMs, completedMs + 1));
  const picked = pick(
    index,
    0,
    index.length,
    (start, end) => end !== undefined && end <= availableMs && activeDuring(start, end, interval),
    interval.startMs,
  );
  return rows(index, picked, index.length, order, false, limit);
}
