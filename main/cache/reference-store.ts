import type { ReadableDb, WritableDb } from './database';

export const REFERENCE_KINDS = ['queue', 'user', 'wrapupCode', 'division'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The fields every Genesys queue, user, wrap-up code and division has (all optional in the SDK types). */
export interface ReferenceEntity {
  id?: string;
  name?: string;
  state?: string;
}

export interface ReferenceItem {
  id: string;
  name: string;
  /** e.g. a user's "active" / "inactive" / "deleted"; null when the API has no state for this kind. */
  state: string | null;
  fetchedAt: number;
}

/** No transactions here: callers wrap, so a page of reference data and its run cursor commit together. */
export class ReferenceWriter {
  constructor(private readonly db: WritableDb) {}

  /**
   * Upserts entities as listed by the API. Entities without an id are skipped; a missing name is stored as the
   * id, so a grid shows something recognisable rather than an empty cell. Nothing is ever deleted: a deleted
   * queue still names old conversations.
   */
  put(conn: number, kind: ReferenceKind, entities: readonly ReferenceEntity[], fetchedAt: number): number {
    const upsert = this.db.prepare(
      `INSERT INTO reference_items (conn, kind, id, name, state, json, fetched_at)
       VALUES (@conn, @kind, @id, @name, @state, @json, @fetchedAt)
       ON CONFLICT (conn, kind, id) DO UPDATE SET
         name = excluded.name, state = excluded.state, json = excluded.json, fetched_at = excluded.fetched_at`,
    );
    let written = 0;
    for (const entity of entities) {
      if (typeof entity.id !== 'string' || entity.id === '') continue;
      upsert.run({
        conn,
        kind,
        id: entity.id,
        name: typeof entity.name === 'string' && entity.name !== '' ? entity.name : entity.id,
        state: typeof entity.state === 'string' ? entity.state : null,
        json: JSON.stringify(entity),
        fetchedAt,
      });
      written++;
    }
    return written;
  }
}

/** Names for the given ids; ids never seen are simply absent from the map (the caller decides how to show them). */
export function readNames(
  db: ReadableDb,
  conn: number,
  kind: ReferenceKind,
  ids: readonly string[],
): Map<string, string> {
  if (ids.length === 0) return new Map();
  // One bound JSON array instead of one parameter per id: any number of ids, one cached statement.
  const rows = db
    .prepare(
      `SELECT id, name FROM reference_items WHERE conn = ? AND kind = ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(conn, kind, JSON.stringify([...new Set(ids)])) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function readReferenceItems(db: ReadableDb, conn: number, kind: ReferenceKind): ReferenceItem[] {
  return db
    .prepare(
      `SELECT id, name, state, fetched_at AS fetchedAt FROM reference_items
        WHERE conn = ? AND kind = ? ORDER BY name COLLATE NOCASE, id`,
    )
    .all(conn, kind) as ReferenceItem[];
}
