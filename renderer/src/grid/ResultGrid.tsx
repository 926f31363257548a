import {
  themeQuartz,
  type CellKeyDownEvent,
  type ColumnMovedEvent,
  type ColumnResizedEvent,
  type GridApi,
  type GridReadyEvent,
  type RowClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import type { ReportParams } from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';
import type { ReportDescriptor } from '../../../preload/contract/workspace-types';
import { client } from '../api/client';
import { GridPager } from '../components/results/GridPager';
import { useAppStore } from '../state/app-store';
import { useGridStore } from '../state/grid-store';
import { useQueryStore } from '../state/query-store';
import { useResultColumns } from '../state/result-columns';
import { buildColumnDefs } from './column-defs';
import { readColumnMemory, writeColumnMemory } from './column-memory';
import { createDatasource } from './datasource';
import { toAgFilterModel } from './filter-model';
import { registerGridModules } from './grid-modules';

registerGridModules();

export const PAGE_SIZE = 100;
const ROW_HEIGHT = 34;
/** Rows AG Grid renders beyond each edge of the view (its default, set explicitly because the pager relies on it). */
const ROW_BUFFER = 10;

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: '#0b5cad',
  rowHeight: ROW_HEIGHT,
  headerHeight: 40,
});

interface Props {
  descriptor: ReportDescriptor;
  params: ReportParams;
}

/**
 * The result table: AG Grid's Infinite Row Model over `reports/page`, sorting and filtering executed by main.
 * Mounted once per run (the parent keys it), so the datasource and the initial sort/filter belong to that run.
 */
export function ResultGrid({ descriptor, params }: Props) {
  const api = useRef<GridApi<ReportRow> | null>(null);
  const columns = useResultColumns(descriptor);
  const setColumnOrder = useQueryStore((state) => state.setColumnOrder);
  const durationFormat = useAppStore((state) =>
    state.settings.status === 'ready' ? state.settings.value.durationFormat : 'hms',
  );
  const totals = useGridStore((state) => state.totals);
  const openConversation = useGridStore((state) => state.openConversation);
  const connectionId = params.connectionId;

  const widths = useMemo(() => readColumnMemory(descriptor)?.widths ?? {}, [descriptor]);
  const columnDefs = useMemo(
    () => buildColumnDefs(descriptor, columns, widths, { durationFormat, timeZone: params.timeZone }),
    [descriptor, columns, widths, durationFormat, params.timeZone],
  );
  const context = useMemo(() => ({ connectionId }), [connectionId]);
  const pinned = useMemo(() => (totals ? [totals] : undefined), [totals]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<ReportRow>) => {
      api.current = event.api;
      const { sort, filters, setPage, setView, setPageError } = useGridStore.getState();
      // Restore the view before the first block is asked for, so the first request already carries it.
      if (sort) event.api.applyColumnState({ state: [{ colId: sort.column, sort: sort.direction }] });
      if (filters.length > 0) event.api.setFilterModel(toAgFilterModel(filters, descriptor.columns, params.timeZone));
      event.api.setGridOption(
        'datasource',
        createDatasource({
          params,
          columns: descriptor.columns,
          fetchPage: (input) => client.reports.page(input),
          onPage: (info) => {
            setPage(info.total, info.totals);
            setView(info.sort, info.filters);
          },
          onError: setPageError,
        }),
      );
    },
    [descriptor, params],
  );

  // The rows actually on screen (AG Grid's "displayed" rows include a rendering buffer above and below).
  const trackViewport = useCallback(() => {
    const grid = api.current;
    if (!grid) return;
    const count = grid.getDisplayedRowCount();
    // Rendered rows, not pixels: past about a million rows AG Grid shrinks the scrollable height, so pixel
    // positions no longer map to rows. The rendered range includes ROW_BUFFER rows above and below the view.
    const renderedFirst = grid.getFirstDisplayedRowIndex();
    const renderedLast = grid.getLastDisplayedRowIndex();
    const first = Math.min(renderedFirst > 0 ? renderedFirst + ROW_BUFFER : 0, Math.max(count - 1, 0));
    const last = Math.min(renderedLast < count - 1 ? renderedLast - ROW_BUFFER : renderedLast, count - 1);
    useGridStore.getState().setVisible(first, Math.max(first, last));
  }, []);

  const onColumnMoved = useCallback(
    (event: ColumnMovedEvent<ReportRow>) => {
      // Only the supervisor's drags: the grid also moves columns itself when the column choice changes.
      if (!event.finished || !event.source.startsWith('ui')) return;
      setColumnOrder(
        descriptor.id,
        event.api.getAllDisplayedColumns().map((column) => column.getColId()),
      );
    },
    [descriptor.id, setColumnOrder],
  );

  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<ReportRow>) => {
      if (!event.finished || event.source !== 'uiColumnResized') return;
      const next: Record<string, number> = {};
      for (const state of event.api.getColumnState()) if (state.width) next[state.colId] = state.width;
      writeColumnMemory(descriptor.id, { widths: next });
    },
    [descriptor.id],
  );

  const open = useCallback(
    (row: ReportRow | undefined, pinnedRow: boolean) => {
      if (pinnedRow || descriptor.id !== 'interactions' || !row) return;
      const id = row['conversationId'];
      if (typeof id === 'string') openConversation(id);
    },
    [descriptor.id, openConversation],
  );

  return (
    <div className="grid-area">
      <div className="grid-box" data-testid="result-grid">
        <AgGridReact<ReportRow>
          theme={theme}
          rowModelType="infinite"
          rowBuffer={ROW_BUFFER}
          cacheBlockSize={PAGE_SIZE}
          maxBlocksInCache={100}
          infiniteInitialRowCount={PAGE_SIZE}
          columnDefs={columnDefs}
          defaultColDef={{ resizable: true, minWidth: 80, wrapHeaderText: true, autoHeaderHeight: true }}
          context={context}
          pinnedBottomRowData={pinned}
          tooltipShowDelay={400}
          onGridReady={onGridReady}
          onViewportChanged={trackViewport}
          onBodyScroll={trackViewport}
          onModelUpdated={trackViewport}
          onColumnMoved={onColumnMoved}
          onColumnResized={onColumnResized}
          onRowClicked={(event: RowClickedEvent<ReportRow>) => open(event.data, event.rowPinned != null)}
          onCellKeyDown={(event: CellKeyDownEvent<ReportRow>) => {
            if ((event.event as KeyboardEvent | null)?.key === 'Enter') open(event.data, event.rowPinned != null);
          }}
          rowClass={descriptor.id === 'interactions' ? 'row-openable' : undefined}
          suppressMultiSort
          suppressDragLeaveHidesColumns
        />
      </div>
      <GridPager pageSize={PAGE_SIZE} onGo={(index) => api.current?.ensureIndexVisible(index, 'top')} />
    </div>
  );
}
