import type { ReportColumn, ReportRow } from '../../preload/contract/reports';
import { formatHms } from './cell-values';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Room for the autofilter button next to a bold header. */
const HEADER_EXTRA = 3;

/**
 * Column widths (in Excel's character units) from the header and a sample of the first rows: a streamed sheet
 * must declare its widths before the first row, so the sample stands in for the whole column.
 */
export function columnWidths(
  columns: readonly ReportColumn[],
  headers: readonly string[],
  sample: readonly ReportRow[],
): number[] {
  return columns.map((column, index) => {
    let content = 0;
    for (const row of sample) content = Math.max(content, shownLength(column, row[column.id]));
    const width = Math.max((headers[index] ?? '').length + HEADER_EXTRA, content + 1);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
  });
}

function shownLength(column: ReportColumn, value: ReportRow[string] | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value !== 'number') return String(value).length;
  switch (column.format) {
    case 'datetime':
      return 'yyyy-mm-dd hh:mm:ss'.length;
    case 'duration':
      return formatHms(value).length;
    case 'percent':
      return '100.0%'.length;
    case 'count':
    case 'number': {
      const digits = String(Math.round(Math.abs(value))).length;
      const separators = Math.floor((digits - 1) / 3);
      return digits + separators + (column.format === 'number' ? 3 : 0) + (value < 0 ? 1 : 0);
    }
    default:
      return String(value).length;
  }
}
