import { mkdirSync } from 'node:fs';
import { readAppInfo, type AppIdentity } from './app-info';
import { ConnectionRegistry } from './connections';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventBus } from './events';
import { SettingsStore } from './settings-store';

export interface CoreOptions {
  dataDir: string;
  identity: AppIdentity;
  /** Where to report unexpected failures; defaults to stderr. Messages never contain user secrets. */
  log?: (message: string) => void;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

/**
 * The Electron-free heart of the app. The Electron glue and the browser test
 * host both create one and forward calls to `dispatch`.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const events = new EventBus();
  const settings = new SettingsStore(options.dataDir);
  const connections = new ConnectionRegistry();

  const handlers: Handlers = {
    'app/info': () => readAppInfo(options.identity, options.dataDir),
    'connections/list': () => connections.list(),
    'settings/get': () => settings.get(),
    'settings/update': (change) => {
      const next = settings.update(change);
      events.emit('settings/changed', next);
      return next;
    },
  };

  const dispatch = createDispatcher(handlers, {
    onInternalError: (name, error) =>
      log(`[core] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  return { dispatch, events, close: () => Promise.resolve() };
}
