import type { Migration } from './migration';

/**
 * The first schema. Never edit this text once released: write a new migration instead (the checksum check
 * refuses to open a cache whose applied migrations differ from this build's).
 *
 * Conventions:
 * - Every table carries `conn`, a small integer standing for the connection id (the Demo org or a real org),
 *   so data from different orgs never mixes and every index stays narrow (an org id is a 36-character UUID;
 *   repeated in five indexes over a million conversations it would cost well over 100 MB).
 * - Times are integer epoch milliseconds (UTC); durations are integer milliseconds.
 * - The grid pages on (sort value, conversations.id); `id` is the rowid, so every index on the table already
 *   ends with it and ORDER BY <col>, id is served by the index without a sort.
 */
export const migration0001: Migration = {
  id: 1,
  name: 'initial',
  sql: `
CREATE TABLE connections (
  conn INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a stale key must not find another org
  connection_id TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

-- One row per conversation and connection: the flat columns the grid filters and sorts on.
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  conn INTEGER NOT NULL,
  conversation_id TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER,
  duration_ms INTEGER,
  direction TEXT,
  media_type TEXT,
  first_queue_id TEXT,
  queue_ids TEXT NOT NULL DEFAULT '[]',
  user_ids TEXT NOT NULL DEFAULT '[]',
  wrapup_code_id TEXT,
  ani TEXT,
  dnis TEXT,
  division_id TEXT,
  t_talk INTEGER NOT NULL DEFAULT 0,
  t_held INTEGER NOT NULL DEFAULT 0,
  t_acw INTEGER NOT NULL DEFAULT 0,
  t_handle INTEGER NOT NULL DEFAULT 0,
  t_acd INTEGER NOT NULL DEFAULT 0,
  t_alert INTEGER NOT NULL DEFAULT 0,
  t_abandon INTEGER NOT NULL DEFAULT 0,
  abandoned INTEGER NOT NULL DEFAULT 0 CHECK (abandoned IN (0, 1)),
  answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
  transferred INTEGER NOT NULL DEFAULT 0 CHECK (transferred IN (0, 1)),
  fetched_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX conversations_key ON conversations (conn, conversation_id);
CREATE INDEX conversations_by_start ON conversations (conn, start_ms);
CREATE INDEX conversations_by_media ON conversations (conn, media_type, start_ms);
CREATE INDEX conversations_by_first_queue ON conversations (conn, first_queue_id, start_ms);

-- The full Genesys detail, kept apart so the flat rows stay small: a filter that has to read rows (ANI
-- contains…) then touches ~20 rows per page instead of one.
CREATE TABLE conversation_details (
  id INTEGER PRIMARY KEY,
  detail_json TEXT NOT NULL
);

-- Every queue (kind 1) and user (kind 2) a conversation touched, denormalised with its start time. Ordered by
-- member first, so "conversations of agent X, newest first" is one index range read in order, and a count per
-- agent or queue never reads the conversations table. New rows are written by the conversations store (a
-- json_each trigger cost ~20 us per conversation, doubling ingest time); the rare updates and deletes are kept
-- in step by the triggers below, so no later code path can leave a stale member behind.
CREATE TABLE conversation_members (
  conn INTEGER NOT NULL,
  kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
  member_id TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  id INTEGER NOT NULL,
  PRIMARY KEY (conn, kind, member_id, start_ms, id)
) WITHOUT ROWID;

CREATE TRIGGER conversations_members_update AFTER UPDATE OF queue_ids, user_ids, start_ms ON conversations
WHEN old.queue_ids IS NOT new.queue_ids OR old.user_ids IS NOT new.user_ids OR old.start_ms IS NOT new.start_ms
BEGIN
  DELETE FROM conversation_members
    WHERE conn = old.conn AND kind = 1 AND member_id IN (SELECT value FROM json_each(old.queue_ids))
      AND start_ms = old.start_ms AND id = old.id;
  DELETE FROM conversation_members
    WHERE conn = old.conn AND kind = 2 AND member_id IN (SELECT value FROM json_each(old.user_ids))
      AND start_ms = old.start_ms AND id = old.id;
  INSERT OR IGNORE INTO conversation_members (conn, kind, member_id, start_ms, id)
    SELECT new.conn, 1, value, new.start_ms, new.id FROM json_each(new.queue_ids);
  INSERT OR IGNORE INTO conversation_members (conn, kind, member_id, start_ms, id)
    SELECT new.conn, 2, value, new.start_ms, new.id FROM json_each(new.user_ids);
END;

CREATE TRIGGER conversations_cleanup_delete AFTER DELETE ON conversations BEGIN
  DELETE FROM conversation_members
    WHERE conn = old.conn AND kind = 1 AND member_id IN (SELECT value FROM json_each(old.queue_ids))
      AND start_ms = old.start_ms AND id = old.id;
  DELETE FROM conversation_members
    WHERE conn = old.conn AND kind = 2 AND member_id IN (SELECT value FROM json_each(old.user_ids))
      AND start_ms = old.start_ms AND id = old.id;
  DELETE FROM conversation_details WHERE id = old.id;
END;

-- Aggregate query results: one row per query, bucket and group. Empty buckets are simply absent (as in the API).
CREATE TABLE aggregates (
  conn INTEGER NOT NULL,
  query_key TEXT NOT NULL,
  bucket_start_ms INTEGER NOT NULL,
  bucket_end_ms INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  metrics_json TEXT NOT NULL,
  views_json TEXT,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (conn, query_key, bucket_start_ms, group_key)
);

-- Names for ids: queues, users (including deleted ones), wrap-up codes, divisions. Never deleted, because old
-- conversations keep pointing at queues and people that are gone.
CREATE TABLE reference_items (
  conn INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('queue', 'user', 'wrapupCode', 'division')),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT,
  json TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (conn, kind, id)
);

-- Which part of the timeline of a dataset ('details', 'aggregates:<key>') is cached, and when it was fetched.
-- Pieces never overlap (coverage.ts keeps them so).
CREATE TABLE coverage (
  conn INTEGER NOT NULL,
  dataset TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (conn, dataset, start_ms)
) WITHOUT ROWID;

-- A report run persisted so it can resume after a crash or restart.
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  conn INTEGER NOT NULL,
  report TEXT NOT NULL,
  params_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  updated_at INTEGER NOT NULL,
  error_message TEXT,
  chunks_total INTEGER NOT NULL DEFAULT 0,
  chunks_done INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL DEFAULT 0,
  rows_written INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_state ON runs (state, created_at);
CREATE INDEX runs_by_connection ON runs (conn, created_at);

CREATE TABLE run_chunks (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('details-sync', 'details-job', 'aggregates', 'reference')),
  dataset TEXT NOT NULL,
  start_ms INTEGER,
  end_ms INTEGER,
  prune INTEGER NOT NULL DEFAULT 0 CHECK (prune IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
  last_page INTEGER NOT NULL DEFAULT 0,
  job_id TEXT,
  cursor TEXT,
  rows INTEGER NOT NULL DEFAULT 0,
  first_fetch_at INTEGER,
  error_message TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, idx)
) WITHOUT ROWID;
`,
};
