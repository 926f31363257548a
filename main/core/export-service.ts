import type { GridView, ReportParams } from '../../preload/contract/report-params';
import type { Settings } from '../../preload/contract/types';
import type { ExportProgress, ExportResult } from '../../preload/contract/workspace-types';
import type { CacheReader, ReferenceKind } from '../cache';
import { defaultExportFileName, exportReport } from '../export';
import { describeReports } from '../reports';
import { CancellableRequests } from './cancellable-requests';
import { UserFacingError } from './errors';
import type { ReportService } from './report-service';

export interface ExportServiceDeps {
  reports: ReportService;
  reader: () => CacheReader;
  appVersion: string;
  /** The save dialog; null when the user cancels. */
  chooseFile: (defaultName: string, format: 'csv' | 'xlsx') => Promise<string | null>;
  connectionName: (connectionId: string) => string;
}

export interface ExportRequest {
  requestId: string;
  params: ReportParams;
  view: GridView;
  columns: string[];
  format: 'csv' | 'xlsx';
  settings: Settings;
  onProgress?: (progress: ExportProgress) => void;
}

const GRANULARITY_LABELS: Record<string, string> = {
  PT30M: '30 minutes',
  PT1H: '1 hour',
  P1D: '1 day',
  P7D: '1 week',
  P1M: '1 month',
  total: 'Whole range',
};

const FILTER_KINDS: [keyof ReportParams['filters'], string, ReferenceKind | null][] = [
  ['queueIds', 'Queues', 'queue'],
  ['userIds', 'Agents', 'user'],
  ['wrapupCodeIds', 'Wrap-up codes', 'wrapupCode'],
  ['divisionIds', 'Divisions', 'division'],
  ['mediaTypes', 'Media types', null],
  ['directions', 'Direction', null],
];

/** Exports exactly what the grid shows — same report, filters, sort and visible columns — streamed from the cache. */
export class ExportService {
  private readonly running = new CancellableRequests();

  constructor(private readonly deps: ExportServiceDeps) {}

  busy(): boolean {
    return this.running.busy();
  }

  cancel(requestId: string): boolean {
    return this.running.cancel(requestId);
  }

  async start(request: ExportRequest): Promise<ExportResult> {
    const descriptor = describeReports().find((report) => report.id === request.params.report);
    if (!descriptor) throw new UserFacingError('not-found', 'That report no longer exists.');
    const columns = request.columns.map((id) => {
      const column = descriptor.columns.find((candidate) => candidate.id === id);
      if (!column) throw new UserFacingError('bad-input', `The column "${id}" is not part of ${descriptor.name}.`);
      return column;
    });
    const { params } = request;
    const file = await this.deps.chooseFile(
      defaultExportFileName({
        reportName: descriptor.name,
        from: params.from,
        to: params.to,
        timeZone: params.timeZone,
        format: request.format,
      }),
      request.format,
    );
    if (file === null) return { file: null, rows: 0, bytes: 0 };
    return this.running.run(request.requestId, 'This export is already running.', async (signal) => {
      const freshness = this.deps.reports.freshness(params);
      const total = this.deps.reports.page(params, { ...request.view, page: { size: 1 }, count: true }).total;
      const result = await exportReport({
        file,
        format: request.format,
        columns,
        rows: this.deps.reports.rows(params, request.view),
        options: {
          timeZone: params.timeZone,
          durationFormat: request.settings.durationFormat,
          delimiter: request.settings.csvDelimiter,
        },
        about: {
          reportName: descriptor.name,
          filters: this.filterLines(params),
          interval: params.from === params.to ? params.from : `${params.from} to ${params.to}`,
          ...(descriptor.granularities.length > 0
            ? { granularity: GRANULARITY_LABELS[params.granularity] ?? params.granularity }
            : {}),
          fetchedAt: freshness.fetchedAt,
          completeUpTo: freshness.completeUpTo,
          appVersion: this.deps.appVersion,
          extra: [{ label: 'Connection', value: this.deps.connectionName(params.connectionId) }],
        },
        ...(total === null ? {} : { totalRows: total }),
        signal,
        onProgress: (progress) =>
          request.onProgress?.({ requestId: request.requestId, rows: progress.rows, total: progress.total }),
      });
      return { file: result.file, rows: result.rows, bytes: result.bytes };
    });
  }

  /** "Queues: Sales, Support" — names, not ids, so the file explains itself when shared. */
  private filterLines(params: ReportParams): string[] {
    const reader = this.deps.reader();
    const lines: string[] = [];
    for (const [key, label, kind] of FILTER_KINDS) {
      const values = params.filters[key] ?? [];
      if (values.length === 0) continue;
      const names = kind ? reader.namesFor(params.connectionId, kind, values) : new Map<string, string>();
      lines.push(`${label}: ${values.map((value) => names.get(value) ?? value).join(', ')}`);
    }
    if (params.conditions && params.conditions.rules.length > 0) {
      const joiner = params.conditions.match === 'all' ? ' and ' : ' or ';
      lines.push(
        `Conditions: ${params.conditions.rules.map((rule) => `${rule.field} ${rule.op} ${String(rule.value)}`).join(joiner)}`,
      );
    }
    return lines.length > 0 ? lines : ['None (everything in the range)'];
  }
}
