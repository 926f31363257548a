import { create } from 'zustand';
import type { OperationInput } from '../../../preload/contract/operations';
import type { ReferenceOption, ReportDescriptor } from '../../../preload/contract/workspace-types';
import { client } from '../api/client';
import { load, type Loadable } from './loadable';

export type ReferenceKind = OperationInput<'reference/list'>['kind'];

/** What the form is generated from: the report definitions and the org's names (queues, agents…). */
interface CatalogState {
  reports: Loadable<ReportDescriptor[]>;
  /** Reference lists of one connection, by kind; switching connection starts over. */
  reference: Partial<Record<ReferenceKind, Loadable<ReferenceOption[]>>>;
  referenceConnection: string | null;
  loadReports: () => Promise<void>;
  loadReference: (connectionId: string, kind: ReferenceKind) => Promise<void>;
}

export const useCatalogStore = create<CatalogState>()((set, get) => ({
  reports: { status: 'idle' },
  reference: {},
  referenceConnection: null,
  loadReports: async () => {
    if (get().reports.status === 'loading') return;
    set({ reports: { status: 'loading' } });
    set({ reports: await load(() => client.reports.list()) });
  },
  loadReference: async (connectionId, kind) => {
    if (get().referenceConnection !== connectionId) set({ reference: {}, referenceConnection: connectionId });
    const current = get().reference[kind];
    if (current && current.status !== 'error') return;
    set((state) => ({ reference: { ...state.reference, [kind]: { status: 'loading' } } }));
    const result = await load(() => client.reference.list({ connectionId, kind }));
    if (get().referenceConnection !== connectionId) return;
    set((state) => ({ reference: { ...state.reference, [kind]: result } }));
  },
}));

export function descriptorOf(reports: Loadable<ReportDescriptor[]>, id: string | null): ReportDescriptor | undefined {
  return reports.status === 'ready' ? reports.value.find((report) => report.id === id) : undefined;
}
