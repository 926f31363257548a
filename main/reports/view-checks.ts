import type { ColumnFilter, GridView } from '../../preload/contract/report-params';
import { badReportInput } from './report-errors';
import type { DefinedColumn } from './types';

/** The column a sort or filter names, or a plain error: views arrive from saved reports and the CLI too. */
export function columnNamed(columns: readonly DefinedColumn[], id: string): DefinedColumn {
  const column = columns.find((candidate) => candidate.id === id);
  if (column === undefined) throw badReportInput(`This report has no column "${id}".`, 'view');
  return column;
}

export function checkSort(columns: readonly DefinedColumn[], sort: GridView['sort']): DefinedColumn | null {
  if (sort === undefined) return null;
  const column = columnNamed(columns, sort.column);
  if (!column.sortable) throw badReportInput(`The column "${column.header}" cannot be sorted.`, 'view');
  return column;
}

export function checkFilter(columns: readonly DefinedColumn[], filter: ColumnFilter): DefinedColumn {
  const column = columnNamed(columns, filter.column);
  if (column.filter !== filter.kind) {
    throw badReportInput(
      column.filter === undefined
        ? `The column "${column.header}" cannot be filtered.`
        : `The column "${column.header}" takes a ${column.filter} filter, not a ${filter.kind} filter.`,
      'view',
    );
  }
  return column;
}
