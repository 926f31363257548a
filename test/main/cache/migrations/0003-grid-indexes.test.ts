import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseAtVersion } from '../support/schema';

/**
 * Migration 3 from schema 2 with rows in it: the grid's new indexes exist, and the ANI trigram index is filled
 * from the rows already cached and kept in step when a row's ANI changes or the row goes.
 */
describe('migration 0003-grid-indexes', () => {
  let schema: ReturnType<typeof databaseAtVersion>;
  beforeEach(() => (schema = databaseAtVersion(2)));
  afterEach(() => schema.dispose());

  const insertAtVersion2 = (conversationId: string, ani: string | null, abandoned = 0): number =>
    Number(
      schema.db
        .prepare(
          `INSERT INTO conversations (conn, conversation_id, start_ms, ani, abandoned, fetched_at)
           VALUES (1, ?, 1000, ?, ?, 0)`,
        )
        .run(conversationId, ani, abandoned).lastInsertRowid,
    );
  const aniSearch = (text: string): number[] =>
    schema.db
      .prepare('SELECT rowid FROM conversations_phone WHERE ani LIKE ? ORDER BY rowid')
      .pluck()
      .all(`%${text}%`) as number[];
  /** Rows the index itself lists for a trigram (a LIKE re-checks rows, so it would hide a stale entry). */
  const indexed = (trigram: string): number => {
    schema.db.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.phone_terms USING fts5vocab(main, conversations_phone, row)',
    );
    return (schema.db.prepare('SELECT doc FROM temp.phone_terms WHERE term = ?').pluck().get(trigram) as number) ?? 0;
  };

  it('adds the grid indexes and fills the ANI search index from the cached rows', () => {
    const first = insertAtVersion2('a', 'tel:+13125550142', 1);
    const second = insertAtVersion2('b', 'tel:+13125559999');
    insertAtVersion2('c', null);

    expect(schema.migrateTo(3)).toEqual([3]);

    const indexes = schema.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'conversations' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'conversations_abandoned',
        'conversations_abandoned_by_abandon_wait',
        'conversations_abandoned_by_queue_wait',
        'conversations_by_direction',
        'conversations_by_handle',
        'conversations_by_queue_wait',
        'conversations_by_talk',
      ]),
    );
    expect(aniSearch('3125550')).toEqual([first]);
    expect(aniSearch('+1312')).toEqual([first, second]);
    expect(aniSearch('999')).toEqual([second]);
    expect(indexed('312')).toBe(2);
    expect(schema.db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(3);
    expect(schema.db.pragma('user_version', { simple: true })).toBe(3);
  });

  it('keeps the ANI search index in step with updates and deletes', () => {
    const first = insertAtVersion2('a', 'tel:+13125550142');
    const second = insertAtVersion2('b', null);
    schema.migrateTo(3);

    schema.db.prepare('UPDATE conversations SET ani = ? WHERE id = ?').run('tel:+17735550100', first);
    schema.db.prepare('UPDATE conversations SET ani = ? WHERE id = ?').run('sip:4711@example.com', second);
    schema.db.prepare('UPDATE conversations SET t_talk = 5 WHERE id = ?').run(first);
    expect(aniSearch('3125550')).toEqual([]);
    expect(aniSearch('7735550')).toEqual([first]);
    expect(aniSearch('4711')).toEqual([second]);
    expect(indexed('312')).toBe(0);
    expect(indexed('773')).toBe(1);

    schema.db.prepare('UPDATE conversations SET ani = NULL WHERE id = ?').run(second);
    schema.db.prepare('DELETE FROM conversations WHERE id = ?').run(first);
    expect(aniSearch('7735550')).toEqual([]);
    expect(aniSearch('4711')).toEqual([]);
    expect(indexed('773')).toBe(0);
    expect(indexed('471')).toBe(0);
  });
});
