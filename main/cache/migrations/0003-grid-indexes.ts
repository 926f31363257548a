import type { Migration } from './migration';

/**
 * Indexes for grid pages that are not "newest first" over a busy filter (issue 4, target (e); measured on
 * 1,000,000 conversations, see docs/cache.md):
 *
 * - Sort indexes `(conn, <duration>)`: "longest handle/talk/queue wait first" reads the index in order and
 *   stops after a page, checking the filters row by row, instead of sorting the whole range (~200 ms). Each
 *   implicitly ends with the rowid, the paging tie-breaker, so ORDER BY <col>, id needs no sort step.
 * - "Abandoned only" (~6 % of conversations): partial indexes, so its count reads only those entries and its
 *   pages by start time or queue/abandon wait come in order (abandoned calls wait least: walking the full
 *   queue-wait index from the top would pass ~95 % of the conversations first).
 * - Direction: counts and start-time pages of a direction filter read index entries only.
 * - `conversations_phone`: an FTS5 trigram index over ANI, so "ANI contains …" (3+ characters) finds its few rows
 *   without reading every conversation. DNIS is left out: it holds the org's own few numbers, so a DNIS filter
 *   matches many rows and a page fills quickly in start order; indexing it would double the ingest cost.
 *   External content (the text stays in `conversations`); new rows are added by the conversations store, as
 *   members are (a trigger costs ~20 us per row); the rare updates and deletes are kept in step by the
 *   triggers below, which hand FTS5 the old values it needs.
 */
export const migration0003: Migration = {
  id: 3,
  name: 'grid-indexes',
  sql: `
CREATE INDEX conversations_by_talk ON conversations (conn, t_talk);
CREATE INDEX conversations_by_handle ON conversations (conn, t_handle);
CREATE INDEX conversations_by_queue_wait ON conversations (conn, t_acd);
CREATE INDEX conversations_abandoned ON conversations (conn, start_ms) WHERE abandoned = 1;
CREATE INDEX conversations_abandoned_by_queue_wait ON conversations (conn, t_acd) WHERE abandoned = 1;
CREATE INDEX conversations_abandoned_by_abandon_wait ON conversations (conn, t_abandon) WHERE abandoned = 1;
CREATE INDEX conversations_by_direction ON conversations (conn, direction, start_ms);

CREATE VIRTUAL TABLE conversations_phone USING fts5(
  ani, content = 'conversations', content_rowid = 'id', tokenize = 'trigram', detail = 'none', columnsize = 0
);
INSERT INTO conversations_phone (rowid, ani) SELECT id, ani FROM conversations WHERE ani IS NOT NULL;

CREATE TRIGGER conversations_phone_update AFTER UPDATE OF ani ON conversations
WHEN old.ani IS NOT new.ani
BEGIN
  INSERT INTO conversations_phone (conversations_phone, rowid, ani)
    SELECT 'delete', old.id, old.ani WHERE old.ani IS NOT NULL;
  INSERT INTO conversations_phone (rowid, ani) SELECT new.id, new.ani WHERE new.ani IS NOT NULL;
END;

CREATE TRIGGER conversations_phone_delete AFTER DELETE ON conversations WHEN old.ani IS NOT NULL
BEGIN
  INSERT INTO conversations_phone (conversations_phone, rowid, ani) VALUES ('delete', old.id, old.ani);
END;
`,
};
