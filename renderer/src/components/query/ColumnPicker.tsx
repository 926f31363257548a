import { useId } from 'react';
import type { ReportDescriptor } from '../../../../preload/contract/workspace-types';
import { useQueryStore } from '../../state/query-store';
import { FieldError } from '../FieldError';

/** Which columns the grid and exports show; order follows the grid (drag a header to move a column). */
export function ColumnPicker({ descriptor, error }: { descriptor: ReportDescriptor; error: string | undefined }) {
  const id = useId();
  const columns = useQueryStore((state) => state.draft.columns);
  const toggleColumn = useQueryStore((state) => state.toggleColumn);
  const resetColumns = useQueryStore((state) => state.resetColumns);
  const shown = new Set(columns);
  return (
    <div className="field">
      <details className="column-picker">
        <summary>
          Columns ({columns.length} of {descriptor.columns.length} shown)
        </summary>
        <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`}>
          <legend className="visually-hidden">Columns to show</legend>
          <p id={`${id}-hint`} className="hint">
            Drag a column header in the table to change the order; widths are remembered for this report.
          </p>
          <div className="options">
            {descriptor.columns.map((column) => (
              <label key={column.id} className="option" title={column.description}>
                <input type="checkbox" checked={shown.has(column.id)} onChange={() => toggleColumn(column.id)} />
                <span>{column.header}</span>
              </label>
            ))}
          </div>
          <button type="button" className="link-button" onClick={() => resetColumns(descriptor)}>
            Reset columns to default
          </button>
        </fieldset>
      </details>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
