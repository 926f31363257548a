import { MEMBER_QUEUE, MEMBER_USER } from './conversations-store';
import { PHONE_COLUMNS, PHONE_SCHEMES, SORT_COLUMNS, type ColumnDef, type SetFilterColumn } from './grid-columns';
import type { KeysetPosition } from './grid-cursor';
import type { DisconnectCondition, GridCondition, GridConditionGroup, GridFilter, GridSort } from './grid-request';

/**
 * The WHERE-clause pieces of grid queries. Values only ever become bound parameters (@p0, @p1…); identifiers
 * only ever come from grid-columns.ts or constants here.
 */
/** Named parameters in order of use; booleans become 0/1. */
export class Params {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  add(value: unknown): string {
    const name = `p${this.next++}`;
    this.values[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    return `@${name}`;
  }
}

const SET_COLUMN_SQL: Record<Exclude<SetFilterColumn, 'queue' | 'agent'>, string> = {
  mediaType: 'c.media_type',
  direction: 'c.direction',
  firstQueue: 'c.first_queue_id',
  wrapUpCode: 'c.wrapup_code_id',
  division: 'c.division_id',
};

export const MEMBER_KIND = { queue: MEMBER_QUEUE, agent: MEMBER_USER } as const;
const MEMBER_LIST = { queue: 'c.queue_ids', agent: 'c.user_ids' } as const;

export type MemberFilter = Extract<GridFilter, { kind: 'set' }> & { column: 'queue' | 'agent' };
export const isMemberFilter = (filter: GridFilter): filter is MemberFilter =>
  filter.kind === 'set' && (filter.column === 'queue' || filter.column === 'agent');

/** A value that names its own URI scheme ("tel:+1…", "sip:…") is matched as written. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function inList(params: Params, values: readonly string[]): string {
  return values.map((value) => params.add(value)).join(', ');
}

/** The row-level condition for one (non-member) filter. */
export function filterCondition(filter: Exclude<GridFilter, MemberFilter>, params: Params): string | null {
  switch (filter.kind) {
    case 'text': {
      const sql = SORT_COLUMNS[filter.column].sql;
      const withScheme = PHONE_COLUMNS.has(filter.column) && filter.op !== 'contains' && !SCHEME.test(filter.value);
      const prefixes = withScheme ? ['', ...PHONE_SCHEMES] : [''];
      const options = prefixes.map((prefix) => {
        if (filter.op === 'equals') return `${sql} = ${params.add(prefix + filter.value)} COLLATE NOCASE`;
        const text = escapeLike(prefix + filter.value);
        return `${sql} LIKE ${params.add(filter.op === 'contains' ? `%${text}%` : `${text}%`)} ESCAPE '\\'`;
      });
      return options.length === 1 ? (options[0] ?? '0') : `(${options.join(' OR ')})`;
    }
    case 'number': {
      const sql = SORT_COLUMNS[filter.column].sql;
      const parts: string[] = [];
      if (filter.min !== undefined) parts.push(`${sql} >= ${params.add(filter.min)}`);
      if (filter.max !== undefined) parts.push(`${sql} <= ${params.add(filter.max)}`);
      return parts.length === 0 ? null : parts.join(' AND ');
    }
    case 'date': {
      // Start-time bounds were folded into the scanned range (see rangeOf); only end time is left here.
      if (filter.column === 'startTime') return null;
      const parts: string[] = [];
      if (filter.from !== undefined) parts.push(`c.end_ms >= ${params.add(filter.from)}`);
      if (filter.to !== undefined) parts.push(`c.end_ms < ${params.add(filter.to)}`);
      return parts.length === 0 ? null : parts.join(' AND ');
    }
    case 'flag':
      // A literal 0/1, not a parameter: only then can SQLite use the partial "WHERE abandoned = 1" indexes.
      return `${SORT_COLUMNS[filter.column].sql} = ${filter.value ? 1 : 0}`;
    case 'set': {
      const sql = SET_COLUMN_SQL[filter.column as keyof typeof SET_COLUMN_SQL];
      const options: string[] = [];
      // One value as "=", so the planner can use the (conn, column, start_ms) index and keep start order.
      if (filter.values.length === 1) options.push(`${sql} = ${params.add(filter.values[0])}`);
      else if (filter.values.length > 1) options.push(`${sql} IN (${inList(params, filter.values)})`);
      if (filter.includeBlank === true) options.push(`${sql} IS NULL`);
      if (options.length === 0) return '0';
      return options.length === 1 ? (options[0] ?? '0') : `(${options.join(' OR ')})`;
    }
  }
}

/**
 * How a queue/agent filter is checked for a row `c`: `probe` is one primary-key lookup per row (cheap when
 * rows are being walked in start order anyway); `in-subquery` collects the member's ids for the range first.
 */
export type MemberStyle = 'probe' | 'in-subquery';

/** The member filter as the driving range of `conversation_members m` (values required, blanks not). */
export function memberRange(filter: MemberFilter, params: Params, range: Range): string {
  const ids =
    filter.values.length === 1 ? `= ${params.add(filter.values[0])}` : `IN (${inList(params, filter.values)})`;
  return `m.conn = @conn AND m.kind = ${MEMBER_KIND[filter.column]} AND m.member_id ${ids}
   AND m.start_ms >= ${range.start} AND m.start_ms < ${range.end}`;
}

export function memberCondition(filter: MemberFilter, style: MemberStyle, params: Params, range: Range): string {
  const options: string[] = [];
  if (filter.values.length > 0) {
    const kind = MEMBER_KIND[filter.column];
    const ids =
      filter.values.length === 1 ? `= ${params.add(filter.values[0])}` : `IN (${inList(params, filter.values)})`;
    options.push(
      style === 'probe'
        ? `EXISTS (SELECT 1 FROM conversation_members x WHERE x.conn = c.conn AND x.kind = ${kind}
             AND x.member_id ${ids} AND x.start_ms = c.start_ms AND x.id = c.id)`
        : `c.id IN (SELECT x.id FROM conversation_members x WHERE x.conn = @conn AND x.kind = ${kind}
             AND x.member_id ${ids} AND x.start_ms >= ${range.start} AND x.start_ms < ${range.end})`,
    );
  }
  if (filter.includeBlank === true) options.push(`${MEMBER_LIST[filter.column]} = '[]'`);
  if (options.length === 0) return '0';
  return options.length === 1 ? (options[0] ?? '0') : `(${options.join(' OR ')})`;
}

/** Parameter names of the scanned start-time range. */
export interface Range {
  start: string;
  end: string;
}

export function keysetCondition(
  sortSql: string,
  idSql: string,
  column: ColumnDef,
  sort: GridSort,
  at: KeysetPosition,
  params: Params,
): string {
  const id = params.add(at.id);
  const asc = sort.direction === 'asc';
  if (!column.nullable) {
    const value = params.add(at.value);
    const step = asc ? '>' : '<';
    // Start time: the bound is already folded into the scanned range (rangeOf); only ties are left to step
    // over. Written with OR rather than a row value "(col, id) > (?, ?)", which led SQLite to a skip-scan.
    const ties = `(${sortSql} ${step} ${value} OR ${idSql} ${step} ${id})`;
    return sort.column === 'startTime' ? ties : `${sortSql} ${asc ? '>=' : '<='} ${value} AND ${ties}`;
  }
  // SQLite sorts NULLs first ascending and last descending; the cursor must step over them the same way.
  if (at.value === null) {
    return asc
      ? `((${sortSql} IS NULL AND ${idSql} > ${id}) OR ${sortSql} IS NOT NULL)`
      : `(${sortSql} IS NULL AND ${idSql} < ${id})`;
  }
  const value = params.add(at.value);
  return asc
    ? `(${sortSql} > ${value} OR (${sortSql} = ${value} AND ${idSql} > ${id}))`
    : `(${sortSql} < ${value} OR (${sortSql} = ${value} AND ${idSql} < ${id}) OR ${sortSql} IS NULL)`;
}

/** Purposes of the participants a disconnect condition looks at (fact sheet §4.2). */
const PARTY_PURPOSES: Record<DisconnectCondition['party'], readonly string[] | null> = {
  customer: ['customer', 'external'],
  agent: ['agent', 'user'],
  any: null,
};

/**
 * Reads the stored detail JSON, so it costs a JSON parse per row it looks at (like "ANI contains"); it is only
 * ever one condition among others that narrow the range first.
 */
function disconnectCondition(condition: DisconnectCondition, params: Params): string {
  const purposes = PARTY_PURPOSES[condition.party];
  const party = purposes === null ? '' : `AND json_extract(p.value, '$.purpose') IN (${inList(params, purposes)})`;
  return `EXISTS (SELECT 1 FROM conversation_details d, json_each(d.detail_json, '$.participants') p,
     json_each(p.value, '$.sessions') s, json_each(s.value, '$.segments') g
   WHERE d.id = c.id ${party}
     AND json_extract(g.value, '$.disconnectType') IN (${inList(params, condition.types)}))`;
}

/** A date condition on either column (in `filters`, start-time bounds are folded into the range instead). */
function dateCondition(filter: Extract<GridFilter, { kind: 'date' }>, params: Params): string | null {
  const sql = SORT_COLUMNS[filter.column].sql;
  const parts: string[] = [];
  if (filter.from !== undefined) parts.push(`${sql} >= ${params.add(filter.from)}`);
  if (filter.to !== undefined) parts.push(`${sql} < ${params.add(filter.to)}`);
  return parts.length === 0 ? null : parts.join(' AND ');
}

const NO_RANGE: Range = { start: 'NULL', end: 'NULL' };

function conditionSql(condition: GridCondition, params: Params): string {
  if (condition.kind === 'disconnect') return disconnectCondition(condition, params);
  if (condition.kind === 'date') return dateCondition(condition, params) ?? '1';
  // Inside and/or groups a member is checked per row (a primary-key probe), which needs no range.
  if (isMemberFilter(condition)) return memberCondition(condition, 'probe', params, NO_RANGE);
  return filterCondition(condition, params) ?? '1';
}

/**
 * The advanced conditions as one row-level condition. A negated rule also matches rows with no value
 * ("wrap-up is not X" keeps conversations without a wrap-up), hence the coalesce around NULL comparisons.
 */
export function conditionGroupSql(group: GridConditionGroup, params: Params): string | null {
  if (group.rules.length === 0) return null;
  const parts = group.rules.map((rule) => {
    const sql = conditionSql(rule.condition, params);
    return rule.negate === true ? `NOT coalesce((${sql}), 0)` : `(${sql})`;
  });
  return `(${parts.join(group.match === 'all' ? '\n     AND ' : '\n     OR ')})`;
}
