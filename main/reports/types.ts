import type { Models } from 'purecloud-platform-client-v2';
import type { CacheReader } from '../cache';
import type { FetchSpec } from '../sync/fetch-spec';
import type { GridView, ReportParams } from '../../preload/contract/report-params';
import type { ReportFiltersLike } from '../../preload/contract/report-filter-keys';
import type {
  ConditionFieldDetails,
  Granularity,
  ReportColumn,
  ReportId,
  ReportRow,
} from '../../preload/contract/reports';
import type { ReportPage } from '../../preload/contract/workspace-types';

/** A report column plus what only main needs to know about it. */
export interface DefinedColumn extends ReportColumn {
  /** A set filter on this (name) column is matched against the ids in this column of the row. */
  setKey?: string;
}

export interface PlanContext {
  /** Re-fetch what may have changed since it was cached (the last 72 h, or fetched while recent). */
  refresh?: boolean;
}

/** What every report declares, whether it reads the cache or asks Genesys live. */
export interface ReportDefinitionBase {
  id: ReportId;
  name: string;
  /** The question it answers, for supervisors. */
  description: string;
  columns: readonly DefinedColumn[];
  /** Intervals that apply (empty: none). */
  granularities: readonly Granularity[];
  defaultGranularity: Granularity | null;
  /** Form filters that apply; the others are ignored by this report. */
  filters: readonly ReportFiltersLike[];
  /** Advanced condition fields (Interactions only). */
  conditionFields: readonly ConditionFieldDetails[];
  defaultSort: { column: string; direction: 'asc' | 'desc' };
  hasTotals: boolean;
  /**
   * What the cache must hold before the report can be shown: the range as [start, end) of local days, and
   * unfiltered data (details for the range, aggregates grouped but not filtered), so one fetch serves every
   * later choice of queues, agents or media offline.
   */
  plan(params: ReportParams, context?: PlanContext): FetchSpec;
  /** The coverage datasets the rows are read from (for the freshness line and "not in the cache" messages). */
  datasets(params: ReportParams): string[];
}

/** A report read from the cache: pages for the grid, every row in order for export. */
export interface CachedReportDefinition extends ReportDefinitionBase {
  kind: 'cached';
  page(reader: CacheReader, params: ReportParams, view: GridView): ReportPage;
  /** Every row matching the view, in the view's order, without holding them all in memory. */
  rows(reader: CacheReader, params: ReportParams, view: GridView): Iterable<ReportRow>;
}

/** The one Genesys call live reports make. `GenesysApi` satisfies it. */
export interface LiveObservationSource {
  queryQueueObservations(
    body: Models.QueueObservationQuery,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<Models.QueueObservationQueryResponse>;
}

/** A live answer, taken once and then paged, sorted and exported like any other rows. */
export interface LiveSnapshot {
  /** When Genesys was asked (epoch ms). */
  observedAt: number;
  rows: ReportRow[];
}

/** A report fetched live from Genesys each time and never stored as history. */
export interface LiveReportDefinition extends ReportDefinitionBase {
  kind: 'live';
  observe(
    source: LiveObservationSource,
    reader: CacheReader,
    params: ReportParams,
    options?: { signal?: AbortSignal; now?: () => number },
  ): Promise<LiveSnapshot>;
  page(snapshot: LiveSnapshot, params: ReportParams, view: GridView): ReportPage;
  rows(snapshot: LiveSnapshot, params: ReportParams, view: GridView): Iterable<ReportRow>;
}

export type ReportDefinition = CachedReportDefinition | LiveReportDefinition;
