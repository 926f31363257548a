import { once } from 'node:events';
import { stringify, type Options } from 'csv-stringify/sync';
import type { CellValue, ReportColumn, ReportRow } from '../../preload/contract/reports';
import { LocalDateTimes } from './cell-values';
import { csvNumberWriter } from './csv-cells';
import type { ExportRun } from './export-run';
import { neutraliseFormula } from './formula-guard';
import { exportHeader } from './headers';
import type { TableWriter } from './table-writer';
import type { ExportOptions } from './types';
import { ZoneClock } from './zone-clock';

/**
 * CSV that Excel opens correctly by double-click: UTF-8 with a byte-order mark (without it Excel assumes the
 * system code page and garbles accents), CRLF line ends, RFC 4180 quoting by csv-stringify, a header row.
 * Text cells are always quoted and formula-guarded; numbers, durations and datetimes are written plain.
 */
export function createCsvWriter(run: ExportRun, columns: readonly ReportColumn[], options: ExportOptions): TableWriter {
  const out = run.file.stream;
  const ids = columns.map((column) => column.id);
  const dates = new LocalDateTimes(new ZoneClock(options.timeZone));
  const numberWriters = columns.map((column) => csvNumberWriter(column, options, dates));
  const settings: Options = {
    delimiter: options.delimiter,
    record_delimiter: '\r\n',
    // Every text is quoted (quoted_string), and the numbers, times and dates written here never hold a line
    // break, so the per-field search for lone CR or LF would only cost time (a third of csv-stringify's).
    quoted_string: true,
    quote_record_delimiter: false,
    columns: columns.map((column, index) => ({ key: String(index), header: exportHeader(column, 'csv', options) })),
    cast: {
      number: (value, context) => (context.header ? String(value) : numberWriters[context.column as number]!(value)),
      string: (value, context) => (context.header ? value : neutraliseFormula(value)),
      boolean: (value) => (value ? 'TRUE' : 'FALSE'),
    },
  };
  const withHeader: Options = { ...settings, bom: true, header: true };
  let started = false;
  const records: CellValue[][] = [];

  const writeText = async (text: string): Promise<void> => {
    if (!out.write(text)) await run.wait(once(out, 'drain'));
  };

  return {
    async write(rows: readonly ReportRow[]) {
      // The record arrays are reused batch after batch: stringify reads them synchronously and keeps none.
      if (records.length > rows.length) records.length = rows.length;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const record = (records[r] ??= new Array<CellValue>(ids.length));
        for (let c = 0; c < ids.length; c++) record[c] = row[ids[c]!] ?? null;
      }
      const text = stringify(records, started ? settings : withHeader);
      started = true;
      await writeText(text);
    },
    async finish() {
      if (!started) await writeText(stringify([], withHeader));
      out.end();
      return { sheets: 1 };
    },
    abandon() {},
  };
}
