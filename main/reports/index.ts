/**
 * Report definitions: one file per report under definitions/, each declaring its columns, filters and
 * intervals, what to fetch (a FetchSpec for main/sync) and how to read its rows from the cache (or, for live
 * queues, from Genesys). The form, the grid and the export all come from here. See docs/reports.md.
 */
export { REPORTS, describeReports, reportDefinition } from './registry';
export type {
  CachedReportDefinition,
  DefinedColumn,
  LiveObservationSource,
  LiveReportDefinition,
  LiveSnapshot,
  PlanContext,
  ReportDefinition,
} from './types';
export { dayRange } from './zoned-calendar';
export { EXPORT_BLOCK } from './definitions/interactions';
