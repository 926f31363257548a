import { formatBytes } from '../../format/bytes';
import { formatCount } from '../../format/numbers';
import { useExportStore } from '../../state/export-store';
import { FORMAT_NAMES } from './export-formats';

/** Progress, the saved file, a cancellation or a failure of the last export, in words. */
export function ExportStatus() {
  const { phase, format, progress, result, error } = useExportStore();
  if (phase === 'idle' || !format) return null;
  const name = FORMAT_NAMES[format];
  if (phase === 'running') {
    const done = progress?.rows ?? 0;
    const total = progress?.total ?? null;
    return (
      <div className="export-status" role="status">
        <progress aria-label={`${name} export progress`} max={total ?? undefined} value={total ? done : undefined} />
        <span>
          Exporting to {name}… {formatCount(done)}
          {total !== null ? ` of ${formatCount(total)}` : ''} rows
        </span>
      </div>
    );
  }
  if (phase === 'done' && result?.file) {
    return (
      <p className="export-status" role="status" data-testid="export-status">
        Saved {formatCount(result.rows)} rows to <span className="file-path">{result.file}</span> (
        {formatBytes(result.bytes)}).
      </p>
    );
  }
  if (phase === 'error') {
    return (
      <p className="export-status message-error" role="alert">
        The {name} export failed: {error}
      </p>
    );
  }
  return (
    <p className="export-status" role="status" data-testid="export-status">
      {name} export cancelled{result && result.file === null ? ': no file was chosen' : ''}.
    </p>
  );
}
