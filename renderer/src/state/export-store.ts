import { create } from 'zustand';
import type { OperationInput } from '../../../preload/contract/operations';
import type { ExportProgress, ExportResult } from '../../../preload/contract/workspace-types';
import { client, errorMessage } from '../api/client';
import { newRequestId } from '../api/request-id';

export type ExportFormat = OperationInput<'export/start'>['format'];

interface ExportState {
  phase: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  format: ExportFormat | null;
  requestId: string | null;
  progress: ExportProgress | null;
  result: ExportResult | null;
  error: string | null;
  start: (input: Omit<OperationInput<'export/start'>, 'requestId'>) => Promise<void>;
  cancel: () => Promise<void>;
  onProgress: (progress: ExportProgress) => void;
  /** Forgets a finished export's message (a new result is on screen); a running export is left alone. */
  clear: () => void;
}

export const useExportStore = create<ExportState>()((set, get) => ({
  phase: 'idle',
  format: null,
  requestId: null,
  progress: null,
  result: null,
  error: null,
  start: async (input) => {
    const requestId = newRequestId('export');
    set({ phase: 'running', format: input.format, requestId, progress: null, result: null, error: null });
    try {
      const result = await client.export.start({ ...input, requestId });
      if (get().requestId !== requestId) return;
      set({ phase: get().phase === 'cancelled' || result.file === null ? 'cancelled' : 'done', result });
    } catch (error) {
      if (get().requestId !== requestId) return;
      set({ phase: get().phase === 'cancelled' ? 'cancelled' : 'error', error: errorMessage(error) });
    }
  },
  cancel: async () => {
    const { requestId, phase } = get();
    if (!requestId || phase !== 'running') return;
    set({ phase: 'cancelled' });
    try {
      await client.export.cancel({ requestId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  onProgress: (progress) => {
    if (progress.requestId === get().requestId && get().phase === 'running') set({ progress });
  },
  clear: () => {
    if (get().phase !== 'running') set({ phase: 'idle', format: null, progress: null, result: null, error: null });
  },
}));
