import type { RunProgress } from '../../../../preload/contract/types';
import { formatEta } from '../../format/duration';
import { formatCount } from '../../format/numbers';

/** Live progress: how far, how many rows, and why it is not faster (the org's request limit). */
export function RunProgressView({ progress }: { progress: RunProgress | null }) {
  if (!progress) {
    return (
      <div className="run-progress" role="status">
        <progress aria-label="Run progress" />
        <p>Starting the report…</p>
      </div>
    );
  }
  const parts = [
    progress.chunksTotal > 0 ? `Part ${progress.chunksDone} of ${progress.chunksTotal}` : 'Working',
    `${formatCount(progress.rows)} rows so far`,
    `${formatCount(progress.requestsPerMinute)} of ${formatCount(progress.limitPerMinute)} requests a minute allowed by Genesys Cloud`,
  ];
  if (progress.rateLimited > 0) parts.push(`asked to slow down ${formatCount(progress.rateLimited)} times`);
  parts.push(formatEta(progress.etaSeconds));
  return (
    <div className="run-progress" role="status" data-testid="run-progress">
      <progress
        aria-label="Run progress"
        max={Math.max(progress.chunksTotal, 1)}
        value={progress.chunksTotal > 0 ? progress.chunksDone : undefined}
      />
      <p>{parts.join(' · ')}</p>
    </div>
  );
}
