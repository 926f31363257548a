import type { ConditionFieldDetails, ReportColumn, ReportDetails, ReportId } from '../../preload/contract/reports';
import { agentPerformance } from './definitions/agent-performance';
import { interactions } from './definitions/interactions';
import { liveQueues } from './definitions/live-queues';
import { queuePerformance } from './definitions/queue-performance';
import { wrapupPerformance } from './definitions/wrapup-performance';
import type { DefinedColumn, ReportDefinition } from './types';

/** Every report, in the order the picker lists them. */
export const REPORTS: readonly ReportDefinition[] = [
  interactions,
  queuePerformance,
  agentPerformance,
  wrapupPerformance,
  liveQueues,
];

const byId = new Map<string, ReportDefinition>(REPORTS.map((report) => [report.id, report]));

export function reportDefinition(id: ReportId): ReportDefinition {
  const report = byId.get(id);
  if (report === undefined) throw new RangeError(`unknown report ${id}`);
  return report;
}

/** Only the renderer-facing fields: columns also carry SQL mappings and functions that stay in main. */
function publicColumn(column: DefinedColumn): ReportColumn {
  const { id, header, format, description, defaultVisible, sortable, filter, options, total } = column;
  return {
    id,
    header,
    format,
    defaultVisible,
    sortable,
    ...(description === undefined ? {} : { description }),
    ...(filter === undefined ? {} : { filter }),
    ...(options === undefined ? {} : { options: structuredClone(options) }),
    ...(total === undefined ? {} : { total }),
  };
}

function publicField(field: ConditionFieldDetails): ConditionFieldDetails {
  return structuredClone({ ...field, ops: [...field.ops] });
}

/** What the form, grid and export need about each report, without any main-side code (renderer-safe data). */
export function describeReports(): ReportDetails[] {
  return REPORTS.map((report) => ({
    id: report.id,
    name: report.name,
    description: report.description,
    columns: report.columns.map(publicColumn),
    granularities: [...report.granularities],
    defaultGranularity: report.defaultGranularity,
    filters: [...report.filters],
    conditionFields: report.conditionFields.map(publicField),
    defaultSort: { ...report.defaultSort },
    cached: report.kind === 'cached',
    ranged: report.kind === 'cached',
    hasTotals: report.hasTotals,
  }));
}
