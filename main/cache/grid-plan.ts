import type { SortColumn } from './grid-columns';
import { filterCondition, memberRange, Params, type MemberFilter, type Range } from './grid-conditions';
import type { KeysetPosition } from './grid-cursor';
import type { GridConditionGroup, GridFilter, GridSort } from './grid-request';

/**
 * The plan of a grid page: which rows it is read from (a member's entries, the phone index's candidates, or
 * `conversations` through a chosen index, walked in order for a bounded number of entries or read whole and
 * sorted), chosen from capped counts through the candidates' indexes. grid-sql.ts writes the SQL for it.
 */
export interface BuildInput {
  conn: number;
  start: number;
  end: number;
  filters: readonly GridFilter[];
  /** Advanced conditions left after "all" rules were merged into `filters` (grid-request.ts). */
  conditions?: GridConditionGroup | undefined;
  sort: GridSort;
  size: number;
  after: KeysetPosition | null;
  offset: number;
  /** Runs a capped count (`SELECT count(*) AS n …`) to size a plan's sources; without it no probing is done. */
  estimate?: Estimate | undefined;
  /**
   * Reads one row (the far end of a bounded walk, `SELECT … LIMIT 1 OFFSET n`). Without it a walk down a sort
   * index is not bounded (exports: one statement over everything).
   */
  probe?: Probe | undefined;
  /**
   * Which attempt at a page this is when it walks a sort index (see `WALK_FIRST`): `first` (default) walks at
   * most WALK_FIRST index entries; `sized` walks further, in proportion to the smallest source's row
   * count; `none` reads that source whole and sorts it. grid-query.ts moves to the next attempt when a bounded walk ends short of a page.
   */
  walk?: 'first' | 'sized' | 'none' | undefined;
}

/** Sources with fewer rows than this are read whole and sorted (~10 ms at most); larger ones in index order. */
const SMALL_DRIVER = 10_000;

export type Estimate = (sql: string, params: Record<string, unknown>) => number;
export type Probe = (sql: string, params: Record<string, unknown>) => Record<string, unknown> | undefined;

/**
 * Index entries a first walk down a sort index may read (~1 µs each, a row lookup and the filters). A filter
 * whose rows sit at the far end of the sort order (anti-correlated: a voice queue sorted by longest queue wait
 * passes every long-waiting email first) would otherwise read most of the cache. When the walk ends short of a
 * page, the next attempt walks further (as far as sorting the smallest source would cost), then reads that source
 * whole and sorts it.
 */
export const WALK_FIRST = 4_000;
/** Cap of the counts that size the later attempts (index entries only, ~40 ns each). */
const SOURCE_COUNT_CAP = 200_000;
/** A sweep (see `Driver`) walks up to this many index entries per row of the agent or queue it collected. */
const SWEEP_FACTOR = 4;

export type RowFilter = Exclude<GridFilter, MemberFilter>;
type TextFilter = Extract<GridFilter, { kind: 'text' }>;

/**
 * One lower and one upper bound on start_ms: the request's range, narrowed by start-time filters and, when
 * paging by start time, by the cursor. (Two separate bounds on the same column made SQLite, once it had
 * statistics, pick a skip-scan and a sort: measured, and pinned by grid-plans.test.ts.)
 */
export function rangeOf(input: BuildInput, params: Params, withCursor: boolean): Range {
  let from = input.start;
  let to = input.end;
  for (const filter of input.filters) {
    if (filter.kind === 'date' && filter.column === 'startTime') {
      if (filter.from !== undefined) from = Math.max(from, filter.from);
      if (filter.to !== undefined) to = Math.min(to, filter.to);
    }
  }
  const after = input.after;
  if (withCursor && input.sort.column === 'startTime' && after !== null && typeof after.value === 'number') {
    if (input.sort.direction === 'asc') from = Math.max(from, after.value);
    else to = Math.min(to, after.value + 1); // start times are whole milliseconds
  }
  return { start: params.add(from), end: params.add(Math.max(from, to)) };
}

export const usable = (filter: MemberFilter): boolean => filter.values.length > 0 && filter.includeBlank !== true;
/** Agents before queues: one agent's share of the conversations is usually the smaller. */
export const agentsFirst = (filters: MemberFilter[]): MemberFilter[] =>
  [...filters].sort((a, b) => (a.column === b.column ? 0 : a.column === 'agent' ? -1 : 1));

/**
 * A filter with an index `(conn, <column>, start_ms)` (or a partial one on `start_ms`) that yields exactly its
 * rows in start order: one first queue, media type or direction, or "abandoned only". For a start-time sort it
 * is never worse than walking all conversations by start time and filtering, much better for a rare value;
 * without statistics SQLite picks the latter, so the index is named.
 */
