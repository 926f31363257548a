/** Exports of report rows to CSV and XLSX files. See docs/export.md. */
export { exportReport, resolveFormat } from './export-report';
export { ExportError, type ExportFailure } from './export-error';
export { defaultExportFileName, type FileNameParts } from './file-name';
export { csvDelimiterForLocale } from './delimiter';
export type {
  CsvDelimiter,
  ExportAbout,
  ExportFormat,
  ExportOptions,
  ExportProgress,
  ExportRequest,
  ExportResult,
} from './types';
