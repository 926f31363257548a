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
import type { Conversation, ConversationStarts, OrgDataset, SimulatorSettings } from '../model';
import { OrgCalendar } from './calendar';
import { type CacheLimits, DayStore, DEFAULT_CACHE, type StoreStats } from './days';
import { ConversationIds } from './ids';
import { buildOrg } from './org';
import { seedWords } from './random';
import { dayRuns, seenAt, StartsIndex } from './starts';

export { OrgCalendar } from './calendar';
export type { CacheLimits, StoreStats } from './days';

/** The dataset plus a window on its laziness and calendar, for tests and tools. */
export interface GeneratedOrgDataset extends OrgDataset {
  readonly calendar: OrgCalendar;
  stats(): StoreStats;
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
    for (const run of dayRuns(store, calendar, lo, hi)) {
      const entry = store.day(run.day);
      for (let i = run.from; i < run.to; i++) yield seenAt(store, entry, i, now);
    }
  }

  /** What a range selects at `now`: only conversations that have started by then, and only within retention. */
  function clip(startMs: number, endMs: number, now: number): { lo: number; hi: number } {
    return { lo: Math.max(startMs, calendar.dayStart(firstDay(now))), hi: Math.min(endMs, now) };
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
      const { lo, hi } = clip(startMs, endMs, now);
      if (!(hi > lo)) return [];
      // Re-iterable, like an array: each pass starts a fresh walk over the same days.
      return { [Symbol.iterator]: () => between(lo, hi, now) };
    },

    startsBetween(startMs: number, endMs: number): ConversationStarts {
      const now = settings.now();
      const { lo, hi } = clip(startMs, endMs, now);
      return new StartsIndex(store, [...dayRuns(store, calendar, lo, hi)], now);
    },

    conversationById(conversationId: string): Conversation | undefined {
      const key = ids.decode(conversationId);
      if (!key) return undefined;
      const now = settings.now();
      if (key.day < firstDay(now) || key.day > calendar.dayOf(now)) return undefined;
      const entry = store.day(key.day);
      const start = entry.timetable.starts[key.index];
      if (start === undefined || start >= now) return undefined;
      const conversation = seenAt(store, entry, key.index, now);
      return conversation.conversationId === conversationId.toLowerCase() ? conversation : undefined;
    },

    stats: () => store.stats(),
  };
}
