import { describeReports } from '../../reports';
import type { CacheHolder } from '../cache-holder';
import type { ConnectionStore } from '../connection-store';
import type { CoreOptions } from '../core';
import { UserFacingError } from '../errors';
import type { EventBus } from '../events';
import { ExportService } from '../export-service';
import type { NetworkSwitch } from '../network-switch';
import { ReportService } from '../report-service';
import type { SavedReportStore } from '../saved-reports';
import type { Sessions } from '../sessions';
import type { SettingsStore } from '../settings-store';
import { conversationTimeline } from '../timeline';
import type { HandlerGroup } from './types';

export interface WorkspaceDeps {
  cache: CacheHolder;
  sessions: Sessions;
  connections: ConnectionStore;
  saved: SavedReportStore;
  settings: SettingsStore;
  events: EventBus;
  network: NetworkSwitch;
  log: (message: string) => void;
  options: CoreOptions;
}

export interface Workspace {
  handlers: HandlerGroup<'reports' | 'reference' | 'export'>;
  busy: () => boolean;
  /** Continues interrupted runs in the background (started by the core once the cache file is known to exist). */
  resumeInterrupted: () => void;
  close: () => Promise<void>;
}

const NO_SAVE_DIALOG = 'This window cannot show a save dialog, so the export has nowhere to go.';

export function workspaceHandlers(deps: WorkspaceDeps): Workspace {
  const reports = new ReportService({
    cache: () => deps.cache.get(),
    client: (connectionId) => deps.sessions.client(connectionId),
    isOnline: () => deps.network.isOnline(),
    ...(deps.options.now ? { now: deps.options.now } : {}),
    log: (message, error) => deps.log(`[sync] ${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  const exports = new ExportService({
    reports,
    reader: () => deps.cache.get(),
    appVersion: deps.options.identity.version,
    chooseFile:
      deps.options.chooseExportFile ?? (() => Promise.reject(new UserFacingError('unavailable', NO_SAVE_DIALOG))),
    connectionName: (id) => deps.connections.list().find((item) => item.id === id)?.name ?? id,
  });
  let resuming: Promise<unknown> | undefined;
  const known = (connectionId: string) => {
    if (!deps.connections.exists(connectionId)) {
      throw new UserFacingError(
        'not-found',
        'That connection no longer exists. Pick another on the Connections screen.',
      );
    }
  };

  return {
    handlers: {
      'reports/list': () => describeReports(),
      'reports/run': async ({ requestId, params, refresh }) => {
        known(params.connectionId);
        const { outcome: _outcome, ...result } = await reports.run({
          requestId,
          params,
          refresh,
          onProgress: (progress) => deps.events.emit('run/progress', progress),
        });
        deps.saved.recordRun(params, result.state, result.freshness.completeUpTo);
        return result;
      },
      'reports/cancel': ({ requestId }) => reports.cancel(requestId),
      'reports/page': ({ params, view }) => reports.page(params, view),
      'reports/freshness': ({ params }) => reports.freshness(params),
      'reports/request': ({ params }) => reports.request(params),
      'reports/conversation': ({ connectionId, conversationId }) =>
        conversationTimeline(deps.cache.get(), connectionId, conversationId),
      'reference/list': async ({ connectionId, kind }) => {
        known(connectionId);
        const items = await reports.reference(connectionId, kind);
        return items.map((item) => ({ id: item.id, name: item.name, state: item.state }));
      },
      'export/start': ({ requestId, params, view, columns, format }) =>
        exports.start({
          requestId,
          params,
          view,
          columns,
          format,
          settings: deps.settings.get(),
          onProgress: (progress) => deps.events.emit('export/progress', progress),
        }),
      'export/cancel': ({ requestId }) => exports.cancel(requestId),
    },
    busy: () => reports.busy() || exports.busy() || resuming !== undefined,
    resumeInterrupted: () => {
      resuming ??= reports
        .resumeInterrupted()
        .catch((error: unknown) => deps.log(`[sync] resuming interrupted runs failed: ${String(error)}`))
        .finally(() => (resuming = undefined));
    },
    close: async () => {
      reports.cancelAll();
      await resuming;
    },
  };
}
