import { nameSql, SORT_COLUMNS, type ColumnDef, type NamedColumn, type SortColumn } from './grid-columns';
import {
  conditionGroupSql,
  filterCondition,
  isMemberFilter,
  keysetCondition,
  memberCondition,
  memberRange,
  Params,
  type MemberFilter,
  type Range,
} from './grid-conditions';
import type { KeysetPosition } from './grid-cursor';
import type { GridConditionGroup, GridFilter, GridSort } from './grid-request';

/**
 * Turns a checked grid request into a page query and a count query. The shapes are chosen for the indexes and
 * pinned by grid-plans.test.ts:
 *
 * - Sorted by start time: read `conversations_by_start` (or `_by_first_queue` / `_by_media` when that filter
 *   has one value) in order and stop after a page; no sort step.
 * - Sorted by start time with a one-value agent or queue filter: read that member's range of
 *   `conversation_members` in order (a rare agent costs no more than a busy one) and look the rows up.
 * - Several agents or queues: walk by start time, one primary-key probe into the member table per row.
 * - Other sorts: a small source read whole and sorted, or a sort index read in order (one first queue's own part
 *   of it when that is the filter) for a bounded number of entries, asked again further or sorted when it comes
 *   back short (`chooseDriver`, `walk`).
 * - Counts with an agent or queue filter start from that member's index entries, so "how many for agent X"
 *   never walks all conversations.
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
export const SMALL_DRIVER = 10_000;

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

export interface BuiltQuery {
  /** Selects `size + 1` rows (the extra one says whether another page exists). */
  pageSql: string;
  countSql: string;
  params: Record<string, unknown>;
  /**
   * The page walks a sort index only down to a bound (`walk`): fewer than `size + 1` rows do not mean the
   * end; ask again with the next `walk` attempt.
   */
  bounded: boolean;
}

export const ROW_COLUMNS = `c.id AS row_id, c.conversation_id, c.start_ms, c.end_ms, c.duration_ms, c.direction,
  c.media_type, c.first_queue_id, c.queue_ids, c.user_ids, c.wrapup_code_id, c.ani, c.dnis, c.division_id,
  c.external_tag, c.t_talk, c.t_held, c.t_acw, c.t_handle, c.t_acd, c.t_alert, c.t_abandon, c.abandoned,
  c.answered, c.transferred`;

type RowFilter = Exclude<GridFilter, MemberFilter>;
type TextFilter = Extract<GridFilter, { kind: 'text' }>;

/**
 * One lower and one upper bound on start_ms: the request's range, narrowed by start-time filters and, when
 * paging by start time, by the cursor. (Two separate bounds on the same column made SQLite, once it had
 * statistics, pick a skip-scan and a sort: measured, and pinned by grid-plans.test.ts.)
 */
