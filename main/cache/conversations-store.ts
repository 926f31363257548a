import type Database from 'better-sqlite3';
import { flattenConversation, type ConversationDetail, type FlatConversation } from './conversation-row';
import type { ReadableDb, WritableDb } from './database';

export interface UpsertResult {
  /** Conversations inserted or updated. */
  written: number;
  /** Conversations without an id or a parsable start, which cannot be stored. */
  skipped: number;
}

/** `conversation_members.kind` values. */
export const MEMBER_QUEUE = 1;
export const MEMBER_USER = 2;

const FLAT_COLUMNS = [
  'conversation_id',
  'start_ms',
  'end_ms',
  'duration_ms',
  'direction',
  'media_type',
  'first_queue_id',
  'queue_ids',
  'user_ids',
  'wrapup_code_id',
  'ani',
  'dnis',
  'division_id',
  'external_tag',
  't_talk',
  't_held',
  't_acw',
  't_handle',
  't_acd',
  't_alert',
  't_abandon',
  'abandoned',
  'answered',
  'transferred',
] as const satisfies readonly (keyof FlatConversation)[];

const UPDATED = FLAT_COLUMNS.filter((column) => column !== 'conversation_id');

/**
 * `fetched_at` only moves forward: it says when the conversation was last seen, and pruning removes what a
 * complete fetch begun at T did not see (fetched_at < T). Two runs of one connection fetching the same range at
 * once commit in any order; letting the slower run's earlier time overwrite the faster one's made the faster run's
 * prune delete conversations it had just seen (found by the fault soak).
 */
const UPSERT_SQL = `
INSERT INTO conversations (conn, ${FLAT_COLUMNS.join(', ')}, fetched_at)
VALUES (@conn, ${FLAT_COLUMNS.map((column) => `@${column}`).join(', ')}, @fetched_at)
ON CONFLICT (conn, conversation_id) DO UPDATE SET ${UPDATED.map((column) => `${column} = excluded.${column}`).join(', ')},
  fetched_at = max(fetched_at, excluded.fetched_at)`;

const UPSERT_DETAIL_SQL = `
INSERT INTO conversation_details (id, detail_json) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET detail_json = excluded.detail_json`;

type RowParams = FlatConversation & { conn: number; fetched_at: number };

/**
 * Conversations stored once per (connection, conversationId). Methods here never open a transaction: the
 * caller wraps them, so a page of rows and the run cursor that points past it commit together.
 *
 * Speed notes (measured, see docs/cache.md): the row id comes from a key lookup before the upsert rather than
 * `RETURNING id`, which cost ~10 us per row in better-sqlite3; members of new rows are inserted here rather
 * than by a json_each trigger (~20 us per row), and so are their phone-number search entries (migration 3).
 */
export class ConversationsWriter {
  private readonly findRow: Database.Statement;
  private readonly upsertRow: Database.Statement;
  private readonly upsertDetail: Database.Statement;
  private readonly insertMember: Database.Statement;
  private readonly insertPhone: Database.Statement;
  private readonly pruneRange: Database.Statement;

  constructor(db: WritableDb) {
    this.findRow = db.prepare('SELECT id FROM conversations WHERE conn = ? AND conversation_id = ?').pluck();
    this.upsertRow = db.prepare(UPSERT_SQL);
    this.upsertDetail = db.prepare(UPSERT_DETAIL_SQL);
    this.insertMember = db.prepare(
      'INSERT OR IGNORE INTO conversation_members (conn, kind, member_id, start_ms, id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertPhone = db.prepare('INSERT INTO conversations_phone (rowid, ani) VALUES (?, ?)');
    this.pruneRange = db.prepare(
      'DELETE FROM conversations WHERE conn = ? AND start_ms >= ? AND start_ms < ? AND fetched_at < ?',
    );
  }

  upsert(conn: number, conversations: readonly ConversationDetail[], fetchedAt: number): UpsertResult {
    let written = 0;
    let skipped = 0;
    for (const conversation of conversations) {
      const flat = flattenConversation(conversation);
      if (flat === null) {
        skipped++;
        continue;
      }
      const params = flat as RowParams;
      params.conn = conn;
      params.fetched_at = fetchedAt;
      const existing = this.findRow.get(conn, flat.conversation_id) as number | undefined;
      const result = this.upsertRow.run(params);
      // An existing row keeps its id (ON CONFLICT DO UPDATE), and the update triggers re-sync its members and
      // its entry in the phone-number search index.
      const id = existing ?? Number(result.lastInsertRowid);
      if (existing === undefined) {
        this.insertMembers(conn, id, flat);
        if (flat.ani !== null) this.insertPhone.run(id, flat.ani);
      }
      this.upsertDetail.run(id, JSON.stringify(conversation));
      written++;
    }
    return { written, skipped };
  }

  private insertMembers(conn: number, id: number, flat: FlatConversation): void {
    for (const queueId of JSON.parse(flat.queue_ids) as string[]) {
      this.insertMember.run(conn, MEMBER_QUEUE, queueId, flat.start_ms, id);
    }
    for (const userId of JSON.parse(flat.user_ids) as string[]) {
      this.insertMember.run(conn, MEMBER_USER, userId, flat.start_ms, id);
    }
  }

  /**
   * After a complete, unfiltered re-fetch of [start, end) begun at `since`, conversations starting in that range
   * that were not seen again no longer exist in Genesys (deleted, e.g. for GDPR): remove them.
   */
  pruneNotSeenSince(conn: number, start: number, end: number, since: number): number {
    return this.pruneRange.run(conn, start, end, since).changes;
  }
}

export function readConversationDetail(
  db: ReadableDb,
  conn: number,
  conversationId: string,
): ConversationDetail | null {
  const row = db
    .prepare(
      `SELECT d.detail_json AS json FROM conversations c JOIN conversation_details d ON d.id = c.id
        WHERE c.conn = ? AND c.conversation_id = ?`,
    )
    .get(conn, conversationId) as { json: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.json) as ConversationDetail);
}

export function countConversations(db: ReadableDb, conn: number): number {
  return (db.prepare('SELECT count(*) AS n FROM conversations WHERE conn = ?').get(conn) as { n: number }).n;
}
