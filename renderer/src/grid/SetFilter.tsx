import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useEffect, useId, useState } from 'react';
import type { ColumnOptions } from '../../../preload/contract/reports';
import { useCatalogStore } from '../state/catalog-store';
import type { SetModel } from './filter-model';
import { fixedChoices, referenceListOf } from './set-filter-options';

interface Context {
  connectionId: string;
}

/** AG Grid Community has no set filter: a checkbox list of names that filters on ids, executed by main. */
type Props = CustomFilterProps<unknown, Context, SetModel> & { options?: ColumnOptions };

export function SetFilter({ model, onModelChange, context, options: source }: Props) {
  const id = useId();
  const kind = referenceListOf(source);
  const list = useCatalogStore((state) => (kind ? state.reference[kind] : undefined));
  const loadReference = useCatalogStore((state) => state.loadReference);
  const [chosen, setChosen] = useState<string[]>(model?.values ?? []);
  const [search, setSearch] = useState('');
  useGridFilter({ doesFilterPass: () => true });

  useEffect(() => {
    if (kind) void loadReference(context.connectionId, kind);
  }, [kind, context.connectionId, loadReference]);

  const options =
    fixedChoices(source) ??
    (list?.status === 'ready' ? list.value.map((option) => ({ value: option.id, label: option.name })) : []);
  const needle = search.trim().toLowerCase();
  const shown = options.filter((option) => option.label.toLowerCase().includes(needle)).slice(0, 200);
  const toggle = (value: string) =>
    setChosen((current) => (current.includes(value) ? current.filter((item) => item !== value) : [...current, value]));

  return (
    <div className="grid-filter" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="grid-filter-title">
        Show only
      </p>
      {options.length > 8 ? (
        <input
          type="search"
          aria-label="Search values"
          placeholder="Search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      ) : null}
      <div className="options">
        {shown.map((option) => (
          <label key={option.value} className="option">
            <input type="checkbox" checked={chosen.includes(option.value)} onChange={() => toggle(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
        {options.length === 0 ? <p className="hint">Loading values…</p> : null}
      </div>
      <div className="button-row compact">
        <button
          type="button"
          className="primary small"
          onClick={() => onModelChange(chosen.length > 0 ? { filterType: 'set', values: chosen } : null)}
        >
          Apply
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            setChosen([]);
            onModelChange(null);
          }}
        >
          Clear
        </button>
      </div>
    </div>
  );
}
