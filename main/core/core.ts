import { mkdirSync } from 'node:fs';
import { MemorySecretStore, type SecretStore } from '../genesys';
import type { AppIdentity } from './app-info';
import { CacheHolder } from './cache-holder';
import { ConnectionStore } from './connection-store';
import { DemoOrg, type DemoOptions } from './demo-org';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventBus } from './events';
import { appHandlers } from './handlers/app';
import { connectionHandlers } from './handlers/connections';
import { savedHandlers } from './handlers/saved';
import { workspaceHandlers } from './handlers/workspace';
import { NetworkSwitch } from './network-switch';
import { SavedReportStore } from './saved-reports';
import { Sessions } from './sessions';
import { SettingsStore } from './settings-store';

export interface CoreOptions {
  dataDir: string;
  identity: AppIdentity;
  /** Where to report unexpected failures; defaults to stderr. Messages never contain user secrets. */
  log?: (message: string) => void;
  /** The OS keychain in the app; memory in tests and the browser host. */
  secrets?: SecretStore;
  /** Opens the system browser (PKCE sign-in). */
  openExternal?: (url: string) => Promise<void>;
  /** Asks where to save an export (the app's save dialog); null when the user cancels. */
  chooseExportFile?: (defaultName: string, format: 'csv' | 'xlsx') => Promise<string | null>;
  network?: NetworkSwitch;
  demo?: DemoOptions;
  /** better-sqlite3's native module path in the packaged app (Electron's ABI). */
  nativeBinding?: string;
  now?: () => number;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  network: NetworkSwitch;
  close(): Promise<void>;
}

/**
 * The Electron-free heart of the app. The Electron glue (through the worker host) and the browser test host
 * both create one and forward calls to `dispatch`.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const events = new EventBus();
  const network = options.network ?? new NetworkSwitch();
  const secrets = options.secrets ?? new MemorySecretStore();
  const settings = new SettingsStore(options.dataDir);
  const connections = new ConnectionStore(options.dataDir);
  const saved = new SavedReportStore(options.dataDir, options.now);
  const cache = new CacheHolder(options.dataDir, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const demo = new DemoOrg({ ...options.demo, fetch: network.wrap(options.demo?.fetch ?? fetch) });
  const sessions = new Sessions({
    store: connections,
    secrets,
    network,
    demo,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
  });
  network.onChange(() => {
    void sessions.status(settings.get().connectionId).then((status) => events.emit('status/changed', status));
  });
  const workspace = workspaceHandlers({ cache, sessions, connections, saved, settings, events, network, log, options });

  const handlers: Handlers = {
    ...appHandlers({
      identity: options.identity,
      dataDir: options.dataDir,
      cache,
      settings,
      connections,
      events,
      busy: workspace.busy,
    }),
    ...connectionHandlers({ store: connections, sessions, secrets, settings, events }),
    ...savedHandlers(saved, events),
    ...workspace.handlers,
  };

  // A run interrupted by a crash or quit continues now, in the background (only if a cache already exists).
  cache.openIfPresent();
  if (cache.isOpen()) workspace.resumeInterrupted();

  const dispatch = createDispatcher(handlers, {
    onInternalError: (name, error) =>
      log(`[core] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  return {
    dispatch,
    events,
    network,
    close: async () => {
      await workspace.close();
      cache.close();
      await demo.close();
    },
  };
}
