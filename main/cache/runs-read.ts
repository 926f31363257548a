import type { Models } from 'purecloud-platform-client-v2';
import type { ConversationDetail } from './conversation-row';
import type { ReadableDb } from './database';
import type { ReferenceEntity, ReferenceKind } from './reference-store';

/** Persisted runs: their types, and reading them back (the writer is runs-store.ts). */
export type RunState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type ChunkKind = 'details-sync' | 'details-job' | 'aggregates' | 'reference';
export type ChunkState = 'pending' | 'running' | 'done' | 'failed';

export interface ChunkSpec {
  kind: ChunkKind;
  /** Coverage dataset recorded when the chunk completes ('details', 'aggregates:<key>', 'reference:queue'…). */
  dataset: string;
  start?: number | null;
  end?: number | null;
  /**
   * Details chunks that fetch *every* conversation of [start, end): on completion, cached conversations of that
   * range which were not seen again are removed (deleted in Genesys). Never set this for a filtered query.
   */
  prune?: boolean;
}

export interface NewRun {
  connectionId: string;
  report: string;
  params: unknown;
  chunks: readonly ChunkSpec[];
  /** Supplied by the caller so the id can be shown or logged before the run is written; random otherwise. */
  id?: string;
}

export interface ChunkRecord {
  runId: string;
  index: number;
  kind: ChunkKind;
  dataset: string;
  start: number | null;
  end: number | null;
  prune: boolean;
  state: ChunkState;
  /** The last page whose rows are committed (0 = none); resume with the next one. */
  lastPage: number;
  jobId: string | null;
  /** The cursor for the next page (async jobs), committed with the page before it. */
  cursor: string | null;
  rows: number;
  firstFetchAt: number | null;
  errorMessage: string | null;
  updatedAt: number;
}

export interface RunRecord {
  id: string;
  connectionId: string;
  report: string;
  params: unknown;
  state: RunState;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
  errorMessage: string | null;
  chunksTotal: number;
  chunksDone: number;
  pages: number;
  /** Rows written, counting a page again if it was fetched twice (stored rows are never duplicated). */
  rowsWritten: number;
  chunks: ChunkRecord[];
}

export interface PageBase {
  /** 1, 2, 3… within the chunk. A page at or below the committed one is ignored (already stored). */
  pageNumber: number;
  /** Where the next page starts (async job cursor); null or absent at the end. */
  nextCursor?: string | null;
  /** When this page was fetched; defaults to the cache clock. */
  fetchedAt?: number;
}
export interface DetailsPage extends PageBase {
  conversations: readonly ConversationDetail[];
}
export interface AggregatesPage extends PageBase {
  queryKey: string;
  results: readonly Models.ConversationAggregateDataContainer[];
}
export interface ReferencePage extends PageBase {
  referenceKind: ReferenceKind;
  entities: readonly ReferenceEntity[];
}

export interface PageOutcome {
  /** False when the page had already been committed (a retry or a replay after restart): nothing was written. */
  committed: boolean;
  rows: number;
  skipped: number;
}

export interface ChunkRow {
  run_id: string;
  idx: number;
  kind: ChunkKind;
  dataset: string;
  start_ms: number | null;
  end_ms: number | null;
  prune: number;
  state: ChunkState;
  last_page: number;
  job_id: string | null;
  cursor: string | null;
  rows: number;
  first_fetch_at: number | null;
  error_message: string | null;
  updated_at: number;
}

/** A chunk row with its run's connection key, as the writers need it. */
export type OwnedChunk = ChunkRow & { conn: number };

interface RunRow {
  id: string;
  connection_id: string;
  report: string;
  params_json: string;
  state: RunState;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
  error_message: string | null;
  chunks_total: number;
  chunks_done: number;
  pages: number;
  rows_written: number;
}

export function toChunk(row: ChunkRow): ChunkRecord {
  return {
    runId: row.run_id,
    index: row.idx,
    kind: row.kind,
    dataset: row.dataset,
    start: row.start_ms,
    end: row.end_ms,
    prune: row.prune === 1,
    state: row.state,
    lastPage: row.last_page,
    jobId: row.job_id,
    cursor: row.cursor,
    rows: row.rows,
    firstFetchAt: row.first_fetch_at,
    errorMessage: row.error_message,
    updatedAt: row.updated_at,
  };
}

const RUN_COLUMNS = `r.id, c.connection_id, r.report, r.params_json, r.state, r.created_at, r.started_at, r.finished_at,
  r.updated_at, r.error_message, r.chunks_total, r.chunks_done, r.pages, r.rows_written`;

function readChunks(db: ReadableDb, runId: string): ChunkRecord[] {
  const rows = db.prepare('SELECT * FROM run_chunks WHERE run_id = ? ORDER BY idx').all(runId) as ChunkRow[];
  return rows.map(toChunk);
}

function toRun(db: ReadableDb, row: RunRow): RunRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    report: row.report,
    params: JSON.parse(row.params_json) as unknown,
    state: row.state,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    errorMessage: row.error_message,
    chunksTotal: row.chunks_total,
    chunksDone: row.chunks_done,
    pages: row.pages,
    rowsWritten: row.rows_written,
    chunks: readChunks(db, row.id),
  };
}

export function readRun(db: ReadableDb, runId: string): RunRecord | null {
  const row = db
    .prepare(`SELECT ${RUN_COLUMNS} FROM runs r JOIN connections c ON c.conn = r.conn WHERE r.id = ?`)
    .get(runId) as RunRow | undefined;
  return row === undefined ? null : toRun(db, row);
}

/** Runs that were queued or running when the app stopped, oldest first, with every chunk and its cursor. */
export function readResumableRuns(db: ReadableDb): RunRecord[] {
  const rows = db
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN connections c ON c.conn = r.conn
        WHERE r.state IN ('queued', 'running') ORDER BY r.created_at, r.id`,
    )
    .all() as RunRow[];
  return rows.map((row) => toRun(db, row));
}

export function readRecentRuns(db: ReadableDb, conn: number, limit: number): RunRecord[] {
  const rows = db
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN connections c ON c.conn = r.conn
        WHERE r.conn = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
    )
    .all(conn, limit) as RunRow[];
  return rows.map((row) => toRun(db, row));
}
