import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flattenConversation, type ConversationDetail } from '../../../main/cache/conversation-row';
import { openWriter } from '../../../main/cache/database';
import { orgConversations, pagesOf } from './org-conversations';

export interface IngestCeiling {
  conversations: number;
  /** Mean bytes of one conversation's detail JSON. */
  jsonBytes: number;
  /** µs per conversation for each unavoidable step of keeping it. */
  stringifyUs: number;
  flattenUs: number;
  /** Only the detail text into a bare two-column table: no flat row, no index but the rowid. */
  storeTextUs: number;
}

function microsPer(count: number, work: () => void): number {
  const started = performance.now();
  work();
  return ((performance.now() - started) * 1000) / count;
}

/**
 * What keeping each conversation's full detail JSON costs at the least, measured step by step on the same
 * conversations the ingest commits, as they arrive from the network (plain parsed JSON): serialising it, reading
 * the flat columns out of it, and writing the text alone into a fresh file opened like the cache (WAL,
 * synchronous NORMAL), 1000 per transaction. No real ingest can beat the sum.
 */
export function measureIngestCeiling(seed: string, count: number): IngestCeiling {
  const conversations = JSON.parse(JSON.stringify([...orgConversations({ seed, count })])) as ConversationDetail[];
  let texts: string[] = [];
  const stringifyUs = microsPer(count, () => {
    texts = conversations.map((conversation) => JSON.stringify(conversation));
  });
  const flattenUs = microsPer(count, () => {
    for (const conversation of conversations) flattenConversation(conversation);
  });
  const dir = mkdtempSync(join(tmpdir(), 'reportdesk-bench-ceiling-'));
  try {
    const db = openWriter(join(dir, 'ceiling.sqlite'), {});
    try {
      db.exec('CREATE TABLE details (id INTEGER PRIMARY KEY, detail_json TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO details (detail_json) VALUES (?)');
      const commitPage = db.transaction((page: string[]) => {
        for (const text of page) insert.run(text);
      });
      const storeTextUs = microsPer(count, () => {
        for (const page of pagesOf(texts, 1000)) commitPage(page);
      });
      const jsonBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / count;
      return { conversations: count, jsonBytes, stringifyUs, flattenUs, storeTextUs };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
