import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';
import { useExportStore, type ExportFormat } from '../../state/export-store';
import { useGridStore } from '../../state/grid-store';
import { useResultColumns } from '../../state/result-columns';
import { FORMAT_NAMES } from './export-formats';
import { ExportStatus } from './ExportStatus';
import { useRunStore } from '../../state/run-store';

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
