/**
 * The simulator's data: a deterministic contact-centre org built from
 * `settings.seed`, with conversations generated lazily per org-local day.
 * Only the reference data is built here; days come into being when asked for.
 *
 * Returned conversations are shared with the day cache: treat them as
 * read-only. A finished conversation is the same object on every call while
 * its day stays cached (handy for WeakMap caches); one still in progress is a
 * fresh trimmed copy each time, since what it shows depends on `now()`.
 */
import type { Conversation, OrgDataset, SimulatorSettings } from '../model';
import { OrgCalendar } from './calendar';
import { type CacheLimits, DayStore, DEFAULT_CACHE, type StoreStats } from './days';
import { ConversationIds } from './ids';
import { buildOrg } from './org';
import { conversationAt } from './progress';
import { seedWords } from './random';

export { OrgCalendar } from './calendar';
export type { CacheLimits, StoreStats } from './days';

/** The dataset plus a window on its laziness and calendar, for tests and tools. */
export interface GeneratedOrgDataset extends OrgDataset {
  readonly calendar: OrgCalendar;
  stats(): StoreStats;
}

/** First index whose start is ≥ `t`. */
function lowerBound(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createOrgDataset(settings: SimulatorSettings, cache: Partial<CacheLimits> = {}): GeneratedOrgDataset {
  for (const key of ['perDay', 'daysBack'] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0) {
      throw new RangeError(`${key} must be a finite number ≥ 0, not ${settings[key]}`);
    }
  }
  const calendar = new OrgCalendar(settings.timeZone);
  const root = seedWords(settings.seed);
  const org = buildOrg(settings, root, calendar);
  const ids = new ConversationIds(root);
  const store = new DayStore({ org, ids, root }, calendar, Math.max(0, settings.perDay), {
    ...DEFAULT_CACHE,
    ...cache,
  });
  const daysBack = Math.floor(settings.daysBack);

  /** Retention: the first local day that still has data, given `now`. */
  const firstDay = (now: number) => calendar.dayOf(now) - daysBack;

  function* between(lo: number, hi: number, now: number): Generator<Conversation> {
    const last = calendar.dayOf(hi - 1);
    for (let day = calendar.dayOf(lo); day <= last; day++) {
      const entry = store.day(day);
      const { starts } = entry.timetable;
      const end = lowerBound(starts, hi);
      for (let i = lowerBound(starts, lo); i < end; i++) {
        const conversation = store.conversation(entry, i);
        yield (entry.ends[i] ?? 0) > now ? conversationAt(conversation, now) : conversation;
      }
    }
  }

  return {
    settings,
    organization: org.organization,
    divisions: org.divisions,
    queues: org.queues,
    users: org.users,
    wrapupCodes: org.wrapupCodes,
    calendar,

    conversationsBetween(startMs: number, endMs: number): Iterable<Conversation> {
      const now = settings.now();
      // Only conversations that have started by now, and only within retention.
      const lo = Math.max(startMs, calendar.dayStart(firstDay(now)));
      const hi = Math.min(endMs, now);
      if (!(hi > lo)) return [];
      // Re-iterable, like an array: each pass starts a fresh walk over the same days.
      return { [Symbol.iterator]: () => between(lo, hi, now) };
    },

    conversationById(conversationId: string): Conversation | undefined {
      const key = ids.decode(conversationId);
      if (!key) return undefined;
      const now = settings.now();
      if (key.day < firstDay(now) || key.day > calendar.dayOf(now)) return undefined;
      const entry = store.day(key.day);
      const start = entry.timetable.starts[key.index];
      if (start === undefined || start >= now) return undefined;
      const conversation = store.conversation(entry, key.index);
      if (conversation.conversationId !== conversationId.toLowerCase()) return undefined;
      return (entry.ends[key.index] ?? 0) > now ? conversationAt(conversation, now) : conversation;
    },

    stats: () => store.stats(),
  };
}
