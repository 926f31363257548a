import { create } from 'zustand';
import type { OperationInput } from '../../../preload/contract/operations';
import type { SavedReport } from '../../../preload/contract/workspace-types';
import { client, errorMessage } from '../api/client';
import { load, type Loadable } from './loadable';

interface SavedState {
  list: Loadable<SavedReport[]>;
  /** The last action's failure, in the core's words. */
  error: string | null;
  load: () => Promise<void>;
  save: (input: OperationInput<'saved/save'>) => Promise<SavedReport | null>;
  rename: (id: string, name: string) => Promise<boolean>;
  duplicate: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  replace: (list: SavedReport[]) => void;
}

function upsert(list: Loadable<SavedReport[]>, saved: SavedReport): Loadable<SavedReport[]> {
  const current = list.status === 'ready' ? list.value : [];
  const others = current.filter((item) => item.id !== saved.id);
  return { status: 'ready', value: [...others, saved].sort((a, b) => a.name.localeCompare(b.name)) };
}

export const useSavedStore = create<SavedState>()((set, get) => {
  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      const value = await action();
      set({ error: null });
      return value;
    } catch (error) {
      set({ error: errorMessage(error) });
      return null;
    }
  }
  return {
    list: { status: 'idle' },
    error: null,
    load: async () => {
      if (get().list.status === 'loading') return;
      set({ list: { status: 'loading' } });
      set({ list: await load(() => client.saved.list()) });
    },
    save: async (input) => {
      const saved = await attempt(() => client.saved.save(input));
      if (saved) set((state) => ({ list: upsert(state.list, saved) }));
      return saved;
    },
    rename: async (id, name) => {
      const saved = await attempt(() => client.saved.rename({ id, name }));
      if (saved) set((state) => ({ list: upsert(state.list, saved) }));
      return saved !== null;
    },
    duplicate: async (id) => {
      const saved = await attempt(() => client.saved.duplicate({ id }));
      if (saved) set((state) => ({ list: upsert(state.list, saved) }));
    },
    remove: async (id) => {
      const list = await attempt(() => client.saved.delete({ id }));
      if (list) set({ list: { status: 'ready', value: list } });
    },
    replace: (list) => set({ list: { status: 'ready', value: list } }),
  };
});
