import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseAtVersion } from '../support/schema';

/** Migration 4 from schema 3 with rows in it: the per-first-queue sort indexes exist and hold the cached rows. */
describe('migration 0004-first-queue-sort-indexes', () => {
  let schema: ReturnType<typeof databaseAtVersion>;
  beforeEach(() => (schema = databaseAtVersion(3)));
  afterEach(() => schema.dispose());

  const insertAtVersion3 = (conversationId: string, queue: string | null, acd: number): number =>
    Number(
      schema.db
        .prepare(
          `INSERT INTO conversations (conn, conversation_id, start_ms, first_queue_id, t_acd, t_handle, t_talk,
             fetched_at)
           VALUES (1, ?, 1000, ?, ?, ?, ?, 0)`,
        )
        .run(conversationId, queue, acd, acd * 2, acd * 3).lastInsertRowid,
    );

  it('adds a (conn, first queue, duration) index for queue wait, handle and talk over the cached rows', () => {
    const a = insertAtVersion3('a', 'q1', 30);
    const b = insertAtVersion3('b', 'q1', 10);
    const c = insertAtVersion3('c', 'q2', 20);
    insertAtVersion3('d', null, 5);

    expect(schema.migrateTo(4)).toEqual([4]);

    const columns = (index: string): string[] =>
      schema.db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[];
    expect(columns('conversations_by_first_queue_queue_wait')).toEqual(['conn', 'first_queue_id', 't_acd']);
    expect(columns('conversations_by_first_queue_handle')).toEqual(['conn', 'first_queue_id', 't_handle']);
    expect(columns('conversations_by_first_queue_talk')).toEqual(['conn', 'first_queue_id', 't_talk']);
    for (const [index, column] of [
      ['conversations_by_first_queue_queue_wait', 't_acd'],
      ['conversations_by_first_queue_handle', 't_handle'],
      ['conversations_by_first_queue_talk', 't_talk'],
    ] as const) {
      const sql = `SELECT id FROM conversations INDEXED BY ${index} WHERE conn = 1 AND first_queue_id = ?
                   ORDER BY ${column} DESC, id DESC`;
      expect(schema.db.prepare(sql).pluck().all('q1')).toEqual([a, b]);
      expect(schema.db.prepare(sql).pluck().all('q2')).toEqual([c]);
    }
    expect(schema.db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(4);
    expect(schema.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(schema.db.pragma('user_version', { simple: true })).toBe(4);
  });
});
