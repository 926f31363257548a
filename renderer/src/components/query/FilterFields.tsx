import { useEffect } from 'react';
import type { ReportDescriptor, ReportFiltersLike } from '../../../../preload/contract/workspace-types';
import { FILTER_FIELDS, FILTER_ORDER, referenceKindOf } from '../../query/filter-fields';
import type { FieldErrors } from '../../query/validate';
import { useCatalogStore, type ReferenceKind } from '../../state/catalog-store';
import { useQueryStore } from '../../state/query-store';
import { MultiSelect, type MultiSelectOption } from './MultiSelect';

interface Props {
  descriptor: ReportDescriptor;
  connectionId: string;
  errors: FieldErrors;
  /** Chosen ids each list no longer has, from the validation. */
  missing: Partial<Record<ReportFiltersLike, string[]>>;
}

/** The report's filters, each a searchable multi-select fed by the org's cached names. */
export function FilterFields({ descriptor, connectionId, errors, missing }: Props) {
  const reference = useCatalogStore((state) => state.reference);
  const loadReference = useCatalogStore((state) => state.loadReference);
  const filters = useQueryStore((state) => state.draft.filters);
  const setFilter = useQueryStore((state) => state.setFilter);
  const keys = FILTER_ORDER.filter((key) => descriptor.filters.includes(key));

  // Names are needed up front only for values already chosen (a saved report's queues: to show their names and
  // spot deleted ones); other lists load when the supervisor opens them.
  const chosenKinds = descriptor.filters
    .filter((key) => (filters[key]?.length ?? 0) > 0)
    .map(referenceKindOf)
    .filter((kind) => kind !== null)
    .join(',');
  useEffect(() => {
    for (const kind of chosenKinds.split(',')) {
      if (kind) void loadReference(connectionId, kind as ReferenceKind);
    }
  }, [chosenKinds, connectionId, loadReference]);

  if (keys.length === 0) return null;
  return (
    <div className="filters">
      {keys.map((key) => {
        const field = FILTER_FIELDS[key];
        let options: MultiSelectOption[] | null;
        let loadError: string | null = null;
        if ('fixed' in field.source) options = field.source.fixed;
        else {
          const list = reference[field.source.reference];
          options =
            list?.status === 'ready'
              ? list.value.map((option) => ({ value: option.id, label: option.name, note: option.state }))
              : null;
          if (list?.status === 'error') loadError = list.message;
        }
        return (
          <MultiSelect
            key={key}
            label={field.label}
            noun={field.noun}
            options={options}
            loadError={loadError}
            selected={filters[key] ?? []}
            onChange={(values) => setFilter(key, values)}
            error={errors[key]}
            missing={missing[key]}
            onOpen={() => {
              if ('reference' in field.source) void loadReference(connectionId, field.source.reference);
            }}
          />
        );
      })}
    </div>
  );
}
