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
 * - Other sorts sort the filtered range (SQLite keeps only the top rows while sorting).
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
}

/** Sources with fewer rows than this are read whole and sorted (~10 ms at most); larger ones in index order. */
export const SMALL_DRIVER = 10_000;

export type Estimate = (sql: string, params: Record<string, unknown>) => number;

export interface BuiltQuery {
  /** Selects `size + 1` rows (the extra one says whether another page exists). */
  pageSql: string;
  countSql: string;
  params: Record<string, unknown>;
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
  /** `conversations` through this index ('' = SQLite's choice); `ordered`: it yields the requested order. */
  | { kind: 'index'; index: string; ordered: boolean };

const rangeSql = (range: Range): string =>
  `c.conn = @conn AND c.start_ms >= ${range.start} AND c.start_ms < ${range.end}`;

/**
 * Picks the rows a page is read from. Sorted by start time: as before (members, or an ordered filter index).
 * Other sorts: a source known to be small (an agent, a phone search, a rare value, a short range: under
 * SMALL_DRIVER rows by a capped count through its index, well under a millisecond) is read whole and sorted;
 * otherwise the sort column's index is read in order with the filters checked per row. Without `estimate` (or
 * a sort index), the range is read and sorted as it always was.
 */
function chooseDriver(input: BuildInput, members: MemberFilter[], others: RowFilter[]): Driver {
  const estimate = input.estimate;
  const small = (build: (params: Params, range: Range) => string): boolean => {
    if (estimate === undefined) return false;
    const params = new Params();
    params.values.conn = input.conn;
    const from = build(params, rangeOf(input, params, false));
    return (
      estimate(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${SMALL_DRIVER})`, params.values) < SMALL_DRIVER
    );
  };
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
  const byValue = input.sort.byName !== true;
  const abandoned = others.some((filter) => filter.kind === 'flag' && filter.column === 'abandoned' && filter.value);
  const abandonedIndex = abandoned && byValue ? ABANDONED_SORT_INDEXES[input.sort.column] : undefined;
  if (abandonedIndex !== undefined) return { kind: 'index', index: abandonedIndex, ordered: true };
  if (
    single !== undefined &&
    small((params, range) => `conversation_members m WHERE ${memberRange(single, params, range)}`)
  ) {
    return { kind: 'members', filter: single };
  }
  const sortIndex = byValue ? SORT_INDEXES[input.sort.column] : undefined;
  if (sortIndex === undefined || estimate === undefined) return { kind: 'index', index: '', ordered: false };
  if (
    indexed !== undefined &&
    small((params, range) => {
      const condition = filterCondition(indexed.filter, params) ?? '1';
      return `conversations c INDEXED BY ${indexed.index} WHERE ${rangeSql(range)} AND ${condition}`;
    })
  ) {
    return { kind: 'index', index: indexed.index, ordered: false };
  }
  if (small((params, range) => `conversations c INDEXED BY conversations_by_start WHERE ${rangeSql(range)}`)) {
    return { kind: 'index', index: 'conversations_by_start', ordered: false };
  }
  return { kind: 'index', index: sortIndex, ordered: true };
}

function buildPage(input: BuildInput, params: Params, rows: string[], members: MemberFilter[], driver: Driver): string {
  const range = rangeOf(input, params, true);
  const column: ColumnDef = SORT_COLUMNS[input.sort.column];
  const byStart = input.sort.column === 'startTime';
  // Rows walked in order stop after a page: one key probe per row. A full read of the range collects the
  // member's ids first.
  const style = driver.kind === 'index' && !driver.ordered ? 'in-subquery' : 'probe';
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
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const offset = input.after === null && input.offset > 0 ? ` OFFSET ${params.add(input.offset)}` : '';
  return `SELECT ${ROW_COLUMNS}, ${sortSql} AS sort_value FROM ${from}
 WHERE ${conditions.join('\n   AND ')}
 ORDER BY ${sortSql} ${direction}, ${idSql} ${direction}
 LIMIT ${params.add(input.size + 1)}${offset}`;
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
  return {
    pageSql: buildPage(input, params, rows, members, driver),
    countSql: buildCount(input, params, rows, members, driver),
    params: params.values,
  };
}
