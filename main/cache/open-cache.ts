import type { Models } from 'purecloud-platform-client-v2';
import { AggregatesWriter } from './aggregates-store';
import { aggregatesDataset, CacheReader, type OpenCacheOptions } from './cache-reader';
import type { ConversationDetail } from './conversation-row';
import { ConversationsWriter, type UpsertResult } from './conversations-store';
import { CoverageWriter } from './coverage';
import { openReadOnly, openWriter, type WritableDb } from './database';
import { guarded } from './errors';
import { migrate } from './migrate';
import { recoverIfUnusable, type Recovery } from './recovery';
import { ReferenceWriter, type ReferenceEntity, type ReferenceKind } from './reference-store';
import { RunsStore } from './runs-store';

/**
 * The cache: the one writer connection plus everything a reader can do. Writes are serialised simply by there
 * being one connection; each method is one transaction.
 */
export class Cache extends CacheReader {
  readonly runs: RunsStore;
  private readonly conversationsWriter: ConversationsWriter;
  private readonly aggregatesWriter: AggregatesWriter;
  private readonly referenceWriter: ReferenceWriter;
  private readonly coverageWriter: CoverageWriter;
  private readonly readers = new Set<CacheReader>();

  constructor(
    /** The writer connection; exposed for diagnostics and tests only. Other code uses the methods. */
    readonly db: WritableDb,
    options: OpenCacheOptions,
    /** Set when start-up found an unusable file and moved it aside: tell the user `recovered.message`. */
    readonly recovered: Recovery | null,
  ) {
    super(db, options);
    this.conversationsWriter = new ConversationsWriter(db);
    this.aggregatesWriter = new AggregatesWriter(db);
    this.referenceWriter = new ReferenceWriter(db);
    this.coverageWriter = new CoverageWriter(db);
    this.runs = new RunsStore(
      db,
      this.keys,
      {
        conversations: this.conversationsWriter,
        aggregates: this.aggregatesWriter,
        reference: this.referenceWriter,
        coverage: this.coverageWriter,
      },
      () => this.now,
      (fn) => this.guard(fn),
    );
  }

  get file(): string {
    return this.options.file;
  }

  /** Stores conversations (one transaction for the whole batch). Coverage is recorded separately. */
  upsertConversations(
    connectionId: string,
    conversations: readonly ConversationDetail[],
    options: { fetchedAt?: number } = {},
  ): UpsertResult {
    return this.write(
      (conn, now) => this.conversationsWriter.upsert(conn, conversations, options.fetchedAt ?? now),
      connectionId,
    );
  }

  /**
   * Replaces the cached buckets of [start, end) for a query with `results` and records the interval as covered
   * (dataset `aggregates:<queryKey>`), in one transaction.
   */
  putAggregates(
    connectionId: string,
    queryKey: string,
    interval: { start: number; end: number },
    results: readonly Models.ConversationAggregateDataContainer[],
    options: { fetchedAt?: number } = {},
  ): number {
    return this.write((conn, now) => {
      const fetchedAt = options.fetchedAt ?? now;
      this.aggregatesWriter.clearRange(conn, queryKey, interval.start, interval.end);
      const rows = this.aggregatesWriter.put(conn, queryKey, results, fetchedAt);
      this.coverageWriter.record(conn, aggregatesDataset(queryKey), interval.start, interval.end, fetchedAt);
      return rows;
    }, connectionId);
  }

  putReference(
    connectionId: string,
    kind: ReferenceKind,
    entities: readonly ReferenceEntity[],
    options: { fetchedAt?: number } = {},
  ): number {
    return this.write(
      (conn, now) => this.referenceWriter.put(conn, kind, entities, options.fetchedAt ?? now),
      connectionId,
    );
  }

  recordCoverage(connectionId: string, dataset: string, start: number, end: number, fetchedAt?: number): void {
    this.write((conn, now) => this.coverageWriter.record(conn, dataset, start, end, fetchedAt ?? now), connectionId);
  }

  forgetCoverage(connectionId: string, dataset: string, start: number, end: number): void {
    this.write((conn) => this.coverageWriter.forget(conn, dataset, start, end), connectionId);
  }

  /** Deletes everything cached for a connection (when the user removes it). Other connections are untouched. */
  removeConnection(connectionId: string): void {
    this.guard(() => {
      const conn = this.keys.find(connectionId);
      if (conn === undefined) return;
      this.db.transaction(() => {
        for (const table of ['conversations', 'aggregates', 'reference_items', 'coverage', 'runs']) {
          this.db.prepare(`DELETE FROM ${table} WHERE conn = ?`).run(conn);
        }
        this.db.prepare('DELETE FROM connections WHERE conn = ?').run(conn);
      })();
      this.keys.forget(connectionId);
    });
  }

  /** Another connection to the same file, read-only (e.g. for grid pages on a worker thread). */
  openReader(): CacheReader {
    return this.guard(() => {
      const reader = new CacheReader(openReadOnly(this.options.file, this.options), this.options);
      this.readers.add(reader);
      return reader;
    });
  }

  /**
   * Lets SQLite refresh its planner statistics. Not needed for correct plans (they are pinned with and without
   * statistics) and it can take seconds on a large cache, so it is not run on close: call it when idle, e.g.
   * after a large run finished.
   */
  optimize(): void {
    this.guard(() => this.db.pragma('optimize'));
  }

  override close(): void {
    for (const reader of this.readers) reader.close();
    this.readers.clear();
    if (this.db.open) this.db.close();
  }

  private write<T>(fn: (conn: number, now: number) => T, connectionId: string): T {
    return this.guard(() =>
      this.db.transaction(() => {
        const now = this.now;
        return fn(this.keys.ensure(this.db, connectionId, now), now);
      })(),
    );
  }
}

/**
 * Opens (creating if needed) the cache file. Start-up checks, in order:
 * 1. A file that is not SQLite, fails `quick_check`, or carries another program's `application_id` is moved
 *    aside as `<file>.corrupt-<timestamp>` and a fresh cache is created; `cache.recovered` says so in plain words.
 * 2. A cache written by a newer ReportDesk throws CacheError('newer-version') and is left untouched.
 * 3. An applied migration whose text changed throws CacheError('migration-edited').
 * 4. Pending migrations run, each in its own transaction.
 */
export function openCache(options: OpenCacheOptions): Cache {
  const now = options.now ?? Date.now;
  const recovered = recoverIfUnusable(options.file, now(), options, options.integrityCheck);
  const db = guarded(() => openWriter(options.file, options));
  try {
    migrate(db, { now });
  } catch (error) {
    db.close();
    throw error;
  }
  return new Cache(db, options, recovered);
}
