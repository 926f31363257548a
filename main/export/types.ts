import type { ReportColumn, ReportRow } from '../../preload/contract/reports';
import type { DurationFormat } from '../../preload/contract/types';

export type ExportFormat = 'csv' | 'xlsx';
export type CsvDelimiter = ',' | ';';

export interface ExportOptions {
  /** IANA zone the report is shown in; every datetime is written as that zone's wall clock. */
  timeZone: string;
  /** Durations as hh:mm:ss or as whole seconds (CSV; XLSX always writes real time values). */
  durationFormat: DurationFormat;
  /** CSV field separator. ';' also writes decimals with a comma, as decimal-comma locales expect. */
  delimiter: CsvDelimiter;
}

/** What the "About this report" sheet says. Times are epoch ms, shown in `options.timeZone`. */
export interface ExportAbout {
  reportName: string;
  /** Human-readable filter lines, e.g. "Queues: Sales, Support". */
  filters: readonly string[];
  /** e.g. "2026-03-01 to 2026-03-07". */
  interval?: string;
  /** e.g. "1 hour", "1 day", "Whole range". */
  granularity?: string;
  fetchedAt?: number | null;
  completeUpTo?: number | null;
  appVersion: string;
  /** Anything else worth a line, e.g. { label: 'Connection', value: 'Demo organization' }. */
  extra?: readonly { label: string; value: string }[];
}

export interface ExportProgress {
  rows: number;
  /** Rows expected, when the caller knows (`totalRows`). */
  total: number | null;
  /** Bytes written to disk so far. */
  bytes: number;
}

export interface ExportRequest {
  /** Where the file should end up. Written to a temporary file in the same folder and renamed on success. */
  file: string;
  /** Defaults to the file's extension (.csv or .xlsx). */
  format?: ExportFormat;
  /** Visible columns in grid order. */
  columns: readonly ReportColumn[];
  /** Raw rows in grid order; pulled lazily so memory stays flat however many there are. */
  rows: Iterable<ReportRow> | AsyncIterable<ReportRow>;
  options: ExportOptions;
  about: ExportAbout;
  totalRows?: number;
  signal?: AbortSignal;
  /** Called at most about four times a second, and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  file: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  /** Data sheets written (XLSX; 1 for CSV). More than one when rows exceed Excel's per-sheet limit. */
  sheets: number;
}
