import { readAppInfo, type AppIdentity } from '../app-info';
import type { CacheHolder } from '../cache-holder';
import type { ConnectionStore } from '../connection-store';
import { UserFacingError } from '../errors';
import type { EventBus } from '../events';
import type { SettingsStore } from '../settings-store';
import type { HandlerGroup } from './types';

export interface AppDeps {
  identity: AppIdentity;
  dataDir: string;
  cache: CacheHolder;
  settings: SettingsStore;
  connections: ConnectionStore;
  events: EventBus;
  /** Whether a run or an export is writing to the cache right now. */
  busy: () => boolean;
}

export function appHandlers(deps: AppDeps): HandlerGroup<'app' | 'cache' | 'settings'> {
  const info = () => {
    // The renderer asks for app info as it starts: that is when a damaged cache file must be found and reported.
    deps.cache.openIfPresent();
    return { ...readAppInfo(deps.identity, deps.dataDir), notices: deps.cache.takeNotices() };
  };
  return {
    'app/info': info,
    'cache/clear': () => {
      deps.cache.clear(deps.busy());
      return info();
    },
    'settings/get': () => deps.settings.get(),
    'settings/update': (change) => {
      if (change.connectionId !== undefined && !deps.connections.exists(change.connectionId)) {
        throw new UserFacingError('not-found', 'That connection no longer exists.', 'connectionId');
      }
      const next = deps.settings.update(change);
      deps.events.emit('settings/changed', next);
      return next;
    },
  };
}
