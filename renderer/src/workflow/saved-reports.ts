import type { ReportFiltersLike, SavedReport } from '../../../preload/contract/workspace-types';
import { referenceKindOf } from '../query/filter-fields';
import { buildParams } from '../query/params';
import { validateDraft } from '../query/validate';
import { descriptorOf, useCatalogStore } from '../state/catalog-store';
import { useGridStore } from '../state/grid-store';
import { useQueryStore } from '../state/query-store';
import { useSavedStore } from '../state/saved-store';
import { runCurrentDraft, validationContext, workspaceContext, type RunAttempt } from './run-report';

/**
 * Opens a saved report in the form and runs it; a relative range ("Last week") is resolved today. The names of
 * its chosen queues, agents… are loaded first, so a value deleted since it was saved is caught before the run.
 */
export async function runSaved(saved: SavedReport): Promise<RunAttempt> {
  openSaved(saved);
  const { loadReference } = useCatalogStore.getState();
  const kinds = Object.entries(saved.params.filters)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([key]) => referenceKindOf(key as ReportFiltersLike))
    .filter((kind) => kind !== null);
  await Promise.all(kinds.map((kind) => loadReference(saved.params.connectionId, kind)));
  return runCurrentDraft({ view: { sort: saved.sort, filters: saved.columnFilters } });
}

export function openSaved(saved: SavedReport): void {
  const descriptor = descriptorOf(useCatalogStore.getState().reports, saved.params.report);
  useQueryStore.getState().openSaved(saved, descriptor);
  useGridStore.getState().reset(saved.sort, saved.columnFilters);
}

/**
 * Saves the form under a name, with the grid's current sort and column filters. `asNew` keeps the original
 * when the form was opened from a saved report. Resolves to a problem to show, or null when saved.
 */
export async function saveDraft(name: string, asNew: boolean, now: number = Date.now()): Promise<string | null> {
  const { draft, saved: openedFrom } = useQueryStore.getState();
  const descriptor = descriptorOf(useCatalogStore.getState().reports, draft.report);
  if (!descriptor) return 'Choose a report first.';
  const { zone, connectionId } = workspaceContext();
  const errors = validateDraft(draft, descriptor, validationContext(zone, now));
  const first = Object.values(errors)[0];
  if (first) return `This report cannot be saved yet: ${first}`;
  const grid = useGridStore.getState();
  const saved = await useSavedStore.getState().save({
    ...(openedFrom && !asNew ? { id: openedFrom.id } : {}),
    name,
    params: buildParams(draft, descriptor, connectionId, zone, now),
    preset: draft.preset,
    columns: draft.columns,
    sort: grid.sort,
    columnFilters: grid.filters,
  });
  if (!saved) return useSavedStore.getState().error ?? 'The report could not be saved.';
  useQueryStore.getState().markSaved(saved);
  return null;
}
