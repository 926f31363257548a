import type { ReadableDb, WritableDb } from './database';

/**
 * Maps a connection id (the Demo org's "demo", or a real org's id) to the small integer `conn` that keys every
 * table. Lookups are memoised per process: the mapping never changes once created.
 */
export class ConnectionKeys {
  private readonly known = new Map<string, number>();

  constructor(private readonly db: ReadableDb) {}

  /** The key, or undefined when nothing was ever stored for this connection (readers then return nothing). */
  find(connectionId: string): number | undefined {
    const cached = this.known.get(connectionId);
    if (cached !== undefined) return cached;
    const row = this.db.prepare('SELECT conn FROM connections WHERE connection_id = ?').get(connectionId) as
      { conn: number } | undefined;
    if (row !== undefined) this.known.set(connectionId, row.conn);
    return row?.conn;
  }

  /** The key, creating it on first use. Writer only. */
  ensure(db: WritableDb, connectionId: string, now: number): number {
    const existing = this.find(connectionId);
    if (existing !== undefined) return existing;
    const row = db
      .prepare('INSERT INTO connections (connection_id, created_at) VALUES (?, ?) RETURNING conn')
      .get(connectionId, now) as { conn: number };
    // Inside a transaction the row may still roll back, and its number would then be handed to the next
    // connection created: remember it only once it is committed (the next find() reads it back).
    if (!db.inTransaction) this.known.set(connectionId, row.conn);
    return row.conn;
  }

  /** Forget a mapping (after the connection's data was removed, or a transaction that created it rolled back). */
  forget(connectionId: string): void {
    this.known.delete(connectionId);
  }
}
