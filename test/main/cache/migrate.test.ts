import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWriter, type WritableDb } from '../../../main/cache/database';
import { CacheError } from '../../../main/cache/errors';
import { appliedMigrations, migrate, migrationChecksum } from '../../../main/cache/migrate';
import { MIGRATIONS, type Migration } from '../../../main/cache/migrations/index';
import { makeTempDir } from '../../support/temp-dir';
import { CacheFixture, NOW } from './support/cache-fixture';
import { tables } from './support/schema';

function caught(fn: () => unknown): CacheError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CacheError) return error;
    throw error;
  }
  throw new Error('expected a CacheError');
}

describe('migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: WritableDb;
  const now = (): number => NOW;
  beforeEach(() => {
    dir = makeTempDir('migrate');
    db = openWriter(join(dir.path, 'cache.sqlite'), {});
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('applies every migration once, recording its sha256 and the schema version', () => {
    expect(migrate(db, { now })).toEqual(MIGRATIONS.map((migration) => migration.id));
    expect(appliedMigrations(db)).toEqual(
      MIGRATIONS.map((migration) => ({
        id: migration.id,
        name: migration.name,
        checksum: migrationChecksum(migration),
        appliedAt: NOW,
      })),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db, { now })).toEqual([]);
  });

  it('fails loudly when an applied migration was edited, and changes nothing', () => {
    migrate(db, { now });
    const edited = MIGRATIONS.map((migration) =>
      migration.id === 1 ? { ...migration, sql: `${migration.sql}\nCREATE INDEX extra ON runs (report);` } : migration,
    );
    const error = caught(() => migrate(db, { now, migrations: edited }));
    expect(error.code).toBe('migration-edited');
    expect(error.detail).toMatch(/migration 1 \(initial\)/);
    expect(error.message).toMatch(/Reinstall ReportDesk/);
    expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('rolls a failing migration back completely and reports it', () => {
    migrate(db, { now });
    const broken: Migration = {
      id: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);',
    };
    const error = caught(() => migrate(db, { now, migrations: [...MIGRATIONS, broken] }));
    expect(error.code).toBe('migration-failed');
    expect(tables(db)).not.toContain('half_done');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(appliedMigrations(db).map((row) => row.id)).toEqual(MIGRATIONS.map((migration) => migration.id));
  });

  it('refuses a schema written by a newer build', () => {
    migrate(db, { now });
    db.prepare("INSERT INTO migrations VALUES (?, 'from-the-future', 'abc', 0)").run(MIGRATIONS.length + 1);
    expect(caught(() => migrate(db, { now })).code).toBe('newer-version');
  });

  it('refuses a list that is not numbered 1, 2, 3…', () => {
    const gap = [MIGRATIONS[0]!, { ...MIGRATIONS[1]!, id: 3 }];
    expect(() => migrate(db, { now, migrations: gap })).toThrow(/numbered 1, 2, 3/);
  });
});

describe('openCache with an edited migration', () => {
  let fixture: CacheFixture;
  beforeEach(() => (fixture = new CacheFixture()));
  afterEach(() => fixture.dispose());

  it('refuses to open and leaves the file where it is', () => {
    const cache = fixture.open();
    cache.db.prepare("UPDATE migrations SET checksum = 'tampered' WHERE id = 1").run();
    cache.close();
    expect(caught(() => fixture.open()).code).toBe('migration-edited');
    const check = openWriter(fixture.file, {});
    expect(tables(check)).toContain('conversations');
    check.close();
  });
});
