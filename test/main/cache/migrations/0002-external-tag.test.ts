import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnsOf, databaseAtVersion } from '../support/schema';

/** Migration 2 from schema 1 with data in it: the new column is backfilled from the cached detail JSON. */
describe('migration 0002-external-tag', () => {
  let schema: ReturnType<typeof databaseAtVersion>;
  beforeEach(() => (schema = databaseAtVersion(1)));
  afterEach(() => schema.dispose());

  function insertAtVersion1(conversationId: string, detailJson: string): void {
    const { db } = schema;
    const id = db
      .prepare(
        `INSERT INTO conversations (conn, conversation_id, start_ms, queue_ids, user_ids, fetched_at)
         VALUES (1, ?, 1000, '["q1"]', '["u1"]', 0)`,
      )
      .run(conversationId).lastInsertRowid;
    db.prepare('INSERT INTO conversation_members VALUES (1, 1, ?, 1000, ?)').run('q1', id);
    db.prepare('INSERT INTO conversation_details VALUES (?, ?)').run(id, detailJson);
  }

  it('adds external_tag and fills it from the detail already cached, without touching anything else', () => {
    expect(columnsOf(schema.db, 'conversations')).not.toContain('external_tag');
    insertAtVersion1('tagged', JSON.stringify({ conversationId: 'tagged', externalTag: 'CRM-4711' }));
    insertAtVersion1('untagged', JSON.stringify({ conversationId: 'untagged' }));
    insertAtVersion1('damaged', '{not json');

    expect(schema.migrateTo(2)).toEqual([2]);

    const rows = schema.db
      .prepare('SELECT conversation_id, external_tag FROM conversations ORDER BY conversation_id')
      .all();
    expect(rows).toEqual([
      { conversation_id: 'damaged', external_tag: null },
      { conversation_id: 'tagged', external_tag: 'CRM-4711' },
      { conversation_id: 'untagged', external_tag: null },
    ]);
    expect(schema.db.prepare('SELECT count(*) FROM conversation_members').pluck().get()).toBe(3);
    expect(schema.db.pragma('user_version', { simple: true })).toBe(2);
  });
});
