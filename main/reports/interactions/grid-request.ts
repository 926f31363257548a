import type { GridFilter, GridQuery, GridSort } from '../../cache';
import type {
  DateFilterColumn,
  FlagFilterColumn,
  NumberFilterColumn,
  SetFilterColumn,
  SortColumn,
  TextFilterColumn,
} from '../../cache/grid-columns';
import type { ColumnFilter, GridView, ReportParams } from '../../../preload/contract/report-params';
import { badReportInput } from '../report-errors';
import { checkFilter, checkSort } from '../view-checks';
import { dayRange } from '../zoned-calendar';
import { INTERACTION_COLUMNS, type InteractionColumn } from './columns';
import { toGridConditions } from './conditions';

/**
 * The Interactions view as a cache grid request: the range as local days, the form's filters, the grid's
 * column filters and sort, and the advanced conditions — all executed in SQL (main/cache/grid-*.ts).
 */
export const DEFAULT_SORT = { column: 'startTime', direction: 'desc' } as const;

/** Form filters: a queue or agent filter keeps conversations that touched any of them, on any leg. */
function formFilters(params: ReportParams): GridFilter[] {
  const { filters } = params;
  const out: GridFilter[] = [];
  const add = (column: SetFilterColumn, values: readonly string[] | undefined) => {
    if (values !== undefined && values.length > 0) out.push({ kind: 'set', column, values: [...values] });
  };
  add('queue', filters.queueIds);
  add('agent', filters.userIds);
  add('mediaType', filters.mediaTypes);
  add('direction', filters.directions);
  add('wrapUpCode', filters.wrapupCodeIds);
  add('division', filters.divisionIds);
  return out;
}

function gridColumn(column: InteractionColumn): string {
  if (column.grid === undefined) throw badReportInput(`The column "${column.header}" cannot be filtered.`, 'view');
  return column.grid;
}

/** A grid column filter; the column's declared filter kind matches the cache's list for that column. */
function columnFilter(filter: ColumnFilter): GridFilter {
  const column = checkFilter(INTERACTION_COLUMNS, filter) as InteractionColumn;
  const grid = gridColumn(column);
  switch (filter.kind) {
    case 'text':
      return { kind: 'text', column: grid as TextFilterColumn, op: filter.op, value: filter.value };
    case 'number':
      return { kind: 'number', column: grid as NumberFilterColumn, min: filter.min, max: filter.max };
    case 'date':
      return { kind: 'date', column: grid as DateFilterColumn, from: filter.from, to: filter.to };
    case 'set':
      return { kind: 'set', column: grid as SetFilterColumn, values: filter.values };
    case 'flag':
      return { kind: 'flag', column: grid as FlagFilterColumn, value: filter.value };
  }
}

function gridSort(sort: GridView['sort']): GridSort {
  const chosen = sort ?? DEFAULT_SORT;
  const column = checkSort(INTERACTION_COLUMNS, chosen) as InteractionColumn;
  const grid = column.grid as SortColumn;
  return column.byName === true
    ? { column: grid, direction: chosen.direction, byName: true }
    : { column: grid, direction: chosen.direction };
}

export function interactionsQuery(params: ReportParams, view: GridView): GridQuery {
  const { start, end } = dayRange(params.from, params.to, params.timeZone);
  const conditions = toGridConditions(params.conditions);
  return {
    start,
    end,
    filters: [...formFilters(params), ...view.filters.map(columnFilter)],
    sort: gridSort(view.sort),
    ...(conditions === undefined ? {} : { conditions }),
    page: { size: view.page.size, after: view.page.after ?? null, number: view.page.number },
    count: view.count,
  };
}
