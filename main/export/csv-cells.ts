import type { ReportColumn } from '../../preload/contract/reports';
import { durationSeconds, formatHms, isShowableInstant, percentPoints, type LocalDateTimes } from './cell-values';
import type { ExportOptions } from './types';

/**
 * How a number in a given column is written to CSV. These are "numbers we wrote", so they never get the
 * formula-guard apostrophe. With the ';' delimiter decimals use a comma, which is what Excel expects in
 * decimal-comma locales (where it also expects ';' between fields).
 */
export function csvNumberWriter(
  column: ReportColumn,
  options: ExportOptions,
  dates: LocalDateTimes,
): (value: number) => string {
  const decimal = options.delimiter === ';' ? (n: number) => String(n).replace('.', ',') : String;
  switch (column.format) {
    case 'duration':
      return options.durationFormat === 'hms' ? formatHms : (ms) => String(durationSeconds(ms));
    case 'percent':
      return (ratio) => decimal(percentPoints(ratio));
    case 'datetime':
      return (epochMs) => (isShowableInstant(epochMs) ? dates.format(epochMs) : '');
    case 'count':
    case 'number':
      return decimal;
    default:
      // A number in a text, id or phone column is an identifier: its digits, as they are.
      return String;
  }
}