function indexedFilter(filters: readonly RowFilter[]): { index: string; filter: RowFilter } | undefined {
  const single = (column: string): RowFilter | undefined =>
    filters.find(
      (filter) =>
        filter.kind === 'set' && filter.column === column && filter.values.length === 1 && filter.includeBlank !== true,
    );
  const abandoned = filters.find((filter) => filter.kind === 'flag' && filter.column === 'abandoned' && filter.value);
  const candidates: [string, RowFilter | undefined][] = [
    ['conversations_by_first_queue', single('firstQueue')],
    ['conversations_by_media', single('mediaType')],
    ['conversations_abandoned', abandoned],
    ['conversations_by_direction', single('direction')],
  ];
  for (const [index, filter] of candidates) if (filter !== undefined) return { index, filter };
  return undefined;
}

/**
 * Sort columns with an index `(conn, column)` (migration 3): it yields rows in the grid's order (ties by rowid),
 * so a page is read in order, filters checked row by row, and reading stops after the page.
 */
const SORT_INDEXES: Partial<Record<SortColumn, string>> = {
  talk: 'conversations_by_talk',
  handle: 'conversations_by_handle',
  queueWait: 'conversations_by_queue_wait',
};
/**
 * The same within one first queue, `(conn, first_queue_id, <column>)` (migration 4): "first queue = X, longest
 * queue wait first" reads queue X's own entries in order, whatever the other queues' waits are.
 */
const FIRST_QUEUE_SORT_INDEXES: Partial<Record<SortColumn, string>> = {
  talk: 'conversations_by_first_queue_talk',
  handle: 'conversations_by_first_queue_handle',
  queueWait: 'conversations_by_first_queue_queue_wait',
};
/** The same for "abandoned only" (partial indexes: abandoned conversations wait least, so they sort last). */
const ABANDONED_SORT_INDEXES: Partial<Record<SortColumn, string>> = {
  queueWait: 'conversations_abandoned_by_queue_wait',
  abandonWait: 'conversations_abandoned_by_abandon_wait',
};

/**
 * An ANI text filter the trigram index (`conversations_phone`, migration 3) can answer: its rows all
 * contain the typed value, so the index's "contains" candidates are a superset and the filter itself still
 * decides. Trigrams need 3 characters; LIKE wildcards in the value cannot be passed on.
 */
function phoneSearch(filters: readonly RowFilter[]): TextFilter | undefined {
  return filters.find(
    (filter): filter is TextFilter =>
      filter.kind === 'text' && filter.column === 'ani' && [...filter.value].length >= 3 && !/[%_]/.test(filter.value),
  );
}

export const phoneMatch = (filter: TextFilter, params: Params): string =>
  `f.ani LIKE ${params.add(`%${filter.value}%`)}`;

/** Where a page's rows come from. */
export type Driver =
  /** One agent or queue's entries in the member table (in start order). */
  | { kind: 'members'; filter: MemberFilter }
  /** The trigram index's candidates for a phone-number search (few; sorted afterwards). */
  | { kind: 'phone'; filter: TextFilter }
  /**
   * `conversations` through this index ('' = SQLite's choice); `ordered`: it yields the requested order.
   * `implied`: the filter the index's leading columns (or its partial WHERE) stand for, repeated in the walk's
   * bound probe. `budget`: a walk down a sort index reads at most this many index entries. `sweep`: agent and
   * queue filters are checked against their ids collected first, so the walk reads only index entries (~0.2 µs
   * each) until one matches, instead of looking every row up (~1–2 µs).
   */
  | {
      kind: 'index';
      index: string;
      ordered: boolean;
      implied?: RowFilter | undefined;
      budget?: number | undefined;
      sweep?: boolean | undefined;
    };

export const rangeSql = (range: Range): string =>
  `c.conn = @conn AND c.start_ms >= ${range.start} AND c.start_ms < ${range.end}`;

