import type { ReportFilters } from '../../../preload/contract/report-params';
import type { Granularity, ReportDetails, ReportId } from '../../../preload/contract/reports';
import type { RangePreset, ReportDescriptor } from '../../../preload/contract/workspace-types';
import type { DayRange } from '../dates/presets';
import type { DraftRule } from './conditions';

/** The query builder's state: what the supervisor has chosen, before it becomes ReportParams. */
export interface QueryDraft {
  report: ReportId | null;
  preset: RangePreset;
  /** The days of a custom range (kept while another preset is chosen, so switching back restores them). */
  custom: DayRange;
  /** The zone chosen in the form; null follows the default from Settings (or the computer's zone). */
  timeZone: string | null;
  granularity: Granularity;
  filters: ReportFilters;
  match: 'all' | 'any';
  rules: DraftRule[];
  /** Visible columns, in the order the grid shows them. */
  columns: string[];
}

export const GRANULARITY_LABELS: Record<Granularity, string> = {
  PT30M: '30 minutes',
  PT1H: 'Hour',
  P1D: 'Day',
  P7D: 'Week',
  P1M: 'Month',
  total: 'Total for the range',
};

export function defaultColumns(descriptor: ReportDescriptor): string[] {
  return descriptor.columns.filter((column) => column.defaultVisible).map((column) => column.id);
}

/** Keeps the chosen interval when the new report offers it; otherwise the report's default, days, or its first. */
export function granularityFor(descriptor: ReportDescriptor, current: Granularity): Granularity {
  const offered = descriptor.granularities;
  if (offered.length === 0 || offered.includes(current)) return current;
  const preferred = (descriptor as Partial<ReportDetails>).defaultGranularity;
  if (preferred && offered.includes(preferred)) return preferred;
  return offered.includes('P1D') ? 'P1D' : (offered[0] ?? current);
}

export function emptyDraft(today: string): QueryDraft {
  return {
    report: null,
    preset: 'last-week',
    custom: { from: today, to: today },
    timeZone: null,
    granularity: 'P1D',
    filters: {},
    match: 'all',
    rules: [],
    columns: [],
  };
}
