import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnFilter, GridViewInput, ReportParams } from '../../../preload/contract/report-params';
import type { ReportColumn, ReportRow } from '../../../preload/contract/reports';
import type { ReportPage } from '../../../preload/contract/workspace-types';
import { errorMessage } from '../api/client';
import type { GridSort } from '../state/grid-store';
import { toColumnFilters, toSort } from './filter-model';

export interface DatasourceOptions {
  params: ReportParams;
  columns: ReportColumn[];
  fetchPage: (input: { params: ReportParams; view: GridViewInput }) => Promise<ReportPage>;
  /** Every answered page: the row count and totals row for the status line, and the view for saving/export. */
  onPage: (info: {
    total: number | null;
    totals: ReportRow | null;
    sort: GridSort | null;
    filters: ColumnFilter[];
  }) => void;
  onError: (message: string) => void;
}

/**
 * AG Grid's Infinite Row Model asks for blocks of rows; each becomes one `reports/page` call, with the sort and
 * column filters for main to execute in SQL. Sequential blocks continue from the previous block's cursor
 * (keyset paging, flat cost at any depth); a jump far down asks for the page by number. The row count is asked
 * for once per view, not for every block.
 */
export function createDatasource(options: DatasourceOptions): IDatasource {
  let viewKey: string | null = null;
  let total: number | null = null;
  let cursors = new Map<number, string>();

  return {
    getRows(request: IGetRowsParams) {
      const sort = toSort(request.sortModel);
      const filters = toColumnFilters(
        request.filterModel as Record<string, unknown>,
        options.columns,
        options.params.timeZone,
      );
      const key = JSON.stringify([sort, filters]);
      if (key !== viewKey) {
        viewKey = key;
        total = null;
        cursors = new Map();
      }
      const size = request.endRow - request.startRow;
      const after = cursors.get(request.startRow);
      const view: GridViewInput = {
        ...(sort ? { sort } : {}),
        filters,
        page: after ? { size, after } : { size, number: Math.floor(request.startRow / size) + 1 },
        count: total === null,
      };
      const asked = key;
      options
        .fetchPage({ params: options.params, view })
        .then((page) => {
          if (asked !== viewKey) return;
          if (page.total !== null) total = page.total;
          if (page.nextCursor) cursors.set(request.endRow, page.nextCursor);
          const lastRow = total ?? (page.nextCursor === null ? request.startRow + page.rows.length : undefined);
          request.successCallback(page.rows, lastRow);
          options.onPage({ total, totals: page.totals, sort, filters });
        })
        .catch((error: unknown) => {
          request.failCallback();
          options.onError(errorMessage(error));
        });
    },
  };
}
