import type { CellValue, ColumnFormat } from '../../../preload/contract/reports';
import type { DurationFormat } from '../../../preload/contract/types';
import { formatCellDateTime } from './datetime';
import { formatDuration } from './duration';
import { formatCount, formatNumber, formatPercent } from './numbers';

export interface CellFormatOptions {
  durationFormat: DurationFormat;
  /** The report's time zone: datetimes show the wall clock there, not the computer's. */
  timeZone: string;
  locale?: string;
}

/** One cell's text. Rows hold raw values (ms, 0..1 ratios, epoch ms); this is the only place they are dressed. */
export function formatCell(value: CellValue, format: ColumnFormat, options: CellFormatOptions): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'duration':
      return formatDuration(value, options.durationFormat);
    case 'percent':
      return formatPercent(value, options.locale);
    case 'datetime':
      return formatCellDateTime(value, options.timeZone);
    case 'count':
      return formatCount(value, options.locale);
    case 'number':
      return formatNumber(value, options.locale);
    default:
      // Identifiers and phone numbers stay exactly as stored: no grouping, no exponent.
      return String(value);
  }
}

/** Numbers line up on the right so digits compare at a glance. */
export function isNumericFormat(format: ColumnFormat): boolean {
  return format === 'count' || format === 'number' || format === 'duration' || format === 'percent';
}
