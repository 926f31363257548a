import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openCache, type Cache } from '../cache';
import { CACHE_DIR_NAME } from './app-info';
import { UserFacingError } from './errors';

export const CACHE_FILE_NAME = 'cache.sqlite';

/**
 * Owns the one writable cache connection: opened on first use (so a damaged file is found and set aside at the
 * first report, with the plain message kept for the UI), closed on quit, and recreated by "Clear cache".
 */
export class CacheHolder {
  private current: Cache | undefined;
  private notices: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly options: { nativeBinding?: string; now?: () => number } = {},
  ) {}

  get file(): string {
    return join(this.dataDir, CACHE_DIR_NAME, CACHE_FILE_NAME);
  }

  get(): Cache {
    if (!this.current) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.current = openCache({ file: this.file, ...this.options });
      if (this.current.recovered) this.notices.push(this.current.recovered.message);
    }
    return this.current;
  }

  /**
   * Opens an existing cache file now (no file: nothing to check, nothing is created), so a damaged or foreign one
   * is set aside when ReportDesk starts and the app's first `app/info` carries the notice. A file that cannot be
   * opened at all (a newer version's, a locked one) is left for the first report, which shows why.
   */
  isOpen(): boolean {
    return this.current !== undefined;
  }

  openIfPresent(): void {
    if (this.current || !existsSync(this.file)) return;
    try {
      this.get();
    } catch {
      // Reported in plain words by the first operation that needs the cache.
    }
  }

  /** Messages about the cache the user should read once (e.g. a damaged file was set aside). */
  takeNotices(): string[] {
    const notices = this.notices;
    this.notices = [];
    return notices;
  }

  /** Deletes the cache file and its WAL; the next report starts a fresh one. Refused while a run writes to it. */
  clear(busy: boolean): void {
    if (busy) {
      throw new UserFacingError(
        'bad-input',
        'A report is still downloading. Cancel it or wait for it to finish, then clear the cache.',
      );
    }
    this.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${this.file}${suffix}`, { force: true });
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }
}
