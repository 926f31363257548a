import type { ReportRow } from '../../preload/contract/reports';

/** One file format's writer. `exportReport` feeds it batches and owns the file, the cancel and the cleanup. */
export interface TableWriter {
  /** Writes a batch; resolves when the file can take more (so memory stays flat on a slow disk). */
  write(rows: readonly ReportRow[]): Promise<void>;
  /** Writes what closes the file (an empty export still gets its header row) and ends the stream. */
  finish(totalRows: number): Promise<{ sheets: number }>;
  /** Stops any background work after a failure or cancel; the file is deleted by the caller. */
  abandon(): void;
}
