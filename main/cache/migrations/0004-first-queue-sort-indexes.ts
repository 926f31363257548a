import type { Migration } from './migration';

/**
 * Sort indexes within one first queue, for the supervisor's most common grid: "first queue = X, longest (or
 * shortest) queue wait / handle / talk first". Migration 3's `(conn, <duration>)` indexes serve such a page by
 * walking every queue's conversations in duration order and keeping queue X's: fast for a busy queue whose
 * conversations are spread through that order, but a queue whose conversations all sit at the far end of it
 * (voice queues with short waits sorted longest first; email queues sorted shortest first) made the walk pass
 * most of the cache first (measured on 1,000,000 conversations: up to 1.7 s). With the queue ahead of the
 * duration, a page is read in order from queue X's own entries and reading stops after it, for every queue.
 * Each index implicitly ends with the rowid, the paging tie-breaker, so ORDER BY <col>, id needs no sort step.
 */
export const migration0004: Migration = {
  id: 4,
  name: 'first-queue-sort-indexes',
  sql: `
CREATE INDEX conversations_by_first_queue_queue_wait ON conversations (conn, first_queue_id, t_acd);
CREATE INDEX conversations_by_first_queue_handle ON conversations (conn, first_queue_id, t_handle);
CREATE INDEX conversations_by_first_queue_talk ON conversations (conn, first_queue_id, t_talk);
`,
};
