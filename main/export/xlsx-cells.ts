import type { CellRichTextValue } from 'exceljs';
import type { CellValue, ColumnFormat, ReportColumn } from '../../preload/contract/reports';
import { isShowableInstant, type LocalDateTimes } from './cell-values';

export type XlsxValue = string | number | boolean | Date | CellRichTextValue | undefined;

/** Excel refuses longer cell text. */
export const EXCEL_MAX_CELL_TEXT = 32_767;
const DAY_MS = 86_400_000;

/** Number formats per column format: real types underneath, the grid's look on top. */
export const XLSX_NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  id: '@',
  phone: '@',
  count: '#,##0',
  number: '#,##0.00',
  duration: '[h]:mm:ss',
  percent: '0.0%',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  flag: 'General',
};

/**
 * Text as Excel stores it: line breaks as LF (what Alt+Enter types; XML would turn a CR into LF anyway) and at
 * most 32,767 characters. Characters XML cannot carry (control codes other than tab and line breaks) are
 * dropped by exceljs when it writes the cell. Text starting or ending with spaces or tabs is written as an
 * inline string marked to preserve them, because LibreOffice trims the plain form ("Sales " is a real queue name).
 */
export function excelText(text: string): string | CellRichTextValue {
  let cell = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (cell.length > EXCEL_MAX_CELL_TEXT) {
    cell = cell.slice(0, EXCEL_MAX_CELL_TEXT);
    // Never leave half of an emoji (a lone surrogate) at the end.
    if (/[\uD800-\uDBFF]$/.test(cell)) cell = cell.slice(0, -1);
  }
  return isEdgeSpace(cell.charCodeAt(0)) || isEdgeSpace(cell.charCodeAt(cell.length - 1))
    ? { richText: [{ text: cell }] }
    : cell;
}

/** Space, tab, line break or no-break space: what a spreadsheet might trim from either end of a text. */
function isEdgeSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x3000;
}

/**
 * How a raw value in a given column becomes an Excel cell value. Durations become fractions of a day so
 * `[h]:mm:ss` shows them and SUM adds them; datetimes become the zone's wall clock, because Excel dates have no
 * zone; ids and phone numbers stay text even when they look like numbers. `undefined` leaves the cell empty.
 */
export function xlsxValueConverter(column: ReportColumn, dates: LocalDateTimes): (value: CellValue) => XlsxValue {
  const number = numberConverter(column.format, dates);
  return (value) => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'number') return Number.isFinite(value) ? number(value) : undefined;
    // An empty text is an empty cell in Excel; writing it as "" would only add an invisible string.
    if (typeof value === 'string') return value === '' ? undefined : excelText(value);
    return value;
  };
}

function numberConverter(format: ColumnFormat, dates: LocalDateTimes): (value: number) => XlsxValue {
  switch (format) {
    case 'duration':
      return (ms) => ms / DAY_MS;
    case 'datetime':
      return (epochMs) => (isShowableInstant(epochMs) ? new Date(dates.wallClockSecond(epochMs)) : undefined);
    case 'text':
    case 'id':
    case 'phone':
      return String;
    default:
      return (n) => n;
  }
}
