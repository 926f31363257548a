/**
 * Report vocabulary shared by main (definitions, export), the renderer (form, grid) and the CLI. Values in rows
 * are raw: durations in ms, percents as 0..1 ratios, datetimes as epoch ms; formatting happens at the edge.
 * Renderer-safe: no Node or main imports.
 */
import type { ConditionField, ReportDescriptor } from './workspace-types';

export const REPORT_IDS = [
  'interactions',
  'queue-performance',
  'agent-performance',
  'wrapup-performance',
  'live-queues',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const GRANULARITIES = ['PT30M', 'PT1H', 'P1D', 'P7D', 'P1M', 'total'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Media types and directions a supervisor can filter on (Genesys values). */
export const MEDIA_TYPES = ['voice', 'chat', 'email', 'message', 'callback'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;

/** Reference lists a multi-select can offer (names from the cache; values are ids). */
export type ReferenceList = 'queue' | 'user' | 'wrapupCode' | 'division';

/**
 * text: free text · id: an identifier kept as text (GUID, conversation id) · phone: kept as text, never a number ·
 * count: whole number · number: decimal · duration: ms · percent: 0..1 · datetime: epoch ms shown in the
 * report's time zone · flag: true/false (Yes/No).
 */
export type ColumnFormat = 'text' | 'id' | 'phone' | 'count' | 'number' | 'duration' | 'percent' | 'datetime' | 'flag';

/** Where a set filter's choices come from: a cached reference list (values are ids) or a fixed list. */
export type ColumnOptions =
  { kind: 'reference'; list: ReferenceList } | { kind: 'fixed'; values: readonly { value: string; label: string }[] };

export interface ReportColumn {
  id: string;
  header: string;
  format: ColumnFormat;
  /** One line for the column picker's tooltip: what the number means. */
  description?: string;
  defaultVisible: boolean;
  sortable: boolean;
  /** Which column filter the grid offers; absent = none. */
  filter?: 'text' | 'number' | 'date' | 'set' | 'flag';
  /** For `filter: 'set'`: the choices. The filter's values are the option values (ids for reference lists). */
  options?: ColumnOptions;
  /**
   * How the pinned totals row fills this column: sum, recomputed ratio/average (from numerators and
   * denominators, never an average of averages), the largest value, a label ("Total"), or blank.
   */
  total?: 'sum' | 'ratio' | 'max' | 'label' | 'none';
}

export type CellValue = string | number | boolean | null;
export type ReportRow = Record<string, CellValue>;

/** Operators of the advanced conditions (report-params.ts `conditionRuleSchema`). */
export const CONDITION_OPS = ['equals', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'is', 'isNot'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/**
 * What main's `describeReports()` adds to the workspace's `ReportDescriptor` (workspace-types.ts): the default
 * view, whether a totals row is pinned, and for each condition field the operators it accepts and, for id
 * fields, the reference list its values come from.
 */
export interface ConditionFieldDetails extends ConditionField {
  ops: readonly ConditionOp[];
  /** For id-valued fields (queue, agent, wrap-up code, division): the cached list to pick from. */
  list?: ReferenceList;
  /** Plain hint for the builder, e.g. "in milliseconds" or the meaning of "customer". */
  hint?: string;
}

export interface ReportDetails extends ReportDescriptor {
  conditionFields: ConditionFieldDetails[];
  defaultSort: { column: string; direction: 'asc' | 'desc' };
  /** The interval the form preselects; null when the report has none. */
  defaultGranularity: Granularity | null;
  /** True when the grid pins a totals row (performance and live reports). */
  hasTotals: boolean;
}
