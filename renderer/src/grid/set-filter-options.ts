import type { ColumnOptions } from '../../../preload/contract/reports';
import type { MultiSelectOption } from '../components/query/MultiSelect';
import type { ReferenceKind } from '../state/catalog-store';

/**
 * Where a set filter's checkboxes come from: a fixed list, or one of the org's cached lists (cells show names,
 * the filter sends ids, and main matches ids).
 */
export function fixedChoices(options: ColumnOptions | undefined): MultiSelectOption[] | null {
  return options?.kind === 'fixed' ? options.values.map((value) => ({ ...value })) : null;
}

export function referenceListOf(options: ColumnOptions | undefined): ReferenceKind | null {
  return options?.kind === 'reference' ? options.list : null;
}
