import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseAtVersion, tables } from '../support/schema';

/** Migration 1 from an empty file: the tables exist and the constraints and triggers behave. */
describe('migration 0001-initial', () => {
  let schema: ReturnType<typeof databaseAtVersion>;
  beforeEach(() => {
    schema = databaseAtVersion(0);
    expect(tables(schema.db)).toEqual([]);
    expect(schema.migrateTo(1)).toEqual([1]);
  });
  afterEach(() => schema.dispose());

  const insertConversation = (conn: number, id: string, queues: string[], users: string[], start = 1000): number => {
    const { db } = schema;
    const rowId = Number(
      db
        .prepare(
          `INSERT INTO conversations (conn, conversation_id, start_ms, queue_ids, user_ids, fetched_at)
           VALUES (?, ?, ?, ?, ?, 0)`,
        )
        .run(conn, id, start, JSON.stringify(queues), JSON.stringify(users)).lastInsertRowid,
    );
    const member = db.prepare('INSERT INTO conversation_members VALUES (?, ?, ?, ?, ?)');
    for (const queue of queues) member.run(conn, 1, queue, start, rowId);
    for (const user of users) member.run(conn, 2, user, start, rowId);
    db.prepare('INSERT INTO conversation_details VALUES (?, ?)').run(rowId, '{"conversationId":"x"}');
    return rowId;
  };
  const members = (): unknown[] =>
    schema.db.prepare('SELECT conn, kind, member_id, start_ms FROM conversation_members ORDER BY 1, 2, 3').all();

  it('creates every table', () => {
    expect(tables(schema.db)).toEqual(
      [
        'aggregates',
        'connections',
        'conversation_details',
        'conversation_members',
        'conversations',
        'coverage',
        'migrations',
        'reference_items',
        'run_chunks',
        'runs',
      ].sort(),
    );
  });

  it('stores a conversation once per connection, and the same id separately for another connection', () => {
    insertConversation(1, 'conv-1', ['q1'], ['u1']);
    insertConversation(2, 'conv-1', ['q1'], ['u1']);
    expect(() => insertConversation(1, 'conv-1', [], [])).toThrow(/UNIQUE/);
  });

  it('re-syncs members when an update changes queues, users or start time', () => {
    const id = insertConversation(1, 'conv-1', ['q1'], ['u1']);
    schema.db
      .prepare('UPDATE conversations SET queue_ids = ?, user_ids = ?, start_ms = 2000 WHERE id = ?')
      .run('["q2","q3"]', '[]', id);
    expect(members()).toEqual([
      { conn: 1, kind: 1, member_id: 'q2', start_ms: 2000 },
      { conn: 1, kind: 1, member_id: 'q3', start_ms: 2000 },
    ]);
  });

  it('removes members and detail JSON with the conversation', () => {
    const id = insertConversation(1, 'conv-1', ['q1'], ['u1', 'u2']);
    insertConversation(1, 'conv-2', ['q1'], ['u1'], 5000);
    schema.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
    expect(members()).toEqual([
      { conn: 1, kind: 1, member_id: 'q1', start_ms: 5000 },
      { conn: 1, kind: 2, member_id: 'u1', start_ms: 5000 },
    ]);
    expect(schema.db.prepare('SELECT count(*) FROM conversation_details').pluck().get()).toBe(1);
  });

  it('rejects impossible values', () => {
    const { db } = schema;
    expect(() =>
      db
        .prepare(
          "INSERT INTO conversations (conn, conversation_id, start_ms, abandoned, fetched_at) VALUES (1, 'c', 0, 2, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO coverage VALUES (1, 'details', 10, 10, 0)").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO runs (id, conn, report, params_json, state, created_at, updated_at) VALUES ('r', 1, 'x', '{}', 'paused', 0, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('deletes a run’s chunks with the run', () => {
    const { db } = schema;
    db.prepare(
      "INSERT INTO runs (id, conn, report, params_json, state, created_at, updated_at) VALUES ('r1', 1, 'interactions', '{}', 'done', 0, 0)",
    ).run();
    db.prepare(
      "INSERT INTO run_chunks (run_id, idx, kind, dataset, state, updated_at) VALUES ('r1', 0, 'reference', 'reference:queue', 'done', 0)",
    ).run();
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) FROM run_chunks').pluck().get()).toBe(0);
  });

  it('never reuses a connection key, so a stale key cannot find another org’s rows', () => {
    const { db } = schema;
    db.prepare("INSERT INTO connections (connection_id, created_at) VALUES ('org-a', 0)").run();
    db.prepare("DELETE FROM connections WHERE connection_id = 'org-a'").run();
    const next = db
      .prepare("INSERT INTO connections (connection_id, created_at) VALUES ('org-b', 0) RETURNING conn")
      .pluck()
      .get();
    expect(next).toBe(2);
  });
});
