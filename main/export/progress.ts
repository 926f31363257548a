import type { ExportProgress } from './types';

const INTERVAL_MS = 250;

/** Progress for the UI: at most four reports a second however fast rows go, and always a final one. */
export class ProgressReporter {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly listener: ((progress: ExportProgress) => void) | undefined,
    private readonly total: number | null,
    private readonly bytes: () => number,
  ) {}

  rowsDone(rows: number): void {
    if (!this.listener) return;
    const now = performance.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.listener({ rows, total: this.total, bytes: this.bytes() });
  }

  finished(rows: number, bytes: number): void {
    this.listener?.({ rows, total: this.total, bytes });
  }
}
