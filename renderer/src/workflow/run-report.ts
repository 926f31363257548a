import type { ColumnFilter } from '../../../preload/contract/report-params';
import type { ReferenceOption, ReportDescriptor } from '../../../preload/contract/workspace-types';
import { computerTimeZone } from '../dates/zoned-time';
import { buildParams } from '../query/params';
import { RETENTION_DAYS } from '../query/retention';
import { validateDraft, type FieldErrors, type ValidationContext } from '../query/validate';
import { useAppStore } from '../state/app-store';
import { descriptorOf, useCatalogStore, type ReferenceKind } from '../state/catalog-store';
import { useExportStore } from '../state/export-store';
import { useGridStore, type GridSort } from '../state/grid-store';
import { useQueryStore } from '../state/query-store';
import { useRunStore } from '../state/run-store';

/** The zone and connection the workspace is using right now, outside React. */
export function workspaceContext(): { zone: string; connectionId: string } {
  const settings = useAppStore.getState().settings;
  const draftZone = useQueryStore.getState().draft.timeZone;
  const value = settings.status === 'ready' ? settings.value : null;
  return {
    zone: draftZone ?? value?.timeZone ?? computerTimeZone(),
    connectionId: value?.connectionId ?? 'demo',
  };
}

export function validationContext(zone: string, now: number): ValidationContext {
  const reference: Partial<Record<ReferenceKind, ReferenceOption[]>> = {};
  for (const [kind, list] of Object.entries(useCatalogStore.getState().reference)) {
    if (list?.status === 'ready') reference[kind as ReferenceKind] = list.value;
  }
  return { zone, now, retentionDays: RETENTION_DAYS, reference };
}

export type RunAttempt = { started: true } | { started: false; errors: FieldErrors };

/**
 * Runs what the form holds. The grid keeps its sort and column filters when the same report runs again (a
 * changed queue filter should not lose the sort), and starts clean for another report.
 */
export function runCurrentDraft(
  options: { refresh?: boolean; now?: number; view?: { sort: GridSort | null; filters: ColumnFilter[] } } = {},
): RunAttempt {
  const now = options.now ?? Date.now();
  const { draft } = useQueryStore.getState();
  const descriptor = descriptorOf(useCatalogStore.getState().reports, draft.report);
  if (!descriptor) return { started: false, errors: { range: 'Choose a report first.' } };
  const { zone, connectionId } = workspaceContext();
  const errors = validateDraft(draft, descriptor, validationContext(zone, now));
  if (Object.keys(errors).length > 0) return { started: false, errors };
  const grid = useGridStore.getState();
  if (options.view) grid.reset(options.view.sort, options.view.filters);
  else if (useRunStore.getState().report?.id === descriptor.id) grid.reset(grid.sort, grid.filters);
  else grid.reset();
  useExportStore.getState().clear();
  const params = buildParams(draft, descriptor, connectionId, zone, now);
  void useRunStore.getState().run(params, descriptor, { refresh: options.refresh ?? false });
  return { started: true };
}

export function currentDescriptor(): ReportDescriptor | undefined {
  return descriptorOf(useCatalogStore.getState().reports, useQueryStore.getState().draft.report);
}
