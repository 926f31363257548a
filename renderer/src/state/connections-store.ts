import { create } from 'zustand';
import type { OperationInput } from '../../../preload/contract/operations';
import type { ConnectionTestResult } from '../../../preload/contract/workspace-types';
import { client, errorMessage } from '../api/client';
import { useAppStore } from './app-store';
import { useStatusStore } from './status-store';
import type { Loadable } from './loadable';

/** What the Connections screen does to organisations; the list itself lives in the app store. */
interface ConnectionsState {
  tests: Record<string, Loadable<ConnectionTestResult>>;
  /** The connection an action is running for, so its buttons can say so. */
  busy: string | null;
  /** The last failure, with the connection it belongs to. */
  error: { connectionId: string | null; message: string } | null;
  add: (input: OperationInput<'connections/add'>) => Promise<boolean>;
  test: (connectionId: string) => Promise<void>;
  signIn: (connectionId: string) => Promise<void>;
  signOut: (connectionId: string) => Promise<void>;
  remove: (connectionId: string) => Promise<void>;
}

export const useConnectionsStore = create<ConnectionsState>()((set) => {
  async function act(connectionId: string | null, action: () => Promise<void>): Promise<boolean> {
    set({ busy: connectionId ?? 'new', error: null });
    try {
      await action();
      return true;
    } catch (error) {
      set({ error: { connectionId, message: errorMessage(error) } });
      return false;
    } finally {
      set({ busy: null });
    }
  }
  return {
    tests: {},
    busy: null,
    error: null,
    add: (input) =>
      act(null, async () => {
        await client.connections.add(input);
        await useAppStore.getState().loadConnections();
      }),
    test: async (connectionId) => {
      set((state) => ({ tests: { ...state.tests, [connectionId]: { status: 'loading' } } }));
      try {
        const result = await client.connections.test({ connectionId });
        set((state) => ({ tests: { ...state.tests, [connectionId]: { status: 'ready', value: result } } }));
      } catch (error) {
        set((state) => ({
          tests: { ...state.tests, [connectionId]: { status: 'error', message: errorMessage(error) } },
        }));
      }
    },
    signIn: async (connectionId) => {
      await act(connectionId, async () =>
        useStatusStore.getState().set(await client.connections['sign-in']({ connectionId })),
      );
    },
    signOut: async (connectionId) => {
      await act(connectionId, async () =>
        useStatusStore.getState().set(await client.connections['sign-out']({ connectionId })),
      );
    },
    remove: async (connectionId) => {
      await act(connectionId, async () => {
        const list = await client.connections.remove({ connectionId });
        useAppStore.setState({ connections: { status: 'ready', value: list } });
      });
    },
  };
});
