import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportReport, type ExportOptions } from '../../../main/export';
import type { ReportColumn, ReportRow } from '../../../preload/contract/reports';
import { makeTempDir } from '../../support/temp-dir';
import {
  ABOUT,
  COLUMNS,
  adversarialRows,
  cell,
  column,
  optionsFor,
  ordinaryRows,
  wallClockMs,
  wallClockText,
} from './support/fixture';
import { EXCEL_EPOCH_MS, cellText, excelMs, readXlsx, sheetRows } from './support/read-xlsx';

const EXPECTED_FORMATS: Record<string, string> = {
  id: '@',
  text: '@',
  phone: '@',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  duration: '[h]:mm:ss',
  percent: '0.0%',
  count: '#,##0',
  number: '#,##0.00',
};

function checkCell(found: ExcelJS.Cell, source: ReportRow[string], col: ReportColumn, options: ExportOptions): void {
  const where = `${col.id} = ${JSON.stringify(source)}`;
  if (source === null || source === undefined || source === '') {
    expect(found.value ?? null, where).toBeNull();
    return;
  }
  expect(found.numFmt, where).toBe(EXPECTED_FORMATS[col.format]);
  if (typeof source === 'string') {
    // Excel keeps line breaks as LF; the text is otherwise exact, and typed as text (never a formula).
    expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], where).toContain(found.type);
    expect(cellText(found.value), where).toBe(source.replace(/\r\n?/g, '\n'));
    return;
  }
  if (typeof source === 'boolean') {
    expect(found.value, where).toBe(source);
    return;
  }
  switch (col.format) {
    case 'datetime':
      expect(excelMs(found.value), where).toBe(wallClockMs(source, options.timeZone));
      break;
    case 'duration':
      expect(excelMs(found.value) - EXCEL_EPOCH_MS, where).toBe(source);
      break;
    case 'id':
    case 'phone':
    case 'text':
      expect(found.value, where).toBe(String(source));
      break;
    default:
      expect(found.type, where).toBe(ExcelJS.ValueType.Number);
      expect(found.value, where).toBe(source);
  }
}

// Generous: the suite writes real files, and CI runs many suites at once.
describe('XLSX export', { timeout: 30_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('export-xlsx')));
  afterEach(() => dir.remove());

  const exportXlsx = async (rows: ReportRow[], options = optionsFor(), columns = COLUMNS) => {
    const file = join(dir.path, 'report.xlsx');
    const result = await exportReport({ file, columns, rows, options, about: ABOUT });
    return { result, workbook: await readXlsx(file) };
  };

  it.each([optionsFor(), optionsFor({ timeZone: 'America/St_Johns' }), optionsFor({ timeZone: 'Asia/Kathmandu' })])(
    'reads back cell by cell with real types (%o)',
    async (options) => {
      const rows = [...adversarialRows(), ...ordinaryRows(400)];
      const { result, workbook } = await exportXlsx(rows, options);
      expect(result).toMatchObject({ rows: rows.length, sheets: 1, format: 'xlsx' });
      const sheet = workbook.worksheets[0]!;
      const cells = sheetRows(sheet);
      expect(cells).toHaveLength(rows.length + 1);
      rows.forEach((row, r) => {
        COLUMNS.forEach((col, c) => checkCell(cells[r + 1]![c]!, cell(row, col.id), col, options));
      });
    },
  );

  it('has a bold, frozen, filterable header naming the zone, and widths that fit', async () => {
    const rows = ordinaryRows(50);
    const { workbook } = await exportXlsx(rows);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Queue performance');
    const header = sheetRows(sheet)[0]!;
    expect(header.map((c) => c.value)).toEqual([
      'Conversation',
      'Start (Europe/London)',
      'Queue',
      'Agent',
      'Caller',
      'Handle time',
      'Service level',
      'Offered',
      'Average score',
      'End (Europe/London)',
    ]);
    expect(header.every((c) => c.font?.bold === true)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:J1');
    // A column without a width of its own gets Excel's default, 8.43 characters.
    const widths = sheet.columns.map((c) => c.width ?? 8.43);
    // The long ids and 19-character datetimes get room; no column is absurdly wide or narrow.
    expect(widths[0]).toBeGreaterThanOrEqual(Math.max(...rows.map((row) => String(row['conversationId']).length)));
    expect(widths[1]).toBeGreaterThanOrEqual('yyyy-mm-dd hh:mm:ss'.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
  });

  it('adds an "About this report" sheet describing the export', async () => {
    const rows = ordinaryRows(12);
    const { workbook } = await exportXlsx(rows);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Queue performance', 'About this report']);
    const lines = sheetRows(workbook.getWorksheet('About this report')!).map((r) => r.map((c) => c.value));
    const value = (label: string) => lines.find((line) => line[0] === label)?.[1];
    expect(value('Report')).toBe('Queue performance');
    expect(lines.filter((line) => line[1] === 'Queues: Sales, Support' || line[1] === 'Media: Voice')).toHaveLength(2);
    expect(value('Time zone')).toMatch(/^Europe\/London\b/);
    expect(value('Interval')).toBe('2026-03-01 to 2026-03-07');
    expect(value('Granularity')).toBe('1 hour');
    expect(value('Data fetched at')).toBe(`${wallClockText(ABOUT.fetchedAt!, 'Europe/London')} (Europe/London)`);
    expect(value('Data complete up to')).toBe(`${wallClockText(ABOUT.completeUpTo!, 'Europe/London')} (Europe/London)`);
    expect(value('Rows')).toBe('12');
    expect(value('ReportDesk version')).toBe('9.8.7-test');
  });

  it('writes a header-only sheet for a report with no rows', async () => {
    const { result, workbook } = await exportXlsx([]);
    expect(result).toMatchObject({ rows: 0, sheets: 1 });
    const cells = sheetRows(workbook.worksheets[0]!);
    expect(cells).toHaveLength(1);
    expect(cells[0]!.map((c) => c.value)).toHaveLength(COLUMNS.length);
  });

  it('names the sheet safely whatever the report is called', async () => {
    const file = join(dir.path, 'odd.xlsx');
    await exportReport({
      file,
      columns: [column('n', 'N', 'count')],
      rows: [{ n: 1 }],
      options: optionsFor(),
      about: { ...ABOUT, reportName: "'Sales: [EMEA] / Q1? *draft* and a name far too long for Excel'" },
    });
    const name = (await readXlsx(file)).worksheets[0]!.name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]|^'|'$/);
  });
});
