import { randomUUID } from 'node:crypto';
import type { AggregatesWriter } from './aggregates-store';
import type { ConnectionKeys } from './connection-keys';
import type { ConversationsWriter } from './conversations-store';
import type { CoverageWriter } from './coverage';
import type { WritableDb } from './database';
import { CacheError, PLAIN_MESSAGES } from './errors';
import type { ReferenceWriter } from './reference-store';
import {
  readRun,
  toChunk,
  type AggregatesPage,
  type ChunkKind,
  type ChunkRecord,
  type DetailsPage,
  type NewRun,
  type OwnedChunk,
  type PageBase,
  type PageOutcome,
  type ReferencePage,
  type RunRecord,
} from './runs-read';

export interface RunWriters {
  conversations: ConversationsWriter;
  aggregates: AggregatesWriter;
  reference: ReferenceWriter;
  coverage: CoverageWriter;
}

/**
 * Persisted runs. Every method is one transaction; the page commits write the rows *and* move the chunk's
 * cursor in the same transaction, so after a crash the cursor never points past rows that were lost, and rows
 * are never stored without the cursor that says so.
 */
export class RunsStore {
  constructor(
    private readonly db: WritableDb,
    private readonly keys: ConnectionKeys,
    private readonly writers: RunWriters,
    private readonly now: () => number,
    /** Turns SQLite failures (a full disk…) into typed CacheErrors; supplied by the cache. */
    private readonly guard: <T>(fn: () => T) => T,
  ) {}

