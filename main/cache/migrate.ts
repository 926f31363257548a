import { createHash } from 'node:crypto';
import type { WritableDb } from './database';
import { CacheError, PLAIN_MESSAGES } from './errors';
import { APPLICATION_ID } from './identity';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
  appliedAt: number;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function hasMigrationsTable(db: WritableDb): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'").get() !== undefined;
}

export function appliedMigrations(db: WritableDb): AppliedMigration[] {
  if (!hasMigrationsTable(db)) return [];
  return db
    .prepare('SELECT id, name, checksum, applied_at AS appliedAt FROM migrations ORDER BY id')
    .all() as AppliedMigration[];
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new Error(`Cache migrations must be numbered 1, 2, 3… in order; found id ${migration.id} at ${index}.`);
    }
  });
}

/**
 * Refuses a cache this build cannot safely use: one written by a newer build (unknown migration ids, or a
 * user_version beyond ours), or one whose applied migrations differ from ours (someone edited a released
 * migration; running on would leave the schema and the code disagreeing in ways no test covers).
 */
function checkApplied(db: WritableDb, migrations: readonly Migration[], applied: AppliedMigration[]): void {
  const known = new Map(migrations.map((migration) => [migration.id, migration]));
  const latest = migrations.length;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const unknown = applied.filter((row) => !known.has(row.id));
  if (userVersion > latest || unknown.length > 0) {
    throw new CacheError(
      'newer-version',
      PLAIN_MESSAGES['newer-version'],
      `cache schema ${Math.max(userVersion, ...unknown.map((row) => row.id))}, this build knows up to ${latest}`,
    );
  }
  for (const row of applied) {
    const migration = known.get(row.id);
    if (migration !== undefined && migrationChecksum(migration) !== row.checksum) {
      throw new CacheError(
        'migration-edited',
        PLAIN_MESSAGES['migration-edited'],
        `migration ${row.id} (${row.name}) was applied with sha256 ${row.checksum} but this build has ${migrationChecksum(migration)}`,
      );
    }
  }
}

export interface MigrateOptions {
  now: () => number;
  /** Stop after this migration id (tests build the previous schema version this way). */
  upTo?: number;
  migrations?: readonly Migration[];
}

/**
 * Brings the schema up to date, one migration per transaction: either a step is fully applied and recorded
 * (rows in `migrations`, `user_version`, and on the first step `application_id`) or nothing of it is.
 */
export function migrate(db: WritableDb, options: MigrateOptions): number[] {
  const migrations = options.migrations ?? MIGRATIONS;
  assertWellFormed(migrations);
  const applied = appliedMigrations(db);
  checkApplied(db, migrations, applied);
  const done = new Set(applied.map((row) => row.id));
  const target = options.upTo ?? migrations.length;
  const ran: number[] = [];
  for (const migration of migrations) {
    if (migration.id > target || done.has(migration.id)) continue;
    try {
      db.transaction(() => {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.exec(`CREATE TABLE IF NOT EXISTS migrations (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
        db.exec(migration.sql);
        db.prepare('INSERT INTO migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
          migration.id,
          migration.name,
          migrationChecksum(migration),
          options.now(),
        );
        db.pragma(`user_version = ${migration.id}`);
      })();
    } catch (error) {
      if (error instanceof CacheError) throw error;
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_FULL') {
        throw new CacheError('disk-full', PLAIN_MESSAGES['disk-full'], `migration ${migration.id}: ${String(error)}`);
      }
      throw new CacheError(
        'migration-failed',
        PLAIN_MESSAGES['migration-failed'],
        `migration ${migration.id} (${migration.name}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    ran.push(migration.id);
  }
  return ran;
}
