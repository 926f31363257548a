import type Database from 'better-sqlite3';
import type { FlatConversation } from './conversation-row';
import type { ReadableDb, StatementCache } from './database';
import { explainQueryPlan } from './database';
import { SORT_COLUMNS } from './grid-columns';
import { decodeCursor, encodeCursor, querySignature } from './grid-cursor';
import { checkGridQuery, type GridQuery } from './grid-request';
import type { BuildInput, Estimate, Probe } from './grid-plan';
import { buildGridQuery, type BuiltQuery } from './grid-sql';

/** One conversation as the Interactions grid shows it (ids are resolved to names by the report layer). */
export interface ConversationGridRow {
  conversationId: string;
  start: number;
  end: number | null;
  durationMs: number | null;
  direction: string | null;
  mediaType: string | null;
  firstQueueId: string | null;
  queueIds: string[];
  userIds: string[];
  wrapUpCodeId: string | null;
  ani: string | null;
  dnis: string | null;
  divisionId: string | null;
  externalTag: string | null;
  talkMs: number;
  heldMs: number;
  acwMs: number;
  handleMs: number;
  queueWaitMs: number;
  alertMs: number;
  abandonWaitMs: number;
  abandoned: boolean;
  answered: boolean;
  transferred: boolean;
}

export interface GridResult {
  rows: ConversationGridRow[];
  /** All rows matching the filters (null when the request asked not to count). */
  totalRows: number | null;
  /** Pass as `page.after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A selected row: the stored flat columns plus the rowid and the sort key the keyset cursor is built from. */
type StoredRow = FlatConversation & { row_id: number; sort_value: number | string | null };

function toGridRow(row: StoredRow): ConversationGridRow {
  return {
    conversationId: row.conversation_id,
    start: row.start_ms,
    end: row.end_ms,
    durationMs: row.duration_ms,
    direction: row.direction,
    mediaType: row.media_type,
    firstQueueId: row.first_queue_id,
    queueIds: JSON.parse(row.queue_ids) as string[],
    userIds: JSON.parse(row.user_ids) as string[],
    wrapUpCodeId: row.wrapup_code_id,
    ani: row.ani,
    dnis: row.dnis,
    divisionId: row.division_id,
    externalTag: row.external_tag,
    talkMs: row.t_talk,
    heldMs: row.t_held,
    acwMs: row.t_acw,
    handleMs: row.t_handle,
    queueWaitMs: row.t_acd,
    alertMs: row.t_alert,
    abandonWaitMs: row.t_abandon,
    abandoned: row.abandoned === 1,
    answered: row.answered === 1,
    transferred: row.transferred === 1,
  };
}

function prepare(conn: number, query: GridQuery): { input: BuildInput; signature: string } {
  const checked = checkGridQuery(query);
  const column = SORT_COLUMNS[checked.sort.column];
  const signature = querySignature(checked.start, checked.end, checked.filters, checked.sort, checked.conditions);
  const after = checked.page.after ? decodeCursor(checked.page.after, signature, column) : null;
  const offset =
    after === null && checked.page.number !== undefined ? (checked.page.number - 1) * checked.page.size : 0;
  return {
    input: {
      conn,
      start: checked.start,
      end: checked.end,
      filters: checked.filters,
      conditions: checked.conditions,
      sort: checked.sort,
      size: checked.page.size,
      after,
      offset,
    },
    signature,
  };
}

/** The capped counts the query builder sizes its sources with (grid-sql.ts, `Estimate`). */
const countOf = (statement: Database.Statement, params: Record<string, unknown>): number =>
  (statement.get(params) as { n: number }).n;
const estimateOn =
  (db: ReadableDb): Estimate =>
  (sql, params) =>
    countOf(db.prepare(sql), params);
const probeOn =
  (db: ReadableDb): Probe =>
  (sql, params) =>
    db.prepare(sql).get(params) as Record<string, unknown> | undefined;

/** The attempts at a page that walks a sort index, each read only when the one before ended short (grid-sql.ts). */
const WALK_ATTEMPTS = ['first', 'sized', 'none'] as const;

export interface SlowQueryReport {
  name: string;
  ms: number;
  sql: string;
}

/** One page of conversations for a connection (`conn` undefined: nothing cached for it yet). */
export function queryConversations(
  statements: StatementCache,
  conn: number | undefined,
  query: GridQuery,
  onSlow?: (report: SlowQueryReport) => void,
  slowMs = 40,
): GridResult {
  const { input, signature } = prepare(conn ?? -1, query);
  if (conn === undefined) return { rows: [], totalRows: query.count === false ? null : 0, nextCursor: null };
  // Each attempt at the page plans again from the same capped counts: ask SQLite once per count.
  const counted = new Map<string, number>();
  const estimate: Estimate = (sql, params) => {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let rows = counted.get(key);
    if (rows === undefined) counted.set(key, (rows = countOf(statements.get(sql), params)));
    return rows;
  };
  const probe: Probe = (sql, params) => statements.get(sql).get(params) as Record<string, unknown> | undefined;
  const started = performance.now();
  let built: BuiltQuery | undefined;
  let stored: StoredRow[] = [];
  // A bounded walk that ends short of a page proves nothing about the rows past its bound: ask again, walking
  // further or sorting the smallest source. Every attempt returns exactly the rows after the cursor, in order.
  for (const walk of WALK_ATTEMPTS) {
    built = buildGridQuery({ ...input, estimate, probe, walk });
    stored = statements.get(built.pageSql).all(built.params) as StoredRow[];
    if (!built.bounded || stored.length > input.size) break;
  }
  if (built === undefined) throw new Error('unreachable: no page query was built');
  const pageMs = performance.now() - started;
  if (onSlow !== undefined && pageMs > slowMs) onSlow({ name: 'grid-page', ms: pageMs, sql: built.pageSql });
  let totalRows: number | null = null;
  if (query.count !== false) {
    const countStarted = performance.now();
    totalRows = (statements.get(built.countSql).get(built.params) as { n: number }).n;
    const countMs = performance.now() - countStarted;
    if (onSlow !== undefined && countMs > slowMs) onSlow({ name: 'grid-count', ms: countMs, sql: built.countSql });
  }
  const more = stored.length > input.size;
  const page = more ? stored.slice(0, input.size) : stored;
  const last = page[page.length - 1];
  const nextCursor =
    more && last !== undefined ? encodeCursor({ value: last.sort_value, id: last.row_id }, signature) : null;
  return { rows: page.map(toGridRow), totalRows, nextCursor };
}

/**
 * Every row a grid request matches, in its order, as one statement stepped row by row (exports). Keyset blocks
 * would re-sort the rest of the range for each block under any sort but start time; one sorted scan does it
 * once. Run it on a connection of its own: better-sqlite3 allows nothing else on a connection mid-iteration.
 */
export function* streamConversations(db: ReadableDb, conn: number, query: GridQuery): Generator<ConversationGridRow> {
  const { input } = prepare(conn, { ...query, page: { size: 1 }, count: false });
  // No page: LIMIT -1 is SQLite's "no limit" (size + 1 below).
  const built = buildGridQuery({ ...input, size: -2, after: null, offset: 0, estimate: estimateOn(db) });
  for (const row of db.prepare(built.pageSql).iterate(built.params)) yield toGridRow(row as StoredRow);
}

/** The plans SQLite would use for a grid request (tests assert them; also handy when a report is slow). */
export function explainConversationsQuery(
  db: ReadableDb,
  conn: number,
  query: GridQuery,
): { page: string[]; count: string[]; pageSql: string } {
  const built = buildGridQuery({ ...prepare(conn, query).input, estimate: estimateOn(db), probe: probeOn(db) });
  return {
    page: explainQueryPlan(db, built.pageSql, built.params),
    count: explainQueryPlan(db, built.countSql, built.params),
    pageSql: built.pageSql,
  };
}
