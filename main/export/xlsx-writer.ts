import { once } from 'node:events';
import type { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ReportColumn, ReportRow } from '../../preload/contract/reports';
import { aboutLines } from './about-lines';
import { LocalDateTimes } from './cell-values';
import { columnWidths } from './column-widths';
import type { ExportRun } from './export-run';
import { exportHeader } from './headers';
import { ABOUT_SHEET_NAME, dataSheetName } from './sheet-names';
import type { TableWriter } from './table-writer';
import type { ExportAbout, ExportOptions } from './types';
import { XLSX_NUMBER_FORMATS, xlsxValueConverter, type XlsxValue } from './xlsx-cells';
import { StreamingWorkbook } from './xlsx-parts';
import { ZoneClock } from './zone-clock';

/** Excel's 1,048,576 rows per sheet, less the header row. */
export const MAX_DATA_ROWS_PER_SHEET = 1_048_575;
/** zlib level 1: files about a quarter larger than the default level 6, written about a third faster. */
const COMPRESSION_LEVEL = 1;
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: { vertical: 'top' } };
const LABEL_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: { vertical: 'top' } };
const VALUE_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };

/**
 * XLSX through exceljs's streaming writer: real types (see xlsx-cells.ts), a bold frozen header with an
 * autofilter on every data sheet, widths from the first rows, rows past Excel's limit continued on further
 * sheets, and an "About this report" sheet at the end.
 */
export function createXlsxWriter(
  run: ExportRun,
  columns: readonly ReportColumn[],
  options: ExportOptions,
  about: ExportAbout,
): TableWriter {
  const book = new StreamingWorkbook(run.file.stream, COMPRESSION_LEVEL);
  const dates = new LocalDateTimes(new ZoneClock(options.timeZone));
  const convert = columns.map((column) => xlsxValueConverter(column, dates));
  const headers = columns.map((column) => exportHeader(column, 'xlsx', options));
  // One style object per column: exceljs looks styles up by object identity, so sharing them keeps it fast.
  const cellStyles = columns.map((column): Partial<ExcelJS.Style> => ({ numFmt: XLSX_NUMBER_FORMATS[column.format] }));
  const sheetNames: string[] = [];
  let widths: number[] | undefined;
  let current: { sheet: ExcelJS.Worksheet; part: PassThrough; rows: number } | undefined;

  const startSheet = (): void => {
    current?.sheet.commit();
    const name = dataSheetName(about.reportName, sheetNames.length);
    sheetNames.push(name);
    const { sheet, part } = book.addSheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    sheet.columns = columns.map((_, index) => ({ width: widths?.[index] ?? 12 }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(headers);
    header.eachCell((cell) => (cell.style = HEADER_STYLE));
    header.commit();
    current = { sheet, part, rows: 0 };
  };

  const addDataRow = (row: ReportRow): void => {
    if (!current || current.rows === MAX_DATA_ROWS_PER_SHEET) startSheet();
    const sheet = current!;
    // A sparse array: index 0 stays a hole so exceljs puts index 1 in column A, and empty cells stay holes.
    const values: XlsxValue[] = new Array<XlsxValue>(columns.length + 1);
    for (let index = 0; index < columns.length; index++) {
      const value = convert[index]!(row[columns[index]!.id] ?? null);
      if (value !== undefined) values[index + 1] = value;
    }
    const added = sheet.sheet.addRow(values);
    added.eachCell((cell, columnNumber) => (cell.style = cellStyles[columnNumber - 1]!));
    added.commit();
    sheet.rows += 1;
  };

  return {
    async write(rows) {
      widths ??= columnWidths(columns, headers, rows);
      for (const row of rows) addDataRow(row);
      const part = current?.part;
      if (part?.writableNeedDrain) await run.wait(once(part, 'drain'));
    },
    async finish(totalRows) {
      if (!current) {
        widths ??= columnWidths(columns, headers, []);
        startSheet();
      }
      current!.sheet.commit();
      const aboutSheet = book.workbook.addWorksheet(ABOUT_SHEET_NAME);
      aboutSheet.columns = [{ width: 24 }, { width: 90 }];
      const lines = aboutLines(about, options, { rows: totalRows, sheetNames, exportedAt: Date.now() });
      for (const [label, value] of lines) {
        const line = aboutSheet.addRow([label, value]);
        line.getCell(1).style = LABEL_STYLE;
        line.getCell(2).style = VALUE_STYLE;
        line.commit();
      }
      aboutSheet.commit();
      await run.wait(book.workbook.commit());
      return { sheets: sheetNames.length };
    },
    abandon() {
      book.abandon();
    },
  };
}
