import { join } from 'node:path';
import { openWriter, type WritableDb } from '../../../../main/cache/database';
import { migrate } from '../../../../main/cache/migrate';
import { makeTempDir } from '../../../support/temp-dir';
import { NOW } from './cache-fixture';

/** A real cache file migrated up to (and including) migration `version`, for migration tests. */
export function databaseAtVersion(version: number): {
  db: WritableDb;
  migrateTo(target?: number): number[];
  dispose(): void;
} {
  const dir = makeTempDir('migration');
  const db = openWriter(join(dir.path, 'cache.sqlite'), {});
  migrate(db, { now: () => NOW, upTo: version });
  return {
    db,
    migrateTo: (target?: number) => migrate(db, { now: () => NOW, upTo: target }),
    dispose: () => {
      db.close();
      dir.remove();
    },
  };
}

export function columnsOf(db: WritableDb, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

export function tables(db: WritableDb): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}
