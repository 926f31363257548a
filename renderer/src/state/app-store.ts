import { create } from 'zustand';
import type { AppInfo, ConnectionSummary, Settings } from '../../../preload/contract/types';
import { client, errorMessage } from '../api/client';
import { load, type Loadable } from './loadable';

export type { Loadable } from './loadable';

export type Screen = 'reports' | 'connections' | 'settings';

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
  /** Empties the local cache; resolves to a message to show when it failed. */
  clearCache: () => Promise<string | null>;
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
  clearCache: async () => {
    try {
      set({ appInfo: { status: 'ready', value: await client.cache.clear() } });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
}));
