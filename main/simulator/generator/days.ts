/**
 * Lazy, bounded storage of generated days. A day's timetable (start times
 * only) is cheap and built on first touch; each conversation is built only
 * when asked for, from its own (day, index) stream, so asking for one hour
 * or one id builds just that. Least recently used days are dropped once
 * either bound is exceeded; rebuilding them gives identical results.
 */
import type { Conversation } from '../model';
import type { OrgCalendar } from './calendar';
import { buildConversation, type ConversationSource, conversationEnd, maxSpanOf } from './conversation';
import { MAX_CONVERSATIONS_PER_DAY } from './ids';
import { Rng, Stream } from './random';
import { dayTimetable, type DayTimetable } from './traffic';

export interface CacheLimits {
  /** Most days kept (timetables plus whatever conversations were built). */
  days: number;
  /** Most built conversations kept across days; the day in use is never dropped. */
  conversations: number;
}

/** A built conversation takes about 5 KB, so the default keeps at most ~300 MB of them. */
export const DEFAULT_CACHE: CacheLimits = { days: 40, conversations: 60_000 };

export interface DayEntry {
  timetable: DayTimetable;
  conversations: (Conversation | undefined)[];
  /** conversationEnd in ms per index (NaN until built): tells in-progress ones apart cheaply. */
  ends: Float64Array;
  built: number;
}

export interface StoreStats {
  /** Day numbers whose timetable was generated, in order (repeats mean a day was evicted and rebuilt). */
  timetablesBuilt: number[];
  conversationsBuilt: number;
  /** Ends learnt without building the conversation (see `end`). */
  endsComputed: number;
  cachedDays: number[];
  cachedConversations: number;
}

export class DayStore {
  private readonly entries = new Map<number, DayEntry>();
  private cachedConversations = 0;
  private readonly timetablesBuilt: number[] = [];
  private conversationsBuilt = 0;
  private endsComputed = 0;

  constructor(
    private readonly source: ConversationSource,
    private readonly calendar: OrgCalendar,
    private readonly perDay: number,
    private readonly limits: CacheLimits,
  ) {}

  day(day: number): DayEntry {
    let entry = this.entries.get(day);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the day most recently used.
      this.entries.delete(day);
      this.entries.set(day, entry);
      return entry;
    }
    const rng = Rng.derive(this.source.root, Stream.day, day);
    const timetable = dayTimetable(this.calendar, day, this.perDay, rng);
    if (timetable.starts.length > MAX_CONVERSATIONS_PER_DAY) {
      throw new RangeError(`perDay ${this.perDay} gives more conversations in a day than ids can address`);
    }
    this.timetablesBuilt.push(day);
    entry = {
      timetable,
      conversations: new Array<Conversation | undefined>(timetable.starts.length),
      ends: new Float64Array(timetable.starts.length).fill(Number.NaN),
      built: 0,
    };
    this.entries.set(day, entry);
    this.evict(day);
    return entry;
  }

  /**
   * The day's entry without marking it recently used: scans that read starts and ends of thousands of positions
   * call this per position, and re-inserting into the LRU map each time cost more than the reads themselves.
   */
  peek(day: number): DayEntry {
    return this.entries.get(day) ?? this.day(day);
  }

  conversation(entry: DayEntry, index: number): Conversation {
    const cached = entry.conversations[index];
    if (cached) return cached;
    const { day, start, load } = this.slot(entry, index);
    const { conversation, endMs } = buildConversation(this.source, day, index, start, load);
    entry.conversations[index] = conversation;
    entry.ends[index] = endMs;
    entry.built++;
    this.conversationsBuilt++;
    if (this.entries.get(day) === entry) {
      this.cachedConversations++;
      if (this.cachedConversations > this.limits.conversations) this.evict(day);
    }
    return conversation;
  }

  /**
   * conversationEnd in ms of one conversation, without building it when it is
   * not built already: a query that only checks which earlier conversations
   * were still going needs their ends, not thousands of conversations.
   */
  end(entry: DayEntry, index: number): number {
    const known = entry.ends[index] ?? Number.NaN;
    if (!Number.isNaN(known)) return known;
    const { day, start, load } = this.slot(entry, index);
    const endMs = conversationEnd(this.source, day, index, start, load);
    entry.ends[index] = endMs;
    this.endsComputed++;
    return endMs;
  }

  /** A time by which the conversation has certainly ended, known without generating it. */
  endBound(entry: DayEntry, index: number): number {
    const { timetable } = entry;
    return (timetable.starts[index] ?? timetable.startMs) + maxSpanOf(this.source, timetable.day, index);
  }

  /** What the timetable says about one conversation. */
  private slot(entry: DayEntry, index: number): { day: number; start: number; load: number } {
    const { timetable } = entry;
    return {
      day: timetable.day,
      start: timetable.starts[index] ?? timetable.startMs,
      load: timetable.loads[index] ?? 0,
    };
  }

  stats(): StoreStats {
    return {
      timetablesBuilt: this.timetablesBuilt.slice(),
      conversationsBuilt: this.conversationsBuilt,
      endsComputed: this.endsComputed,
      cachedDays: [...this.entries.keys()],
      cachedConversations: this.cachedConversations,
    };
  }

  private evict(keep: number): void {
    for (const [day, entry] of this.entries) {
      if (this.entries.size <= this.limits.days && this.cachedConversations <= this.limits.conversations) return;
      if (day === keep) continue;
      this.entries.delete(day);
      this.cachedConversations -= entry.built;
    }
  }
}
