/**
 * POST /api/v2/analytics/conversations/details/query (fact sheet §4).
 *
 * The expensive part — selecting a day's conversations, filtering and sorting
 * them — depends only on the query's shape (interval, filters, order), not on
 * the page asked for. That result is cached per shape in a bounded LRU so a
 * client paging through 20,000 conversations pays for the filter once. Data
 * still changing (interval reaching now, or conversations in progress) is
 * reused only for a second of simulated time; after that the row set is
 * rebuilt, which is how the real `totalHits` drifts on live intervals (§4.1).
 *
 * Unfiltered queries in conversationStart order take a fast path
 * (start-ordered.ts) when the dataset has a start-time index: the first page
 * of a day nobody has asked for then costs a page of conversations, not a day.
 * Its row sets hold no conversations, so they weigh nothing against the cap.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation, OrgDataset, SimulatorLimits } from '../model';
import { compileDetailFilters } from './detail-filters';
import { DAY_MS, type Interval, parseInterval } from './interval';
import { Lru } from './lru';
import { sortConversations } from './ordering';
import { selectConversations } from './selection';
import { withoutAttributes } from './shapes';
import { detailsRowsByStart, hasStartIndex } from './start-ordered';
import {
  badRequest,
  canonicalJson,
  optionalArray,
  optionalEnum,
  optionalInteger,
  rejectUnknownFields,
  requireBody,
  requireRecord,
} from './validation';
import { DETAILS_ORDER, ORDER_BY } from './vocabulary';

const FIELDS = [
  'interval',
  'conversationFilters',
  'segmentFilters',
  'evaluationFilters',
  'surveyFilters',
  'resolutionFilters',
  'order',
  'orderBy',
  'aggregations',
  'paging',
];

/** SDK default page size (§4.1). */
export const DEFAULT_PAGE_SIZE = 25;
/** How long (simulated ms) a row set over changing data is reused before it is rebuilt. */
export const LIVE_REUSE_MS = 1000;
const CACHE_ENTRIES = 64;
/**
 * Rows all cached row sets may hold together. Without it, 64 cached days of
 * 20,000 conversations kept over a million conversations alive after the
 * generator had dropped their days (the simulator grew by ~100 MB per day
 * queried). Matches the generator's own cache (generator/days.ts).
 */
export const CACHED_ROWS = 60_000;

/** A query's whole answer, in order; pages are cut from it. */
interface RowSet {
  readonly total: number;
  readonly page: (first: number, size: number) => Conversation[];
  /** Conversations it holds on to, which the cache bounds. */
  readonly weight: number;
  readonly builtAt: number;
  readonly live: boolean;
}

interface Paging {
  readonly pageSize: number;
  readonly pageNumber: number;
}

function parsePaging(value: unknown, limits: SimulatorLimits): Paging {
  if (value === undefined || value === null) return { pageSize: DEFAULT_PAGE_SIZE, pageNumber: 1 };
  const paging = requireRecord(value, 'paging');
  rejectUnknownFields(paging, ['pageSize', 'pageNumber'], 'paging');
  const pageSize = optionalInteger(paging, 'pageSize', 'paging.pageSize');
  const pageNumber = optionalInteger(paging, 'pageNumber', 'paging.pageNumber');
  // Both are required inside PagingSpec (§4.1).
  if (pageSize === undefined) throw badRequest('paging.pageSize is required');
  if (pageNumber === undefined) throw badRequest('paging.pageNumber is required');
  if (pageSize < 1 || pageSize > limits.detailsMaxPageSize) {
    throw badRequest(`paging.pageSize must be between 1 and ${limits.detailsMaxPageSize}, got ${pageSize}`);
  }
  if (pageNumber < 1) throw badRequest(`paging.pageNumber must be 1 or more, got ${pageNumber}`);
  if (pageSize * pageNumber > limits.detailsPaginationCap) {
    // Verbatim first sentence of the real response (§3.5).
    throw badRequest(`Pagination may not exceed ${limits.detailsPaginationCap} results.`);
  }
  return { pageSize, pageNumber };
}

function checkLength(interval: Interval, maxDays: number): void {
  if (interval.endMs - interval.startMs > maxDays * DAY_MS) {
    throw badRequest(
      `Interval '${interval.text}' exceeds the maximum of ${maxDays} days for a details query; query shorter intervals or submit a details job`,
    );
  }
}

export class DetailsQuery {
  private readonly rowSets = new Lru<string, RowSet>(CACHE_ENTRIES, (set) => set.weight, CACHED_ROWS);

  constructor(
    private readonly dataset: OrgDataset,
    private readonly limits: SimulatorLimits,
  ) {}

  run(query: unknown): Models.AnalyticsConversationQueryResponse {
    const body = requireBody(query, FIELDS);
    const interval = parseInterval(body.interval);
    checkLength(interval, this.limits.detailsMaxIntervalDays);
    const filter = compileDetailFilters(body);
    const order = optionalEnum(body, 'order', DETAILS_ORDER, 'order') ?? 'asc';
    const orderBy = optionalEnum(body, 'orderBy', ORDER_BY, 'orderBy') ?? 'conversationStart';
    const aggregations = optionalArray(body, 'aggregations', 'aggregations');
    if (aggregations && aggregations.length > 0) throw badRequest('aggregations are not supported by the simulator');
    const paging = parsePaging(body.paging, this.limits);

    const key = canonicalJson({
      start: interval.startMs,
      end: interval.endMs,
      conversationFilters: body.conversationFilters,
      segmentFilters: body.segmentFilters,
      order,
      orderBy,
    });
    const rows = this.rowSet(key, () => {
      const now = this.dataset.settings.now();
      if (!filter && orderBy === 'conversationStart' && hasStartIndex(this.dataset)) {
        const fast = detailsRowsByStart(this.dataset, interval, order, now);
        return { total: fast.total, page: fast.page, weight: 0, builtAt: now, live: fast.live };
      }
      const selected = selectConversations(this.dataset, interval, true, now);
      const kept = filter ? selected.conversations.filter(filter) : selected.conversations;
      const sorted = sortConversations(kept, orderBy, order);
      return {
        total: sorted.length,
        page: (first, size) => sorted.slice(first, first + size),
        weight: sorted.length,
        builtAt: now,
        live: selected.live,
      };
    });

    const page = rows.page((paging.pageNumber - 1) * paging.pageSize, paging.pageSize);
    // An empty page has no `conversations` at all; clients loop until it is missing (§4.2).
    if (page.length === 0) return { totalHits: rows.total };
    return { conversations: page.map(withoutAttributes), totalHits: rows.total };
  }

  private rowSet(key: string, build: () => RowSet): RowSet {
    const now = this.dataset.settings.now();
    const cached = this.rowSets.get(key);
    if (cached && (!cached.live || (now >= cached.builtAt && now - cached.builtAt < LIVE_REUSE_MS))) {
      return cached;
    }
    const fresh = build();
    this.rowSets.set(key, fresh);
    return fresh;
  }
}
