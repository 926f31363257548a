import { LocalDateTimes, isShowableInstant } from './cell-values';
import type { ExportAbout, ExportOptions } from './types';
import { ZoneClock } from './zone-clock';

export interface AboutSummary {
  rows: number;
  sheetNames: readonly string[];
  exportedAt: number;
}

/**
 * The "About this report" sheet as label–value lines: enough for whoever receives the file to know what it
 * covers, how fresh it is, and how to read its times and durations.
 */
export function aboutLines(about: ExportAbout, options: ExportOptions, summary: AboutSummary): [string, string][] {
  const dates = new LocalDateTimes(new ZoneClock(options.timeZone));
  const when = (epochMs: number | null | undefined): string | undefined =>
    epochMs !== null && epochMs !== undefined && isShowableInstant(epochMs)
      ? `${dates.format(epochMs)} (${options.timeZone})`
      : undefined;
  const count = summary.rows.toLocaleString('en-US');
  const where =
    summary.sheetNames.length > 1
      ? ` — Excel holds at most 1,048,575 rows per sheet, so they continue across the sheets ${summary.sheetNames.map((name) => `“${name}”`).join(', ')}`
      : '';
  const lines: [string, string | undefined][] = [
    ['Report', about.reportName],
    ...(about.filters.length > 0
      ? about.filters.map((line, index): [string, string] => [index === 0 ? 'Filters' : '', line])
      : [['Filters', 'None'] as [string, string]]),
    ['Time zone', `${options.timeZone} — every date and time in this workbook is local time in this zone`],
    ['Interval', about.interval],
    ['Granularity', about.granularity],
    ['Data fetched at', when(about.fetchedAt)],
    ['Data complete up to', when(about.completeUpTo)],
    ['Rows', `${count}${where}`],
    ['Durations', 'Shown as hours:minutes:seconds; they are time values, so SUM and AVERAGE work on them'],
    ['Exported at', when(summary.exportedAt)],
    ['ReportDesk version', about.appVersion],
    ...(about.extra ?? []).map((line): [string, string] => [line.label, line.value]),
  ];
  return lines.filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '');
}
