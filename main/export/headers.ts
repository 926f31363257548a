import type { ReportColumn } from '../../preload/contract/reports';
import type { ExportFormat, ExportOptions } from './types';

/**
 * Column headers as written to the file: the grid's header plus whatever a reader of the file needs that the grid
 * shows elsewhere — the zone of datetimes, and in CSV the unit of plain numbers that stand for percents or seconds.
 */
export function exportHeader(column: ReportColumn, format: ExportFormat, options: ExportOptions): string {
  const header = column.header;
  switch (column.format) {
    case 'datetime':
      return header.includes(options.timeZone) ? header : `${header} (${options.timeZone})`;
    case 'percent':
      return format === 'csv' && !header.includes('%') ? `${header} (%)` : header;
    case 'duration':
      return format === 'csv' && options.durationFormat === 'seconds' && !/\bseconds\b/i.test(header)
        ? `${header} (seconds)`
        : header;
    default:
      return header;
  }
}
