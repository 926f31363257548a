import { create } from 'zustand';
import type { ReportParams } from '../../../preload/contract/report-params';
import type { RunProgress } from '../../../preload/contract/types';
import type { ReportDescriptor, RunResult } from '../../../preload/contract/workspace-types';
import { client, errorMessage } from '../api/client';
import { newRequestId } from '../api/request-id';

export type RunPhase = 'idle' | 'running' | 'finished' | 'error';

/** One run at a time: its live progress, how it ended, and the params the grid pages through. */
interface RunState {
  phase: RunPhase;
  requestId: string | null;
  progress: RunProgress | null;
  result: RunResult | null;
  /** A call that failed outright (the core answered with an error rather than a RunResult). */
  error: string | null;
  params: ReportParams | null;
  /** When the shown result arrived (live figures are "as of" this). */
  finishedAt: number | null;
  report: ReportDescriptor | null;
  /** Bumped on every finished run so the grid starts again even when the params are the same. */
  generation: number;
  run: (params: ReportParams, report: ReportDescriptor, options?: { refresh?: boolean }) => Promise<RunResult | null>;
  cancel: () => Promise<void>;
  onProgress: (progress: RunProgress) => void;
}

export const useRunStore = create<RunState>()((set, get) => ({
  phase: 'idle',
  requestId: null,
  progress: null,
  result: null,
  error: null,
  params: null,
  finishedAt: null,
  report: null,
  generation: 0,
  run: async (params, report, options = {}) => {
    const requestId = newRequestId('run');
    set({ phase: 'running', requestId, progress: null, result: null, error: null, params, report });
    try {
      const result = await client.reports.run({ requestId, params, refresh: options.refresh ?? false });
      if (get().requestId !== requestId) return null;
      set((state) => ({ phase: 'finished', result, finishedAt: Date.now(), generation: state.generation + 1 }));
      return result;
    } catch (error) {
      if (get().requestId !== requestId) return null;
      set({ phase: 'error', error: errorMessage(error) });
      return null;
    }
  },
  cancel: async () => {
    const { requestId, phase } = get();
    if (!requestId || phase !== 'running') return;
    try {
      await client.reports.cancel({ requestId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  onProgress: (progress) => {
    if (progress.requestId === get().requestId && get().phase === 'running') set({ progress });
  },
}));
