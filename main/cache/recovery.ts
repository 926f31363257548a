import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { ConnectionOptions } from './database';
import { CacheError, toCacheError } from './errors';
import { APPLICATION_ID } from './identity';

export type RecoveryReason = 'not-sqlite' | 'corrupt' | 'foreign';

/** What start-up did with an unusable cache file, for the UI to tell the user. */
export interface Recovery {
  reason: RecoveryReason;
  /** Where the old file now is (its -wal/-shm companions were moved alongside with the same prefix). */
  movedTo: string;
  /** A plain sentence for the person using the app. */
  message: string;
  /** Technical cause, for logs. */
  detail: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * When to run `PRAGMA quick_check` at start-up. It reads every page: measured ~60 s on a 4.4 GB cache (1M
 * conversations), so 'auto' runs it only when it is cheap or when there is reason to doubt the file:
 * - the file is at most QUICK_CHECK_ALWAYS_BYTES;
 * - a non-empty `-wal` is present (the last session did not close cleanly);
 * - a `<file>.needs-check` marker exists (SQLite reported corruption while the app was running).
 * The cheap checks (header, application_id, schema, page count against file size) always run.
 */
export type IntegrityCheck = 'auto' | 'always' | 'never';
export const QUICK_CHECK_ALWAYS_BYTES = 128 * 1024 * 1024;

export const needsCheckMarker = (file: string): string => `${file}.needs-check`;

/** Asks the next start-up to check the whole file (best effort: failing to write the marker changes nothing). */
export function requestIntegrityCheck(file: string, now: number): void {
  try {
    writeFileSync(needsCheckMarker(file), new Date(now).toISOString());
  } catch {
    // The corruption error itself still reaches the user; the next start just may not look as closely.
  }
}

export function shouldQuickCheck(file: string, mode: IntegrityCheck, alwaysUpTo = QUICK_CHECK_ALWAYS_BYTES): boolean {
  if (mode !== 'auto') return mode === 'always';
  const size = (path: string): number => (existsSync(path) ? statSync(path).size : 0);
  return size(file) <= alwaysUpTo || size(`${file}-wal`) > 0 || existsSync(needsCheckMarker(file));
}

interface Verdict {
  reason: RecoveryReason;
  detail: string;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Looks at an existing file without changing it (no pragmas that write) and says why it cannot be our cache,
 * or null when it can. Errors that are not about the file's content (permissions, locks) are thrown as typed
 * CacheErrors: moving a healthy file aside because another process held a lock would lose the user's cache.
 */
export function inspectCacheFile(
  file: string,
  options: ConnectionOptions,
  mode: IntegrityCheck = 'auto',
): Verdict | null {
  if (statSync(file).size === 0) return null; // SQLite treats an empty file as a new, empty database
  const header = readHeader(file);
  if (!header.equals(SQLITE_HEADER))
    return { reason: 'not-sqlite', detail: 'the file does not start with the SQLite header' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (applicationId !== APPLICATION_ID) {
      if (applicationId === 0 && objects === 0) return null; // created but never initialised: a fresh cache
      return { reason: 'foreign', detail: `application_id is ${applicationId}, not ReportDesk's ${APPLICATION_ID}` };
    }
    const hasMigrations =
      db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'").get() !== undefined;
    if (!hasMigrations) return { reason: 'corrupt', detail: 'ReportDesk file without its migrations table' };
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const walBytes = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    // Without a WAL every page lives in the main file: a shorter file was cut off (copy or disk trouble).
    if (walBytes === 0 && pages * pageSize > statSync(file).size) {
      return { reason: 'corrupt', detail: `file holds ${statSync(file).size} bytes, header says ${pages * pageSize}` };
    }
    if (shouldQuickCheck(file, mode)) {
      // quick_check skips integrity_check's index-content cross-check: O(pages), not O(rows × indexes).
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') return { reason: 'corrupt', detail: `quick_check: ${check}` };
    }
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') return { reason: 'not-sqlite', detail: String(error) };
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      return { reason: 'corrupt', detail: String(error) };
    }
    throw toCacheError(error);
  } finally {
    db?.close();
  }
}

function timestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Renames the file and its companions to `<file>.corrupt-<timestamp>[-n]`; never deletes anything. */
export function moveAside(file: string, now: number): string {
  const base = `${file}.corrupt-${timestamp(now)}`;
  let target = base;
  for (let n = 2; [target, ...COMPANIONS.map((suffix) => target + suffix)].some((path) => existsSync(path)); n++) {
    target = `${base}-${n}`;
  }
  renameSync(file, target);
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function plainMessage(reason: RecoveryReason, movedTo: string): string {
  const what =
    reason === 'foreign'
      ? 'The report cache file belonged to another program'
      : 'The report cache file was damaged and could not be read';
  return `${what}, so ReportDesk set it aside as "${basename(movedTo)}" and started a fresh cache. Reports will download their data again the next time you run them. Nothing else was deleted.`;
}

/** Start-up check: an unusable cache file is moved aside so a fresh one can be created in its place. */
export function recoverIfUnusable(
  file: string,
  now: number,
  options: ConnectionOptions,
  mode: IntegrityCheck = 'auto',
): Recovery | null {
  const marker = needsCheckMarker(file);
  if (!existsSync(file)) {
    rmSync(marker, { force: true });
    return null;
  }
  const verdict = inspectCacheFile(file, options, mode);
  // The marker is ours and has done its job once the file was looked at (either it is fine, or it moves).
  rmSync(marker, { force: true });
  if (verdict === null) return null;
  let movedTo: string;
  try {
    movedTo = moveAside(file, now);
  } catch (error) {
    throw new CacheError(
      'io',
      'The report cache is damaged and ReportDesk could not set it aside. Check that the ReportDesk data folder is writable, then restart.',
      `${verdict.detail}; rename failed: ${String(error)}`,
    );
  }
  return { reason: verdict.reason, movedTo, message: plainMessage(verdict.reason, movedTo), detail: verdict.detail };
}
