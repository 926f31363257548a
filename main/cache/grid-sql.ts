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
} from './grid-conditions';
import {
  agentsFirst,
  chooseDriver,
  phoneMatch,
  rangeOf,
  rangeSql,
  usable,
  type BuildInput,
  type Driver,
  type RowFilter,
} from './grid-plan';

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
