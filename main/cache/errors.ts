/**
 * Typed cache failures. `message` is written for a supervisor (what happened, what to do, what is safe);
 * `detail` keeps the technical cause for logs and is never meant for the screen.
 */
export type CacheErrorCode =
  | 'newer-version'
  | 'corrupt'
  | 'disk-full'
  | 'migration-edited'
  | 'migration-failed'
  | 'busy'
  | 'read-only'
  | 'io'
  | 'bad-query'
  | 'bad-data'
  | 'not-found'
  | 'closed';

export class CacheError extends Error {
  constructor(
    readonly code: CacheErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'CacheError';
  }
}

export const PLAIN_MESSAGES = {
  'newer-version':
    'This report cache was saved by a newer version of ReportDesk. Update ReportDesk to use it. The file was left untouched, so the newer version can still open it.',
  corrupt:
    'The report cache on this computer is damaged. Restart ReportDesk: it will set the damaged file aside and start a fresh cache. Your settings and connections are not affected.',
  'disk-full':
    'The disk is full, so ReportDesk could not save more report data. Everything saved before this point is kept. Free some disk space and run the report again; it will continue where it stopped.',
  'migration-edited':
    'This copy of ReportDesk is damaged or was modified: its cache upgrade steps do not match the ones that created your cache. Reinstall ReportDesk. Your cache file was left untouched.',
  'migration-failed':
    'ReportDesk could not upgrade the report cache. Nothing was changed. Restart ReportDesk; if this keeps happening, reinstall it.',
  busy: 'The report cache is in use by another part of ReportDesk. Wait a moment and try again.',
  'read-only':
    'ReportDesk cannot write to its report cache (the file or folder is read-only). Check the permissions of the ReportDesk data folder.',
  io: 'The report cache could not be read or written because of a disk problem. Check the disk and try again.',
  'bad-data': 'Some report data could not be saved because it was not in the expected form.',
  'not-found': 'That report run no longer exists in the cache.',
  closed: 'The report cache is closed. Restart ReportDesk.',
} as const satisfies Partial<Record<CacheErrorCode, string>>;

/** A query the grid sent that the cache refuses (unknown column, bad cursor…): a programming error, not user data. */
export function badQuery(detail: string): CacheError {
  return new CacheError('bad-query', 'This view could not be shown: its filter or sort is not supported.', detail);
}

interface SqliteLikeError {
  code: string;
  message: string;
}

function isSqliteError(error: unknown): error is SqliteLikeError {
  return (
    error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && error.name === 'SqliteError'
  );
}

/** Maps a better-sqlite3 error (extended result code names, e.g. SQLITE_IOERR_WRITE) to a CacheError. */
export function toCacheError(error: unknown): unknown {
  if (error instanceof CacheError || !isSqliteError(error)) {
    if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
      return new CacheError('closed', PLAIN_MESSAGES.closed, error.message);
    }
    return error;
  }
  const code = error.code;
  const detail = `${code}: ${error.message}`;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE_FULL')
    return new CacheError('disk-full', PLAIN_MESSAGES['disk-full'], detail);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new CacheError('corrupt', PLAIN_MESSAGES.corrupt, detail);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new CacheError('busy', PLAIN_MESSAGES.busy, detail);
  if (code.startsWith('SQLITE_READONLY')) return new CacheError('read-only', PLAIN_MESSAGES['read-only'], detail);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return new CacheError('io', PLAIN_MESSAGES.io, detail);
  return error;
}

/** Runs `fn`, turning SQLite failures into typed CacheErrors; everything else passes through unchanged. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toCacheError(error);
  }
}
