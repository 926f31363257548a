/**
 * Reading a time range of generated days: which (day, index) keys it covers,
 * found from the days' timetables alone, and each conversation as it looks at
 * `now`. `conversationsBetween` streams every conversation of the range;
 * `StartsIndex` lets a caller count the range and build only the positions it
 * pages to.
 */
import type { Conversation, ConversationStarts } from '../model';
import type { OrgCalendar } from './calendar';
import type { DayEntry, DayStore } from './days';
import { conversationAt } from './progress';

/** First index whose start is ≥ `t`. */
export function lowerBound(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One day's stretch of a range: timetable indexes [from, to). */
export interface DayRun {
  readonly day: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The runs of every local day that [lo, hi) touches, skipping days with no
 * start in it. Lazy: a day's timetable is built only when its run is reached.
 */
export function* dayRuns(store: DayStore, calendar: OrgCalendar, lo: number, hi: number): Generator<DayRun> {
  if (!(hi > lo)) return;
  const last = calendar.dayOf(hi - 1);
  for (let day = calendar.dayOf(lo); day <= last; day++) {
    const { starts } = store.day(day).timetable;
    const from = lowerBound(starts, lo);
    const to = lowerBound(starts, hi);
    if (to > from) yield { day, from, to };
  }
}

/** A conversation as it stands at `now`: in progress ones show only what has happened. */
export function seenAt(store: DayStore, entry: DayEntry, index: number, now: number): Conversation {
  const conversation = store.conversation(entry, index);
  return (entry.ends[index] ?? 0) > now ? conversationAt(conversation, now) : conversation;
}

/**
 * Positions over a list of day runs. Entries are looked up in the store on
 * every access rather than held, so a cached index never pins a day the store
 * has let go of (it is rebuilt identically when touched again).
 */
export class StartsIndex implements ConversationStarts {
  /** Position of each run's first conversation, plus the total at the end. */
  private readonly offsets: number[];

  constructor(
    private readonly store: DayStore,
    private readonly runs: readonly DayRun[],
    private readonly now: number,
  ) {
    this.offsets = [0];
    for (const run of runs) this.offsets.push((this.offsets.at(-1) ?? 0) + run.to - run.from);
  }

  get length(): number {
    return this.offsets.at(-1) ?? 0;
  }

  startAt(i: number): number {
    const { entry, index } = this.locate(i, false);
    return entry.timetable.starts[index] ?? Number.NaN;
  }

  conversationAt(i: number): Conversation {
    const { entry, index } = this.locate(i);
    return seenAt(this.store, entry, index, this.now);
  }

  endAt(i: number): number | undefined {
    const { entry, index } = this.locate(i, false);
    const end = this.store.end(entry, index);
    return end > this.now ? undefined : end;
  }

  endBoundAt(i: number): number {
    const { entry, index } = this.locate(i, false);
    return this.store.endBound(entry, index);
  }

  /** `touch`: mark the day recently used (reading a conversation does; scanning starts and ends does not). */
  private locate(i: number, touch = true): { entry: DayEntry; index: number } {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`position ${i} is outside 0–${this.length - 1}`);
    // The last run starting at or before i.
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.offsets[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    const run = this.runs[lo] as DayRun;
    const entry = touch ? this.store.day(run.day) : this.store.peek(run.day);
    return { entry, index: run.from + i - (this.offsets[lo] ?? 0) };
  }
}
