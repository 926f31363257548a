import { create } from 'zustand';
import type { ColumnFilter } from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';

export interface GridSort {
  column: string;
  direction: 'asc' | 'desc';
}

/** What the grid currently shows of a result: the view main executes, and what came back about it. */
interface GridState {
  sort: GridSort | null;
  filters: ColumnFilter[];
  /** All rows matching the view; null until the first page answers. */
  total: number | null;
  totals: ReportRow | null;
  /** Zero-based indexes of the first and last rows on screen. */
  visible: { first: number; last: number } | null;
  pageError: string | null;
  /** The Interactions row opened in the detail panel. */
  conversationId: string | null;
  /** Set by the grid whenever the user sorts or filters; also seeded from a saved report before a run. */
  setView: (sort: GridSort | null, filters: ColumnFilter[]) => void;
  setPage: (total: number | null, totals: ReportRow | null) => void;
  setVisible: (first: number, last: number) => void;
  setPageError: (message: string | null) => void;
  openConversation: (id: string | null) => void;
  reset: (sort?: GridSort | null, filters?: ColumnFilter[]) => void;
}

export const useGridStore = create<GridState>()((set) => ({
  sort: null,
  filters: [],
  total: null,
  totals: null,
  visible: null,
  pageError: null,
  conversationId: null,
  setView: (sort, filters) => set({ sort, filters }),
  setPage: (total, totals) => set((state) => ({ total, totals: totals ?? state.totals, pageError: null })),
  setVisible: (first, last) => set({ visible: { first, last } }),
  setPageError: (pageError) => set({ pageError }),
  openConversation: (conversationId) => set({ conversationId }),
  reset: (sort = null, filters = []) =>
    set({ sort, filters, total: null, totals: null, visible: null, pageError: null, conversationId: null }),
}));
