import { createHash } from 'node:crypto';
import {
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  closeSync,
  truncateSync,
  writeFileSync,
  writeSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheError } from '../../../main/cache/index';
import { needsCheckMarker, requestIntegrityCheck, shouldQuickCheck } from '../../../main/cache/recovery';
import { CacheFixture } from './support/cache-fixture';
import { generateConversations } from './support/conversations';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('start-up checks on the cache file', () => {
  let fixture: CacheFixture;
  beforeEach(() => (fixture = new CacheFixture()));
  afterEach(() => fixture.dispose());

  /** A real cache with some data, closed (so its WAL is checkpointed into the main file). */
  function cacheWithData(): void {
    const cache = fixture.open();
    cache.upsertConversations(
      'demo',
      generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 86_400_000, count: 400 }),
    );
    cache.close();
  }

  function expectFreshAfterRecovery(reason: string): string {
    const cache = fixture.open();
    expect(cache.recovered).not.toBeNull();
    const recovered = cache.recovered!;
    expect(recovered.reason).toBe(reason);
    expect(recovered.movedTo).toBe(`${fixture.file}.corrupt-20240515T120000Z`);
    expect(existsSync(recovered.movedTo)).toBe(true);
    // Told in plain words, naming the file that was set aside, promising nothing else was deleted.
    expect(recovered.message).toContain(basename(recovered.movedTo));
    expect(recovered.message).toMatch(/started a fresh cache/);
    expect(recovered.message).toMatch(/Nothing else was deleted/);
    expect(recovered.message).not.toMatch(/SQLITE_|pragma|quick_check|application_id/);
    // The fresh cache works.
    cache.upsertConversations('demo', generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 1000, count: 2 }));
    expect(cache.conversationCount('demo')).toBe(2);
    return recovered.movedTo;
  }

  it('moves a file that is not SQLite aside, keeping it byte for byte, and leaves other files alone', () => {
    writeFileSync(fixture.file, 'PK\u0003\u0004 this is a zip file, not a cache'.repeat(50));
    const settings = join(fixture.dir.path, 'settings.json');
    writeFileSync(settings, '{"durationFormat":"seconds"}');
    const before = sha(fixture.file);
    const movedTo = expectFreshAfterRecovery('not-sqlite');
    expect(sha(movedTo)).toBe(before);
    expect(readFileSync(settings, 'utf8')).toBe('{"durationFormat":"seconds"}');
  });

  it('moves a cache with damaged pages aside (quick_check fails)', () => {
    cacheWithData();
    const fd = openSync(fixture.file, 'r+');
    const garbage = Buffer.alloc(4096 * 6, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, 4096 * 3);
    closeSync(fd);
    expectFreshAfterRecovery('corrupt');
  });

  it('moves a truncated cache aside', () => {
    cacheWithData();
    truncateSync(fixture.file, Math.floor(statSync(fixture.file).size / 2));
    expectFreshAfterRecovery('corrupt');
  });

  it('moves another program’s SQLite database aside instead of migrating into it', () => {
    const foreign = new Database(fixture.file);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
    foreign.close();
    const movedTo = expectFreshAfterRecovery('foreign');
    const reopened = new Database(movedTo, { readonly: true });
    expect(reopened.prepare('SELECT total FROM invoices').pluck().get()).toBe(9.5);
    reopened.close();
  });

  it('moves a database with a different application_id aside', () => {
    const foreign = new Database(fixture.file);
    foreign.pragma('application_id = 1234');
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expectFreshAfterRecovery('foreign');
  });

  it('moves the -wal and -shm companions along with the file', () => {
    writeFileSync(fixture.file, 'garbage'.repeat(100));
    writeFileSync(`${fixture.file}-wal`, 'wal bytes');
    writeFileSync(`${fixture.file}-shm`, 'shm bytes');
    const movedTo = expectFreshAfterRecovery('not-sqlite');
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('wal bytes');
    expect(readFileSync(`${movedTo}-shm`, 'utf8')).toBe('shm bytes');
  });

  it('never overwrites an earlier moved-aside file', () => {
    writeFileSync(fixture.file, 'garbage one'.repeat(20));
    fixture.open().close();
    writeFileSync(fixture.file, 'garbage two'.repeat(20));
    const cache = fixture.open();
    expect(cache.recovered?.movedTo).toBe(`${fixture.file}.corrupt-20240515T120000Z-2`);
    expect(readFileSync(`${fixture.file}.corrupt-20240515T120000Z`, 'utf8')).toMatch(/^garbage one/);
  });

  it('treats an empty file as a new cache', () => {
    writeFileSync(fixture.file, '');
    const cache = fixture.open();
    expect(cache.recovered).toBeNull();
    expect(cache.conversationCount('demo')).toBe(0);
  });

  it('refuses a cache from a newer ReportDesk and leaves it exactly as it was', () => {
    cacheWithData();
    const newer = new Database(fixture.file);
    newer.exec("INSERT INTO migrations (id, name, checksum, applied_at) VALUES (99, 'future', 'x', 0)");
    newer.pragma('user_version = 99');
    newer.close();
    const before = sha(fixture.file);
    let error: unknown;
    try {
      fixture.open();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('newer-version');
    expect((error as CacheError).message).toMatch(/newer version of ReportDesk/);
    expect((error as CacheError).message).toMatch(/left untouched/);
    expect(sha(fixture.file)).toBe(before);
    expect(readdirSync(fixture.dir.path).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});

describe('when start-up reads the whole file (quick_check)', () => {
  let fixture: CacheFixture;
  beforeEach(() => (fixture = new CacheFixture()));
  afterEach(() => fixture.dispose());

  it('checks small files always; large ones only after an unclean shutdown or reported corruption', () => {
    const cache = fixture.open();
    cache.upsertConversations(
      'demo',
      generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 86_400_000, count: 50 }),
    );
    // Still open: its WAL holds uncheckpointed pages, as after a crash.
    expect(shouldQuickCheck(fixture.file, 'auto', 0)).toBe(true);
    cache.close();
    expect(shouldQuickCheck(fixture.file, 'auto')).toBe(true); // small
    expect(shouldQuickCheck(fixture.file, 'auto', 0)).toBe(false); // "large", closed cleanly
    requestIntegrityCheck(fixture.file, Date.now());
    expect(shouldQuickCheck(fixture.file, 'auto', 0)).toBe(true);
    expect(shouldQuickCheck(fixture.file, 'never', 0)).toBe(false);
    expect(shouldQuickCheck(fixture.file, 'always', 0)).toBe(true);
  });

  it('a damaged page found while running makes the next start set the file aside', () => {
    const cache = fixture.open();
    const conversations = generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 86_400_000, count: 400 });
    cache.upsertConversations('demo', conversations);
    // Damage only pages holding conversation details, so nothing looks wrong until those are read.
    const pages = cache.db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'conversation_details' AND pagetype = 'leaf' LIMIT 5")
      .pluck()
      .all() as number[];
    cache.close();
    const fd = openSync(fixture.file, 'r+');
    for (const page of pages) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
    closeSync(fd);

    // As if the file were too large to check at start: it opens, and the damage shows up on use.
    const running = fixture.open({ integrityCheck: 'never' });
    expect(running.recovered).toBeNull();
    const failure = (() => {
      try {
        for (const conversation of conversations) running.conversation('demo', conversation.conversationId!);
        running.queryConversations('demo', { start: 0, end: Date.UTC(2030, 0, 1), page: { size: 1000 } });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(failure).toBeInstanceOf(CacheError);
    expect((failure as CacheError).code).toBe('corrupt');
    expect((failure as CacheError).message).toMatch(/Restart ReportDesk/);
    expect(existsSync(needsCheckMarker(fixture.file))).toBe(true);
    running.close();

    const restarted = fixture.open();
    expect(restarted.recovered?.reason).toBe('corrupt');
    expect(existsSync(needsCheckMarker(fixture.file))).toBe(false);
  });
});
