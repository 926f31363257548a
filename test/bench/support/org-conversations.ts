import { createOrgDataset } from '../../../main/simulator/generator/index';
import type { Conversation } from '../../../main/simulator/model';

export const BENCH_PER_DAY = 20_000;
export const BENCH_TIME_ZONE = 'America/Chicago';
const DAY_MS = 86_400_000;
/** "Now" for the benchmark org: fixed, so the same seed gives the same conversations on every run. */
export const BENCH_NOW = Date.UTC(2025, 0, 1);

export interface OrgConversationsOptions {
  seed: string;
  count: number;
  perDay?: number;
}

/**
 * Realistic finished conversations from the simulator's generator (the Demo organization's kind of data), in
 * start order, day after day from far enough back that `count` of them fit before BENCH_NOW.
 */
export function* orgConversations(options: OrgConversationsOptions): Generator<Conversation> {
  const perDay = options.perDay ?? BENCH_PER_DAY;
  // Weekends are quieter than the average; leave room for them.
  const days = Math.ceil((options.count / perDay) * 1.5) + 2;
  const dataset = createOrgDataset({
    seed: options.seed,
    perDay,
    daysBack: days + 1,
    timeZone: BENCH_TIME_ZONE,
    now: () => BENCH_NOW,
  });
  let left = options.count;
  for (let start = BENCH_NOW - days * DAY_MS; left > 0 && start < BENCH_NOW; start += DAY_MS) {
    for (const conversation of dataset.conversationsBetween(start, start + DAY_MS)) {
      yield conversation;
      if (--left === 0) return;
    }
  }
  if (left > 0) throw new Error(`the benchmark org ran out of conversations (${left} short)`);
}

/** The same conversations cut into pages, as the Genesys API delivers them. */
export function* pagesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let page: T[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
