import { nameSql, SORT_COLUMNS, type ColumnDef, type NamedColumn } from './grid-columns';
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
}

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
 * With a start-time sort and a one-value first-queue or media filter, the (conn, column, start_ms) index yields
 * exactly the matching rows already in order: never worse than walking all conversations by start time and
 * filtering, much better for a rare value. Without statistics SQLite picks the latter, so it is named here.
 */
function orderedIndexFor(filters: readonly RowFilter[]): string {
  const single = (column: string): boolean =>
    filters.some(
      (filter) =>
        filter.kind === 'set' && filter.column === column && filter.values.length === 1 && filter.includeBlank !== true,
    );
  if (single('firstQueue')) return ' INDEXED BY conversations_by_first_queue';
  if (single('mediaType')) return ' INDEXED BY conversations_by_media';
  return '';
}

const rangeSql = (range: Range): string =>
  `c.conn = @conn AND c.start_ms >= ${range.start} AND c.start_ms < ${range.end}`;

function buildPage(
  input: BuildInput,
  params: Params,
  rows: string[],
  members: MemberFilter[],
  others: RowFilter[],
): string {
  const range = rangeOf(input, params, true);
  const column: ColumnDef = SORT_COLUMNS[input.sort.column];
  const byStart = input.sort.column === 'startTime';
  // Drive from the member table only when it yields rows in start order: one value, start-time sort.
  const driver = byStart
    ? agentsFirst(members).find((filter) => usable(filter) && filter.values.length === 1)
    : undefined;
  const conditions = [...rows];
  for (const filter of members) {
    if (filter !== driver) conditions.push(memberCondition(filter, byStart ? 'probe' : 'in-subquery', params, range));
  }
  let from: string;
  let sortSql: string;
  let idSql: string;
  if (driver !== undefined) {
    // CROSS JOIN keeps the member table as the outer loop whatever the statistics say.
    from = 'conversation_members m CROSS JOIN conversations c ON c.id = m.id';
    conditions.unshift(memberRange(driver, params, range));
    [sortSql, idSql] = ['m.start_ms', 'm.id'];
  } else {
    from = `conversations c${byStart ? orderedIndexFor(others) : ''}`;
    conditions.unshift(rangeSql(range));
    const valueSql = input.sort.byName === true ? nameSql(input.sort.column as NamedColumn) : column.sql;
    [sortSql, idSql] = [column.type === 'text' ? `${valueSql} COLLATE NOCASE` : valueSql, 'c.id'];
  }
  if (input.after !== null) conditions.push(keysetCondition(sortSql, idSql, column, input.sort, input.after, params));
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const offset = input.after === null && input.offset > 0 ? ` OFFSET ${params.add(input.offset)}` : '';
  return `SELECT ${ROW_COLUMNS}, ${sortSql} AS sort_value FROM ${from}
 WHERE ${conditions.join('\n   AND ')}
 ORDER BY ${sortSql} ${direction}, ${idSql} ${direction}
 LIMIT ${params.add(input.size + 1)}${offset}`;
}

function buildCount(input: BuildInput, params: Params, rows: string[], members: MemberFilter[]): string {
  const range = rangeOf(input, params, false);
  const driver = agentsFirst(members).find(usable);
  if (driver === undefined) {
    const conditions = [
      rangeSql(range),
      ...rows,
      ...members.map((filter) => memberCondition(filter, 'in-subquery', params, range)),
    ];
    return `SELECT count(*) AS n FROM conversations c WHERE ${conditions.join('\n   AND ')}`;
  }
  // A conversation appears once per matching member: count distinct ids when several values can match.
  const counted = driver.values.length === 1 ? 'count(*)' : 'count(DISTINCT m.id)';
  const rest = [
    ...rows,
    ...members.filter((filter) => filter !== driver).map((filter) => memberCondition(filter, 'probe', params, range)),
  ];
  if (rest.length === 0) {
    return `SELECT ${counted} AS n FROM conversation_members m WHERE ${memberRange(driver, params, range)}`;
  }
  return `SELECT ${counted} AS n FROM conversation_members m CROSS JOIN conversations c ON c.id = m.id
 WHERE ${[memberRange(driver, params, range), ...rest].join('\n   AND ')}`;
}

export function buildGridQuery(input: BuildInput): BuiltQuery {
  const params = new Params();
  params.values.conn = input.conn;
  const members = input.filters.filter(isMemberFilter);
  const others = input.filters.filter((filter): filter is RowFilter => !isMemberFilter(filter));
  const rows = others.map((filter) => filterCondition(filter, params)).filter((sql): sql is string => sql !== null);
  const group = input.conditions === undefined ? null : conditionGroupSql(input.conditions, params);
  if (group !== null) rows.push(group);
  return {
    pageSql: buildPage(input, params, rows, members, others),
    countSql: buildCount(input, params, rows, members),
    params: params.values,
  };
}
