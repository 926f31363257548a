/**
 * The real-client check: LibreOffice Calc (headless) opens our CSV and XLSX files and we read back what it saw.
 * Skipped, with a notice, only where `soffice` is missing (CI installs Debian's libreoffice-calc-nogui).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport, type ExportOptions } from '../../../main/export';
import type { ReportColumn, ReportRow } from '../../../preload/contract/reports';
import { makeTempDir } from '../../support/temp-dir';
import {
  ABOUT,
  COLUMNS,
  NASTY_TEXTS,
  adversarialRows,
  cell,
  hoursMinutesSeconds,
  optionsFor,
  ordinaryRows,
  wallClockMs,
  wallClockText,
} from './support/fixture';
import { hasLibreOffice, LibreOffice } from './support/libreoffice';
import { EXCEL_EPOCH_MS, cellText, excelMs, readXlsx, sheetRows } from './support/read-xlsx';

const available = hasLibreOffice();
if (!available) {
  console.warn(
    'NOTICE: LibreOffice (soffice) is not installed, so the real-client export checks are SKIPPED. ' +
      'Install it with: apt-get install -y libreoffice-calc-nogui',
  );
}

/**
 * Rows for a spreadsheet to show: durations in whole seconds, so the check does not hinge on how a client rounds
 * a fraction of a second for display (the exporter's own rounding is checked in csv-export.test.ts).
 */
function rowsForClient(): ReportRow[] {
  return [...adversarialRows(), ...ordinaryRows(60)].map((row) => ({
    ...row,
    handle: typeof row['handle'] === 'number' ? Math.round(row['handle'] / 1000) * 1000 : (row['handle'] ?? null),
  }));
}

/**
 * Spreadsheets read "hh:mm:ss" text as a time only below 10,000 hours (Excel's documented entry limit; Calc
 * wraps at 65,536). docs/export.md says so and points to XLSX or the seconds setting for larger totals.
 */
const CLIENT_TIME_LIMIT_MS = 10_000 * 3_600_000;

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const guarded = (text: string) => (FORMULA_STARTS.some((s) => text.startsWith(s)) ? `'${text}` : text);

/** How Calc shows a value under the number format the XLSX gave its column (en-US locale). */
function shownByCalc(source: ReportRow[string], col: ReportColumn, options: ExportOptions): string {
  if (source === null || source === undefined) return '';
  if (typeof source === 'string') return source.replace(/\r\n?/g, '\n');
  if (typeof source !== 'number') return String(source);
  const grouped = (n: number, decimals: number) =>
    n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  switch (col.format) {
    case 'datetime':
      return wallClockText(source, options.timeZone);
    case 'duration':
      return hoursMinutesSeconds(source / 1000, false);
    case 'percent':
      return `${(source * 100).toFixed(1)}%`;
    case 'count':
      return grouped(source, 0);
    case 'number':
      return grouped(source, 2);
    default:
      return String(source);
  }
}

