import { readAggregates, type AggregateRow } from './aggregates-store';
import { ConnectionKeys } from './connection-keys';
import type { ConversationDetail } from './conversation-row';
import { countConversations, readConversationDetail } from './conversations-store';
import {
  freshness,
  missingIntervals,
  readPieces,
  type CoveragePiece,
  type Freshness,
  type MissingInterval,
} from './coverage';
import { StatementCache, openReadOnly, type ConnectionOptions, type ReadableDb } from './database';
import { CacheError, guarded } from './errors';
import {
  explainConversationsQuery,
  queryConversations,
  streamConversations,
  type ConversationGridRow,
  type GridResult,
  type SlowQueryReport,
} from './grid-query';
import type { GridQuery } from './grid-request';
import { requestIntegrityCheck, type IntegrityCheck } from './recovery';
import { readNames, readReferenceItems, type ReferenceItem, type ReferenceKind } from './reference-store';
import { readRecentRuns, readResumableRuns, readRun, type RunRecord } from './runs-read';

export interface OpenCacheOptions extends ConnectionOptions {
  /** The cache file (created if missing). */
  file: string;
  /** Clock in epoch ms; injectable so tests control "now" (volatility, fetch times). */
  now?: () => number;
  /** Called when a grid query takes longer than `slowQueryMs` (default 40 ms), for the log. */
  onSlowQuery?: (report: SlowQueryReport) => void;
  slowQueryMs?: number;
  /** When start-up runs PRAGMA quick_check (default 'auto': small files, unclean shutdowns, after corruption). */
  integrityCheck?: IntegrityCheck;
}

/** The coverage dataset name of an aggregate query's results. */
export const aggregatesDataset = (queryKey: string): string => `aggregates:${queryKey}`;
export const DETAILS_DATASET = 'details';

/**
 * Read-only access to a cache file: grid pages, details, aggregates, names, coverage, runs. A reader can live on
 * another thread (its own connection); it never writes.
 */
export class CacheReader {
  protected readonly keys: ConnectionKeys;
  private readonly statements: StatementCache;

  constructor(
    protected readonly connection: ReadableDb,
    protected readonly options: OpenCacheOptions,
  ) {
    this.keys = new ConnectionKeys(connection);
    this.statements = new StatementCache(connection);
  }

  protected get now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * Runs `fn` with SQLite failures turned into CacheErrors. When SQLite reports corruption, the next start-up
   * is asked to check the whole file, so "restart ReportDesk" (the message's advice) really does set it aside.
   */
  protected guard<T>(fn: () => T): T {
    try {
      return guarded(fn);
    } catch (error) {
      if (error instanceof CacheError && error.code === 'corrupt') requestIntegrityCheck(this.options.file, this.now);
      throw error;
    }
  }

  queryConversations(connectionId: string, query: GridQuery): GridResult {
    return this.guard(() =>
      queryConversations(
        this.statements,
        this.keys.find(connectionId),
        query,
        this.options.onSlowQuery,
        this.options.slowQueryMs,
      ),
    );
  }

  /** EXPLAIN QUERY PLAN of the page and count queries a grid request runs. */
  explainConversations(connectionId: string, query: GridQuery): { page: string[]; count: string[]; pageSql: string } {
    return this.guard(() => explainConversationsQuery(this.connection, this.keys.find(connectionId) ?? -1, query));
  }

  /** The full Genesys detail of one conversation, as fetched. */
  /**
   * Every conversation a grid request matches, in order, streamed from a read-only connection of its own (so
   * names and pages can still be read here meanwhile); the connection closes when the iteration ends.
   */
  *streamConversations(connectionId: string, query: GridQuery): Generator<ConversationGridRow> {
    const conn = this.guard(() => this.keys.find(connectionId));
    if (conn === undefined) return;
    const db = this.guard(() => openReadOnly(this.options.file, this.options));
    try {
      // Sorting a large range spills to a temporary file rather than holding it all in memory.
      db.pragma('temp_store = FILE');
      const rows = streamConversations(db, conn, query);
      for (;;) {
        const next = this.guard(() => rows.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      db.close();
    }
  }

  conversation(connectionId: string, conversationId: string): ConversationDetail | null {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? null : readConversationDetail(this.connection, conn, conversationId);
    });
  }

  conversationCount(connectionId: string): number {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? 0 : countConversations(this.connection, conn);
    });
  }

  aggregates(connectionId: string, queryKey: string, start: number, end: number): AggregateRow[] {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? [] : readAggregates(this.connection, conn, queryKey, start, end);
    });
  }

  namesFor(connectionId: string, kind: ReferenceKind, ids: readonly string[]): Map<string, string> {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? new Map<string, string>() : readNames(this.connection, conn, kind, ids);
    });
  }

  referenceItems(connectionId: string, kind: ReferenceKind): ReferenceItem[] {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? [] : readReferenceItems(this.connection, conn, kind);
    });
  }

  coverage(connectionId: string, dataset: string, start: number, end: number): CoveragePiece[] {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? [] : readPieces(this.connection, conn, dataset, start, end);
    });
  }

  /**
   * What must be fetched to show [start, end) of `dataset`: parts never cached, and on refresh also the parts
   * that may have changed since they were fetched (see coverage.ts).
   */
  missing(
    connectionId: string,
    dataset: string,
    start: number,
    end: number,
    options: { refresh: boolean; now?: number },
  ): MissingInterval[] {
    const pieces = this.coverage(connectionId, dataset, start, end);
    return missingIntervals(pieces, start, end, { refresh: options.refresh, now: options.now ?? this.now });
  }

  /** For the freshness line: "complete up to …, fetched at …". */
  completeUpTo(connectionId: string, dataset: string, start: number, end: number): Freshness {
    return freshness(this.coverage(connectionId, dataset, start, end), start, end);
  }

  run(runId: string): RunRecord | null {
    return this.guard(() => readRun(this.connection, runId));
  }

  /** Runs that were queued or running when the app stopped: resume each chunk after its `lastPage`/`cursor`. */
  resumableRuns(): RunRecord[] {
    return this.guard(() => readResumableRuns(this.connection));
  }

  recentRuns(connectionId: string, limit = 20): RunRecord[] {
    return this.guard(() => {
      const conn = this.keys.find(connectionId);
      return conn === undefined ? [] : readRecentRuns(this.connection, conn, limit);
    });
  }

  close(): void {
    if (this.connection.open) this.connection.close();
  }
}
