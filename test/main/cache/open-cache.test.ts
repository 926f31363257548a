import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../main/cache/identity';
import { MIGRATIONS } from '../../../main/cache/migrations/index';
import { CacheFixture } from './support/cache-fixture';
import { REPO_ROOT } from '../../support/test-core';
import { generateConversations } from './support/conversations';

describe('openCache', () => {
  let fixture: CacheFixture;
  beforeEach(() => (fixture = new CacheFixture()));
  afterEach(() => fixture.dispose());

  it('creates a WAL cache stamped as ReportDesk’s, at the latest schema', () => {
    const cache = fixture.open();
    expect(cache.recovered).toBeNull();
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cache.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(cache.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(cache.db.pragma('wal_autocheckpoint', { simple: true })).toBe(16384);
    // Plans are designed around explicit indexes (and tested); SQLite must not improvise throw-away ones.
    expect(cache.db.pragma('automatic_index', { simple: true })).toBe(0);
  });

  it('reports slow grid queries to the log hook, and closes its readers when it closes', () => {
    const slow: string[] = [];
    const cache = fixture.open({ slowQueryMs: -1, onSlowQuery: (report) => slow.push(report.name) });
    cache.upsertConversations('demo', generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 1000, count: 3 }));
    cache.queryConversations('demo', { start: 0, end: Date.UTC(2025, 0, 1), page: { size: 10 } });
    expect(slow).toEqual(['grid-page', 'grid-count']);
    const reader = cache.openReader();
    cache.close();
    expect(() => reader.conversationCount('demo')).toThrow(/closed/);
  });

  it('loads the SQLite driver from the given native binding (how the Electron build ships its own copy)', () => {
    const binding = join(REPO_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(fixture.open({ nativeBinding: binding }).conversationCount('demo')).toBe(0);
    expect(() => fixture.open({ nativeBinding: join(fixture.dir.path, 'missing.node') })).toThrow();
  });

  it('keeps what was stored across a restart', () => {
    const first = fixture.open();
    const [conversation] = generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 1000, count: 1 });
    first.upsertConversations('demo', [conversation!]);
    first.close();
    const second = fixture.open();
    expect(second.conversation('demo', conversation!.conversationId!)).toEqual(conversation);
    expect(second.recovered).toBeNull();
  });

  it('serves reads from a second, read-only connection that cannot write', () => {
    const cache = fixture.open();
    cache.upsertConversations('demo', generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 1000, count: 3 }));
    const reader = cache.openReader();
    expect(reader.conversationCount('demo')).toBe(3);
    // The branded reader type has no write methods; underneath, the connection itself refuses writes.
    const connection = (reader as unknown as { connection: { exec(sql: string): void } }).connection;
    expect(() => connection.exec('DELETE FROM conversations')).toThrow(/readonly|query_only/i);
    expect(reader.conversationCount('demo')).toBe(3);
  });

  it('returns empty answers for a connection that has nothing cached', () => {
    const cache = fixture.open();
    expect(cache.conversationCount('org-unknown')).toBe(0);
    expect(cache.namesFor('org-unknown', 'queue', ['q1']).size).toBe(0);
    expect(cache.queryConversations('org-unknown', { start: 0, end: 1, page: { size: 10 } })).toEqual({
      rows: [],
      totalRows: 0,
      nextCursor: null,
    });
  });

  it('deletes one connection’s data without touching another’s', () => {
    const cache = fixture.open();
    const conversations = generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 1000, count: 4 });
    cache.upsertConversations('demo', conversations);
    cache.upsertConversations('org-a', conversations);
    cache.putReference('org-a', 'queue', [{ id: 'q1', name: 'Sales' }]);
    cache.recordCoverage('org-a', 'details', 0, 1000);
    cache.removeConnection('org-a');
    expect(cache.conversationCount('org-a')).toBe(0);
    expect(cache.conversationCount('demo')).toBe(4);
    const leftovers = cache.db
      .prepare(
        `SELECT (SELECT count(*) FROM conversation_members) AS members, (SELECT count(*) FROM conversation_details) AS details`,
      )
      .get() as { members: number; details: number };
    // Only demo's rows remain in the side tables (kept in step by the delete trigger).
    const demoMembers = cache.db.prepare('SELECT count(*) AS n FROM conversation_members WHERE conn = 1').get() as {
      n: number;
    };
    expect(leftovers).toEqual({ members: demoMembers.n, details: 4 });
  });

  it('never imports electron (it must run in a worker thread)', () => {
    const root = join(import.meta.dirname, '../../../main/cache');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) expect(readFileSync(join(root, name), 'utf8')).not.toMatch(/from ['"]electron['"]/);
  });
});
