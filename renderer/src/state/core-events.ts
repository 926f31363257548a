import { subscribe } from '../api/client';
import { useAppStore } from './app-store';
import { useExportStore } from './export-store';
import { useRunStore } from './run-store';
import { useSavedStore } from './saved-store';
import { useStatusStore } from './status-store';

/** Keeps the stores in step with what the core announces (progress, status, changes made elsewhere). */
export function followCoreEvents(): () => void {
  const stops = [
    subscribe('settings/changed', (value) => useAppStore.setState({ settings: { status: 'ready', value } })),
    subscribe('connections/changed', (value) => useAppStore.setState({ connections: { status: 'ready', value } })),
    subscribe('status/changed', (value) => useStatusStore.getState().set(value)),
    subscribe('saved/changed', (value) => useSavedStore.getState().replace(value)),
    subscribe('run/progress', (value) => useRunStore.getState().onProgress(value)),
    subscribe('export/progress', (value) => useExportStore.getState().onProgress(value)),
  ];
  return () => stops.forEach((stop) => stop());
}
