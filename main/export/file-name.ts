import type { ExportFormat } from './types';

export interface FileNameParts {
  reportName: string;
  /** First and last day, both inclusive, as yyyy-mm-dd (the report's `from` and `to`). */
  from: string;
  to: string;
  timeZone: string;
  format: ExportFormat;
}

/** Long enough for any sensible name, short enough to stay inside Excel's 218-character path limit. */
const MAX_NAME_LENGTH = 120;
// Forbidden on Windows (and '/' everywhere; ':' also confuses macOS Finder).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A default file name such as "Queue performance 2026-03-01 to 2026-03-07 (Europe London).xlsx", safe on
 * Windows, macOS and Linux: no reserved characters or device names, no leading dot or trailing dot or space.
 */
export function defaultExportFileName(parts: FileNameParts): string {
  const range = parts.from === parts.to ? parts.from : `${parts.from} to ${parts.to}`;
  const zone = parts.timeZone.replace(/[/_]+/g, ' ');
  const tail = ` ${range} (${zone})`;
  let report = clean(parts.reportName) || 'Report';
  const room = MAX_NAME_LENGTH - tail.length;
  if (report.length > room) report = Array.from(report).slice(0, Math.max(1, room)).join('').trimEnd();
  let base = clean(`${report}${tail}`);
  if (RESERVED.test(base.split('.')[0] ?? '')) base = `Report ${base}`;
  return `${base}.${parts.format}`;
}

function clean(text: string): string {
  return text
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
}
