import { create } from 'zustand';
import type { ConnectionStatus } from '../../../preload/contract/workspace-types';
import { client } from '../api/client';
import { load, type Loadable } from './loadable';

/** Online or offline, and whether the workspace's connection is signed in: the status bar's left half. */
interface StatusState {
  status: Loadable<ConnectionStatus>;
  load: () => Promise<void>;
  set: (status: ConnectionStatus) => void;
}

export const useStatusStore = create<StatusState>()((set) => ({
  status: { status: 'idle' },
  load: async () => set({ status: await load(() => client.connections.status()) }),
  set: (status) => set({ status: { status: 'ready', value: status } }),
}));
