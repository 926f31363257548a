/**
 * SIZE: this test writes and reads back 1,048,577 data rows (one narrow count column, about 5 MB of XLSX):
 * Excel's per-sheet limit of 1,048,575 data rows plus two, so exactly two rows spill onto a second sheet.
 * It takes several seconds; everything else in this folder stays small.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../../../main/export';
import { makeTempDir } from '../../support/temp-dir';
import { ABOUT, column, optionsFor } from './support/fixture';

const EXCEL_ROWS_PER_SHEET = 1_048_576;
const ROWS = EXCEL_ROWS_PER_SHEET - 1 + 2;

function* numbered(count: number) {
  for (let n = 1; n <= count; n++) yield { n };
}

interface SheetSummary {
  name: string;
  rows: number;
  header: unknown;
  first: unknown;
  last: unknown;
  gaps: number;
}

/** Streams the workbook back with exceljs's reader, checking each data row holds the next number. */
async function summarise(file: string): Promise<SheetSummary[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
  const sheets: SheetSummary[] = [];
  let expected = 1;
  for await (const sheet of reader) {
    const summary: SheetSummary = { name: '', rows: 0, header: undefined, first: undefined, last: undefined, gaps: 0 };
    summary.name = (sheet as unknown as { name: string }).name;
    for await (const row of sheet) {
      const value = row.getCell(1).value;
      summary.rows += 1;
      if (row.number === 1) {
        summary.header = value;
        continue;
      }
      if (summary.first === undefined) summary.first = value;
      summary.last = value;
      if (summary.name !== 'About this report') {
        if (value !== expected) summary.gaps += 1;
        expected = (value as number) + 1;
      }
    }
    sheets.push(summary);
  }
  return sheets;
}

describe('XLSX with more rows than one Excel sheet holds', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  let result: Awaited<ReturnType<typeof exportReport>>;
  beforeAll(async () => {
    dir = makeTempDir('export-split');
    file = join(dir.path, 'big.xlsx');
    result = await exportReport({
      file,
      columns: [column('n', 'Row', 'count')],
      rows: numbered(ROWS),
      options: optionsFor(),
      about: { ...ABOUT, reportName: 'Interactions' },
    });
  }, 180_000);
  afterAll(() => dir.remove());

  it('continues on a second sheet with the header repeated, losing and repeating no row', async () => {
    expect(result).toMatchObject({ rows: ROWS, sheets: 2 });
    const sheets = await summarise(file);
    expect(sheets.map((s) => s.name)).toEqual(['Interactions', 'Interactions (2)', 'About this report']);
    const [first, second] = sheets;
    expect(first).toMatchObject({ rows: EXCEL_ROWS_PER_SHEET, header: 'Row', first: 1, last: 1_048_575, gaps: 0 });
    expect(second).toMatchObject({ rows: 3, header: 'Row', first: 1_048_576, last: ROWS, gaps: 0 });
  }, 180_000);
});