/** A capped count through a source's index (`build` gives its FROM … WHERE …). */
function sizeOf(input: BuildInput, cap: number, build: (params: Params, range: Range) => string): number | undefined {
  if (input.estimate === undefined) return undefined;
  const params = new Params();
  params.values.conn = input.conn;
  const from = build(params, rangeOf(input, params, false));
  return input.estimate(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${cap})`, params.values);
}

const indexedSource = (indexed: { index: string; filter: RowFilter }) => (params: Params, range: Range) => {
  const condition = filterCondition(indexed.filter, params) ?? '1';
  return `conversations c INDEXED BY ${indexed.index} WHERE ${rangeSql(range)} AND ${condition}`;
};
const rangeSource = (params: Params, range: Range): string =>
  `conversations c INDEXED BY conversations_by_start WHERE ${rangeSql(range)}`;

/**
 * Picks the rows a page is read from. Sorted by start time: as before (members, or an ordered filter index).
 * Other sorts: a source known to be small (an agent, a phone search, a rare value, a short range: under
 * SMALL_DRIVER rows by a capped count through its index, well under a millisecond) is read whole and sorted;
 * otherwise a sort index is read in order with the filters checked per row (within one first queue when that is
 * the filter), for at most a bounded number of entries (`walk`). Without `estimate` (or a sort index), the range
 * is read and sorted as it always was.
 */
export function chooseDriver(input: BuildInput, members: MemberFilter[], others: RowFilter[]): Driver {
  const driver = firstChoice(input, members, others);
  if (driver.kind !== 'index' || driver.budget === undefined || (input.walk ?? 'first') === 'first') return driver;
  // A bounded walk ended short of a page: walk further (up to a quarter of the smallest source), or read it.
  const source = smallestSource(input, members, others);
  if (input.walk === 'none') return source.driver;
  // Walking costs about what sorting costs per row (both look rows up), so walk a quarter of the source's rows;
  // a sweep past one agent or queue's collected ids reads index entries only, so it can go SWEEP_FACTOR times as far.
  const sweep = source.driver.kind === 'members';
  const budget = sweep ? source.rows * SWEEP_FACTOR : Math.floor(source.rows / 4);
  if (budget <= driver.budget) return source.driver;
  return { ...driver, budget, sweep };
}

/** The fewest rows a page can be sorted from: one agent or queue's entries, a one-value filter's, the range's. */
function smallestSource(
  input: BuildInput,
  members: MemberFilter[],
  others: RowFilter[],
): { driver: Driver; rows: number } {
  let best: { driver: Driver; rows: number } = {
    driver: { kind: 'index', index: 'conversations_by_start', ordered: false },
    rows: Infinity,
  };
  const consider = (driver: Driver, build: (params: Params, range: Range) => string): void => {
    const rows = sizeOf(input, Math.min(best.rows, SOURCE_COUNT_CAP), build) ?? Infinity;
    if (rows < best.rows || best.rows === Infinity) best = { driver, rows };
  };
  const single = agentsFirst(members).find((filter) => usable(filter) && filter.values.length === 1);
  if (single !== undefined) {
    consider({ kind: 'members', filter: single }, (params, range) => {
      return `conversation_members m WHERE ${memberRange(single, params, range)}`;
    });
  }
  const indexed = indexedFilter(others);
  if (indexed !== undefined) consider({ kind: 'index', index: indexed.index, ordered: false }, indexedSource(indexed));
  // The range holds every row of the others: count it only when there is nothing else.
  if (best.rows === Infinity) consider({ kind: 'index', index: 'conversations_by_start', ordered: false }, rangeSource);
  return best;
}

function firstChoice(input: BuildInput, members: MemberFilter[], others: RowFilter[]): Driver {
  const estimate = input.estimate;
  const small = (build: (params: Params, range: Range) => string): boolean =>
    (sizeOf(input, SMALL_DRIVER, build) ?? SMALL_DRIVER) < SMALL_DRIVER;
  const phone = phoneSearch(others);
  if (phone !== undefined && small((params) => `conversations_phone f WHERE ${phoneMatch(phone, params)}`)) {
    return { kind: 'phone', filter: phone };
  }
  const single = agentsFirst(members).find((filter) => usable(filter) && filter.values.length === 1);
  const indexed = indexedFilter(others);
  if (input.sort.column === 'startTime') {
    if (single !== undefined) return { kind: 'members', filter: single };
    return { kind: 'index', index: indexed?.index ?? '', ordered: true };
  }
  // Walks down a sort index are bounded only when the caller can probe for the bound (not for exports).
  const budget = input.probe === undefined ? undefined : WALK_FIRST;
  const byValue = input.sort.byName !== true;
  const abandoned = others.find((filter) => filter.kind === 'flag' && filter.column === 'abandoned' && filter.value);
  const abandonedIndex = abandoned !== undefined && byValue ? ABANDONED_SORT_INDEXES[input.sort.column] : undefined;
  if (abandonedIndex !== undefined) {
    return { kind: 'index', index: abandonedIndex, ordered: true, implied: abandoned, budget };
  }
  if (
    single !== undefined &&
    small((params, range) => `conversation_members m WHERE ${memberRange(single, params, range)}`)
  ) {
    return { kind: 'members', filter: single };
  }
  const sortIndex = byValue ? SORT_INDEXES[input.sort.column] : undefined;
  if (sortIndex === undefined || estimate === undefined) return { kind: 'index', index: '', ordered: false };
  const queueIndex = FIRST_QUEUE_SORT_INDEXES[input.sort.column];
  const queue = indexed?.index === 'conversations_by_first_queue' ? indexed.filter : undefined;
  // One first queue: its own entries in sort order, unless the range is short (then sorting it is cheaper).
  if (queue !== undefined && queueIndex !== undefined && !small(rangeSource)) {
    return { kind: 'index', index: queueIndex, ordered: true, implied: queue, budget };
  }
  if (indexed !== undefined && small(indexedSource(indexed))) {
    return { kind: 'index', index: indexed.index, ordered: false };
  }
  if (small(rangeSource)) return { kind: 'index', index: 'conversations_by_start', ordered: false };
  return { kind: 'index', index: sortIndex, ordered: true, budget };
}
