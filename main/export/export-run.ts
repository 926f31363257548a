import type { AtomicFile } from './atomic-file';
import { cancelledExport } from './export-error';

/**
 * The stop conditions of one export — Cancel pressed, or the file failing — in one place, so every wait in the
 * writers ends promptly when either happens instead of hanging on a stream that will never drain.
 */
export class ExportRun {
  private readonly stopped: Promise<never>;
  private readonly detach: () => void;

  constructor(
    readonly file: AtomicFile,
    private readonly signal: AbortSignal | undefined,
  ) {
    let onAbort = (): void => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(cancelledExport());
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    this.detach = () => signal?.removeEventListener('abort', onAbort);
    this.stopped = Promise.race([aborted, file.failed]);
    this.stopped.catch(() => undefined);
  }

  /** Throws if the export was cancelled or the file failed; called between batches. */
  checkpoint(): void {
    if (this.signal?.aborted) throw cancelledExport();
    this.file.check();
  }

  /** Waits for `promise` unless the export is cancelled or the file fails first. */
  async wait<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.stopped]);
  }

  end(): void {
    this.detach();
  }
}
