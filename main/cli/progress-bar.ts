import type { RunProgress } from '../../preload/contract/types';

/**
 * One redrawn line on a terminal; nothing at all when stderr is not a terminal, so logs of scheduled jobs stay
 * clean and `--json` output on stdout is never interleaved.
 */
export class ProgressBar {
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(progress: RunProgress): void {
    if (!this.stream.isTTY) return;
    const width = 24;
    const share = progress.chunksTotal > 0 ? progress.chunksDone / progress.chunksTotal : 0;
    const filled = Math.round(share * width);
    const eta = progress.etaSeconds === null ? '' : ` · about ${formatSeconds(progress.etaSeconds)} left`;
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${progress.chunksDone}/${progress.chunksTotal} parts · ` +
      `${progress.rows.toLocaleString('en-US')} rows · ${progress.requestsPerMinute}/${progress.limitPerMinute} requests/min` +
      (progress.rateLimited > 0 ? ` · ${progress.rateLimited} slowed down by Genesys` : '') +
      eta;
    this.stream.write(`\r${line.slice(0, (this.stream.columns || 120) - 1)}\u001b[K`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