function rangeOf(input: BuildInput, params: Params, withCursor: boolean): Range {
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

const usable = (filter: MemberFilter): boolean => filter.values.length > 0 && filter.includeBlank !== true;
/** Agents before queues: one agent's share of the conversations is usually the smaller. */
const agentsFirst = (filters: MemberFilter[]): MemberFilter[] =>
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

const phoneMatch = (filter: TextFilter, params: Params): string => `f.ani LIKE ${params.add(`%${filter.value}%`)}`;

/** Where a page's rows come from. */
type Driver =
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

const rangeSql = (range: Range): string =>
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
function chooseDriver(input: BuildInput, members: MemberFilter[], others: RowFilter[]): Driver {
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

/**
 * The far end of a bounded walk: the `budget`-th entry of the walked index from the cursor on (index entries
 * only, ~40 ns each), as a condition that stops the walk there; null when fewer entries are left (the walk then
 * reaches the end and a short page is the last one).
 */
function walkBound(
  input: BuildInput,
  driver: Extract<Driver, { kind: 'index' }>,
  sortSql: string,
  column: ColumnDef,
  params: Params,
): string | null {
  if (input.probe === undefined || driver.budget === undefined || !driver.ordered || column.nullable) return null;
  const own = new Params();
  own.values.conn = input.conn;
  const conditions = ['c.conn = @conn'];
  const implied = driver.implied === undefined ? null : filterCondition(driver.implied, own);
  if (implied !== null) conditions.push(implied);
  if (input.after !== null) conditions.push(keysetCondition(sortSql, 'c.id', column, input.sort, input.after, own));
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const skip = Math.max(0, driver.budget - 1);
  const end = input.probe(
    `SELECT ${sortSql} AS v, c.id AS id FROM conversations c INDEXED BY ${driver.index}
 WHERE ${conditions.join(' AND ')}
 ORDER BY ${sortSql} ${direction}, c.id ${direction} LIMIT 1 OFFSET ${skip}`,
    own.values,
  );
  if (end === undefined) return null;
  // Rows up to and including that entry, in the walk's order.
  const [value, id] = [params.add(end.v), params.add(end.id)];
  return input.sort.direction === 'asc'
    ? `${sortSql} <= ${value} AND (${sortSql} < ${value} OR c.id <= ${id})`
    : `${sortSql} >= ${value} AND (${sortSql} > ${value} OR c.id >= ${id})`;
}

function buildPage(
  input: BuildInput,
  params: Params,
  rows: string[],
  members: MemberFilter[],
  driver: Driver,
): { sql: string; bounded: boolean } {
  const range = rangeOf(input, params, true);
  const column: ColumnDef = SORT_COLUMNS[input.sort.column];
  const byStart = input.sort.column === 'startTime';
  // Rows walked in order stop after a page: one key probe per row. A full read of the range collects the
  // member's ids first.
  const style = driver.kind === 'index' && (!driver.ordered || driver.sweep === true) ? 'in-subquery' : 'probe';
  const conditions = [...rows];
  for (const filter of members) {
    if (driver.kind !== 'members' || filter !== driver.filter) {
      conditions.push(memberCondition(filter, style, params, range));
    }
  }
  let from: string;
  const valueSql = input.sort.byName === true ? nameSql(input.sort.column as NamedColumn) : column.sql;
  let [sortSql, idSql] = [column.type === 'text' ? `${valueSql} COLLATE NOCASE` : valueSql, 'c.id'];
  if (driver.kind === 'members') {
    // CROSS JOIN keeps the member table as the outer loop whatever the statistics say.
    from = 'conversation_members m CROSS JOIN conversations c ON c.id = m.id';
    conditions.unshift(memberRange(driver.filter, params, range));
    if (byStart) [sortSql, idSql] = ['m.start_ms', 'm.id'];
  } else if (driver.kind === 'phone') {
    from = 'conversations_phone f CROSS JOIN conversations c ON c.id = f.rowid';
    conditions.unshift(phoneMatch(driver.filter, params), rangeSql(range));
  } else {
    from = `conversations c${driver.index === '' ? '' : ` INDEXED BY ${driver.index}`}`;
    conditions.unshift(rangeSql(range));
  }
  if (input.after !== null) conditions.push(keysetCondition(sortSql, idSql, column, input.sort, input.after, params));
  const bound = driver.kind === 'index' ? walkBound(input, driver, sortSql, column, params) : null;
  if (bound !== null) conditions.push(bound);
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const offset = input.after === null && input.offset > 0 ? ` OFFSET ${params.add(input.offset)}` : '';
  const sql = `SELECT ${ROW_COLUMNS}, ${sortSql} AS sort_value FROM ${from}
 WHERE ${conditions.join('\n   AND ')}
 ORDER BY ${sortSql} ${direction}, ${idSql} ${direction}
 LIMIT ${params.add(input.size + 1)}${offset}`;
  return { sql, bounded: bound !== null };
}

function buildCount(
  input: BuildInput,
  params: Params,
  rows: string[],
  members: MemberFilter[],
  driver: Driver,
): string {
  const range = rangeOf(input, params, false);
  if (driver.kind === 'phone') {
    const conditions = [
      phoneMatch(driver.filter, params),
      rangeSql(range),
      ...rows,
      ...members.map((filter) => memberCondition(filter, 'probe', params, range)),
    ];
    return `SELECT count(*) AS n FROM conversations_phone f CROSS JOIN conversations c ON c.id = f.rowid
 WHERE ${conditions.join('\n   AND ')}`;
  }
  const counter = agentsFirst(members).find(usable);
  if (counter === undefined) {
    const conditions = [
      rangeSql(range),
      ...rows,
      ...members.map((filter) => memberCondition(filter, 'in-subquery', params, range)),
    ];
    return `SELECT count(*) AS n FROM conversations c WHERE ${conditions.join('\n   AND ')}`;
  }
  // A conversation appears once per matching member: count distinct ids when several values can match.
  const counted = counter.values.length === 1 ? 'count(*)' : 'count(DISTINCT m.id)';
  const rest = [
    ...rows,
    ...members.filter((filter) => filter !== counter).map((filter) => memberCondition(filter, 'probe', params, range)),
  ];
  if (rest.length === 0) {
    return `SELECT ${counted} AS n FROM conversation_members m WHERE ${memberRange(counter, params, range)}`;
  }
  return `SELECT ${counted} AS n FROM conversation_members m CROSS JOIN conversations c ON c.id = m.id
 WHERE ${[memberRange(counter, params, range), ...rest].join('\n   AND ')}`;
}

export function buildGridQuery(input: BuildInput): BuiltQuery {
  const params = new Params();
  params.values.conn = input.conn;
  const members = input.filters.filter(isMemberFilter);
  const others = input.filters.filter((filter): filter is RowFilter => !isMemberFilter(filter));
  const rows = others.map((filter) => filterCondition(filter, params)).filter((sql): sql is string => sql !== null);
  const group = input.conditions === undefined ? null : conditionGroupSql(input.conditions, params);
  if (group !== null) rows.push(group);
  const driver = chooseDriver(input, members, others);
  const page = buildPage(input, params, rows, members, driver);
  return {
    pageSql: page.sql,
    countSql: buildCount(input, params, rows, members, driver),
    params: params.values,
    bounded: page.bounded,
  };
}
