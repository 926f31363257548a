import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../../main/cache/index';
import { CacheFixture, DAY } from './support/cache-fixture';
import { generateConversations } from './support/conversations';

const MAY_1 = Date.UTC(2024, 4, 1);

describe('conversations in the cache', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeEach(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
  });
  afterEach(() => fixture.dispose());

  const membersOf = (conversationId: string): string[] =>
    (
      cache.db
        .prepare(
          `SELECT m.kind || ':' || m.member_id AS member FROM conversation_members m
             JOIN conversations c ON c.id = m.id WHERE c.conversation_id = ? ORDER BY 1`,
        )
        .all(conversationId) as { member: string }[]
    ).map((row) => row.member);

  it('stores each conversation once, however often it is fetched', () => {
    const conversations = generateConversations({ start: MAY_1, spanMs: DAY, count: 50 });
    expect(cache.upsertConversations('demo', conversations)).toEqual({ written: 50, skipped: 0 });
    expect(cache.upsertConversations('demo', conversations.slice(10, 30))).toEqual({ written: 20, skipped: 0 });
    expect(cache.conversationCount('demo')).toBe(50);
    expect(cache.db.prepare('SELECT count(*) FROM conversation_details').pluck().get()).toBe(50);
  });

  it('replaces a conversation with its newer version: detail, flat columns and members', () => {
    const [first] = generateConversations({ start: MAY_1, spanMs: DAY, count: 1, inProgressShare: 1 });
    const inProgress = { ...first!, participants: first!.participants!.slice(0, 3) };
    cache.upsertConversations('demo', [inProgress], { fetchedAt: MAY_1 + 60_000 });
    const finished = { ...first!, conversationEnd: new Date(MAY_1 + 600_000).toISOString() };
    const before = membersOf(first!.conversationId!);
    cache.upsertConversations('demo', [finished], { fetchedAt: MAY_1 + DAY });

    expect(cache.conversation('demo', first!.conversationId!)).toEqual(finished);
    const page = cache.queryConversations('demo', { start: MAY_1, end: MAY_1 + DAY, page: { size: 10 } });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]?.end).toBe(MAY_1 + 600_000);
    const after = membersOf(first!.conversationId!);
    expect(after.filter((member) => member.startsWith('2:')).length).toBeGreaterThan(0);
    expect(before.filter((member) => member.startsWith('2:'))).toEqual([]);
  });

  it('keeps the ANI search index in step with new rows, changed numbers and pruned rows', () => {
    const conversations = generateConversations({ start: MAY_1, spanMs: DAY, count: 20 });
    cache.upsertConversations('demo', conversations, { fetchedAt: MAY_1 });
    const changed = structuredClone(conversations[0]!);
    const customer = changed.participants!.find((participant) => participant.purpose === 'customer')!;
    customer.sessions![0]!.ani = 'tel:+13125550142';
    cache.upsertConversations('demo', [changed], { fetchedAt: MAY_1 + DAY });
    const search = (text: string): number =>
      cache.queryConversations('demo', {
        start: MAY_1,
        end: MAY_1 + DAY,
        filters: [{ kind: 'text', column: 'ani', op: 'contains', value: text }],
        page: { size: 100 },
      }).totalRows ?? -1;
    expect(search('3125550142')).toBe(1);
    expect(search(conversations[1]!.participants![0]!.sessions![0]!.ani!.slice(-7))).toBeGreaterThanOrEqual(1);
    // Everything but the changed conversation was fetched before MAY_1 + DAY: a prune removes it from the index too.
    cache.db.prepare('DELETE FROM conversations WHERE fetched_at < ?').run(MAY_1 + DAY);
    expect(search('3125550142')).toBe(1);
    // The index itself (not re-checked against rows) lists only the one conversation left.
    cache.db.exec('CREATE VIRTUAL TABLE temp.phone_terms USING fts5vocab(main, conversations_phone, row)');
    expect(cache.db.prepare("SELECT max(doc) FROM temp.phone_terms WHERE term = 'tel'").pluck().get()).toBe(1);
  });

  it('skips conversations it cannot place and says how many', () => {
    const [good] = generateConversations({ start: MAY_1, spanMs: DAY, count: 1 });
    expect(
      cache.upsertConversations('demo', [
        good!,
        { conversationStart: '2024-05-01T00:00:00Z' },
        { conversationId: 'x' },
      ]),
    ).toEqual({
      written: 1,
      skipped: 2,
    });
  });

  it('keeps the Demo org and a real org apart even for the same conversation id', () => {
    const conversations = generateConversations({ start: MAY_1, spanMs: DAY, count: 5 });
    cache.upsertConversations('demo', conversations);
    const changed = conversations.map((conversation) => ({ ...conversation, externalTag: 'REAL-ORG' }));
    cache.upsertConversations('org-1', changed);
    expect(cache.conversation('demo', conversations[0]!.conversationId!)?.externalTag).not.toBe('REAL-ORG');
    expect(cache.conversation('org-1', conversations[0]!.conversationId!)?.externalTag).toBe('REAL-ORG');
    expect(cache.conversationCount('demo')).toBe(5);
    expect(cache.conversationCount('org-1')).toBe(5);
  });

  it('rolls a whole batch back when one row cannot be written', () => {
    const conversations = generateConversations({ start: MAY_1, spanMs: DAY, count: 10 });
    cache.db.exec(
      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON conversations WHEN new.conversation_id = '" +
        conversations[7]!.conversationId! +
        "' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    expect(() => cache.upsertConversations('demo', conversations)).toThrow(/refused/);
    expect(cache.conversationCount('demo')).toBe(0);
  });

  it('stores every conversation of many page-sized batches', { timeout: 60_000 }, () => {
    const batch = 1000;
    const total = 30_000;
    const pool = generateConversations({ start: MAY_1, spanMs: 30 * DAY, count: batch, seed: 7 });
    for (let offset = 0; offset < total; offset += batch) {
      // Fresh ids and start times per batch, as pages of a sync deliver them (in start order).
      const page = pool.map((conversation, index) => ({
        ...conversation,
        conversationId: `${conversation.conversationId!.slice(0, 24)}${String(offset + index).padStart(12, '0')}`,
        conversationStart: new Date(MAY_1 + Math.floor(((offset + index) * 30 * DAY) / total)).toISOString(),
      }));
      expect(cache.upsertConversations('demo', page)).toEqual({ written: batch, skipped: 0 });
    }
    // Ingest speed is a benchmark (the cache suite), not a unit test: timings fail at random on a busy machine.
    expect(cache.conversationCount('demo')).toBe(total);
  });
});
