import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvCell {
  text: string;
  quoted: boolean;
}

export interface CsvFile {
  raw: Buffer;
  header: string[];
  rows: CsvCell[][];
}

/**
 * Reads an exported CSV with csv-parse in strict RFC 4180 mode: only CRLF ends a record, quotes must be well
 * formed, every record has the header's width. Keeps whether each field was quoted.
 */
export function readCsv(file: string, delimiter: string): CsvFile {
  const raw = readFileSync(file);
  const records = parse(raw, {
    bom: true,
    delimiter,
    record_delimiter: '\r\n',
    relax_column_count: false,
    cast: (value, context): CsvCell => ({ text: value, quoted: context.quoting }),
  }) as unknown as CsvCell[][];
  const [header, ...rows] = records;
  return { raw, header: (header ?? []).map((cell) => cell.text), rows };
}
