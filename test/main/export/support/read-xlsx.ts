import ExcelJS from 'exceljs';

/** Where Excel's day count starts (1899-12-30), in epoch ms. */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as arrays of cells (column A first), header included. */
export function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1));
  });
  return rows;
}

/**
 * An Excel time or date cell as ms: exceljs hands both back as Dates (it treats `[h]:mm:ss` as a date format),
 * so a duration is its distance from Excel's epoch.
 */
export function excelMs(value: ExcelJS.CellValue): number {
  if (value instanceof Date) return value.getTime();
  throw new Error(`expected a date or time cell, got ${JSON.stringify(value)}`);
}

/** A text cell's text, whether stored plain or as an inline rich-text run (used for text with edge spaces). */
export function cellText(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return value;
}
