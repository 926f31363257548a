import type { ReportParams } from '../../preload/contract/report-params';
import type { GridView } from '../../preload/contract/report-params';
import type { CellValue, ReportColumn, ReportRow } from '../../preload/contract/reports';
import type { Cache } from '../cache';
import { ReportService, type ServiceRunResult } from '../core/report-service';
import { describeReports } from '../reports';
import { UsageError, type RunCommand } from './args';
import type { CliConnection } from './connection';
import type { ProgressBar } from './progress-bar';

export interface CliSummary {
  state: ServiceRunResult['state'];
  /** Rows the report shows (what the grid and an export hold). */
  rows: number;
  conversations: number;
  requests: number;
  rateLimited: number;
  retries: number;
  seconds: number;
  fromCache: boolean;
  file: string | null;
  message: string | null;
}

const VIEW: GridView = { filters: [], page: { size: 1000 }, count: true };

/** Fetches (or reads from the cache) one report, optionally exports it, and sums it up for the terminal. */
export async function runCommand(
  command: RunCommand,
  deps: { cache: Cache; connection: CliConnection; bar: ProgressBar; write: (text: string) => void },
): Promise<CliSummary> {
  const started = performance.now();
  const reports = new ReportService({
    cache: () => deps.cache,
    client: () => deps.connection.client(),
    isOnline: () => !command.offline,
  });
  const params: ReportParams = {
    report: command.report,
    connectionId: deps.connection.connectionId,
    from: command.from,
    to: command.to,
    timeZone: command.timeZone,
    granularity: command.granularity,
    filters: {
      ...(command.media.length > 0 ? { mediaTypes: command.media } : {}),
      ...(command.queues.length > 0
        ? { queueIds: await queueIds(reports, deps.connection.connectionId, command.queues) }
        : {}),
    },
  };
  const result = await reports.run({
    requestId: 'cli',
    params,
    refresh: command.refresh,
    offline: command.offline,
    onProgress: (progress) => deps.bar.update(progress),
  });
  deps.bar.finish();
  const ok = result.state === 'done';
  const rows = ok ? (reports.page(params, { ...VIEW, page: { size: 1 } }).total ?? 0) : 0;
  let file: string | null = null;
  if (ok && command.out) {
    // Loaded only when asked for: the XLSX writer alone costs ~0.9 s of start-up, which --offline re-runs skip.
    const { exportReport } = await import('../export');
    file = (
      await exportReport({
        file: command.out,
        columns: visibleColumns(command.report),
        rows: reports.rows(params, VIEW),
        options: { timeZone: command.timeZone, durationFormat: 'hms', delimiter: ',' },
        about: {
          reportName: describeReports().find((r) => r.id === command.report)?.name ?? command.report,
          filters: [...command.queues.map((q) => `Queue: ${q}`), ...command.media.map((m) => `Media: ${m}`)],
          interval: `${command.from} to ${command.to}`,
          fetchedAt: result.freshness.fetchedAt,
          completeUpTo: result.freshness.completeUpTo,
          appVersion: 'ReportDesk CLI',
        },
        totalRows: rows,
      })
    ).file;
  } else if (ok && !command.json) {
    const preview = reports.page(params, { ...VIEW, page: { size: 20 } }).rows;
    deps.write(previewTable(command.report, preview, rows, command.timeZone));
  }
  return {
    state: result.state,
    rows,
    conversations: result.conversations,
    requests: result.requests,
    rateLimited: result.rateLimited,
    retries: result.retries,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    fromCache: result.fromCache,
    file,
    message: result.message,
  };
}

/** Admins type queue names; Genesys wants ids. Names are matched without regard to case. */
async function queueIds(reports: ReportService, connectionId: string, names: readonly string[]): Promise<string[]> {
  const queues = await reports.reference(connectionId, 'queue');
  return names.map((name) => {
    const found = queues.find((queue) => queue.name.toLowerCase() === name.toLowerCase());
    if (!found) {
      const known = queues.slice(0, 8).map((queue) => queue.name);
      throw new UsageError(
        queues.length === 0
          ? `No queue list is cached yet, so "${name}" cannot be found. Run once without --offline.`
          : `No queue is called "${name}". Some that exist: ${known.join(', ')}${queues.length > 8 ? ', …' : ''}.`,
      );
    }
    return found.id;
  });
}

function visibleColumns(report: RunCommand['report']): ReportColumn[] {
  return (
    describeReports()
      .find((r) => r.id === report)
      ?.columns.filter((c) => c.defaultVisible) ?? []
  );
}

function previewTable(report: RunCommand['report'], rows: ReportRow[], total: number, timeZone: string): string {
  const columns = visibleColumns(report).slice(0, 6);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const cell = (value: CellValue | undefined, format: string): string => {
    if (value === null || value === undefined) return '';
    if (format === 'duration' && typeof value === 'number') return new Date(value).toISOString().slice(11, 19);
    if (format === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
    if (format === 'datetime' && typeof value === 'number') return local.format(value);
    return String(value);
  };
  const lines = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(row[c.id], c.format)))];
  const widths = columns.map((_, i) => Math.min(28, Math.max(...lines.map((line) => (line[i] ?? '').length))));
  const text = lines.map((line) => line.map((value, i) => value.slice(0, 28).padEnd(widths[i] ?? 0)).join('  '));
  return `${text.join('\n')}\n${total > rows.length ? `… ${total - rows.length} more rows (use --out to export all)\n` : ''}`;
}
