import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';
import { formatBytes } from '../../format/bytes';
import { formatCount } from '../../format/numbers';
import { useExportStore, type ExportFormat } from '../../state/export-store';
import { useGridStore } from '../../state/grid-store';
import { useResultColumns } from '../../state/result-columns';
import { useRunStore } from '../../state/run-store';

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/** Exports what the grid shows: the visible columns in grid order, with its sort and column filters. */
export function ExportBar({ descriptor }: { descriptor: ReportDescriptor }) {
  const params = useRunStore((state) => state.params);
  const columns = useResultColumns(descriptor);
  const exporting = useExportStore();
  const running = exporting.phase === 'running';

  const start = (format: ExportFormat) => {
    if (!params) return;
    const { sort, filters } = useGridStore.getState();
    const known = new Set(descriptor.columns.map((column) => column.id));
    void exporting.start({
      params,
      view: { ...(sort ? { sort } : {}), filters, page: { size: 1000 }, count: false },
      columns: columns.filter((id) => known.has(id)),
      format,
    });
  };

  return (
    <div className="export-bar">
      <div className="button-row compact">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="secondary small"
            disabled={running || !params || columns.length === 0}
            onClick={() => start(format)}
          >
            Export {FORMAT_NAMES[format]}
          </button>
        ))}
        {running ? (
          <button type="button" className="secondary small" onClick={() => void exporting.cancel()}>
            Cancel export
          </button>
        ) : null}
      </div>
      <ExportStatus />
    </div>
  );
}

function ExportStatus() {
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
