import { join } from 'node:path';
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
  hoursMinutesSeconds,
  optionsFor,
  ordinaryRows,
  roundedSeconds,
  wallClockText,
} from './support/fixture';
import { readCsv, type CsvCell } from './support/read-csv';

/** OWASP's list, plus NUL and the full-width forms, written out here rather than taken from the exporter. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** What a CSV reader must find for one source cell, or a check for numbers read back with a tolerance. */
function checkCell(found: CsvCell, source: ReportRow[string], col: ReportColumn, options: ExportOptions): void {
  const where = `${col.id} = ${JSON.stringify(source)}`;
  if (source === null || source === undefined) {
    expect(found, where).toEqual({ text: '', quoted: false });
    return;
  }
  if (typeof source === 'string') {
    const guarded = FORMULA_STARTS.some((start) => source.startsWith(start)) ? `'${source}` : source;
    expect(found, where).toEqual({ text: guarded, quoted: true });
    return;
  }
  if (typeof source === 'boolean') {
    expect(found.text, where).toBe(source ? 'TRUE' : 'FALSE');
    return;
  }
  expect(found.quoted, `${where} is a number we wrote, so it is never quoted`).toBe(false);
  const asNumber = (): number => {
    if (options.delimiter === ';') expect(found.text, where).not.toContain('.');
    return Number(found.text.replace(',', '.'));
  };
  switch (col.format) {
    case 'datetime':
      expect(found.text, where).toBe(wallClockText(source, options.timeZone));
      break;
    case 'duration':
      expect(found.text, where).toBe(
        options.durationFormat === 'hms' ? hoursMinutesSeconds(roundedSeconds(source)) : String(roundedSeconds(source)),
      );
      break;
    case 'percent':
      expect(asNumber(), where).toBeCloseTo(source * 100, 9);
      break;
    default:
      expect(asNumber(), where).toBe(source);
  }
}

// Generous: the suite writes real files, and CI runs many suites at once.
describe('CSV export', { timeout: 30_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('export-csv')));
  afterEach(() => dir.remove());

  const exportCsv = async (rows: ReportRow[], options: ExportOptions, columns = COLUMNS) => {
    const file = join(dir.path, 'report.csv');
    const result = await exportReport({ file, columns, rows, options, about: ABOUT });
    return { result, csv: readCsv(file, options.delimiter) };
  };

  it.each([
    optionsFor(),
    optionsFor({ delimiter: ';', durationFormat: 'seconds' }),
    optionsFor({ timeZone: 'America/St_Johns' }),
    optionsFor({ timeZone: 'Asia/Kathmandu', delimiter: ';' }),
    optionsFor({ timeZone: 'Australia/Lord_Howe', durationFormat: 'seconds' }),
  ])('reads back cell by cell what the rows hold (%o)', async (options) => {
    const rows = [...adversarialRows(), ...ordinaryRows(400)];
    const { result, csv } = await exportCsv(rows, options);
    expect(result.rows).toBe(rows.length);
    expect(csv.rows).toHaveLength(rows.length);
    rows.forEach((row, r) => {
      COLUMNS.forEach((col, c) => checkCell(csv.rows[r]![c]!, cell(row, col.id), col, options));
    });
  });

  it('opens with a BOM, ends every record with CRLF and names the zone and units in the header', async () => {
    const { result, csv } = await exportCsv(ordinaryRows(3), optionsFor({ durationFormat: 'seconds' }));
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.raw.subarray(-2).toString()).toBe('\r\n');
    expect(result.bytes).toBe(csv.raw.length);
    expect(csv.header).toEqual([
      'Conversation',
      'Start (Europe/London)',
      'Queue',
      'Agent',
      'Caller',
      'Handle time (seconds)',
      'Service level (%)',
      'Offered',
      'Average score',
      'End (Europe/London)',
    ]);
  });

  it('writes a header-only file for a report with no rows', async () => {
    const { result, csv } = await exportCsv([], optionsFor());
    expect(result).toMatchObject({ rows: 0, format: 'csv', sheets: 1 });
    expect(csv.header).toHaveLength(COLUMNS.length);
    expect(csv.rows).toEqual([]);
  });

  it('writes only the columns asked for, in the order asked for', async () => {
    const columns = [COLUMNS[6]!, COLUMNS[0]!];
    const rows = ordinaryRows(5);
    const { csv } = await exportCsv(rows, optionsFor(), columns);
    expect(csv.header).toEqual(['Service level (%)', 'Conversation']);
    expect(csv.rows.map((r) => r[1]!.text)).toEqual(rows.map((row) => row['conversationId']));
  });

  it('keeps a number in a text column as its digits, and a negative count unquoted and unguarded', async () => {
    const columns = [column('code', 'Code', 'id'), column('delta', 'Change', 'count'), column('note', 'Note', 'text')];
    const { csv } = await exportCsv([{ code: 7, delta: -12, note: '-12' }], optionsFor({ delimiter: ';' }), columns);
    expect(csv.rows[0]).toEqual([
      { text: '7', quoted: false },
      { text: '-12', quoted: false },
      { text: "'-12", quoted: true },
    ]);
  });

  it('pulls rows from an async source too', async () => {
    const rows = ordinaryRows(2500);
    async function* fromDatabase() {
      for (const row of rows) {
        await Promise.resolve();
        yield row;
      }
    }
    const file = join(dir.path, 'async.csv');
    const result = await exportReport({
      file,
      columns: COLUMNS,
      rows: fromDatabase(),
      options: optionsFor(),
      about: ABOUT,
    });
    expect(result.rows).toBe(2500);
    expect(readCsv(file, ',').rows.map((r) => r[0]!.text)).toEqual(rows.map((row) => row['conversationId']));
  });
});
