import { create } from 'zustand';
import type { AppInfo, ConnectionSummary, Settings } from '../../../preload/contract/types';
import { client, errorMessage, subscribe } from '../api/client';

export type Screen = 'reports' | 'connections' | 'settings';

/** Something loaded from the core: not asked yet, on its way, there, or failed with a message to show. */
export type Loadable<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

interface AppState {
  screen: Screen;
  appInfo: Loadable<AppInfo>;
  connections: Loadable<ConnectionSummary[]>;
  settings: Loadable<Settings>;
  settingsError: string | null;
  navigate: (screen: Screen) => void;
  loadAppInfo: () => Promise<void>;
  loadConnections: () => Promise<void>;
  loadSettings: () => Promise<void>;
  updateSettings: (change: Partial<Settings>) => Promise<void>;
}

async function load<T>(fetch: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { status: 'ready', value: await fetch() };
  } catch (error) {
    return { status: 'error', message: errorMessage(error) };
  }
}

export const useAppStore = create<AppState>()((set) => ({
  screen: 'reports',
  appInfo: { status: 'idle' },
  connections: { status: 'idle' },
  settings: { status: 'idle' },
  settingsError: null,
  navigate: (screen) => set({ screen }),
  loadAppInfo: async () => {
    set({ appInfo: { status: 'loading' } });
    set({ appInfo: await load(() => client.app.info()) });
  },
  loadConnections: async () => {
    set({ connections: { status: 'loading' } });
    set({ connections: await load(() => client.connections.list()) });
  },
  loadSettings: async () => {
    set({ settings: { status: 'loading' } });
    set({ settings: await load(() => client.settings.get()) });
  },
  updateSettings: async (change) => {
    try {
      const value = await client.settings.update(change);
      set({ settings: { status: 'ready', value }, settingsError: null });
    } catch (error) {
      set({ settingsError: errorMessage(error) });
    }
  },
}));

/** Keeps the store in step with changes made elsewhere (another window, the core itself). */
export function followCoreEvents(): () => void {
  return subscribe('settings/changed', (value) => useAppStore.setState({ settings: { status: 'ready', value } }));
}