  create(run: NewRun): RunRecord {
    const id = run.id ?? randomUUID();
    const now = this.now();
    this.inTransaction(() => {
      const conn = this.keys.ensure(this.db, run.connectionId, now);
      this.db
        .prepare(
          `INSERT INTO runs (id, conn, report, params_json, state, created_at, updated_at, chunks_total)
           VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)`,
        )
        .run(id, conn, run.report, JSON.stringify(run.params ?? null), now, now, run.chunks.length);
      const insert = this.db.prepare(
        `INSERT INTO run_chunks (run_id, idx, kind, dataset, start_ms, end_ms, prune, state, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      );
      run.chunks.forEach((chunk, index) => {
        insert.run(
          id,
          index,
          chunk.kind,
          chunk.dataset,
          chunk.start ?? null,
          chunk.end ?? null,
          chunk.prune ? 1 : 0,
          now,
        );
      });
    });
    return this.require(id);
  }

  start(runId: string): RunRecord {
    const now = this.now();
    this.update(
      `UPDATE runs SET state = 'running', started_at = coalesce(started_at, @now), updated_at = @now
        WHERE id = @runId AND state IN ('queued', 'running')`,
      { runId, now },
    );
    return this.require(runId);
  }

  /** Ends a run; a failure message is stored as given (the caller writes it for the user). */
  finish(runId: string, state: 'done' | 'failed' | 'cancelled', errorMessage: string | null = null): RunRecord {
    const now = this.now();
    this.update(
      `UPDATE runs SET state = @state, finished_at = @now, updated_at = @now, error_message = @errorMessage
        WHERE id = @runId`,
      { runId, state, now, errorMessage },
    );
    return this.require(runId);
  }

  /** Records the async job serving a chunk, so a restart can poll the same job instead of submitting again. */
  setJob(runId: string, index: number, jobId: string): ChunkRecord {
    this.inTransaction(() => {
      const chunk = this.chunk(runId, index);
      // A different job starts the chunk over: its cursors mean nothing for the new job.
      const restart = chunk.job_id !== jobId;
      this.db
        .prepare(
          `UPDATE run_chunks SET job_id = @jobId, state = 'running', updated_at = @now,
             last_page = CASE WHEN @restart THEN 0 ELSE last_page END,
             cursor = CASE WHEN @restart THEN NULL ELSE cursor END
           WHERE run_id = @runId AND idx = @index`,
        )
        .run({ runId, index, jobId, restart: restart ? 1 : 0, now: this.now() });
    });
    return toChunk(this.chunk(runId, index));
  }

  commitDetailsPage(runId: string, index: number, page: DetailsPage): PageOutcome {
    return this.commitPage(runId, index, page, ['details-sync', 'details-job'], (chunk, fetchedAt) => {
      const { written, skipped } = this.writers.conversations.upsert(chunk.conn, page.conversations, fetchedAt);
      return { rows: written, skipped };
    });
  }

  commitAggregatesPage(runId: string, index: number, page: AggregatesPage): PageOutcome {
    return this.commitPage(runId, index, page, ['aggregates'], (chunk, fetchedAt) => {
      // The first page of a chunk replaces what was cached for its interval (empty buckets are not sent).
      if (page.pageNumber === 1 && chunk.start_ms !== null && chunk.end_ms !== null) {
        this.writers.aggregates.clearRange(chunk.conn, page.queryKey, chunk.start_ms, chunk.end_ms);
      }
      return { rows: this.writers.aggregates.put(chunk.conn, page.queryKey, page.results, fetchedAt), skipped: 0 };
    });
  }

  commitReferencePage(runId: string, index: number, page: ReferencePage): PageOutcome {
    return this.commitPage(runId, index, page, ['reference'], (chunk, fetchedAt) => {
      const rows = this.writers.reference.put(chunk.conn, page.referenceKind, page.entities, fetchedAt);
      return { rows, skipped: page.entities.length - rows };
    });
  }

  /**
   * Marks a chunk done and, in the same transaction, records its interval in the coverage map (as fetched when
   * its first page was) and, for pruning chunks, removes conversations that no longer exist.
   */
  completeChunk(runId: string, index: number): ChunkRecord {
    this.inTransaction(() => {
      const chunk = this.chunk(runId, index);
      if (chunk.state === 'done') return;
      const now = this.now();
      const fetchedAt = chunk.first_fetch_at ?? now;
      if (chunk.start_ms !== null && chunk.end_ms !== null) {
        if (chunk.prune === 1) {
          this.writers.conversations.pruneNotSeenSince(
            chunk.conn,
            chunk.start_ms,
            Math.min(chunk.end_ms, fetchedAt),
            fetchedAt,
          );
        }
        this.writers.coverage.record(chunk.conn, chunk.dataset, chunk.start_ms, chunk.end_ms, fetchedAt);
      }
      this.db
        .prepare(
          `UPDATE run_chunks SET state = 'done', error_message = NULL, updated_at = ? WHERE run_id = ? AND idx = ?`,
        )
        .run(now, runId, index);
      this.db.prepare('UPDATE runs SET chunks_done = chunks_done + 1, updated_at = ? WHERE id = ?').run(now, runId);
    });
    return toChunk(this.chunk(runId, index));
  }

  failChunk(runId: string, index: number, errorMessage: string): ChunkRecord {
    this.inTransaction(() => {
      this.chunk(runId, index);
      this.db
        .prepare(
          `UPDATE run_chunks SET state = 'failed', error_message = ?, updated_at = ? WHERE run_id = ? AND idx = ?`,
        )
        .run(errorMessage, this.now(), runId, index);
    });
    return toChunk(this.chunk(runId, index));
  }

  /** Removes finished runs created before `before` (with their chunks); returns how many. */
  deleteFinishedBefore(before: number): number {
    return this.guard(
      () =>
        this.db
          .prepare(`DELETE FROM runs WHERE state IN ('done', 'failed', 'cancelled') AND created_at < ?`)
          .run(before).changes,
    );
  }

  private commitPage(
    runId: string,
    index: number,
    page: PageBase,
    kinds: readonly ChunkKind[],
    write: (chunk: OwnedChunk, fetchedAt: number) => { rows: number; skipped: number },
  ): PageOutcome {
    return this.inTransaction((): PageOutcome => {
      const chunk = this.chunk(runId, index);
      if (!kinds.includes(chunk.kind)) {
        throw new CacheError('bad-data', PLAIN_MESSAGES['bad-data'], `chunk ${runId}/${index} is ${chunk.kind}`);
      }
      if (chunk.state === 'done' || page.pageNumber <= chunk.last_page)
        return { committed: false, rows: 0, skipped: 0 };
      if (page.pageNumber !== chunk.last_page + 1) {
        throw new CacheError(
          'bad-data',
          PLAIN_MESSAGES['bad-data'],
          `chunk ${runId}/${index}: page ${page.pageNumber} after ${chunk.last_page}`,
        );
      }
      const now = this.now();
      const fetchedAt = page.fetchedAt ?? now;
      const { rows, skipped } = write(chunk, fetchedAt);
      this.db
        .prepare(
          `UPDATE run_chunks SET state = 'running', last_page = @page, cursor = @cursor, rows = rows + @rows,
             first_fetch_at = coalesce(first_fetch_at, @fetchedAt), error_message = NULL, updated_at = @now
           WHERE run_id = @runId AND idx = @index`,
        )
        .run({ runId, index, page: page.pageNumber, cursor: page.nextCursor ?? null, rows, fetchedAt, now });
      this.db
        .prepare(
          `UPDATE runs SET pages = pages + 1, rows_written = rows_written + @rows, updated_at = @now,
             state = CASE WHEN state = 'queued' THEN 'running' ELSE state END,
             started_at = coalesce(started_at, @now)
           WHERE id = @runId`,
        )
        .run({ runId, rows, now });
      return { committed: true, rows, skipped };
    });
  }

  /** One transaction, with SQLite failures (a full disk…) turned into typed CacheErrors. */
  private inTransaction<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn)());
  }

  private chunk(runId: string, index: number): OwnedChunk {
    const row = this.db
      .prepare(`SELECT k.*, r.conn FROM run_chunks k JOIN runs r ON r.id = k.run_id WHERE k.run_id = ? AND k.idx = ?`)
      .get(runId, index) as OwnedChunk | undefined;
    if (row === undefined) {
      throw new CacheError('not-found', PLAIN_MESSAGES['not-found'], `chunk ${runId}/${index}`);
    }
    return row;
  }

  private update(sql: string, params: Record<string, unknown>): void {
    const changes = this.guard(() => this.db.prepare(sql).run(params).changes);
    if (changes === 0 && readRun(this.db, String(params.runId)) === null) {
      throw new CacheError('not-found', PLAIN_MESSAGES['not-found'], `run ${String(params.runId)}`);
    }
  }

  private require(runId: string): RunRecord {
    const run = readRun(this.db, runId);
    if (run === null) throw new CacheError('not-found', PLAIN_MESSAGES['not-found'], `run ${runId}`);
    return run;
  }
}