// Each conversion starts LibreOffice afresh: a few seconds, more on a busy machine.
describe.skipIf(!available)('LibreOffice Calc reads the exports', { timeout: 90_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let office: LibreOffice;
  const rows = rowsForClient();
  beforeAll(() => {
    dir = makeTempDir('export-libreoffice');
    office = new LibreOffice();
  });
  afterAll(() => {
    office?.dispose();
    dir?.remove();
  });

  it('shows every XLSX cell as the grid would: dates in the zone, [h]:mm:ss, percents, exact ids', async () => {
    const options = optionsFor({ timeZone: 'America/St_Johns' });
    const file = join(dir.path, 'report.xlsx');
    await exportReport({ file, columns: COLUMNS, rows, options, about: ABOUT });
    const out = join(dir.path, 'xlsx-as-csv');
    mkdirSync(out);
    // Text CSV, comma, double quote, UTF-8, "save cell contents as shown", every sheet to its own file.
    const written = office.convert(
      file,
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
      out,
    );
    const dataFile = written.find((name) => name.endsWith('-Queue performance.csv'));
    expect(written.some((name) => name.endsWith('-About this report.csv'))).toBe(true);
    const shown: string[][] = parse(readFileSync(dataFile!), { relax_column_count: true });
    expect(shown[0]).toEqual([
      'Conversation',
      'Start (America/St_Johns)',
      'Queue',
      'Agent',
      'Caller',
      'Handle time',
      'Service level',
      'Offered',
      'Average score',
      'End (America/St_Johns)',
    ]);
    expect(shown).toHaveLength(rows.length + 1);
    rows.forEach((row, r) => {
      COLUMNS.forEach((col, c) => {
        const source = cell(row, col.id);
        expect(shown[r + 1]![c] ?? '', `${col.id} = ${JSON.stringify(source)}`).toBe(shownByCalc(source, col, options));
      });
    });
  });

  it.each([
    ['comma, en-US', optionsFor(), '44', '1033'],
    ['semicolon with decimal commas, de-DE', optionsFor({ delimiter: ';', timeZone: 'Asia/Kathmandu' }), '59', '1031'],
  ])(
    'opens the %s CSV with numbers, dates and times typed and every text cell inert',
    async (_, options, sep, lang) => {
      const file = join(dir.path, `report-${sep}.csv`);
      await exportReport({ file, columns: COLUMNS, rows, options, about: ABOUT });
      const out = join(dir.path, `csv-as-xlsx-${sep}`);
      mkdirSync(out);
      // Calc's CSV import: UTF-8, header line, locale `lang`, "format quoted field as text", "detect special
      // numbers" (dates and times) — the two boxes a user ticks to keep ids exact and get real dates.
      const [converted] = office.convert(file, 'xlsx', out, `CSV:${sep},34,76,1,,${lang},true,true`);
      const cells = sheetRows((await readXlsx(converted!)).worksheets[0]!);
      expect(cells).toHaveLength(rows.length + 1);
      rows.forEach((row, r) => {
        COLUMNS.forEach((col, c) => {
          const source = cell(row, col.id);
          const found = cells[r + 1]![c]!;
          const where = `${col.id} = ${JSON.stringify(source)}`;
          expect(found.type, `${where} never becomes a formula`).not.toBe(ExcelJS.ValueType.Formula);
          if (source === null || source === '') {
            expect(found.value ?? null, where).toBeNull();
          } else if (typeof source !== 'number') {
            expect(cellText(found.value), where).toBe(guarded(String(source)).replace(/\r\n?/g, '\n'));
          } else if (col.format === 'datetime') {
            expect(excelMs(found.value), where).toBe(wallClockMs(source, options.timeZone));
          } else if (col.format === 'duration') {
            if (source < CLIENT_TIME_LIMIT_MS) expect(excelMs(found.value) - EXCEL_EPOCH_MS, where).toBe(source);
          } else if (col.format === 'percent') {
            // Percentage points are written to ten decimals (87.5, 33.3333333333).
            expect(found.value as number, where).toBeCloseTo(source * 100, 9);
          } else {
            // Calc, like Excel, keeps 15 significant digits of a number it reads from text.
            expect(Math.abs((found.value as number) - source), where).toBeLessThanOrEqual(Math.abs(source) * 1e-14);
          }
        });
      });
    },
  );

  it('runs none of our text as a formula even with formula evaluation on, though it runs an unguarded one', async () => {
    // Calc's import with "evaluate formulas" ticked behaves like Excel opening a CSV: "=1+1" becomes a formula.
    const evaluating = 'CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true';
    const formulaCells = async (csvFile: string, name: string): Promise<number> => {
      const out = join(dir.path, name);
      mkdirSync(out);
      const [converted] = office.convert(csvFile, 'xlsx', out, evaluating);
      const cells = sheetRows((await readXlsx(converted!)).worksheets[0]!).flat();
      return cells.filter((c) => c.type === ExcelJS.ValueType.Formula).length;
    };
    const control = join(dir.path, 'unguarded.csv');
    writeFileSync(
      control,
      stringify(
        NASTY_TEXTS.map((text) => [text]),
        { quoted: true },
      ),
    );
    expect(await formulaCells(control, 'control')).toBeGreaterThan(0);

    const ours = join(dir.path, 'guarded.csv');
    await exportReport({ file: ours, columns: COLUMNS, rows, options: optionsFor(), about: ABOUT });
    expect(await formulaCells(ours, 'ours')).toBe(0);
  });
});
