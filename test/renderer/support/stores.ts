import { useAppStore } from '../../../renderer/src/state/app-store';
import { useCatalogStore } from '../../../renderer/src/state/catalog-store';
import { useConnectionsStore } from '../../../renderer/src/state/connections-store';
import { useExportStore } from '../../../renderer/src/state/export-store';
import { useGridStore } from '../../../renderer/src/state/grid-store';
import { useQueryStore } from '../../../renderer/src/state/query-store';
import { useRunStore } from '../../../renderer/src/state/run-store';
import { useSavedStore } from '../../../renderer/src/state/saved-store';
import { useStatusStore } from '../../../renderer/src/state/status-store';

/** Every store back to how a fresh window starts, and no remembered column layouts. */
export function resetStores(): void {
  for (const store of [
    useAppStore,
    useCatalogStore,
    useConnectionsStore,
    useExportStore,
    useGridStore,
    useQueryStore,
    useRunStore,
    useSavedStore,
    useStatusStore,
  ] as { setState: (state: unknown, replace: true) => void; getInitialState: () => unknown }[]) {
    store.setState(store.getInitialState(), true);
  }
  window.localStorage.clear();
}
