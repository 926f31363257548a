/**
 * Report vocabulary shared by main (definitions, export), the renderer (form, grid) and the CLI. Values in rows
 * are raw: durations in ms, percents as 0..1 ratios, datetimes as epoch ms; formatting happens at the edge.
 */
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

/**
 * text: free text · id: an identifier kept as text (GUID, conversation id) · phone: kept as text, never a number ·
 * count: whole number · number: decimal · duration: ms · percent: 0..1 · datetime: epoch ms shown in the
 * report's time zone.
 */
export type ColumnFormat = 'text' | 'id' | 'phone' | 'count' | 'number' | 'duration' | 'percent' | 'datetime';

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
  /** How the pinned totals row fills this column: sum, recomputed ratio/average, or blank. */
  total?: 'sum' | 'ratio' | 'label' | 'none';
}

export type CellValue = string | number | boolean | null;
export type ReportRow = Record<string, CellValue>;
