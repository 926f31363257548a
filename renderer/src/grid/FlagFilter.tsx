import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useId } from 'react';
import type { FlagModel } from './filter-model';

/** Yes / No / Either for true-false columns (abandoned, transferred…). */
export function FlagFilter({ model, onModelChange }: CustomFilterProps<unknown, unknown, FlagModel>) {
  const name = useId();
  useGridFilter({ doesFilterPass: () => true });
  const current = model ? String(model.value) : 'any';
  const choices = [
    { value: 'any', label: 'Either' },
    { value: 'true', label: 'Yes' },
    { value: 'false', label: 'No' },
  ];
  return (
    <fieldset className="grid-filter">
      <legend className="grid-filter-title">Show</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="option">
          <input
            type="radio"
            name={name}
            checked={current === choice.value}
            onChange={() =>
              onModelChange(choice.value === 'any' ? null : { filterType: 'flag', value: choice.value === 'true' })
            }
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
