import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { ExportError, fileSystemExportError } from './export-error';
import { removeStaleTempFiles, tempFileName } from './stale-temp-files';

/**
 * The export's file, written under a temporary name in the target's own folder (so the final rename stays on one
 * drive and is atomic), flushed to disk, then renamed over the target. Until `commit` succeeds the target is
 * untouched; `discard` removes every trace. Stream failures are captured here so nothing is left unhandled.
 */
export class AtomicFile {
  /** Rejects with the stream's first failure, for racing against waits that would otherwise never end. */
  readonly failed: Promise<never>;
  private failure: ExportError | undefined;

  private constructor(
    readonly target: string,
    readonly tempPath: string,
    readonly stream: WriteStream,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      stream.on('error', (error) => {
        this.failure ??= fileSystemExportError(error, target, 'write');
        reject(this.failure);
      });
    });
    this.failed.catch(() => undefined);
  }

  static async open(target: string): Promise<AtomicFile> {
    await checkReplaceable(target);
    await removeStaleTempFiles(dirname(target));
    const tempPath = join(dirname(target), tempFileName());
    // `flush` makes the stream fsync before closing, so a power cut after the rename cannot leave an empty file.
    const stream = createWriteStream(tempPath, { flags: 'wx', flush: true, highWaterMark: 1 << 20 });
    const file = new AtomicFile(target, tempPath, stream);
    try {
      await Promise.race([once(stream, 'open'), file.failed]);
    } catch (error) {
      await file.discard();
      throw error instanceof ExportError ? fileSystemExportError(error.cause, target, 'create') : error;
    }
    return file;
  }

  /** Throws the stream's failure, if any, so writers stop at the next batch. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  get bytesWritten(): number {
    return this.stream.bytesWritten;
  }

  /** Ends the stream if the writer has not, waits until the data is on disk, then puts the file in place. */
  async commit(): Promise<number> {
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.closed) await Promise.race([once(this.stream, 'close'), this.failed]);
    this.check();
    try {
      await rename(this.tempPath, this.target);
    } catch (error) {
      throw fileSystemExportError(error, this.target, 'replace');
    }
    await syncFolder(dirname(this.target));
    return (await stat(this.target)).size;
  }

  /** Closes and deletes the temporary file; the target keeps whatever it had before. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(this.tempPath, { force: true });
  }
}

/** Makes the rename itself durable. Windows cannot open folders for this, and there it is not needed. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares) refuse; the data itself is already flushed.
  }
}

/**
 * Problems that would otherwise only show at the final rename, found before writing a million rows: a folder of
 * that name, and (Windows only) a file another program such as Excel holds open. macOS and Linux let an open
 * file be replaced, so there is nothing more to check there.
 */
async function checkReplaceable(target: string): Promise<void> {
  try {
    if ((await stat(target)).isDirectory()) {
      throw Object.assign(new Error('target is a folder'), { code: 'EISDIR' });
    }
    if (process.platform === 'win32') await (await open(target, 'r+')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileSystemExportError(error, target, 'replace');
  }
}
