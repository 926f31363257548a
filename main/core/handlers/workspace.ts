import type { CacheHolder } from '../cache-holder';
import type { CoreOptions } from '../core';
import { UserFacingError } from '../errors';
import type { EventBus } from '../events';
import type { NetworkSwitch } from '../network-switch';
import type { SavedReportStore } from '../saved-reports';
import type { Sessions } from '../sessions';
import type { SettingsStore } from '../settings-store';
import type { HandlerGroup } from './types';

export interface WorkspaceDeps {
  cache: CacheHolder;
  sessions: Sessions;
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
  close: () => Promise<void>;
}

// TEMPORARY (uncommitted): replaced by the report service once main/reports and main/sync land.
export function workspaceHandlers(_deps: WorkspaceDeps): Workspace {
  const pending = (): never => {
    throw new UserFacingError('unavailable', 'Not wired yet.');
  };
  return {
    handlers: {
      'reports/list': pending,
      'reports/run': pending,
      'reports/cancel': pending,
      'reports/page': pending,
      'reports/freshness': pending,
      'reports/request': pending,
      'reports/conversation': pending,
      'reference/list': pending,
      'export/start': pending,
      'export/cancel': pending,
    },
    busy: () => false,
    close: () => Promise.resolve(),
  };
}
